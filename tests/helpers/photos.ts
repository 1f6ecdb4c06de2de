// Small generated photos for tests: a JPEG whose top half is red and bottom half blue (so
// orientation and scaling can be checked by colour), and the same with an EXIF segment inserted.
import jpeg from 'jpeg-js';

export function testJpeg(width: number, height: number, quality = 85): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const top = y < height / 2;
      data[i] = top ? 220 : 20;
      data[i + 1] = 40 + ((x * 7 + y * 3) % 40); // a little texture
      data[i + 2] = top ? 20 : 220;
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

/** The JPEG with an APP1 EXIF segment (little-endian TIFF, one IFD: Orientation) and `note` appended in it, as cameras write GPS. */
export function withExif(j: Buffer, orientation: number, note: string): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff, Buffer.from(note)]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([j.subarray(0, 2), seg, body, j.subarray(2)]);
}
