// Foyer's QR decoder (core/qr) on real photos at four rotations and on synthetic webcam frames.
import { beforeAll, describe, expect, it } from 'vitest';
import { rotate, toRgba } from '../../core/qr/pixels';
import type { QrDecoder } from '../../core/qr/types';
import { decodeQr, nodeQrDecoder } from '../../station/qr/node-decoder';
import { badgeFrame, drawQr, noiseFrame, sampleBadgeText, sceneFrame } from '../../testkit/qr-frames';
import { JAVA_REFERENCE, ROTATIONS, loadQrPhotos, scorePhotos, type PhotoScore, type QrPhoto } from '../../testkit/qr-photos';

let photos: QrPhoto[];
beforeAll(() => {
  photos = loadQrPhotos();
});

function report(label: string, scores: PhotoScore[]): string {
  const lines = [...new Set(scores.map((s) => s.set))].map(
    (set) => `  ${set}: ${ROTATIONS.map((r) => `${scores.find((s) => s.set === set && s.rotation === r)!.read}`).join(' / ')}` +
      `  (Java ${ROTATIONS.map((r) => JAVA_REFERENCE[set]![r]).join(' / ')})`,
  );
  const totals = ROTATIONS.map((r) => scores.filter((s) => s.rotation === r).reduce((a, s) => a + s.read, 0));
  const n = scores.filter((s) => s.rotation === 0).reduce((a, s) => a + s.images, 0);
  return `${label} — read at 0/90/180/270°:\n${lines.join('\n')}\n  total: ${totals.join(' / ')} of ${n}`;
}

describe.each(['still', 'camera'] as const)('product decoder (%s mode) on the real photos in tests/fixtures/qr-photos', (mode) => {
  let scores: PhotoScore[];
  beforeAll(async () => {
    scores = await scorePhotos(await nodeQrDecoder(mode), photos);
    console.log(report(`decoder ${mode}`, scores));
  });

  it('reads at least as many photos as ZXing’s Java reader, per set and rotation', () => {
    const short = scores.filter((s) => s.read < JAVA_REFERENCE[s.set]![s.rotation]).map((s) => `${s.set}@${s.rotation}°: ${s.read}`);
    expect(short).toEqual([]);
  });

  it('reads at least 95% of all photos at every rotation', () => {
    for (const r of ROTATIONS) {
      const at = scores.filter((s) => s.rotation === r);
      const read = at.reduce((a, s) => a + s.read, 0), n = at.reduce((a, s) => a + s.images, 0);
      expect(read / n, `${r}°: ${read}/${n}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('never returns a wrong text (a misread is worse than a miss at the desk)', () => {
    expect(scores.flatMap((s) => s.wrong.map((w) => `${s.set}/${w}@${s.rotation}°`))).toEqual([]);
  });
});

describe('product decoder on webcam-like frames', () => {
  const text = sampleBadgeText(7);
  let camera: QrDecoder;
  beforeAll(async () => {
    camera = await nodeQrDecoder('camera');
  });

  it.each([
    [640, 480],
    [1280, 720],
  ])('reads a badge held up in a %i×%i frame, upright and tilted, as luminance and as RGBA', async (w, h) => {
    for (const angle of [0, 17, 90, 200]) {
      const f = badgeFrame(w, h, text, { angle, seed: angle + w });
      expect((await camera.decode(f)).text, `${angle}°`).toBe(text);
      expect((await camera.decode({ data: toRgba(f), width: w, height: h })).text, `${angle}° RGBA`).toBe(text);
    }
  });

  it('returns null on frames with no code: an empty scene and pure noise', async () => {
    for (const f of [sceneFrame(1280, 720, 3), sceneFrame(640, 480, 4), noiseFrame(1280, 720), noiseFrame(640, 480, 9)]) {
      const r = await camera.decode(f);
      expect(r.text).toBeNull();
      expect(r.ms).toBeGreaterThan(0);
    }
  });

  it('keeps CR LF and non-ASCII text byte for byte', async () => {
    const tricky = 'Łukasz Müller\r\nИванов 東京\r\n';
    const r = await decodeQr(badgeFrame(1280, 720, tricky, { seed: 2 }));
    expect(Buffer.from(r.text ?? '', 'utf8').toString('hex')).toBe(Buffer.from(tricky, 'utf8').toString('hex'));
  });

  it('picks the code nearest the camera when a second, smaller one is in view (a poster behind the desk)', async () => {
    const f = sceneFrame(1280, 720, 8, 2);
    drawQr(f, 'POSTER-https://example.org/programme', { cx: 1100, cy: 150, moduleSize: 3 });
    drawQr(f, text, { cx: 560, cy: 400, moduleSize: 6, angle: 8 });
    expect((await camera.decode(f)).text).toBe(text);
  });

  it('reads a photo rotated by any quarter turn the same as upright', async () => {
    const p = photos.find((p) => p.set === 'set-1' && p.name === '1.png')!;
    for (const r of ROTATIONS) expect((await decodeQr(rotate(p.pixels, r))).text).toBe(p.expected.toString('utf8'));
  });

  it('refuses a pixel buffer that matches neither luminance nor RGBA for its size', async () => {
    await expect(camera.decode({ data: new Uint8Array(100), width: 20, height: 20 })).rejects.toThrow(RangeError);
  });
});
