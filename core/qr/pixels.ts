// Small pixel helpers shared by the decoders, the CLI, tests and the bench.
import type { Pixels } from './types';

export function isRgba(p: Pixels): boolean {
  const n = p.width * p.height;
  if (p.data.length === n * 4) return true;
  if (p.data.length === n) return false;
  throw new RangeError(`pixel buffer of ${p.data.length} bytes fits neither ${p.width}×${p.height} luminance nor RGBA`);
}

/** RGBA → luminance with ZXing-C++'s integer weights (0.299 R + 0.587 G + 0.114 B). */
export function toLuminance(p: Pixels): Uint8ClampedArray {
  if (!isRgba(p)) return p.data instanceof Uint8ClampedArray ? p.data : new Uint8ClampedArray(p.data.buffer, p.data.byteOffset, p.data.length);
  const n = p.width * p.height;
  const out = new Uint8ClampedArray(n);
  const d = p.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = (306 * d[j]! + 601 * d[j + 1]! + 117 * d[j + 2]! + 512) >> 10;
  return out;
}

/** Luminance → RGBA (grey), for implementations that only accept RGBA. */
export function toRgba(p: Pixels): Uint8ClampedArray {
  if (isRgba(p)) return p.data instanceof Uint8ClampedArray ? p.data : new Uint8ClampedArray(p.data.buffer, p.data.byteOffset, p.data.length);
  const n = p.width * p.height;
  const out = new Uint8ClampedArray(n * 4);
  const d = p.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = d[i]!;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return out;
}

/** Rotates clockwise by 0/90/180/270 degrees (works for luminance and RGBA). */
export function rotate(p: Pixels, degrees: 0 | 90 | 180 | 270): Pixels {
  if (degrees === 0) return p;
  const bpp = isRgba(p) ? 4 : 1;
  const { width: w, height: h, data } = p;
  const out = new Uint8ClampedArray(data.length);
  const ow = degrees === 180 ? w : h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number, ny: number;
      if (degrees === 90) { nx = h - 1 - y; ny = x; }
      else if (degrees === 180) { nx = w - 1 - x; ny = h - 1 - y; }
      else { nx = y; ny = w - 1 - x; }
      const s = (y * w + x) * bpp;
      const t = (ny * ow + nx) * bpp;
      for (let k = 0; k < bpp; k++) out[t + k] = data[s + k]!;
    }
  }
  return { data: out, width: ow, height: degrees === 180 ? h : w };
}
