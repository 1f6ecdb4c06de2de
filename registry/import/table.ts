// From a file's bytes to one table with a header row: the text encoding (UTF-8 with or without
// BOM, UTF-16 "Unicode text", Windows-1252), the CSV dialect (commas, semicolons, tabs; quoted
// or not — papaparse guesses), and for a workbook the sheet that holds the people, found by
// its headers wherever it is (pretix puts "Order positions" second), and the header row,
// found by meaning (reports often open with a title line or two).
import Papa from 'papaparse';
import { headerScore, mapColumns } from './fields';
import { detectProfile } from './profiles';
import { openWorkbook } from './xlsx';
import { FileRefused } from './zip';

export interface Table {
  header: string[];
  /** Data rows; `rowNumbers[i]` is the 1-based line/row in the file of `rows[i]`. */
  rows: string[][];
  rowNumbers: number[];
  /** Which sheet, for workbooks. */
  sheet?: string;
  sheets?: string[];
  warnings: FileNote[];
}

/** A warning about the file as a whole: the sentence, and its kind and values for the console. */
export interface FileNote {
  reason: string;
  code: string;
  params?: Record<string, string | number>;
}

/** How many leading rows are searched for the header row. */
const HEADER_SEARCH = 15;

export function decodeText(buf: Buffer, warnings: FileNote[]): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const probe = buf.subarray(0, 400);
  let zeroOdd = 0;
  for (let i = 1; i < probe.length; i += 2) if (probe[i] === 0) zeroOdd++;
  if (probe.length >= 8 && zeroOdd > probe.length / 4) return new TextDecoder('utf-16le').decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Registration exports from old spreadsheet software are often Windows-1252.
    warnings.push({ reason: 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented names.', code: 'not_utf8' });
    return new TextDecoder('windows-1252').decode(buf);
  }
}

export function readCsvRows(buf: Buffer, warnings: FileNote[]): string[][] {
  let text = decodeText(buf, warnings);
  // Excel's own hint line ("sep=;") names the delimiter.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const res = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: hint ? hint[1]! : guessDelimiter(text) });
  const fatal = res.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new FileRefused(`The CSV file is damaged at line ${(fatal.row ?? 0) + 2}: ${fatal.message}. Nothing was imported.`);
  return res.data.map((r) => r.map((c) => String(c ?? '')));
}

/**
 * The delimiter the header line is split by: data rows can mislead (pretix's German semicolon
 * export writes prices as "120,00"), a header line rarely holds a stray delimiter.
 */
function guessDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, 6).filter((l) => l.trim() !== '');
  let best = { d: ',', n: 0 };
  for (const d of [',', ';', '\t', '|']) {
    const n = Math.max(0, ...lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1));
    if (n > best.n) best = { d, n };
  }
  return best.d;
}

/** The most header-like row among the first few (ties: the earliest). */
function findHeaderRow(rows: string[][]): { index: number; score: number } {
  let best = { index: 0, score: -1 };
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH); i++) {
    const s = headerScore(rows[i] ?? []);
    if (s > best.score) best = { index: i, score: s };
  }
  return best;
}

function toTable(all: string[][], warnings: FileNote[]): Omit<Table, 'sheet' | 'sheets'> {
  const { index } = findHeaderRow(all);
  if (index > 0) warnings.push({ reason: `The column names are on row ${index + 1}; the ${index === 1 ? 'line' : `${index} lines`} above them were skipped.`, code: 'header_row', params: { row: index + 1 } });
  const header = (all[index] ?? []).map((h) => h.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = index + 1; i < all.length; i++) {
    const r = all[i] ?? [];
    if (r.some((c) => c.trim() !== '')) {
      rows.push(r);
      rowNumbers.push(i + 1);
    }
  }
  return { header, rows, rowNumbers, warnings };
}

export function readTable(format: 'csv' | 'xlsx', buf: Buffer, sheetName?: string): Table {
  const warnings: FileNote[] = [];
  if (format === 'csv') return toTable(readCsvRows(buf, warnings), warnings);
  const wb = openWorkbook(buf);
  const names = wb.sheets.map((s) => s.name);
  let sheet = sheetName ? wb.sheets.find((s) => s.name.toLowerCase() === sheetName.trim().toLowerCase()) : undefined;
  if (sheetName && !sheet) throw new FileRefused(`There is no sheet named "${sheetName}". Sheets in this workbook: ${names.join(', ')}.`);
  if (!sheet) {
    // The sheet whose headers say most clearly who is coming: a known source first, then the most recognised columns.
    let best: { s: (typeof wb.sheets)[number]; key: number } | null = null;
    for (const s of wb.sheets.slice(0, 30)) {
      const head = wb.readSheet(s, HEADER_SEARCH);
      const { index, score } = findHeaderRow(head);
      const cols = mapColumns(head[index] ?? []);
      const people = cols.givenName !== undefined || cols.familyName !== undefined || cols.fullName !== undefined ? 1 : 0;
      const profile = detectProfile(head[index] ?? []);
      const key = people * 10_000 + (profile.profile === 'generic' ? 0 : 1000 + profile.score * 10) + score - (s.hidden ? 5000 : 0);
      if (!best || key > best.key) best = { s, key };
    }
    sheet = best!.s;
  }
  const t = toTable(wb.readSheet(sheet), warnings);
  if (names.length > 1) {
    t.warnings.unshift({ reason: `Read sheet "${sheet.name}" (the workbook has ${names.map((n) => `"${n}"`).join(', ')}); choose another with --sheet.`, code: 'sheet_chosen', params: { sheet: sheet.name } });
  }
  return { ...t, sheet: sheet.name, sheets: names };
}
