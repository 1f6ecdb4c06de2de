// A minimal ZIP writer for hostile workbooks: entries are given already compressed (or stored),
// with whatever sizes the test wants the directory to declare.
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Compressed bytes (method 8) or the bytes themselves (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** The uncompressed size to declare (a lie, for some tests). */
  declaredSize: number;
  crc?: number;
}

export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = e.crc ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declaredSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export function deflated(name: string, text: string | Buffer): RawEntry {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), method: 8, declaredSize: raw.length, crc: zlib.crc32(raw) };
}

/** A workbook's skeleton parts around one sheet. */
export function workbookParts(): RawEntry[] {
  return [
    deflated('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    deflated(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/** `mb` megabytes of a repeated row, deflated as a stream (a few hundred kB for 400 MB). */
export async function deflatedBomb(mb: number): Promise<{ data: Buffer; size: number }> {
  const row = Buffer.from('<row><c t="inlineStr"><is><t>x</t></is></c></row>'.padEnd(1024, ' '));
  const chunk = Buffer.concat(Array.from({ length: 1024 }, () => row)); // 1 MB
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  z.write(head);
  for (let i = 0; i < mb; i++) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  const tail = Buffer.from('</sheetData></worksheet>');
  await new Promise<void>((r) => z.end(tail, () => r()));
  return { data: Buffer.concat(out), size: head.length + mb * chunk.length + tail.length };
}
