// Registration photos as hostile input (node-shared/photo.ts): what passes comes out small,
// upright and without a byte of the original's metadata; what does not gets a sentence.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_SIDE, PhotoRefused, exifOrientation, preparePhoto, sniffImage } from '../../node-shared/photo';
import { testJpeg, withExif } from '../helpers/photos';

function refusal(b: Uint8Array): string {
  try {
    preparePhoto(b);
  } catch (err) {
    expect(err).toBeInstanceOf(PhotoRefused);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('preparePhoto', () => {
  it('shrinks a camera-sized photo to a desk portrait and keeps its proportions', () => {
    const out = preparePhoto(testJpeg(600, 800));
    expect(Math.max(out.width, out.height)).toBe(PHOTO_MAX_SIDE);
    expect(out.width).toBe(240);
    expect(out.height).toBe(320);
    const back = jpeg.decode(out.jpeg, { useTArray: true });
    expect([back.width, back.height]).toEqual([240, 320]);
    // Top is red, bottom is blue in the source: the averages survive the shrink.
    const px = (x: number, y: number) => [...back.data.subarray((y * back.width + x) * 4, (y * back.width + x) * 4 + 3)];
    expect(px(120, 5)[0]).toBeGreaterThan(180);
    expect(px(120, 314)[2]).toBeGreaterThan(180);
    expect(out.jpeg.length).toBeLessThan(60_000);
  });

  it('never enlarges a small photo', () => {
    const out = preparePhoto(testJpeg(100, 120));
    expect([out.width, out.height]).toEqual([100, 120]);
  });

  it('drops every byte of EXIF (GPS, camera) and turns the picture upright by its orientation', () => {
    const src = withExif(testJpeg(400, 300), 6, 'GPS-48.2066N-16.3694E-SECRET');
    expect(Buffer.from(src).includes('GPS-48.2066N')).toBe(true);
    const out = preparePhoto(src);
    expect(out.jpeg.includes('GPS-48.2066N')).toBe(false);
    expect(out.jpeg.includes('Exif')).toBe(false);
    // Orientation 6: the 400×300 landscape sensor image is a 300×400 portrait (scaled to 240×320).
    expect([out.width, out.height]).toEqual([240, 320]);
    const back = jpeg.decode(out.jpeg, { useTArray: true });
    // Rotated 90° clockwise: the source's red top is now on the right.
    const r = (x: number, y: number) => back.data[(y * back.width + x) * 4]!;
    expect(r(235, 160)).toBeGreaterThan(180);
    expect(r(4, 160)).toBeLessThan(80);
  });

  it('reads the orientation from both byte orders and ignores garbage', () => {
    expect(exifOrientation(undefined)).toBe(1);
    expect(exifOrientation(new Uint8Array(40).fill(0xff))).toBe(1);
  });

  it('accepts a PNG with transparency, laid on white, as a JPEG', () => {
    const png = new PNG({ width: 50, height: 50 });
    png.data.fill(0); // fully transparent black
    const out = preparePhoto(PNG.sync.write(png));
    expect(sniffImage(out.jpeg)).toBe('jpeg');
    const back = jpeg.decode(out.jpeg, { useTArray: true });
    expect(back.data[0]).toBeGreaterThan(240);
  });

  it('refuses hostile and unusable files with a sentence, whatever their name', () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>');
    expect(refusal(svg)).toMatch(/drawing \(SVG\).*never accepted/);
    expect(refusal(Buffer.from('GIF89a\x01\x00\x01\x00'))).toMatch(/GIF/);
    expect(refusal(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 '))).toMatch(/WebP.*JPEG/);
    expect(refusal(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00'))).toMatch(/HEIC/);
    expect(refusal(Buffer.from('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(refusal(Buffer.from('MZ\x90\x00 an executable'))).toMatch(/not a JPEG or PNG/);
    expect(refusal(new Uint8Array(0))).toMatch(/empty/);
    // Cut short: the first half of a real JPEG.
    const whole = testJpeg(200, 200);
    expect(refusal(whole.subarray(0, whole.length / 2))).toMatch(/damaged or cut short/);
  });

  it('refuses decompression bombs from their header, before decoding', () => {
    // A PNG header claiming 100 000 × 100 000 pixels.
    const png = PNG.sync.write(new PNG({ width: 1, height: 1 }));
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    expect(refusal(png)).toMatch(/claims 100000 × 100000 pixels/);
    // A JPEG whose frame header claims 60 000 × 60 000.
    const j = Buffer.from(testJpeg(16, 16));
    const sof = j.indexOf(Buffer.from([0xff, 0xc0]));
    j.writeUInt16BE(60_000, sof + 5);
    j.writeUInt16BE(60_000, sof + 7);
    expect(refusal(j)).toMatch(/claims 60000 × 60000 pixels/);
  });

  it('refuses a file over the size cap without reading it', () => {
    const big = Buffer.alloc(13 * 1024 * 1024);
    big[0] = 0xff;
    big[1] = 0xd8;
    big[2] = 0xff;
    expect(refusal(big)).toMatch(/13\.0 MB.*up to 12 MB/);
  });
});
