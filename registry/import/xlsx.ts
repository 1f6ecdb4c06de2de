// Bounded XLSX reading: only the parts a registration list needs (workbook, shared strings,
// styles for dates, the sheets), streamed through an XML parser (saxes), never more than
// MAX_UNPACKED bytes unpacked, and refused in a sentence when a sheet declares or holds a cell
// beyond MAX_COLS columns or MAX_ROWS rows (a single cell at XFD1 used to make the registry
// walk 16,384 columns on every row). Sparse rows stay sparse: empty cells cost nothing.
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileRefused, readZipDirectory, unpack, type ZipEntry } from './zip';

export const XLSX_LIMITS = {
  /** All parts read, unpacked. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxCols: 1024,
  maxRows: 200_100,
};

export interface SheetInfo {
  name: string;
  path: string;
  hidden: boolean;
}

export interface Workbook {
  sheets: SheetInfo[];
  /** Rows of a sheet as text; `maxRows` stops early (to look at headers). */
  readSheet(sheet: SheetInfo, maxRows?: number): string[][];
}

class StopParsing extends Error {}

export function openWorkbook(buf: Buffer, limits = XLSX_LIMITS): Workbook {
  const entries = readZipDirectory(buf);
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) throw new FileRefused('The file could not be read as XLSX: it has no xl/workbook.xml (an .ods or .xls file renamed?). Save it again as .xlsx, or as CSV.');
  // Every part that could be read, counted before anything is unpacked.
  const parts = [...entries.entries()].filter(([n]) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(n));
  const declared = parts.reduce((s, [, e]) => s + e.size, 0);
  if (declared > limits.maxUnpackedBytes) {
    throw new FileRefused(
      `This workbook unpacks to ${mb(declared)} MB; at most ${mb(limits.maxUnpackedBytes)} MB can be read. Save the registration sheet alone, or as CSV.`,
    );
  }
  let budget = limits.maxUnpackedBytes;
  const take = (e: ZipEntry): Buffer => {
    if (e.size > budget) throw new FileRefused(`This workbook unpacks to more than ${mb(limits.maxUnpackedBytes)} MB. Save it as CSV.`);
    budget -= e.size;
    return unpack(buf, e);
  };
  const text = (name: string): string | null => {
    const e = entries.get(name);
    return e ? take(e).toString('utf8') : null;
  };

  const sheets = workbookSheets(text('xl/workbook.xml')!, text('xl/_rels/workbook.xml.rels') ?? '');
  let shared: string[] | null = null;
  let dates: Set<number> | null = null;
  const cache = new Map<string, Buffer>();
  const sheetXml = (s: SheetInfo): Buffer => {
    let b = cache.get(s.path);
    if (!b) {
      const e = entries.get(s.path);
      if (!e) throw new FileRefused(`This workbook is damaged (sheet "${s.name}" is missing).`);
      b = take(e);
      cache.set(s.path, b);
    }
    return b;
  };

  return {
    sheets,
    readSheet(sheet, maxRows) {
      const xml = sheetXml(sheet);
      // Shared strings and styles only when a sheet needs them.
      if (!shared && xml.includes('t="s"')) shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
      dates ??= dateStyles(text('xl/styles.xml') ?? '');
      return sheetRows(xml, sheet.name, shared ?? [], dates, limits, maxRows);
    },
  };
}

const mb = (n: number) => Math.round(n / 1024 / 1024);
const local = (name: string) => name.slice(name.indexOf(':') + 1);

function parse(xml: string | Buffer, on: { open?: (t: SaxesTagPlain) => void; text?: (s: string) => void; close?: (name: string) => void }): void {
  if (xml.length === 0) return; // an absent optional part (styles, shared strings)
  const p = new SaxesParser();
  if (on.open) p.on('opentag', on.open);
  if (on.text) p.on('text', on.text);
  if (on.close) p.on('closetag', (t) => on.close!(local(t.name)));
  p.on('error', (e) => {
    throw new FileRefused(`This workbook's XML is damaged: ${e.message.split('\n')[0]}`);
  });
  try {
    if (typeof xml === 'string') p.write(xml);
    else {
      const dec = new StringDecoder('utf8');
      for (let i = 0; i < xml.length; i += 1 << 20) p.write(dec.write(xml.subarray(i, i + (1 << 20))));
      p.write(dec.end());
    }
    p.close();
  } catch (err) {
    if (err instanceof StopParsing) return;
    throw err;
  }
}

function workbookSheets(workbookXml: string, relsXml: string): SheetInfo[] {
  const targets = new Map<string, string>();
  parse(relsXml, {
    open: (t) => {
      if (local(t.name) === 'Relationship') targets.set(String(t.attributes.Id ?? ''), String(t.attributes.Target ?? ''));
    },
  });
  const out: SheetInfo[] = [];
  parse(workbookXml, {
    open: (t) => {
      if (local(t.name) !== 'sheet') return;
      const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1];
      const target = targets.get(String(rid ?? ''));
      if (!target) return;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      out.push({ name: String(t.attributes.name ?? ''), path, hidden: String(t.attributes.state ?? 'visible') !== 'visible' });
    },
  });
  if (out.length === 0) throw new FileRefused('This workbook has no sheets.');
  return out;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let phonetic = 0;
  parse(xml, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'si') cur = '';
      else if (n === 't') inT = true;
      else if (n === 'rPh') phonetic++;
    },
    text: (s) => {
      if (inT && phonetic === 0) cur += s;
    },
    close: (n) => {
      if (n === 't') inT = false;
      else if (n === 'rPh') phonetic--;
      else if (n === 'si') out.push(cur);
    },
  });
  return out;
}

/** Style indexes (cellXfs) whose number format is a date, so serial numbers read as 2026-04-18. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parse(xml, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'numFmt') custom.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ''));
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) xfs.push(Number(t.attributes.numFmtId ?? 0));
    },
    close: (n) => {
      if (n === 'cellXfs') inCellXfs = false;
    },
  });
  const isDate = (id: number) => (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || /[dy]|m{3,}/i.test((custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, ''));
  return new Set(xfs.flatMap((id, i) => (isDate(id) ? [i] : [])));
}

/** "XFD1048576" → [16384, 1048576]. */
function cellRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col, Number(m[2])];
}

function serialToDay(v: number): string {
  const ms = Math.round((v - 25569) * 86400000);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : String(v);
}

function sheetRows(xml: Buffer, name: string, shared: string[], dates: Set<number>, limits: typeof XLSX_LIMITS, maxRows?: number): string[][] {
  const rows: string[][] = [];
  const farAway = (ref: string) =>
    new FileRefused(
      `Sheet "${name}" has a cell far away, at ${ref}: at most ${limits.maxCols} columns and ${limits.maxRows} rows are read. Delete that cell (or save the sheet as CSV) and import again.`,
    );
  let rowNo = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let value = '';
  let inValue = false;
  let inInline = 0;
  let phonetic = 0;
  let cells: string[] = [];
  parse(xml, {
    open: (t) => {
      switch (local(t.name)) {
        case 'dimension': {
          const end = String(t.attributes.ref ?? '').split(':').pop() ?? '';
          const rc = cellRef(end);
          if (rc && (rc[0] > limits.maxCols || rc[1] > limits.maxRows)) throw farAway(end);
          break;
        }
        case 'row': {
          const r = Number(t.attributes.r);
          rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
          if (maxRows !== undefined && rowNo > maxRows) throw new StopParsing();
          if (rowNo > limits.maxRows) throw farAway(`row ${rowNo}`);
          cells = [];
          col = 0;
          break;
        }
        case 'c': {
          const ref = t.attributes.r ? String(t.attributes.r) : '';
          const rc = ref ? cellRef(ref) : null;
          col = rc ? rc[0] : col + 1;
          type = String(t.attributes.t ?? 'n');
          style = Number(t.attributes.s ?? 0);
          value = '';
          break;
        }
        case 'v':
          inValue = true;
          break;
        case 'is':
          inInline++;
          break;
        case 't':
          if (inInline) inValue = true;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text: (s) => {
      if (inValue && phonetic === 0) value += s;
    },
    close: (n) => {
      switch (n) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'is':
          inInline--;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          const text = cellText(type, value, style, shared, dates);
          if (text !== '') {
            if (col > limits.maxCols) throw farAway(columnName(col) + rowNo);
            cells[col - 1] = text;
          }
          break;
        }
        case 'row':
          rows[rowNo - 1] = Array.from(cells, (c) => c ?? '');
          break;
      }
    },
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(type: string, v: string, style: number, shared: string[], dates: Set<number>): string {
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'inlineStr':
    case 'str':
      return v;
    case 'b':
      return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
    case 'e':
      return '';
    default:
      if (v !== '' && dates.has(style)) return serialToDay(Number(v));
      return v;
  }
}

function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
