// Image clean-ups for a second look at a photo the first decoder pass could not read. Each one
// targets a way photos fail (docs/qr-decoding.md, "Why a photo fails"): all work on 8-bit
// luminance, in linear time whatever the radius (running sums over rows, then over columns).
import type { Pixels } from './types';

/** 8-bit luminance, row-major, no padding. */
export interface Luma {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** Average of k×k blocks: a smaller image where blur, noise and screen lattices shrink below a pixel. */
export function downscale(l: Luma, k: number): Luma {
  const w = Math.floor(l.width / k), h = Math.floor(l.height / k), out = new Uint8Array(w * h), d = bytes(l.data), W = l.width;
  const kk = k * k, half = kk >> 1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = half;
      for (let j = 0; j < k; j++) {
        const row = (y * k + j) * W + x * k;
        for (let i = 0; i < k; i++) s += d[row + i]!;
      }
      out[y * w + x] = (s / kk) | 0;
    }
  return { data: out, width: w, height: h };
}

/** Bilinear ×2: gives the finder-pattern search and the local binariser room when modules are under ~2 px. */
export function upscale2(l: Luma): Luma {
  const { width: w, height: h } = l, d = bytes(l.data), W = w * 2, H = h * 2, out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const sy = Math.max(0, (y - 0.5) / 2), y0 = Math.min(h - 1, sy | 0), y1 = Math.min(h - 1, y0 + 1), fy = sy - y0;
    for (let x = 0; x < W; x++) {
      const sx = Math.max(0, (x - 0.5) / 2), x0 = Math.min(w - 1, sx | 0), x1 = Math.min(w - 1, x0 + 1), fx = sx - x0;
      const top = d[y0 * w + x0]! * (1 - fx) + d[y0 * w + x1]! * fx;
      const bot = d[y1 * w + x0]! * (1 - fx) + d[y1 * w + x1]! * fx;
      out[y * W + x] = top * (1 - fy) + bot * fy + 0.5;
    }
  }
  return { data: out, width: W, height: H };
}

/** The same bytes as a Uint8Array view: loops then see one array type (a mixed one is ~2× slower in V8). */
function bytes(d: Uint8Array | Uint8ClampedArray): Uint8Array {
  return d instanceof Uint8Array ? d : new Uint8Array(d.buffer, d.byteOffset, d.length);
}

/**
 * Sums over a horizontal window of 2r+1 pixels, edges clamped (`sq`: of squares instead).
 * Split into edge and middle loops so the middle, where nearly all pixels are, has no branches.
 */
function rowSums(d: Uint8Array, w: number, h: number, r: number, sq: boolean): Int32Array {
  const out = new Int32Array(w * h);
  const at = (row: number, i: number) => {
    const v = d[row + (i < 0 ? 0 : i >= w ? w - 1 : i)]!;
    return sq ? v * v : v;
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let s = 0;
    for (let i = -r; i <= r; i++) s += at(row, i);
    let x = 0;
    for (; x <= r && x < w; x++) {
      out[row + x] = s;
      s += at(row, x + r + 1) - at(row, x - r);
    }
    const end = w - r - 1;
    if (sq) {
      for (; x < end; x++) {
        out[row + x] = s;
        const a = d[row + x + r + 1]!, b = d[row + x - r]!;
        s += a * a - b * b;
      }
    } else {
      for (; x < end; x++) {
        out[row + x] = s;
        s += d[row + x + r + 1]! - d[row + x - r]!;
      }
    }
    for (; x < w; x++) {
      out[row + x] = s;
      s += at(row, x + r + 1) - at(row, x - r);
    }
  }
  return out;
}

const clampRow = (y: number, h: number, w: number) => (y < 0 ? 0 : y >= h ? h - 1 : y) * w;

/** Column sums of the first window (rows −r…r, edges clamped). */
function firstWindow<T extends Int32Array | Float64Array>(col: T, rows: Int32Array, r: number, h: number, w: number): T {
  for (let i = -r; i <= r; i++) {
    const o = clampRow(i, h, w);
    for (let x = 0; x < w; x++) col[x]! += rows[o + x]!;
  }
  return col;
}

/** Slides the window one row down: adds row y+r+1, removes row y−r. */
function slide(col: Int32Array | Float64Array, rows: Int32Array, y: number, r: number, h: number, w: number): void {
  const a = clampRow(y + r + 1, h, w), b = clampRow(y - r, h, w);
  if (a === b) return;
  for (let x = 0; x < w; x++) col[x]! += rows[a + x]! - rows[b + x]!;
}

/** Unsharp mask: v + amount·(v − mean₍r₎). Restores the single modules a blurred photo washes into their neighbours. */
export function sharpen(l: Luma, r: number, amount: number): Luma {
  const { width: w, height: h } = l, d = bytes(l.data), rows = rowSums(d, w, h, r, false);
  const col = firstWindow(new Int32Array(w), rows, r, h, w);
  const out = new Uint8ClampedArray(w * h), norm = amount / ((2 * r + 1) * (2 * r + 1)), gain = 1 + amount;
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) out[o + x] = gain * d[o + x]! - col[x]! * norm;
    slide(col, rows, y, r, h, w);
  }
  return { data: out, width: w, height: h };
}

/**
 * Local contrast normalisation: (v − local mean) ÷ (local standard deviation + floor), over a
 * window of a few modules. A code under glare, in half shadow or printed pale keeps its module
 * edges but loses the 24 grey levels of local range ZXing's binariser needs; this gives every
 * neighbourhood the same range. `floor` keeps flat areas (paper, a wall) from becoming noise.
 */
export function normalizeLocal(l: Luma, r: number, floor = 4): Luma {
  const { width: w, height: h } = l, d = bytes(l.data);
  const rows = rowSums(d, w, h, r, false), rows2 = rowSums(d, w, h, r, true);
  const col = firstWindow(new Int32Array(w), rows, r, h, w), col2 = firstWindow(new Float64Array(w), rows2, r, h, w);
  const out = new Uint8ClampedArray(w * h), norm = 1 / ((2 * r + 1) * (2 * r + 1));
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) {
      const m = col[x]! * norm, v = col2[x]! * norm - m * m;
      out[o + x] = 128 + (80 * (d[o + x]! - m)) / (Math.sqrt(v > 0 ? v : 0) + floor);
    }
    slide(col, rows, y, r, h, w);
    slide(col2, rows2, y, r, h, w);
  }
  return { data: out, width: w, height: h };
}

/** Global stretch of the 1st–99th percentile to 0–255: a pale or dim photo gets its full range back. */
export function stretch(l: Luma): Luma {
  const hist = new Uint32Array(256), d = bytes(l.data), n = d.length;
  for (let i = 0; i < n; i++) hist[d[i]!]!++;
  let lo = 0, hi = 255;
  for (let acc = 0; lo < 255 && (acc += hist[lo]!) < n * 0.01; lo++);
  for (let acc = 0; hi > 0 && (acc += hist[hi]!) < n * 0.01; hi--);
  const span = Math.max(1, hi - lo), out = new Uint8ClampedArray(n);
  for (let i = 0; i < n; i++) out[i] = ((d[i]! - lo) * 255) / span;
  return { data: out, width: l.width, height: l.height };
}

/**
 * The darkest channel of an RGBA image: a coloured code (blue on yellow, red on white) keeps its
 * full contrast in min(R, G, B) where the weighted luminance halves it.
 */
export function minChannel(p: Pixels): Luma {
  const n = p.width * p.height, d = p.data, out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = Math.min(d[j]!, d[j + 1]!, d[j + 2]!);
  return { data: out, width: p.width, height: p.height };
}
