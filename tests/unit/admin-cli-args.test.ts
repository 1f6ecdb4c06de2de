// The operator CLI's argument grammar (node:util parseArgs): a flag's value is never taken
// for the file, unknown flags and missing files are sentences, and the real CLI sends the
// file it was given (checked against a stand-in registry that records the request).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAdminArgs } from '../../registry/admin-args';

describe('admin CLI arguments', () => {
  it('import --sheet S f.xlsx reads f.xlsx as the file and S as the sheet, flags in any order', () => {
    for (const argv of [
      ['import', '--sheet', 'Order positions', 'f.xlsx'],
      ['--data', '/d', 'import', 'f.xlsx', '--sheet', 'Order positions'],
      ['import', '--dry-run', '--sheet', 'Order positions', '--map', 'id=Ref', 'f.xlsx', '--map', 'country=Land'],
    ]) {
      const a = parseAdminArgs(argv);
      expect(a.command).toBe('import');
      expect(a.positionals).toEqual(['f.xlsx']);
      expect(a.values.sheet).toBe('Order positions');
    }
    expect(parseAdminArgs(['import', '--map', 'id=Ref', 'f.csv', '--map', 'country=Land']).values.map).toEqual(['id=Ref', 'country=Land']);
  });

  it('says what is wrong: no command, unknown command, unknown flag, missing file, a stray argument', () => {
    expect(() => parseAdminArgs([])).toThrow(/Which command\?/);
    expect(() => parseAdminArgs(['imprt', 'f.csv'])).toThrow(/Unknown command "imprt"/);
    expect(() => parseAdminArgs(['import', '--shet', 'S', 'f.csv'])).toThrow(/Unknown option '--shet'[\s\S]*import FILE/);
    expect(() => parseAdminArgs(['import', '--sheet', 'S'])).toThrow(/"import" needs an argument/);
    expect(() => parseAdminArgs(['revoke', 'a', 'b'])).toThrow(/unexpected argument "b"/);
  });
});

describe('admin CLI import, end to end', () => {
  let server: http.Server;
  let url = '';
  const seen: { path: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ summary: 'Checked 1 people; no problems.', errors: [], warnings: [], mapping: {}, profile: 'generic', rows: 1, valid: 1, imported: 0, skipped: 1 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('`import --sheet S FILE` uploads FILE (not "--sheet") and asks for sheet S', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-cli-'));
    const file = path.join(dir, 'registrants.xlsx');
    fs.writeFileSync(file, Buffer.from('PK\u0003\u0004 pretend workbook'));
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'registry/admin-cli.ts', '--url', url, '--token', 't0k3n', 'import', '--sheet', 'Order positions', file, '--dry-run'], { encoding: 'utf8' });
    expect(stdout).toMatch(/Checked 1 people/);
    const req = seen.at(-1)!;
    expect(req.path).toMatch(/^\/v1\/admin\/attendees\/import/);
    const sent = decodeUpload(req);
    expect(sent.file.equals(fs.readFileSync(file))).toBe(true);
    expect(sent.options).toMatchObject({ format: 'xlsx', sheet: 'Order positions', dryRun: true });
  }, 60_000);
});

/** What the CLI sent: the file bytes and the import options, whichever way it packs them. */
function decodeUpload(req: { path: string; headers: http.IncomingHttpHeaders; body: Buffer }): { file: Buffer; options: Record<string, unknown> } {
  if (String(req.headers['content-type']).includes('json')) {
    const j = JSON.parse(req.body.toString('utf8')) as Record<string, unknown> & { fileBase64: string };
    return { file: Buffer.from(j.fileBase64, 'base64'), options: j };
  }
  const q = new URL(req.path, 'http://x').searchParams.get('options') ?? String(req.headers['x-foyer-import'] ?? '{}');
  return { file: req.body, options: JSON.parse(q) as Record<string, unknown> };
}
