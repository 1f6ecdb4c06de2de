// Registration photos as hostile input (docs/data-at-rest.md, "Photos"): a file from an import,
// a connector or the console is checked by its bytes (never its name or declared type), decoded
// with bounds, turned upright, shrunk to a desk-sized portrait and encoded again as a plain
// baseline JPEG. Nothing of the original survives: no EXIF (camera, GPS, time), no comments, no
// colour profiles, no trailing bytes; an SVG, a decompression bomb or a polyglot cannot pass.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** The longest side of a stored photo: enough to match a face at the desk, small enough for every desk to hold them all. */
export const PHOTO_MAX_SIDE = 320;
/** Files larger than this are refused before anything is decoded (a phone photo is 2–6 MB). */
export const PHOTO_MAX_BYTES = 12 * 1024 * 1024;
/** Pixels a file may decode to (a 48 MP phone camera still passes; a bomb claiming 100 000² does not). */
export const PHOTO_MAX_PIXELS = 50_000_000;
/** A stored photo is never larger than this (320 px JPEG: 10–40 kB); a station refuses anything bigger. */
export const STORED_PHOTO_MAX_BYTES = 200 * 1024;

/** A file that is not a usable photo, with the sentence why. */
export class PhotoRefused extends Error {}

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'heic' | 'gif' | 'svg' | 'pdf' | 'other';

/** What the bytes are, whatever the file is called. */
export function sniffImage(b: Uint8Array): ImageKind {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(ascii(8, 12))) return 'heic';
  if (b.length >= 6 && /^GIF8[79]a$/.test(ascii(0, 6))) return 'gif';
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'pdf';
  const head = Buffer.from(b.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.startsWith('<!doctype svg')) return 'svg';
  return 'other';
}

const REFUSED_KIND: Record<Exclude<ImageKind, 'jpeg' | 'png'>, string> = {
  webp: 'This picture is a WebP file; Foyer takes photos as JPEG or PNG. Save it as JPEG and upload it again.',
  heic: 'This picture is in the iPhone format (HEIC/HEIF); Foyer takes photos as JPEG or PNG. Export it as JPEG ("Most compatible") and upload it again.',
  gif: 'This picture is a GIF; a registration photo must be a JPEG or PNG photograph.',
  svg: 'This file is a drawing (SVG), not a photograph; SVG files are never accepted (they can carry scripts). Upload a JPEG or PNG photo.',
  pdf: 'This file is a PDF, not a photograph. Upload the photo itself as JPEG or PNG.',
  other: 'This file is not a JPEG or PNG picture (its contents say so, whatever its name). Upload a JPEG or PNG photo.',
};

export interface Photo {
  /** The stored photo: a baseline JPEG of at most PHOTO_MAX_SIDE px, no metadata. */
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Checks, decodes, turns upright, shrinks and re-encodes a photo; throws PhotoRefused with a sentence. */
export function preparePhoto(input: Uint8Array, o: { maxSide?: number; quality?: number } = {}): Photo {
  if (input.length === 0) throw new PhotoRefused('The picture file is empty.');
  if (input.length > PHOTO_MAX_BYTES) {
    throw new PhotoRefused(`The picture is ${(input.length / 1024 / 1024).toFixed(1)} MB; Foyer takes photos up to ${PHOTO_MAX_BYTES / 1024 / 1024} MB. Save a smaller copy.`);
  }
  const kind = sniffImage(input);
  if (kind !== 'jpeg' && kind !== 'png') throw new PhotoRefused(REFUSED_KIND[kind]);
  const img = kind === 'jpeg' ? decodeJpeg(input) : decodePng(input);
  const upright = orient(img, img.orientation);
  const small = shrink(upright, o.maxSide ?? PHOTO_MAX_SIDE);
  const out = Buffer.from(jpeg.encode({ data: small.data, width: small.width, height: small.height }, o.quality ?? 82).data);
  return { jpeg: out, width: small.width, height: small.height };
}

/** What a station accepts as a stored photo (the registry made it; a station still checks what it is given). */
export function isStoredPhoto(b: Uint8Array): boolean {
  return b.length > 0 && b.length <= STORED_PHOTO_MAX_BYTES && sniffImage(b) === 'jpeg';
}

interface Pixels {
  data: Uint8Array; // RGBA
  width: number;
  height: number;
}

function tooMany(w: number, h: number): boolean {
  return w * h > PHOTO_MAX_PIXELS;
}

function decodeJpeg(b: Uint8Array): Pixels & { orientation: number } {
  const size = jpegSize(b);
  if (size && tooMany(size.width, size.height)) throw new PhotoRefused(bomb(size.width, size.height));
  try {
    const d = jpeg.decode(b, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false, maxResolutionInMP: PHOTO_MAX_PIXELS / 1e6, maxMemoryUsageInMB: 400 });
    if (!d.width || !d.height) throw new Error('no size');
    return { data: d.data, width: d.width, height: d.height, orientation: exifOrientation((d as { exifBuffer?: Uint8Array }).exifBuffer) };
  } catch (err) {
    if (err instanceof PhotoRefused) throw err;
    if (/maxResolutionInMP|maxMemoryUsage/.test(String((err as Error).message))) throw new PhotoRefused(bomb(size?.width ?? 0, size?.height ?? 0));
    throw new PhotoRefused('The JPEG picture is damaged or cut short and cannot be read. Save it again from the camera or photo program.');
  }
}

function decodePng(b: Uint8Array): Pixels & { orientation: number } {
  // The header's size is read before inflating anything: a 1 kB PNG may claim 100 000² pixels.
  if (b.length < 24) throw new PhotoRefused('The PNG picture is cut short and cannot be read.');
  const v = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const width = v.readUInt32BE(16);
  const height = v.readUInt32BE(20);
  if (!width || !height) throw new PhotoRefused('The PNG picture has no size and cannot be read.');
  if (tooMany(width, height)) throw new PhotoRefused(bomb(width, height));
  try {
    const png = PNG.sync.read(v, { skipRescale: false });
    return { data: png.data, width: png.width, height: png.height, orientation: 1 };
  } catch {
    throw new PhotoRefused('The PNG picture is damaged or cut short and cannot be read. Save it again from the photo program.');
  }
}

function bomb(w: number, h: number): string {
  return `The picture claims ${w} × ${h} pixels, more than Foyer decodes (${PHOTO_MAX_PIXELS / 1e6} megapixels): it was refused. Upload an ordinary photo.`;
}

/** The width and height a JPEG declares (its first SOF marker), without decoding; null if none is found. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      p += marker === 0xff ? 1 : 2;
      continue;
    }
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[p + 5]! << 8) | b[p + 6]!, width: (b[p + 7]! << 8) | b[p + 8]! };
    }
    p += 2 + len;
  }
  return null;
}

/** EXIF orientation (1–8; 1 = upright) from the APP1 segment jpeg-js hands back; 1 when absent or unreadable. */
export function exifOrientation(exif: Uint8Array | undefined): number {
  if (!exif || exif.length < 16) return 1;
  // jpeg-js gives the segment after "Exif\0"; the TIFF header follows the second NUL.
  const t = exif[0] === 0 ? 1 : 0;
  const le = exif[t] === 0x49 && exif[t + 1] === 0x49;
  const be = exif[t] === 0x4d && exif[t + 1] === 0x4d;
  if (!le && !be) return 1;
  const u16 = (o: number) => (o + 2 > exif.length ? -1 : le ? exif[o]! | (exif[o + 1]! << 8) : (exif[o]! << 8) | exif[o + 1]!);
  const u32 = (o: number) => (o + 4 > exif.length ? -1 : le ? (u16(o) + u16(o + 2) * 65536) : u16(o) * 65536 + u16(o + 2));
  const ifd = t + u32(t + 4);
  const n = u16(ifd);
  if (ifd < t || n < 0 || n > 500) return 1;
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/** The picture as the camera meant it to be seen (EXIF orientations 2–8: mirror and/or rotate). */
function orient(img: Pixels, o: number): Pixels {
  if (o <= 1 || o > 8) return img;
  const { width: w, height: h, data } = img;
  const swap = o >= 5;
  const W = swap ? h : w;
  const H = swap ? w : h;
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // Source pixel of output (x, y) for each orientation (TIFF 6.0 / EXIF 2.3 definitions).
      let sx: number, sy: number;
      switch (o) {
        case 2: [sx, sy] = [w - 1 - x, y]; break;
        case 3: [sx, sy] = [w - 1 - x, h - 1 - y]; break;
        case 4: [sx, sy] = [x, h - 1 - y]; break;
        case 5: [sx, sy] = [y, x]; break;
        case 6: [sx, sy] = [y, h - 1 - x]; break;
        case 7: [sx, sy] = [w - 1 - y, h - 1 - x]; break;
        default: [sx, sy] = [w - 1 - y, x]; break; // 8
      }
      const s = (sy * w + sx) * 4;
      const d = (y * W + x) * 4;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
      out[d + 3] = data[s + 3]!;
    }
  }
  return { data: out, width: W, height: H };
}

/**
 * Area-averaging downscale to fit maxSide (each output pixel is the mean of the source pixels it
 * covers: no aliasing on a 12 MP photo), transparent parts laid on white. Never enlarges.
 */
function shrink(img: Pixels, maxSide: number): Pixels {
  const { width: w, height: h, data } = img;
  const scale = Math.min(1, maxSide / Math.max(w, h));
  const W = Math.max(1, Math.round(w * scale));
  const H = Math.max(1, Math.round(h * scale));
  const sum = new Float64Array(W * H * 3);
  const count = new Float64Array(W * H);
  for (let y = 0; y < h; y++) {
    const oy = Math.min(H - 1, Math.floor((y * H) / h));
    for (let x = 0; x < w; x++) {
      const ox = Math.min(W - 1, Math.floor((x * W) / w));
      const s = (y * w + x) * 4;
      const a = data[s + 3]! / 255;
      const o = oy * W + ox;
      const white = 255 * (1 - a);
      sum[o * 3] = sum[o * 3]! + data[s]! * a + white;
      sum[o * 3 + 1] = sum[o * 3 + 1]! + data[s + 1]! * a + white;
      sum[o * 3 + 2] = sum[o * 3 + 2]! + data[s + 2]! * a + white;
      count[o] = count[o]! + 1;
    }
  }
  const out = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const c = count[i] || 1;
    out[i * 4] = Math.round(sum[i * 3]! / c);
    out[i * 4 + 1] = Math.round(sum[i * 3 + 1]! / c);
    out[i * 4 + 2] = Math.round(sum[i * 3 + 2]! / c);
    out[i * 4 + 3] = 255;
  }
  return { data: out, width: W, height: H };
}
