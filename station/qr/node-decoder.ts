// The product's QR decoder, ready to use in Node (the `npm run decode` CLI, tests, bench, badge checks).
// The zxing-wasm module is read from node_modules, never fetched from the network.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { createQrDecoder, type DecodeMode } from '../../core/qr';
import { createZxingWasmDecoder, type ZxingWasmOptions } from '../../core/qr/zxing-wasm';
import type { DecodeResult, Pixels, QrDecoder } from '../../core/qr/types';

const require = createRequire(import.meta.url);

export function zxingWasmBinary(): Uint8Array {
  return fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
}

const product = new Map<DecodeMode, Promise<QrDecoder>>();

/** The decoder Foyer ships: 'still' for images (default), 'camera' is what the renderer's worker runs per frame. */
export function nodeQrDecoder(mode: DecodeMode = 'still'): Promise<QrDecoder> {
  let d = product.get(mode);
  if (!d) product.set(mode, (d = createQrDecoder({ wasmBinary: zxingWasmBinary() }, mode)));
  return d;
}

/**
 * Decodes one image's pixels (8-bit luminance, or RGBA as from pngjs / a canvas) with the product's decoder.
 * `text` is the QR code's exact text, or null when no QR code was read.
 */
export async function decodeQr(pixels: Pixels, mode: DecodeMode = 'still'): Promise<DecodeResult> {
  return (await nodeQrDecoder(mode)).decode(pixels);
}

/** Only the zxing-wasm pass with explicit options, for the side-by-side bench. */
export function nodeZxingWasmDecoder(opts?: ZxingWasmOptions): Promise<QrDecoder> {
  return createZxingWasmDecoder({ wasmBinary: zxingWasmBinary() }, opts);
}
