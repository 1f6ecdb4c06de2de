// The real QR photo sets in tests/fixtures/qr-photos (ZXing's black-box images; source and licence in its NOTICE).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rotate } from '../core/qr/pixels';
import type { Pixels, QrDecoder } from '../core/qr/types';
import { readImageFile } from '../station/qr/image-file';

export const QR_PHOTOS_DIR = fileURLToPath(new URL('../tests/fixtures/qr-photos', import.meta.url));
export const ROTATIONS = [0, 90, 180, 270] as const;
export type Rotation = (typeof ROTATIONS)[number];

/** ZXing's Java reader on the same images (tests/fixtures/qr-photos/README.md): upright / 90 / 180 / 270. */
export const JAVA_REFERENCE: Record<string, Record<Rotation, number>> = {
  'set-1': { 0: 17, 90: 14, 180: 17, 270: 14 },
  'set-2': { 0: 32, 90: 30, 180: 31, 270: 31 },
  'set-5': { 0: 19, 90: 19, 180: 19, 270: 19 },
  'set-6': { 0: 15, 90: 14, 180: 13, 270: 14 },
};

export interface QrPhoto {
  set: string;
  name: string;
  pixels: Pixels;
  /** Expected text as raw UTF-8 bytes (CR LF and non-ASCII kept). */
  expected: Buffer;
  /** A second, smaller code in the same picture: reading it instead is a miss, not a misread. */
  alsoInView?: Buffer;
}

/**
 * set-2/16.png is a "double QR": a small code printed inside the big one's data area (ZXing-C++
 * reads both from the photo). The expected text is the big one's; the small one is a real code too.
 */
const ALSO_IN_VIEW: Record<string, string> = {
  'set-2/16.png': '[内側QRコード]\r\n\r\n*ダブルQR*\r\nhttp://d-qr.net/ex/',
};

export function loadQrPhotos(): QrPhoto[] {
  const out: QrPhoto[] = [];
  for (const set of Object.keys(JAVA_REFERENCE)) {
    const dir = path.join(QR_PHOTOS_DIR, set);
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
      const inner = ALSO_IN_VIEW[`${set}/${f}`];
      out.push({
        set,
        name: f,
        pixels: readImageFile(path.join(dir, f)),
        expected: fs.readFileSync(path.join(dir, f.replace(/\.png$/, '.txt'))),
        ...(inner ? { alsoInView: Buffer.from(inner, 'utf8') } : {}),
      });
    }
  }
  return out;
}

export interface PhotoScore {
  set: string;
  rotation: Rotation;
  images: number;
  read: number;
  /** Decoded to a text other than the expected one: worse than a miss at the desk. */
  wrong: string[];
  ms: number[];
}

/**
 * Decodes every photo at every rotation; a read counts only when the text matches byte for byte.
 * `frames` > 1 holds each photo in front of a camera decoder for that many frames (it tries one
 * pass per frame): read when any frame reads it right, wrong when any frame reads something else.
 */
export async function scorePhotos(decoder: QrDecoder, photos: QrPhoto[], rotations: readonly Rotation[] = ROTATIONS, frames = 1): Promise<PhotoScore[]> {
  const scores: PhotoScore[] = [];
  for (const set of [...new Set(photos.map((p) => p.set))]) {
    for (const rotation of rotations) {
      const s: PhotoScore = { set, rotation, images: 0, read: 0, wrong: [], ms: [] };
      for (const p of photos.filter((p) => p.set === set)) {
        const px = rotate(p.pixels, rotation);
        let read = false, wrong = false;
        for (let f = 0; f < frames; f++) {
          const r = await decoder.decode(px);
          s.ms.push(r.ms);
          if (r.text === null) continue;
          if (Buffer.from(r.text, 'utf8').equals(p.expected)) read = true;
          else if (!p.alsoInView?.equals(Buffer.from(r.text, 'utf8'))) wrong = true;
        }
        s.images++;
        if (read) s.read++;
        if (wrong) s.wrong.push(p.name);
      }
      scores.push(s);
    }
  }
  return scores;
}
