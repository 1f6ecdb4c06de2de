// Synthetic camera frames for decoder tests, the decoder bench and fake-camera videos:
// a badge QR (rendered by the `qrcode` package) on a white card, laid over a cluttered scene,
// plus frames with no code at all (most webcam frames), all as luminance and deterministic (seeded).
import QRCode from 'qrcode';
import type { Pixels } from '../core/qr/types';
import { prng as rng } from '../resources/demo/generate';

export type Frame = Pixels & { data: Uint8ClampedArray };

/** The demo generator's seeded PRNG, re-exported for frame-making tests. */
export { rng };

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
}

/** A room-like background: lighting gradient, a few objects with hard edges, mild sensor noise. */
export function sceneFrame(width: number, height: number, seed = 1, noiseSigma = 3): Frame {
  const r = rng(seed);
  const data = new Uint8ClampedArray(width * height);
  const gx = 40 * (r() - 0.5), gy = 60 * (r() - 0.5), base = 90 + 60 * r();
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = base + (gx * x) / width + (gy * y) / height;
  // Objects: shelves, a person's jacket, a sign with text-like stripes.
  for (let k = 0; k < 14; k++) {
    const w = Math.floor(width * (0.05 + 0.25 * r())), h = Math.floor(height * (0.05 + 0.3 * r()));
    const x0 = Math.floor(r() * (width - w)), y0 = Math.floor(r() * (height - h));
    const v = 20 + 220 * r(), stripes = r() < 0.3 ? 2 + Math.floor(r() * 6) : 0;
    for (let y = y0; y < y0 + h; y++)
      for (let x = x0; x < x0 + w; x++)
        data[y * width + x] = stripes && Math.floor((x - x0) / stripes) % 3 === 0 ? 255 - v : v;
  }
  addNoise({ data, width, height }, noiseSigma, seed + 7);
  return { data, width, height };
}

export function addNoise(f: Frame, sigma: number, seed = 3): Frame {
  if (sigma <= 0) return f;
  const r = rng(seed);
  for (let i = 0; i < f.data.length; i++) f.data[i] = f.data[i]! + sigma * gauss(r);
  return f;
}

/** Pure random noise (a covered lens, a dark room with the gain up): the worst case for a finder-pattern search. */
export function noiseFrame(width: number, height: number, seed = 5, sigma = 40): Frame {
  const data = new Uint8ClampedArray(width * height).fill(128);
  return addNoise({ data, width, height }, sigma, seed);
}

export interface QrPlacement {
  /** Centre of the code in the frame, pixels. */
  cx: number;
  cy: number;
  /** Pixels per QR module (aim for ≥ 3 in a real camera frame). */
  moduleSize: number;
  /** Clockwise tilt in degrees. */
  angle?: number;
  /** White card margin around the code, in modules (the QR quiet zone is 4). */
  margin?: number;
}

export function qrMatrix(text: string, ecc: 'L' | 'M' | 'Q' | 'H' = 'M'): { size: number; dark: (x: number, y: number) => boolean } {
  const m = QRCode.create(text, { errorCorrectionLevel: ecc }).modules;
  return { size: m.size, dark: (x, y) => m.get(y, x) === 1 };
}

/** Draws the QR on a white card onto the frame, with 2×2 supersampling so edges look like a camera's. */
export function drawQr(frame: Frame, text: string, p: QrPlacement): Frame {
  const { size, dark } = qrMatrix(text);
  const margin = p.margin ?? 4;
  const span = size + 2 * margin;
  const a = ((p.angle ?? 0) * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  const half = (span * p.moduleSize) / 2;
  const reach = Math.ceil(half * Math.SQRT2) + 1;
  const { width, height, data } = frame;
  for (let y = Math.max(0, Math.floor(p.cy - reach)); y < Math.min(height, p.cy + reach); y++) {
    for (let x = Math.max(0, Math.floor(p.cx - reach)); x < Math.min(width, p.cx + reach); x++) {
      let sum = 0, inside = 0;
      for (const [sx, sy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]] as const) {
        const dx = x + sx - p.cx, dy = y + sy - p.cy;
        // Inverse-rotate into card coordinates (modules, origin at the card's top-left).
        const u = (dx * cos + dy * sin + half) / p.moduleSize;
        const v = (-dx * sin + dy * cos + half) / p.moduleSize;
        if (u < 0 || v < 0 || u >= span || v >= span) continue;
        inside++;
        const mx = Math.floor(u) - margin, my = Math.floor(v) - margin;
        const isDark = mx >= 0 && my >= 0 && mx < size && my < size && dark(mx, my);
        sum += isDark ? 25 : 235;
      }
      if (inside) {
        const i = y * width + x;
        data[i] = (sum + (4 - inside) * data[i]!) / 4;
      }
    }
  }
  return frame;
}

/** A badge held up to the camera in front of a scene. */
export function badgeFrame(width: number, height: number, text: string, opts: Partial<QrPlacement> & { seed?: number; noise?: number } = {}): Frame {
  const f = sceneFrame(width, height, opts.seed ?? 11, 0);
  drawQr(f, text, { cx: width / 2, cy: height / 2, moduleSize: Math.max(3, Math.round(height / 160)), ...opts });
  return addNoise(f, opts.noise ?? 3, (opts.seed ?? 11) + 1);
}

/** A signed-badge-sized payload (~45×45 modules at ECC M, like Foyer's signed badges). */
export function sampleBadgeText(seed = 1): string {
  const r = rng(seed);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return 'F1.' + Array.from({ length: 120 }, () => abc[Math.floor(r() * 64)]).join('');
}
