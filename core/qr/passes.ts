// The decoder's passes: which cleaned-up image ZXing looks at, with which options, in which order.
// Each pass after the first targets one way real photos fail (docs/qr-decoding.md, "Why a photo
// fails"); radii are fractions of the image's short side, so a pass means the same thing on a
// 640×480 webcam frame and on a 4000×3000 phone photo. Chosen on families of synthetic damage
// (testkit/qr-degrade.ts), never on individual photos.
import { downscale, minChannel, normalizeLocal, sharpen as unsharp, stretch, upscale2, type Luma } from './enhance';
import { isRgba, toLuminance } from './pixels';
import type { Pixels } from './types';
import type { ZxingWasmOptions } from './zxing-wasm';

/** The frame, once as luminance, plus what the passes derive from it (computed on first use). */
export class Frame {
  private lum: Luma | undefined;
  private small: Luma | undefined;
  /**
   * @param workSide the short side above which the filters work on a copy averaged down by a whole
   *   factor: they cost time in proportion to pixels, and a code blurred or glared enough to need them
   *   is never one of the tiny ones (those are read by the plain pass at full resolution).
   */
  constructor(readonly pixels: Pixels, private readonly workSide = 1200) {}
  /** The frame as luminance (converted once, on first use: the plain pass reads RGBA straight into WASM memory). */
  get luma(): Luma {
    return (this.lum ??= { data: toLuminance(this.pixels), width: this.pixels.width, height: this.pixels.height });
  }
  /** Short side of the image, pixels. */
  get side(): number {
    return Math.min(this.pixels.width, this.pixels.height);
  }
  /** The image the filters work on: the frame itself, or 2×, 3×… smaller (see workSide). */
  work(): Luma {
    if (this.side <= this.workSide) return this.luma;
    return (this.small ??= downscale(this.luma, Math.ceil(this.side / this.workSide)));
  }
}

export interface Pass {
  /** Short label (shows in DecodeResult.by, the bench and the docs). */
  name: string;
  /** The image to read, or null when this pass does not apply to the frame. */
  image(f: Frame): Pixels | null;
  options: ZxingWasmOptions;
}

const side = (l: Luma) => Math.min(l.width, l.height);
/** A radius as a fraction of the short side, at least `min` pixels. */
const radius = (l: Luma, fraction: number, min = 1) => Math.max(min, Math.round(side(l) * fraction));

/** ZXing as is: local-average binariser, thorough finder search, plus a 3× smaller copy of large frames. */
export const plain: Pass = { name: 'plain', image: (f) => f.pixels, options: {} };

/**
 * Pale print, a dim room, a washed-out screen: ZXing's binariser ignores neighbourhoods with less
 * than 24 grey levels of range, so the image's own range is stretched to 0–255 first. Also reads
 * light-on-dark codes (dark-mode phone screens, negatives).
 */
export const stretchInvert: Pass = { name: 'stretch+invert', image: (f) => stretch(f.luma), options: { tryInvert: true } };

/** Broken or speckled modules (worn print, dust, JPEG blocks): ZXing's morphological closing filter. */
export const denoise: Pass = { name: 'denoise', image: (f) => f.pixels, options: { tryDenoise: true } };

/**
 * Blur (out of focus, a fixed-focus webcam at arm's length, a moving hand): an unsharp mask about a
 * module wide gives single modules back the contrast the blur spread into their neighbours. Two
 * widths, for a code filling a fifth of the picture and for one filling most of it.
 */
export const sharpen: Pass = { name: 'sharpen', image: (f) => unsharp(f.work(), radius(f.work(), 1 / 80), 4), options: { tryInvert: true } };
export const sharpenWide: Pass = { name: 'sharpen wide', image: (f) => unsharp(f.work(), radius(f.work(), 1 / 40), 4), options: { tryInvert: true } };
/** Strong blur on a small code: a finer mask. */
export const sharpenFine: Pass = { name: 'sharpen fine', image: (f) => unsharp(f.work(), radius(f.work(), 1 / 160), 2), options: { tryInvert: true } };

/**
 * Glare, half shadow, a spotlight: contrast normalised over a few modules gives every neighbourhood
 * the same range, whatever light falls on it. The narrow window suits a code filling up to a third of
 * the picture (it flattens bigger modules, hence the wide one, which only evens out the light).
 */
export const localContrast: Pass = { name: 'local contrast', image: (f) => normalizeLocal(f.work(), radius(f.work(), 1 / 40, 3)), options: { tryInvert: true } };
export const localContrastWide: Pass = {
  name: 'local contrast wide',
  image: (f) => normalizeLocal(f.work(), radius(f.work(), 1 / 10, 3), 16),
  options: { tryInvert: true },
};

/** Modules under ~2 px (a small code in a wide shot): bilinear ×2 gives the finder search room. */
export const upscale: Pass = { name: 'upscale ×2', image: (f) => (f.side <= 800 ? upscale2(f.luma) : null), options: {} };

/** Coloured codes (yellow on white, blue on black): the darkest channel keeps contrast luminance loses. */
export const darkestChannel: Pass = { name: 'darkest channel', image: (f) => (isRgba(f.pixels) ? minChannel(f.pixels) : null), options: { tryInvert: true } };

/**
 * Webcam frames: ONE pass per frame, in this order, round and round. Most frames hold no code, so
 * a frame's cost is the budget (p95 ≤ 5 ms at 640×480, ≤ 10 ms at 1280×720); a badge stays in view
 * for dozens of frames, so every pass sees it within 6 frames (0.2 s at 30 fps). The plain pass
 * gets every other frame: it reads almost every real badge, on the first frame it is in view.
 */
export const CAMERA_PASSES: readonly Pass[] = [plain, sharpen, plain, stretchInvert, plain, localContrast];

/** Camera frames are filtered at a short side of at most 480 px (a 720p frame at half size). */
export const CAMERA_WORK_SIDE = 480;

/** Photos and scans: every pass in turn until one reads (cheapest first; a clean photo costs one pass). */
export const STILL_PASSES: readonly Pass[] = [
  plain,
  stretchInvert,
  denoise,
  sharpen,
  sharpenWide,
  localContrast,
  localContrastWide,
  sharpenFine,
  upscale,
  darkestChannel,
];
