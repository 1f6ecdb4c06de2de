// Synthetic "bad photos" of QR codes, one family per way real camera photos fail: blur, glare,
// low contrast, perspective, small modules, inverted, uneven light, JPEG blocks, curved surfaces,
// colour, busy backgrounds. Each family is parametrised and seeded, so the decoder is judged on
// kinds of damage rather than on the few real photos in tests/fixtures (which stay a check, never a
// target). Used by tests/unit/qr-decoder.test.ts and bench/decoder.bench.ts.
import jpeg from 'jpeg-js';
import type { Pixels } from '../core/qr/types';
import { qrMatrix, rng } from './qr-frames';

export const DAMAGE_KINDS = [
  'clean',
  'blur',
  'motion-blur',
  'glare',
  'low-contrast',
  'perspective',
  'small-modules',
  'inverted',
  'uneven-light',
  'jpeg',
  'curved',
  'colour',
  'rotated',
  'noise',
  'screen',
  'phone',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface DamagedPhoto {
  kind: DamageKind;
  seed: number;
  text: string;
  pixels: Pixels;
}

type Grey = { data: Float32Array; width: number; height: number };

/** Texts like the ones on real posters and labels: URLs, contact cards, badge codes, of many lengths. */
function sampleText(r: () => number): { text: string; ecc: 'L' | 'M' | 'Q' | 'H' } {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const word = (n: number) => Array.from({ length: n }, () => abc[Math.floor(r() * abc.length)]).join('');
  const pick = Math.floor(r() * 4);
  const text =
    pick === 0 ? `https://${word(6)}.example.org/${word(4 + Math.floor(r() * 30))}`
    : pick === 1 ? `MECARD:N:${word(5)},${word(7)};TEL:+43${Math.floor(r() * 1e9)};EMAIL:${word(6)}@example.org;;`
    : pick === 2 ? 'F1.' + word(40 + Math.floor(r() * 90))
    : `${word(3 + Math.floor(r() * 8))} ${word(5)}\r\n${word(2 + Math.floor(r() * 60))}`;
  return { text, ecc: (['L', 'M', 'Q', 'H'] as const)[Math.floor(r() * 4)]! };
}

/** Maps a frame pixel to card coordinates in modules (origin: card's top-left corner), or null outside. */
type Mapping = (x: number, y: number) => [number, number] | null;

/** Renders the card (code + white margin) into a background with 3×3 supersampling. */
function render(bg: Grey, text: string, ecc: 'L' | 'M' | 'Q' | 'H', map: Mapping, dark = 30, light = 225, margin = 4): Grey {
  const { size, dark: isDark } = qrMatrix(text, ecc);
  const span = size + 2 * margin;
  const out = new Float32Array(bg.data);
  const subs = [1 / 6, 1 / 2, 5 / 6];
  for (let y = 0; y < bg.height; y++) {
    for (let x = 0; x < bg.width; x++) {
      let sum = 0, inside = 0;
      for (const sy of subs)
        for (const sx of subs) {
          const uv = map(x + sx, y + sy);
          if (!uv) continue;
          const [u, v] = uv;
          if (u < 0 || v < 0 || u >= span || v >= span) continue;
          inside++;
          const mx = Math.floor(u) - margin, my = Math.floor(v) - margin;
          sum += mx >= 0 && my >= 0 && mx < size && my < size && isDark(mx, my) ? dark : light;
        }
      if (inside) out[y * bg.width + x] = (sum + (9 - inside) * bg.data[y * bg.width + x]!) / 9;
    }
  }
  return { data: out, width: bg.width, height: bg.height };
}

/** A plain office-like background: a gradient and a few flat objects. */
function background(w: number, h: number, r: () => number, busy = false): Grey {
  const data = new Float32Array(w * h);
  const base = 70 + 90 * r(), gx = 60 * (r() - 0.5), gy = 60 * (r() - 0.5);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = base + (gx * x) / w + (gy * y) / h;
  for (let k = 0; k < (busy ? 40 : 6); k++) {
    const bw = Math.floor(w * (0.03 + 0.2 * r())), bh = Math.floor(h * (0.03 + 0.2 * r()));
    const x0 = Math.floor(r() * (w - bw)), y0 = Math.floor(r() * (h - bh)), v = 20 + 220 * r();
    const stripes = busy && r() < 0.5 ? 1 + Math.floor(r() * 4) : 0;
    for (let y = y0; y < y0 + bh; y++)
      for (let x = x0; x < x0 + bw; x++) data[y * w + x] = stripes && Math.floor((x - x0) / stripes) % 2 ? 255 - v : v;
  }
  return { data, width: w, height: h };
}

/** Centred similarity placement: rotation `deg`, `ms` pixels per module. */
function place(w: number, h: number, span: number, ms: number, deg: number, cx = w / 2, cy = h / 2): Mapping {
  const a = (deg * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a), half = span / 2;
  return (x, y) => {
    const dx = (x - cx) / ms, dy = (y - cy) / ms;
    return [dx * c + dy * s + half, -dx * s + dy * c + half];
  };
}

/** Homography from the frame's quadrilateral `q` (card corners TL, TR, BR, BL) to the card square [0,span]². */
function perspective(q: [number, number][], span: number): Mapping {
  // Solve the square→quad homography, then invert it (3×3).
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q as [[number, number], [number, number], [number, number], [number, number]];
  const dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3, dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den, hh = (dx1 * dy3 - dx3 * dy1) / den;
  const a = x1 - x0 + g * x1, b = x3 - x0 + hh * x3, c = x0, d = y1 - y0 + g * y1, e = y3 - y0 + hh * y3, f = y0;
  // Forward: (u,v) in unit square → (x,y). Inverse via adjugate.
  const A = [a, b, c, d, e, f, g, hh, 1];
  const inv = [
    A[4]! * A[8]! - A[5]! * A[7]!, A[2]! * A[7]! - A[1]! * A[8]!, A[1]! * A[5]! - A[2]! * A[4]!,
    A[5]! * A[6]! - A[3]! * A[8]!, A[0]! * A[8]! - A[2]! * A[6]!, A[2]! * A[3]! - A[0]! * A[5]!,
    A[3]! * A[7]! - A[4]! * A[6]!, A[1]! * A[6]! - A[0]! * A[7]!, A[0]! * A[4]! - A[1]! * A[3]!,
  ];
  return (x, y) => {
    const w = inv[6]! * x + inv[7]! * y + inv[8]!;
    return [((inv[0]! * x + inv[1]! * y + inv[2]!) / w) * span, ((inv[3]! * x + inv[4]! * y + inv[5]!) / w) * span];
  };
}

function gaussianBlur(g: Grey, sigma: number, horizontalOnly = false): Grey {
  if (sigma <= 0) return g;
  const rad = Math.ceil(3 * sigma), k = new Float32Array(2 * rad + 1);
  let s = 0;
  for (let i = -rad; i <= rad; i++) s += k[i + rad] = Math.exp((-i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i]! /= s;
  const { width: w, height: h } = g;
  const pass = (src: Float32Array, horiz: boolean) => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let i = -rad; i <= rad; i++) {
          const xx = horiz ? Math.min(w - 1, Math.max(0, x + i)) : x, yy = horiz ? y : Math.min(h - 1, Math.max(0, y + i));
          acc += k[i + rad]! * src[yy * w + xx]!;
        }
        out[y * w + x] = acc;
      }
    return out;
  };
  const hz = pass(g.data, true);
  return { data: horizontalOnly ? hz : pass(hz, false), width: w, height: h };
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
}

function map(g: Grey, f: (v: number, x: number, y: number) => number): Grey {
  const out = new Float32Array(g.data.length);
  for (let y = 0; y < g.height; y++) for (let x = 0; x < g.width; x++) out[y * g.width + x] = f(g.data[y * g.width + x]!, x, y);
  return { data: out, width: g.width, height: g.height };
}

function toBytes(g: Grey): Uint8ClampedArray {
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = g.data[i]!;
  return out;
}

function jpegRoundTrip(p: Pixels & { data: Uint8ClampedArray }, quality: number): Pixels {
  const rgba = p.data.length === p.width * p.height ? greyToRgba(p.data) : p.data;
  const enc = jpeg.encode({ data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length), width: p.width, height: p.height }, quality);
  const dec = jpeg.decode(enc.data, { useTArray: true, formatAsRGBA: true });
  return { data: new Uint8ClampedArray(dec.data.buffer, dec.data.byteOffset, dec.data.length), width: dec.width, height: dec.height };
}

function greyToRgba(d: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(d.length * 4);
  for (let i = 0; i < d.length; i++) out.set([d[i]!, d[i]!, d[i]!, 255], i * 4);
  return out;
}

/** One damaged photo of a random code. Sizes are phone-photo-like but kept small enough for tests. */
export function damagedPhoto(kind: DamageKind, seed: number): DamagedPhoto {
  const r = rng(seed * 7919 + DAMAGE_KINDS.indexOf(kind) * 104729);
  const { text, ecc } = sampleText(r);
  const size = qrMatrix(text, ecc).size, span = size + 8;
  // 'phone': a whole phone photo (1600×1200 or 2048×1536) with the code small in it, a little out of
  // focus, JPEG-compressed: the typical picture a user hands to `npm run decode`.
  const [w, h] = kind === 'phone' ? (r() < 0.5 ? [1600, 1200] : [2048, 1536]) : r() < 0.5 ? [640, 480] : [800, 600];
  const bg = background(w, h, r, kind === 'screen' || r() < 0.3);
  // Module size so the code fills 30–70 % of the frame height unless the family says otherwise.
  const fill = kind === 'phone' ? 0.12 + 0.2 * r() : 0.3 + 0.4 * r();
  let ms = (fill * h) / span;
  const angle = (r() - 0.5) * 20;
  let img: Grey;
  let dark = 30, light = 225;
  if (kind === 'low-contrast') [dark, light] = [105 + 30 * r(), 0];
  if (kind === 'low-contrast') light = dark + 14 + 12 * r();
  if (kind === 'inverted') [dark, light] = [225, 35];
  if (kind === 'small-modules') ms = 1.3 + 0.9 * r();
  if (kind === 'perspective') {
    const half = (ms * span) / 2, tilt = 0.25 + 0.3 * r(), cx = w / 2, cy = h / 2;
    const side = r() < 0.5 ? 1 : -1;
    const q: [number, number][] = [
      [cx - half * (1 - tilt * 0.6), cy - half * (1 - (side > 0 ? tilt : 0))],
      [cx + half * (1 - tilt * 0.2), cy - half * (1 - (side < 0 ? tilt : 0))],
      [cx + half * (1 - tilt * 0.2), cy + half * (1 - (side < 0 ? tilt : 0))],
      [cx - half * (1 - tilt * 0.6), cy + half * (1 - (side > 0 ? tilt : 0))],
    ];
    img = render(bg, text, ecc, perspective(q, span), dark, light);
  } else if (kind === 'curved') {
    // A label on a bottle: the card wraps around a cylinder whose axis is vertical.
    const radius = ((ms * span) / 2) * (1.05 + 0.5 * r()), cx = w / 2, cy = h / 2, half = span / 2;
    img = render(bg, text, ecc, (x, y) => {
      const s = (x - cx) / radius;
      if (Math.abs(s) >= 1) return null;
      return [(Math.asin(s) * radius) / ms + half, (y - cy) / ms + half];
    }, dark, light);
  } else {
    const deg = kind === 'rotated' ? 20 + 50 * r() : angle;
    img = render(bg, text, ecc, place(w, h, span, ms, deg), dark, light);
  }
  switch (kind) {
    case 'blur': img = gaussianBlur(img, ms * (0.45 + 0.25 * r())); break;
    case 'motion-blur': img = gaussianBlur(img, ms * (0.35 + 0.35 * r()), true); break;
    case 'glare': {
      // A bright reflection: an elliptical spot that saturates part of the code, plus a sheen.
      const gx = w / 2 + (r() - 0.5) * ms * span * 0.6, gy = h / 2 + (r() - 0.5) * ms * span * 0.6;
      const rad = ms * span * (0.12 + 0.12 * r()), peak = 180 + 120 * r();
      img = map(img, (v, x, y) => v * 0.85 + peak * Math.exp(-(((x - gx) ** 2) / (2 * rad * rad) + ((y - gy) ** 2) / (0.8 * rad * rad))) + 25);
      img = gaussianBlur(img, 0.6);
      break;
    }
    case 'uneven-light': {
      // Half of the card in shadow: a soft edge across the code, 3–6× darker on one side.
      const a = r() * Math.PI, nx = Math.cos(a), ny = Math.sin(a), k = 3 + 3 * r();
      img = map(img, (v, x, y) => v / (1 + (k - 1) / (1 + Math.exp(-((x - w / 2) * nx + (y - h / 2) * ny) / (ms * 3)))));
      break;
    }
    case 'phone': img = gaussianBlur(img, ms * (0.15 + 0.3 * r())); break;
    case 'noise': img = map(img, (v) => v + (20 + 15 * r()) * gauss(r)); break;
    case 'screen': {
      // A phone screen photographed: the pixel grid shows as a fine bright/dark lattice (moiré), slight blur.
      const p = 2 + Math.floor(r() * 2);
      img = map(gaussianBlur(img, 0.7), (v, x, y) => v * (x % p === 0 || y % p === 0 ? 0.72 : 1.05));
      break;
    }
    default: break;
  }
  if (kind !== 'noise') img = map(img, (v) => v + 3 * gauss(r)); // every sensor has some noise
  const grey: Pixels & { data: Uint8ClampedArray } = { data: toBytes(img), width: w, height: h };
  if (kind === 'jpeg') return { kind, seed, text, pixels: jpegRoundTrip(grey, 8 + Math.floor(r() * 12)) };
  if (kind === 'phone') return { kind, seed, text, pixels: jpegRoundTrip(grey, 30 + Math.floor(r() * 40)) };
  if (kind === 'colour') {
    // A coloured code: dark blue on pale yellow, or red on white; luminance contrast is weaker than it looks.
    const red = r() < 0.5;
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      const t = grey.data[i]! / 255;
      rgba[i * 4] = red ? 200 + 55 * t : 40 + 210 * t;
      rgba[i * 4 + 1] = red ? 30 + 225 * t : 60 + 180 * t;
      rgba[i * 4 + 2] = red ? 40 + 215 * t : 140 + 40 * t;
      rgba[i * 4 + 3] = 255;
    }
    return { kind, seed, text, pixels: { data: rgba, width: w, height: h } };
  }
  return { kind, seed, text, pixels: grey };
}

/** `n` photos of every family (seeds 1…n). */
export function damagedPhotos(n: number, kinds: readonly DamageKind[] = DAMAGE_KINDS): DamagedPhoto[] {
  return kinds.flatMap((kind) => Array.from({ length: n }, (_, i) => damagedPhoto(kind, i + 1)));
}
