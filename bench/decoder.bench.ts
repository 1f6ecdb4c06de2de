// QR decoders side by side: zxing-wasm with Foyer's passes (shipped, core/qr) against ZXing alone
// (one plain zxing-wasm pass) and @zxing/library, measured in the same run.
//  1. Real photos at four rotations (tests/fixtures/qr-photos, exact UTF-8 match); the camera mode
//     holds each photo in view for one round of its passes (6 frames).
//  2. Families of synthetic damage (testkit/qr-degrade.ts): blur, glare, inverted, low contrast…
//  3. Per-frame cost in Node on synthetic 640×480 and 1280×720 webcam frames (a badge; no code: a
//     scene, a dim/grainy scene, pure noise as the worst case), camera mode over whole rounds.
//  4. The same in Chromium's Web Worker, running the product's own worker (./decoder-worker.ts):
//     what the budget (p95 ≤ 5 ms at 640×480, ≤ 10 ms at 1280×720, empty frames) is about.
// Ratios: counts ÷ @zxing/library or ZXing alone (higher is better); ms ÷ the target (lower is better).
import { createQrDecoder } from '../core/qr';
import { CAMERA_PASSES, plain } from '../core/qr/passes';
import { toRgba } from '../core/qr/pixels';
import type { Pixels, QrDecoder } from '../core/qr/types';
import { createZxingJsDecoder } from '../core/qr/zxing-js';
import { createZxingWasmDecoder } from '../core/qr/zxing-wasm';
import { zxingWasmBinary } from '../station/qr/node-decoder';
import { badgeFrame, sampleBadgeText } from '../testkit/qr-frames';
import { DAMAGE_KINDS, damagedPhotos } from '../testkit/qr-degrade';
import { JAVA_REFERENCE, ROTATIONS, loadQrPhotos, scorePhotos } from '../testkit/qr-photos';
import { measureInChromiumWorker, webcamFrames } from './decoder-worker';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const area = 'decoder';
/** The per-frame budget for frames with no code (p95, ms), by frame width. */
export const FRAME_BUDGET_MS: Record<number, number> = { 640: 5, 1280: 10 };

const bench: BenchModule = async ({ quick }) => {
  const rows: BenchRow[] = [];
  const wasm = { wasmBinary: zxingWasmBinary() };
  const still = await createQrDecoder(wasm, 'still');
  const camera = await createQrDecoder(wasm, 'camera');
  const alone = await createZxingWasmDecoder(wasm, plain.options);
  const zxingJs = createZxingJsDecoder();
  const round6 = CAMERA_PASSES.length;

  // 1. Real photos at four rotations.
  const photos = loadQrPhotos();
  const need = Math.ceil(0.95 * photos.length);
  const scored = new Map<QrDecoder, Awaited<ReturnType<typeof scorePhotos>>>();
  for (const d of [still, camera, alone, zxingJs]) scored.set(d, await scorePhotos(d, photos, ROTATIONS, d === camera ? round6 : 1));
  for (const r of ROTATIONS) {
    const at = (d: QrDecoder) => scored.get(d)!.filter((s) => s.rotation === r);
    const total = (d: QrDecoder) => at(d).reduce((a, s) => a + s.read, 0);
    const perSet = (d: QrDecoder) => at(d).map((s) => s.read).join('/');
    const wrong = (d: QrDecoder) => at(d).reduce((a, s) => a + s.wrong.length, 0);
    const java = Object.values(JAVA_REFERENCE).reduce((a, s) => a + s[r], 0);
    const js = total(zxingJs);
    for (const [label, d] of [['shipped still (npm run decode)', still], [`shipped camera (${round6} frames in view)`, camera], ['ZXing alone (one plain pass)', alone]] as const) {
      rows.push({
        area, name: `photos ${r}° ${label}`, value: total(d), unit: `of ${photos.length}`, ratio: round(total(d) / js, 3), vs: '@zxing/library',
        target: d === alone ? undefined : { bound: 'min', limit: need, on: 'value' },
        note: `per set ${perSet(d)}; ZXing Java reads ${java}; ${wrong(d)} wrong`,
      });
    }
    rows.push({ area, name: `photos ${r}° @zxing/library`, value: js, unit: `of ${photos.length}`, note: `per set ${perSet(zxingJs)}` });
  }
  const stillMs = scored.get(still)!.flatMap((s) => s.ms).sort((a, b) => a - b);
  rows.push({ area, name: 'photo decode time p50, still (npm run decode)', value: round(percentile(stillMs, 50)), unit: 'ms', note: `p95 ${round(percentile(stillMs, 95))} ms, max ${round(stillMs[stillMs.length - 1]!)} ms (passes run only on a miss)` });

  // 2. Families of damage: the shipped passes against ZXing alone.
  const perKind = quick ? 4 : 10;
  const damaged = damagedPhotos(perKind);
  const read = { still: new Map<string, number>(), camera: new Map<string, number>(), alone: new Map<string, number>() };
  for (const p of damaged) {
    const add = (m: Map<string, number>, ok: boolean) => m.set(p.kind, (m.get(p.kind) ?? 0) + (ok ? 1 : 0));
    add(read.still, (await still.decode(p.pixels)).text === p.text);
    let cam = false;
    for (let i = 0; i < round6; i++) cam = (await camera.decode(p.pixels)).text === p.text || cam;
    add(read.camera, cam);
    add(read.alone, (await alone.decode(p.pixels)).text === p.text);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const detail = (m: Map<string, number>) => DAMAGE_KINDS.filter((k) => (m.get(k) ?? 0) < perKind).map((k) => `${k} ${m.get(k) ?? 0}`).join(', ') || 'all';
  for (const [label, m] of [['shipped still', read.still], ['shipped camera', read.camera]] as const) {
    rows.push({ area, name: `damaged photos read, ${label}`, value: sum(m), unit: `of ${damaged.length}`, ratio: round(sum(m) / sum(read.alone), 3), vs: 'ZXing alone', target: { bound: 'min', limit: Math.ceil(0.95 * damaged.length), on: 'value' }, note: `${perKind} per family; short: ${detail(m)}` });
  }
  rows.push({ area, name: 'damaged photos read, ZXing alone', value: sum(read.alone), unit: `of ${damaged.length}`, note: `short: ${detail(read.alone)}` });

  // Badges at any angle, 2–4 px per module, sensor noise σ 0–24 (one camera round each).
  const cases = quick ? 20 : 40;
  let readShipped = 0, readJs = 0;
  for (let i = 0; i < cases; i++) {
    const t = sampleBadgeText(100 + i);
    const [w, h] = i % 2 ? [1280, 720] : [640, 480];
    const f = badgeFrame(w, h, t, { seed: 100 + i, angle: (i * 37) % 360, moduleSize: 2 + (i % 4) * 0.7, noise: (i % 5) * 6, cx: w * (0.3 + 0.04 * ((i * 7) % 10)) });
    let ok = false;
    for (let k = 0; k < round6; k++) ok = (await camera.decode(f)).text === t || ok;
    if (ok) readShipped++;
    if ((await zxingJs.decode(f)).text === t) readJs++;
  }
  rows.push({ area, name: 'varied badges read, shipped camera', value: readShipped, unit: `of ${cases}`, ratio: readJs ? round(readShipped / readJs, 2) : undefined, vs: '@zxing/library' });
  rows.push({ area, name: 'varied badges read, @zxing/library', value: readJs, unit: `of ${cases}` });

  // 3. Per-frame cost in Node. RGBA is what a canvas gives; luminance is a camera's Y plane.
  const n = (quick ? 4 : 12) * round6; // whole rounds, so every camera pass is in the sample
  for (const [w, h] of [[640, 480], [1280, 720]] as const) {
    for (const [kind, { frame: lum, text }] of Object.entries(webcamFrames(w, h))) {
      const rgba = { data: toRgba(lum), width: w, height: h };
      const cpu: number[] = [];
      const time = async (d: QrDecoder, px: Pixels) => {
        const ms: number[] = [];
        let seen = false;
        for (let i = 0; i < n; i++) {
          const c0 = process.cpuUsage();
          const r = await d.decode(px);
          const c = process.cpuUsage(c0);
          if (d === camera && px === lum) cpu.push((c.user + c.system) / 1000);
          ms.push(r.ms);
          if (r.text !== null && r.text !== text) throw new Error(`${d.name} ${kind} ${w}×${h}: read ${r.text}`);
          seen ||= r.text === text;
        }
        if (text !== null && !seen) throw new Error(`${d.name} ${kind} ${w}×${h}: never read the badge`);
        return ms.sort((a, b) => a - b);
      };
      const js = await time(zxingJs, rgba);
      const lumMs = await time(camera, lum);
      const rgbaMs = await time(camera, rgba);
      const budget = FRAME_BUDGET_MS[w]!;
      const empty = text === null;
      for (const p of [50, 95] as const) {
        const tag = p === 50 ? 'median' : 'p95';
        const target = empty && p === 95 ? ({ bound: 'max', limit: 1, on: 'ratio' } as const) : undefined;
        rows.push({ area, name: `Node ${w}×${h} ${kind} ${tag}, camera, Y plane in`, value: round(percentile(lumMs, p)), unit: 'ms', ratio: round(percentile(lumMs, p) / budget, 2), vs: `budget ${budget} ms`, target });
        // CPU time of the process during the call: what the wall time would be with the core to itself.
        rows.push({ area, name: `Node ${w}×${h} ${kind} ${tag}, camera, Y plane in, CPU time`, value: round(percentile(cpu.sort((a, b) => a - b), p)), unit: 'ms', ratio: round(percentile(cpu, p) / budget, 2), vs: `budget ${budget} ms` });
        rows.push({ area, name: `Node ${w}×${h} ${kind} ${tag}, camera, RGBA in`, value: round(percentile(rgbaMs, p)), unit: 'ms', ratio: round(percentile(rgbaMs, p) / budget, 2), vs: `budget ${budget} ms` });
        rows.push({ area, name: `Node ${w}×${h} ${kind} ${tag}, @zxing/library`, value: round(percentile(js, p)), unit: 'ms' });
      }
    }
  }

  // 4. In Chromium's worker: the product's decode.worker.ts fed I420 VideoFrames, as a webcam does.
  try {
    const inWorker = await measureInChromiumWorker(n);
    for (const m of inWorker) {
      const budget = FRAME_BUDGET_MS[m.width]!;
      const empty = m.kind !== 'badge';
      for (const p of [50, 95] as const) {
        const v = percentile(m.decodeMs, p);
        rows.push({
          area, name: `worker ${m.width}×${m.height} ${m.kind} ${p === 50 ? 'median' : 'p95'}`, value: round(v), unit: 'ms', ratio: round(v / budget, 2), vs: `budget ${budget} ms`,
          target: empty && p === 95 ? { bound: 'max', limit: 1, on: 'ratio' } : undefined,
          note: p === 95 ? `frame to result p95 ${round(percentile(m.totalMs, 95))} ms; ${m.read} of ${m.decodeMs.length} frames read` : undefined,
        });
      }
    }
  } catch (err) {
    rows.push({ area, name: 'decode in Chromium’s worker', value: NaN, unit: 'ms', failed: String((err as Error).message ?? err) });
  }
  return rows;
};
export default bench;
