// The QR decoder Foyer ships: zxing-wasm (ZXing-C++), chosen by measurement (bench/decoder.bench.ts):
// it read more photos at every rotation AND was faster per frame than @zxing/library, which stays
// behind the same interface only as the bench's comparison. What ZXing alone misses (blur, glare,
// low contrast, inverted codes…) the passes in ./passes.ts look at again, each on a cleaned-up image.
//
//  camera: one pass per frame, taking CAMERA_PASSES in turn: a frame's cost stays one pass (most
//          frames hold no code), and a badge in view meets every pass within 6 frames.
//  still:  a photo or scan gets one chance: STILL_PASSES one after the other until one reads
//          (a clean photo costs one pass; only a hard one pays for the rest).
import { CAMERA_PASSES, CAMERA_WORK_SIDE, Frame, STILL_PASSES, type Pass } from './passes';
import { createZxingWasmDecoder, type WasmSource } from './zxing-wasm';
import type { DecodeResult, Pixels, QrDecoder } from './types';

export type { DecodeResult, Pixels, QrDecoder } from './types';
export type { WasmSource } from './zxing-wasm';

export type DecodeMode = 'camera' | 'still';

export async function createQrDecoder(wasm: WasmSource, mode: DecodeMode = 'still'): Promise<QrDecoder> {
  const passes = mode === 'camera' ? CAMERA_PASSES : STILL_PASSES;
  // One ZXing reader per distinct option set (they share one WebAssembly instance).
  const readers = new Map<Pass, QrDecoder>();
  for (const p of passes) readers.set(p, await createZxingWasmDecoder(wasm, p.options));
  const run = async (p: Pass, frame: Frame): Promise<DecodeResult | null> => {
    const image = p.image(frame);
    if (!image) return null;
    return { ...(await readers.get(p)!.decode(image)), by: p.name };
  };

  if (mode === 'camera') {
    let turn = 0;
    return {
      name: 'zxing-wasm camera (one pass per frame, in turn)',
      async decode(pixels: Pixels) {
        const t = performance.now();
        const pass = CAMERA_PASSES[turn++ % CAMERA_PASSES.length]!;
        const r = await run(pass, new Frame(pixels, CAMERA_WORK_SIDE));
        return { text: r?.text ?? null, ms: performance.now() - t, by: pass.name };
      },
    };
  }
  return {
    name: 'zxing-wasm still (passes until one reads)',
    async decode(pixels: Pixels) {
      const t = performance.now();
      const frame = new Frame(pixels);
      let by = 'none';
      for (const p of STILL_PASSES) {
        const r = await run(p, frame);
        if (!r) continue;
        by = p.name;
        if (r.text !== null) return { text: r.text, ms: performance.now() - t, by };
      }
      return { text: null, ms: performance.now() - t, by };
    },
  };
}
