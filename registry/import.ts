// Attendee import from a registration system's CSV or XLSX export: column mapping,
// a validation report (row, column, reason), and never a silent half-import —
// either all rows or nothing (default), or explicitly only the valid rows.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { z } from 'zod';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../core/model';
import type { AttendeeRecord } from '../core/sync/protocol';

export const FIELDS = [
  'id',
  'givenName',
  'familyName',
  'organisation',
  'delegation',
  'country',
  'category',
  'validDays',
  'status',
  'badgeCode',
  'notes',
] as const;
export type Field = (typeof FIELDS)[number];

export const ImportOptions = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** The file, base64-encoded. */
  fileBase64: z.string().min(1).max(70 * 1024 * 1024),
  /** Our field → the file's column header. Unmapped fields are guessed from the headers. */
  mapping: z.partialRecord(z.enum(FIELDS), z.string().max(200)).default({}),
  /** 'all' = import everything or nothing; 'valid' = import the valid rows and list the rest. */
  mode: z.enum(['all', 'valid']).default('all'),
  defaultCategory: z.enum(CATEGORIES).optional(),
  sheet: z.string().max(100).optional(),
  /** Check only; store nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export interface ImportProblem {
  /** 1-based row in the file, counting the header as row 1; 0 = the whole file. */
  row: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  rows: number;
  valid: number;
  imported: number;
  skipped: number;
  mapping: Partial<Record<Field, string>>;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** One sentence for the operator. */
  summary: string;
}

const GUESSES: Record<Field, string[]> = {
  id: ['id', 'attendee id', 'attendee_id', 'registration id', 'participant id', 'uuid'],
  givenName: ['given name', 'given_name', 'first name', 'firstname', 'first_name', 'forename', 'vorname', 'prénom'],
  familyName: ['family name', 'family_name', 'last name', 'lastname', 'last_name', 'surname', 'nachname', 'nom'],
  organisation: ['organisation', 'organization', 'company', 'institution', 'org'],
  delegation: ['delegation', 'country name', 'participating state'],
  country: ['country', 'country code', 'iso', 'nationality'],
  category: ['category', 'type', 'participant type', 'kategorie'],
  validDays: ['valid days', 'valid_days', 'days'],
  status: ['status'],
  badgeCode: ['badge code', 'badge_code', 'code', 'ticket code', 'secret', 'barcode', 'qr'],
  notes: ['notes', 'note', 'remarks', 'comment'],
};

const MAX_ROWS = 200_000;

export async function parseImport(opts: ImportOptions): Promise<{ report: ImportReport; records: AttendeeRecord[] }> {
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const buf = Buffer.from(opts.fileBase64, 'base64');
  let table: string[][];
  try {
    table = opts.format === 'csv' ? readCsv(buf, warnings) : await readXlsx(buf, opts.sheet);
  } catch (err) {
    const report = emptyReport(`The file could not be read as ${opts.format.toUpperCase()}: ${(err as Error).message}`);
    report.errors.push({ row: 0, column: '', reason: report.summary });
    return { report, records: [] };
  }
  const header = (table[0] ?? []).map((h) => h.trim());
  const body = table.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
  if (header.length === 0 || header.every((h) => h === '')) {
    const report = emptyReport('The file has no header row.');
    report.errors.push({ row: 1, column: '', reason: 'The first row must name the columns.' });
    return { report, records: [] };
  }
  if (body.length > MAX_ROWS) {
    const report = emptyReport(`The file has ${body.length} rows; at most ${MAX_ROWS} can be imported at once.`);
    report.errors.push({ row: 0, column: '', reason: report.summary });
    return { report, records: [] };
  }

  // Resolve the mapping: explicit columns must exist; the rest are guessed.
  const lower = header.map((h) => h.toLowerCase());
  const mapping: Partial<Record<Field, string>> = {};
  const col: Partial<Record<Field, number>> = {};
  for (const f of FIELDS) {
    const explicit = opts.mapping[f];
    if (explicit !== undefined) {
      const i = lower.indexOf(explicit.trim().toLowerCase());
      if (i < 0) errors.push({ row: 1, column: explicit, reason: `Column "${explicit}" (mapped to ${f}) is not in the file. Columns found: ${header.join(', ')}` });
      else {
        mapping[f] = header[i]!;
        col[f] = i;
      }
      continue;
    }
    const i = lower.findIndex((h) => GUESSES[f].includes(h));
    if (i >= 0) {
      mapping[f] = header[i]!;
      col[f] = i;
    }
  }
  if (col.givenName === undefined && col.familyName === undefined) {
    errors.push({ row: 1, column: '', reason: 'No name column: map givenName and/or familyName to a column.' });
  }
  if (col.id === undefined && col.badgeCode === undefined) {
    errors.push({ row: 1, column: '', reason: 'Map an id or a badge code column, so that importing again updates people instead of adding them twice.' });
  }
  if (col.category === undefined && !opts.defaultCategory) {
    errors.push({ row: 1, column: '', reason: 'No category column: map one, or choose a default category for everyone.' });
  }
  if (errors.length > 0) {
    const report = emptyReport(`Nothing was imported: ${errors[0]!.reason}`);
    report.rows = body.length;
    report.errors = errors;
    report.mapping = mapping;
    return { report, records: [] };
  }

  const records: AttendeeRecord[] = [];
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  let bad = 0;
  body.forEach((cells, idx) => {
    const row = idx + 2;
    const get = (f: Field) => (col[f] === undefined ? '' : (cells[col[f]!] ?? '').trim());
    const rowErrors: ImportProblem[] = [];
    const err = (f: Field, reason: string) => rowErrors.push({ row, column: mapping[f] ?? f, reason });
    const givenName = get('givenName');
    const familyName = get('familyName');
    if (!givenName && !familyName) err(col.familyName !== undefined ? 'familyName' : 'givenName', 'The name is empty.');
    for (const f of ['givenName', 'familyName', 'organisation', 'delegation', 'notes'] as const) {
      const max = f === 'notes' ? 2000 : f === 'organisation' ? 300 : 200;
      if (get(f).length > max) err(f, `Longer than ${max} characters.`);
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(get(f))) err(f, 'Contains control characters.');
    }
    const category = toCategory(get('category'), opts.defaultCategory);
    if (!category) err('category', `Unknown category "${get('category').slice(0, 40)}". Use one of: ${CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(', ')}.`);
    const status = toStatus(get('status'));
    if (!status) err('status', `Unknown status "${get('status').slice(0, 40)}" (active, cancelled or revoked).`);
    const validDays = toDays(get('validDays'));
    if (validDays === undefined) err('validDays', 'Valid days must be dates like 2026-04-18, separated by ";" or ",".');
    const code = get('badgeCode');
    if (code.length > 256) err('badgeCode', 'Badge code longer than 256 characters.');
    let id = get('id');
    if (col.id !== undefined && !id) err('id', 'The id is empty.');
    if (!id && code) id = `code-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 24)}`;
    if (id.length > 64) err('id', 'Id longer than 64 characters.');
    if (id && seenIds.has(id)) err('id', `Same id as row ${seenIds.get(id)}.`);
    if (code && seenCodes.has(code)) err('badgeCode', `Same badge code as row ${seenCodes.get(code)}.`);
    const country = get('country');
    if (country.length > 8) {
      warnings.push({ row, column: mapping.country ?? 'country', reason: 'Country is not a short code; left empty.' });
    }
    if (rowErrors.length > 0) {
      bad++;
      errors.push(...rowErrors);
      return;
    }
    seenIds.set(id, row);
    if (code) seenCodes.set(code, row);
    records.push({
      id,
      givenName,
      familyName,
      organisation: get('organisation'),
      delegation: get('delegation'),
      country: country.length > 8 ? '' : country.toUpperCase(),
      category: category!,
      validDays: validDays ?? null,
      status: status!,
      badgeVersion: 1,
      notes: get('notes'),
      badgeCodes: code ? [code] : [],
      source: 'registry',
    });
  });

  const willImport = opts.dryRun ? 0 : bad === 0 || opts.mode === 'valid' ? records.length : 0;
  const summary =
    bad === 0
      ? `${opts.dryRun ? 'Checked' : 'Imported'} ${records.length} people; no problems.`
      : opts.mode === 'valid'
        ? `${opts.dryRun ? 'Would import' : 'Imported'} ${records.length} of ${body.length} rows; ${bad} rows with problems were NOT imported (listed below).`
        : `Nothing was imported: ${bad} of ${body.length} rows have problems (listed below). Fix them, or import only the valid rows.`;
  return {
    report: {
      rows: body.length,
      valid: records.length,
      imported: willImport,
      skipped: body.length - willImport,
      mapping,
      errors: errors.slice(0, 1000),
      warnings: warnings.slice(0, 1000),
      summary,
    },
    records: willImport > 0 ? records : [],
  };
}

function emptyReport(summary: string): ImportReport {
  return { rows: 0, valid: 0, imported: 0, skipped: 0, mapping: {}, errors: [], warnings: [], summary };
}

function readCsv(buf: Buffer, warnings: ImportProblem[]): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Registration exports from old spreadsheet software are often Windows-1252.
    text = new TextDecoder('windows-1252').decode(buf);
    warnings.push({ row: 0, column: '', reason: 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented names.' });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const res = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: '' });
  const fatal = res.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return res.data.map((r) => r.map((c) => String(c ?? '')));
}

async function readXlsx(buf: Buffer, sheetName?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) throw new Error(sheetName ? `no sheet named "${sheetName}"` : 'the workbook has no sheets');
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? '');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

const CATEGORY_BY_TEXT = new Map<string, Category>();
for (const c of CATEGORIES) {
  CATEGORY_BY_TEXT.set(c, c);
  CATEGORY_BY_TEXT.set(CATEGORY_LABELS[c].toLowerCase(), c);
}
for (const [k, v] of Object.entries({
  'partner for cooperation': 'partner',
  'international organization': 'io',
  'international organisation': 'io',
  ngo: 'ngo',
  'civil society': 'ngo',
  press: 'media',
  journalist: 'media',
  'private sector': 'private_sector',
  business: 'private_sector',
  panelist: 'speaker',
  panellist: 'speaker',
  moderator: 'speaker',
  organiser: 'staff',
  organizer: 'staff',
  'participating state': 'delegation',
} as Record<string, Category>))
  CATEGORY_BY_TEXT.set(k, v);

function toCategory(text: string, fallback?: Category): Category | null {
  if (!text) return fallback ?? null;
  return CATEGORY_BY_TEXT.get(text.toLowerCase().replace(/\s+/g, ' ').replace(/-/g, ' ').replace('co operation', 'cooperation')) ?? CATEGORY_BY_TEXT.get(text.toLowerCase()) ?? null;
}

function toStatus(text: string): AttendeeRecord['status'] | null {
  const t = text.toLowerCase();
  if (!t || ['active', 'paid', 'confirmed', 'registered', 'approved'].includes(t)) return 'active';
  if (['cancelled', 'canceled', 'withdrawn'].includes(t)) return 'cancelled';
  if (t === 'revoked') return 'revoked';
  return null;
}

/** '' → null (every day); undefined = invalid. */
function toDays(text: string): string[] | null | undefined {
  if (!text) return null;
  const parts = text.split(/[;,\s]+/).filter(Boolean);
  if (parts.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p) && !Number.isNaN(Date.parse(p)))) return parts;
  return undefined;
}
