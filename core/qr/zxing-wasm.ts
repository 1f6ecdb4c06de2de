// zxing-wasm: ZXing-C++ compiled to WebAssembly, QR only.
//
// Loading: the .wasm never comes from the network (the package's default is a CDN). The caller
// hands in the bytes (Node reads the file) or a same-origin URL (Vite emits the file next to the
// bundle). Compiling WebAssembly under a CSP needs 'wasm-unsafe-eval' in script-src.
//
// Speed: the package's readBarcodes() only takes RGBA and converts it to grey in JS (3+ ms for a
// 1280×720 frame, more than the decode itself). We call the module's pixmap entry point with
// luminance written straight into WASM memory instead: a camera's Y plane needs no conversion at
// all, RGBA is converted once, in place. tests/unit/qr-decoder.test.ts covers this path, so a
// package update that changes it fails loudly.
import {
  BINARIZERS,
  CHARACTER_SETS,
  EAN_ADD_ON_SYMBOLS,
  TEXT_MODES,
  encodeFormats,
  prepareZXingModule,
  type ZXingReadResult,
  type ZXingReaderOptions,
} from 'zxing-wasm/reader';
import { isRgba } from './pixels';
import type { Pixels, QrDecoder } from './types';

export type WasmSource = { wasmBinary: ArrayBuffer | Uint8Array } | { wasmUrl: string };

export interface ZxingWasmOptions {
  /** ZXing-C++'s more thorough finder search. */
  tryHarder?: boolean;
  /** Also search a downscaled copy of large images (helps big, blurry codes). */
  tryDownscale?: boolean;
  /** Also search after a morphological closing filter (finds damaged codes; ~2× cost on frames without one). */
  tryDenoise?: boolean;
  /** Also search the inverted image: light modules on a dark ground (dark-mode screens, negatives). */
  tryInvert?: boolean;
}

interface PixmapModule {
  HEAPU8: Uint8Array;
  _malloc(n: number): number;
  _free(p: number): void;
  readBarcodesFromPixmap(ptr: number, w: number, h: number, o: ZXingReaderOptions): { size(): number; get(i: number): ZXingReadResult | undefined; delete(): void };
}

// One WebAssembly instance per JS context, shared by every decoder made here (each costs a few MB).
let loaded: Promise<PixmapModule> | undefined;

function loadModule(source: WasmSource): Promise<PixmapModule> {
  const overrides =
    'wasmBinary' in source
      ? { wasmBinary: toArrayBuffer(source.wasmBinary) }
      : { locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? source.wasmUrl : prefix + file) };
  loaded ??= (prepareZXingModule({ overrides, fireImmediately: true }) as unknown as Promise<PixmapModule>).catch((err: unknown) => {
    loaded = undefined; // let a later call try again
    throw err;
  });
  return loaded;
}

export async function createZxingWasmDecoder(source: WasmSource, opts: ZxingWasmOptions = {}): Promise<QrDecoder> {
  const mod = await loadModule(source);
  const options: ZXingReaderOptions = {
    formats: encodeFormats(['QRCode']),
    tryHarder: opts.tryHarder ?? true,
    tryRotate: false, // QR finder patterns are rotation-invariant; rotating only helps linear codes
    tryInvert: opts.tryInvert ?? false, // badges are dark on light; the later passes look for the rest
    tryDownscale: opts.tryDownscale ?? true,
    tryDenoise: opts.tryDenoise ?? false,
    binarizer: BINARIZERS.indexOf('LocalAverage'),
    isPure: false,
    downscaleFactor: 3,
    downscaleThreshold: 500,
    minLineCount: 2,
    // More than one: a badge held in front of a poster with its own QR must still win (largest code).
    maxNumberOfSymbols: 4,
    validateOptionalChecksum: false,
    returnErrors: false,
    eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf('Ignore'),
    textMode: TEXT_MODES.indexOf('Plain'), // the default "HRI" turns control characters into "<SOH>"
    characterSet: CHARACTER_SETS.indexOf('Unknown'),
    tryCode39ExtendedMode: true,
  };
  const name = ['zxing-wasm', opts.tryDenoise && 'denoise', opts.tryInvert && 'invert'].filter(Boolean).join('+');
  return {
    name,
    async decode(pixels: Pixels) {
      const t = performance.now();
      const n = pixels.width * pixels.height;
      const ptr = mod._malloc(n);
      if (!ptr) throw new Error(`cannot allocate ${n} bytes in WASM memory`);
      let text: string | null = null;
      try {
        writeLuminance(pixels, mod.HEAPU8, ptr);
        const found = mod.readBarcodesFromPixmap(ptr, pixels.width, pixels.height, options);
        try {
          let best = -1;
          for (let i = 0; i < found.size(); i++) {
            const r = found.get(i);
            if (!r?.isValid) continue;
            const a = area(r.position);
            if (a > best) [best, text] = [a, r.text];
          }
        } finally {
          found.delete();
        }
      } finally {
        mod._free(ptr);
      }
      return { text, ms: performance.now() - t, by: name };
    },
  };
}

/** Writes the frame as 8-bit luminance at heap[ptr…]; RGBA is converted with ZXing-C++'s weights. */
function writeLuminance(p: Pixels, heap: Uint8Array, ptr: number): void {
  if (!isRgba(p)) {
    heap.set(p.data, ptr);
    return;
  }
  const n = p.width * p.height;
  const d = p.data;
  // Reading whole pixels as 32-bit words is ~2× faster than four byte reads (little-endian: R is the low byte).
  if (d.byteOffset % 4 === 0) {
    const px = new Uint32Array(d.buffer, d.byteOffset, n);
    for (let i = 0; i < n; i++) {
      const v = px[i]!;
      heap[ptr + i] = (306 * (v & 0xff) + 601 * ((v >>> 8) & 0xff) + 117 * ((v >>> 16) & 0xff) + 512) >> 10;
    }
    return;
  }
  for (let i = 0, j = 0; i < n; i++, j += 4) heap[ptr + i] = (306 * d[j]! + 601 * d[j + 1]! + 117 * d[j + 2]! + 512) >> 10;
}

function area(p: ZXingReadResult['position']): number {
  // Shoelace formula over the four corners.
  const c = [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft];
  let s = 0;
  for (let i = 0; i < 4; i++) s += c[i]!.x * c[(i + 1) % 4]!.y - c[(i + 1) % 4]!.x * c[i]!.y;
  return Math.abs(s) / 2;
}

function toArrayBuffer(b: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (b instanceof ArrayBuffer) return b;
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
