// Reads a PNG or JPEG file into RGBA pixels for the QR decoder (Node only).
// Recognises the format by its magic bytes, not the file name, and turns every failure into a sentence.
import fs from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Pixels } from '../../core/qr/types';

export class ImageFileError extends Error {}

export function readImageFile(file: string): Pixels {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImageFileError('file not found');
    if (code === 'EISDIR') throw new ImageFileError('is a directory, not an image');
    if (code === 'EACCES') throw new ImageFileError('permission denied');
    throw new ImageFileError(`cannot read the file (${code ?? 'unknown error'})`);
  }
  return decodeImage(buf);
}

export function decodeImage(buf: Buffer): Pixels {
  const isPng = buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47;
  const isJpeg = buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
  if (!isPng && !isJpeg) throw new ImageFileError('not a PNG or JPEG image');
  try {
    if (isPng) {
      const png = PNG.sync.read(buf);
      return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height };
    }
    // 64 MP / 512 MB caps keep a hostile or broken file from exhausting memory.
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 64, maxMemoryUsageInMB: 512 });
    return { data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), width: img.width, height: img.height };
  } catch {
    throw new ImageFileError(`corrupt or truncated ${isPng ? 'PNG' : 'JPEG'} image`);
  }
}
