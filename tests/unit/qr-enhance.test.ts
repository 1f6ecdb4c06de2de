// The decoder's image clean-ups (core/qr/enhance.ts) against the textbook definitions, pixel by
// pixel: the running sums must give exactly the windowed means at the edges (clamped), in the
// middle, and when the window is wider than the image.
import { describe, expect, it } from 'vitest';
import { downscale, minChannel, normalizeLocal, sharpen, stretch, upscale2, type Luma } from '../../core/qr/enhance';
import { rng } from '../../testkit/qr-frames';

function image(w: number, h: number, seed: number): Luma {
  const r = rng(seed);
  return { data: Uint8ClampedArray.from({ length: w * h }, () => Math.floor(r() * 256)), width: w, height: h };
}

/** Mean and mean of squares over the (2r+1)² window around (x, y), edges clamped. */
function windowed(l: Luma, x: number, y: number, r: number): [number, number] {
  let s = 0, s2 = 0;
  for (let j = -r; j <= r; j++)
    for (let i = -r; i <= r; i++) {
      const v = l.data[Math.min(l.height - 1, Math.max(0, y + j)) * l.width + Math.min(l.width - 1, Math.max(0, x + i))]!;
      s += v;
      s2 += v * v;
    }
  const n = (2 * r + 1) ** 2;
  return [s / n, s2 / n];
}

const clamp = (v: number) => Math.min(255, Math.max(0, Math.round(v)));

describe('image clean-ups for the decoder passes', () => {
  it.each([
    [37, 23, 1],
    [64, 48, 5],
    [31, 45, 12],
    [9, 7, 20], // window wider than the image
  ])('unsharp mask and local contrast on %i×%i, radius %i, equal the windowed definitions everywhere', (w, h, r) => {
    const l = image(w, h, w * h + r);
    const sh = sharpen(l, r, 4).data, nl = normalizeLocal(l, r, 4).data;
    const bad: string[] = [];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = l.data[y * w + x]!, [m, m2] = windowed(l, x, y, r);
        // ±1 for rounding of values that land on .5 in floating point.
        if (Math.abs(sh[y * w + x]! - clamp(v + 4 * (v - m))) > 1) bad.push(`sharpen ${x},${y}`);
        if (Math.abs(nl[y * w + x]! - clamp(128 + (80 * (v - m)) / (Math.sqrt(Math.max(0, m2 - m * m)) + 4))) > 1) bad.push(`local contrast ${x},${y}`);
      }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('stretches the 1st–99th percentile to the full range, so a pale code gets ZXing’s 24 grey levels back', () => {
    const pale: Luma = { data: Uint8ClampedArray.from({ length: 1000 }, (_, i) => 120 + (i % 2) * 12), width: 40, height: 25 };
    const out = stretch(pale).data;
    expect(Math.min(...out)).toBe(0);
    expect(Math.max(...out)).toBe(255);
  });

  it('downscales by block averages and upscales ×2 by bilinear interpolation', () => {
    const l: Luma = { data: Uint8Array.from([0, 100, 200, 40, 0, 100, 200, 40]), width: 4, height: 2 };
    expect([...downscale(l, 2).data]).toEqual([50, 120]);
    const up = upscale2({ data: Uint8Array.from([0, 200]), width: 2, height: 1 });
    expect(up.width).toBe(4);
    expect([...up.data.subarray(0, 4)]).toEqual([0, 50, 150, 200]);
  });

  it('keeps a coloured code’s contrast in the darkest channel (yellow on white has little luminance contrast)', () => {
    const yellowOnWhite = Uint8ClampedArray.from([255, 230, 0, 255, 255, 255, 255, 255]);
    expect([...minChannel({ data: yellowOnWhite, width: 2, height: 1 }).data]).toEqual([0, 255]);
  });
});
