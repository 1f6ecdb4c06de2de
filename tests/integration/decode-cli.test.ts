// `npm run decode -- FILE...`: one JSON line per file, bad files reported in a sentence, the rest still decoded.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRgba } from '../../core/qr/pixels';
import { badgeFrame } from '../../testkit/qr-frames';
import { QR_PHOTOS_DIR } from '../../testkit/qr-photos';
import { tool } from '../../testkit/tools';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

async function decode(...files: string[]): Promise<{ code: number; lines: Record<string, unknown>[]; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/decode.ts', ...files], { cwd: root });
    return { code: 0, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l)), stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, lines: e.stdout.trim() ? e.stdout.trim().split('\n').map((l) => JSON.parse(l)) : [], stderr: e.stderr };
  }
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-decode-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run decode', () => {
  it('prints {file, text, ms} per image, text exactly as encoded (CR LF, Japanese) or null', async () => {
    const photo = path.join(QR_PHOTOS_DIR, 'set-2', '16.png');
    const f = badgeFrame(640, 480, 'A23-K7QX2M', { seed: 4 });
    const png = new PNG({ width: 640, height: 480 });
    png.data = Buffer.from(toRgba(f));
    const jpg = path.join(tmp, 'badge.jpg');
    const pngFile = path.join(tmp, 'badge.png');
    fs.writeFileSync(pngFile, PNG.sync.write(png));
    await run(tool('convert'), [pngFile, '-quality', '90', jpg]);
    const blank = path.join(tmp, 'blank.png');
    await run(tool('convert'), ['-size', '320x240', 'xc:white', blank]);

    const r = await decode(photo, jpg, blank);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.file)).toEqual([photo, jpg, blank]);
    expect(r.lines[0]!.text).toBe(fs.readFileSync(photo.replace('.png', '.txt'), 'utf8'));
    expect(r.lines[0]!.text).toContain('\r\n');
    expect(r.lines[1]!.text).toBe('A23-K7QX2M');
    expect(r.lines[2]!.text).toBeNull();
    for (const l of r.lines) expect(l.ms).toEqual(expect.any(Number));
  });

  it('reports a missing, a non-image and a truncated file in a sentence and still decodes the others', async () => {
    const good = path.join(QR_PHOTOS_DIR, 'set-5', '01.png');
    const notImage = path.join(tmp, 'notes.png');
    fs.writeFileSync(notImage, 'these are not pixels');
    const truncated = path.join(tmp, 'cut.png');
    fs.writeFileSync(truncated, fs.readFileSync(path.join(QR_PHOTOS_DIR, 'set-1', '1.png')).subarray(0, 3000));

    const r = await decode(path.join(tmp, 'missing.png'), notImage, truncated, good);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(4);
    expect(r.lines.slice(0, 3).map((l) => l.error)).toEqual(['file not found', 'not a PNG or JPEG image', 'corrupt or truncated PNG image']);
    expect(r.lines[3]!.text).toBe(fs.readFileSync(good.replace('.png', '.txt'), 'utf8'));
    expect(r.stderr).toContain('missing.png: file not found');
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('explains its usage when given no files', async () => {
    const r = await decode();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run decode');
  });
});
