// A bounded reader for the ZIP container of an XLSX file. Sizes are checked before anything is
// unpacked (a 0.4 MB file that claims 400 MB is refused at once), and inflating stops at the
// size the entry declared (node:zlib maxOutputLength), so a file that lies about its sizes is
// refused too, having cost at most what it declared. Encrypted and ZIP64 archives are refused.
import zlib from 'node:zlib';

/** A file that is not read, with the sentence why (`code`: its kind, for the console; most are 'file_refused'). */
export class FileRefused extends Error {
  constructor(
    message: string,
    readonly code = 'file_refused',
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MAX_ENTRIES = 10_000;

export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  const eocd = findEndOfDirectory(buf);
  if (eocd < 0) throw new FileRefused('The file could not be read as XLSX: it is not a workbook (no ZIP directory inside). Save it again from the spreadsheet program, or as CSV.');
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new FileRefused('This workbook uses the ZIP64 format, which Foyer does not read. Save it as CSV.');
  if (count > MAX_ENTRIES) throw new FileRefused(`This workbook holds ${count} parts; a registration list has a few dozen. It was not read.`);
  if (dirOffset + dirSize > buf.length) throw new FileRefused('This workbook is cut short or damaged (its ZIP directory points past the end of the file).');
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new FileRefused('This workbook is damaged (bad ZIP directory entry).');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (flags & 1) throw new FileRefused('This workbook is password-protected. Remove the password, or save it as CSV.');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new FileRefused('This workbook uses the ZIP64 format, which Foyer does not read. Save it as CSV.');
    }
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name.replace(/^\/+/, ''), { name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEndOfDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** Unpacks one entry; never produces more than the entry declared. */
export function unpack(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new FileRefused(`This workbook is damaged (part ${e.name} is missing).`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new FileRefused(`This workbook is cut short (part ${e.name} runs past the end of the file).`);
  const data = buf.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new FileRefused(`This workbook is damaged (part ${e.name} has inconsistent sizes).`);
    return data;
  }
  if (e.method !== 8) throw new FileRefused(`This workbook packs part ${e.name} with a method Foyer does not read (${e.method}). Save it again, or as CSV.`);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new FileRefused(`This workbook unpacks to more than it declares (part ${e.name}): it was refused as a possible zip bomb.`);
    }
    throw new FileRefused(`This workbook is damaged (part ${e.name} cannot be unpacked).`);
  }
}
