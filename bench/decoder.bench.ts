// QR decoders side by side: zxing-wasm (shipped, core/qr) against @zxing/library, measured in the
// same run. Photo counts at four rotations on tests/fixtures/qr-photos, per-frame cost on synthetic
// 640×480 and 1280×720 webcam frames (a badge; no code: a scene, a dim/grainy scene, pure noise as
// the worst case), robustness on varied badges. Ratios are shipped ÷ @zxing/library
// (counts: higher is better; ms: lower is better).
import { createQrDecoder } from '../core/qr';
import { toRgba } from '../core/qr/pixels';
import type { Pixels, QrDecoder } from '../core/qr/types';
import { createZxingJsDecoder } from '../core/qr/zxing-js';
import { zxingWasmBinary } from '../station/qr/node-decoder';
import { addNoise, badgeFrame, noiseFrame, sampleBadgeText, sceneFrame } from '../testkit/qr-frames';
import { JAVA_REFERENCE, ROTATIONS, loadQrPhotos, scorePhotos } from '../testkit/qr-photos';
import { percentile, round, sample, type BenchModule, type BenchRow } from './harness';

const area = 'decoder';

const bench: BenchModule = async ({ quick }) => {
  const rows: BenchRow[] = [];
  const wasm = { wasmBinary: zxingWasmBinary() };
  const still = await createQrDecoder(wasm, 'still');
  const camera = await createQrDecoder(wasm, 'camera');
  const zxingJs = createZxingJsDecoder();

  // 1. Real photos at four rotations (exact UTF-8 match).
  const photos = loadQrPhotos();
  const scored = new Map<QrDecoder, Awaited<ReturnType<typeof scorePhotos>>>();
  for (const d of [still, camera, zxingJs]) scored.set(d, await scorePhotos(d, photos));
  for (const r of ROTATIONS) {
    const total = (d: QrDecoder) => scored.get(d)!.filter((s) => s.rotation === r).reduce((a, s) => a + s.read, 0);
    const perSet = (d: QrDecoder) => scored.get(d)!.filter((s) => s.rotation === r).map((s) => s.read).join('/');
    const java = Object.values(JAVA_REFERENCE).reduce((a, s) => a + s[r], 0);
    const js = total(zxingJs);
    for (const [label, d] of [['shipped still (+denoise retry)', still], ['shipped camera (one pass)', camera]] as const) {
      rows.push({ area, name: `photos ${r}° ${label}`, value: total(d), unit: `of ${photos.length}`, ratio: round(total(d) / js, 3), vs: '@zxing/library', note: `per set ${perSet(d)}; ZXing Java reads ≥ ${java}` });
    }
    rows.push({ area, name: `photos ${r}° @zxing/library`, value: js, unit: `of ${photos.length}`, note: `per set ${perSet(zxingJs)}` });
  }

  // 2. Per-frame cost. RGBA is what a canvas gives; luminance is a camera's Y plane (no conversion).
  const n = quick ? 15 : 60;
  const text = sampleBadgeText(3);
  for (const [w, h] of [[640, 480], [1280, 720]] as const) {
    const kinds: Record<string, Pixels> = {
      badge: badgeFrame(w, h, text, { angle: 12, seed: w }),
      'empty scene': sceneFrame(w, h, 21),
      'dim scene (noise σ20)': addNoise(sceneFrame(w, h, 22), 20, 9),
      'pure noise σ40': noiseFrame(w, h, 5, 40),
    };
    for (const [kind, lum] of Object.entries(kinds)) {
      const rgba = { data: toRgba(lum), width: w, height: h };
      const expectRead = kind === 'badge';
      const time = async (d: QrDecoder, px: Pixels) => {
        const first = await d.decode(px); // warm-up, and check the result is right
        if ((first.text === text) !== expectRead) throw new Error(`${d.name} ${kind} ${w}×${h}: got ${first.text}`);
        const ms: number[] = [];
        await sample(n, async () => ms.push((await d.decode(px)).ms));
        return ms.sort((a, b) => a - b);
      };
      const js = await time(zxingJs, rgba);
      const shippedRgba = await time(camera, rgba);
      const shippedLum = await time(camera, lum);
      for (const p of [50, 95] as const) {
        const tag = p === 50 ? 'median' : 'p95';
        const base = percentile(js, p);
        rows.push({ area, name: `${w}×${h} ${kind} ${tag} shipped, RGBA in`, value: round(percentile(shippedRgba, p)), unit: 'ms', ratio: round(percentile(shippedRgba, p) / base, 2), vs: '@zxing/library RGBA' });
        rows.push({ area, name: `${w}×${h} ${kind} ${tag} shipped, Y plane in`, value: round(percentile(shippedLum, p)), unit: 'ms', ratio: round(percentile(shippedLum, p) / base, 2), vs: '@zxing/library RGBA' });
        rows.push({ area, name: `${w}×${h} ${kind} ${tag} @zxing/library`, value: round(base), unit: 'ms' });
      }
    }
  }

  // 3. Robustness: badges at any angle, 2–4 px per module, sensor noise σ 0–24.
  const cases = quick ? 20 : 40;
  let readShipped = 0, readJs = 0;
  for (let i = 0; i < cases; i++) {
    const t = sampleBadgeText(100 + i);
    const [w, h] = i % 2 ? [1280, 720] : [640, 480];
    const f = badgeFrame(w, h, t, { seed: 100 + i, angle: (i * 37) % 360, moduleSize: 2 + (i % 4) * 0.7, noise: (i % 5) * 6, cx: w * (0.3 + (0.04 * ((i * 7) % 10))) });
    if ((await camera.decode(f)).text === t) readShipped++;
    if ((await zxingJs.decode(f)).text === t) readJs++;
  }
  rows.push({ area, name: 'varied badges read, shipped camera', value: readShipped, unit: `of ${cases}`, ratio: readJs ? round(readShipped / readJs, 2) : undefined, vs: '@zxing/library' });
  rows.push({ area, name: 'varied badges read, @zxing/library', value: readJs, unit: `of ${cases}` });
  return rows;
};
export default bench;
