// The QR decoder Foyer ships, chosen by measurement (bench/decoder.bench.ts, numbers in the commit log):
// zxing-wasm (ZXing-C++) read more photos at every rotation AND was faster per frame than
// @zxing/library, which stays behind the same interface only as the bench's comparison.
//
//  camera: one zxing-wasm pass per frame. Most frames hold no code, so their cost is the budget;
//          a missed frame costs nothing, the next one arrives 33 ms later.
//  still:  a photo or scan gets one chance, so when the first pass finds nothing a second pass
//          with ZXing-C++'s denoise filter runs (reads damaged codes; ~2× cost, paid only on a miss).
import { createZxingWasmDecoder, type WasmSource } from './zxing-wasm';
import type { Pixels, QrDecoder } from './types';

export type { DecodeResult, Pixels, QrDecoder } from './types';
export type { WasmSource } from './zxing-wasm';

export type DecodeMode = 'camera' | 'still';

export async function createQrDecoder(wasm: WasmSource, mode: DecodeMode = 'still'): Promise<QrDecoder> {
  const fast = await createZxingWasmDecoder(wasm);
  if (mode === 'camera') return fast;
  const thorough = await createZxingWasmDecoder(wasm, { tryDenoise: true });
  return {
    name: 'zxing-wasm → +denoise',
    async decode(pixels: Pixels) {
      const first = await fast.decode(pixels);
      if (first.text !== null) return first;
      const second = await thorough.decode(pixels);
      return { ...second, ms: first.ms + second.ms };
    },
  };
}
