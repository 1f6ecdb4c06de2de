// A whole import, start to finish and free of I/O: file bytes (or a connector's rows) → the
// source's table → the columns' meanings → one validation pass → the records and a report.
// Runs inside the import worker (registry/import/worker.ts); tests call it directly.
import { AttendeeStatus, type Category } from '../../core/model';
import { parseCategoryRule, type CategoryRules } from './categories';
import { foldHeader, mapColumns, SOURCE_FIELDS, type SourceField } from './fields';
import { detectProfile, PROFILE_LABELS, type ProfileName } from './profiles';
import { readTable, type FileNote, type Table } from './table';
import type { ImportedAttendee, ImportOptions, ImportProblem, ImportReport, RowsImport, SourceRow } from './types';
import { validateRows } from './validate';
import { FileRefused } from './zip';

export const MAX_ROWS = 200_000;
/** Rows of the file shown in the console's preview. */
const PREVIEW_ROWS = 8;

export interface ImportResult {
  report: ImportReport;
  /** Valid records to store (empty when nothing is to be stored). */
  records: ImportedAttendee[];
}

export function refusedReport(summary: string, profile: ProfileName = 'generic', code = 'refused', params: Record<string, string | number> = {}): ImportReport {
  return {
    profile,
    profileLabel: PROFILE_LABELS[profile],
    rows: 0,
    valid: 0,
    imported: 0,
    skipped: 0,
    mapping: {},
    statuses: {},
    categories: {},
    errors: [{ row: 0, column: '', reason: summary, code, params: { detail: summary, ...params } }],
    warnings: [],
    summary,
  };
}

function parseStatusRule(text: string): [string, AttendeeStatus] {
  const eq = text.lastIndexOf('=');
  const s = AttendeeStatus.safeParse(text.slice(eq + 1).trim().toLowerCase());
  if (eq <= 0 || !s.success) throw new Error(`Status rule "${text}": write it as "Word=status", with a status among ${AttendeeStatus.options.join(', ')}.`);
  return [foldHeader(text.slice(0, eq)), s.data];
}

function rules(o: { categoryRules?: string[]; statusRules?: string[] }): { categoryRules: CategoryRules; statusRules: Map<string, AttendeeStatus> } {
  return {
    categoryRules: new Map((o.categoryRules ?? []).map(parseCategoryRule)),
    statusRules: new Map((o.statusRules ?? []).map(parseStatusRule)),
  };
}

/** A file import: CSV or XLSX bytes and the operator's options. */
export function parseFileImport(file: Buffer, opts: ImportOptions): ImportResult {
  let table: Table;
  let r: ReturnType<typeof rules>;
  try {
    r = rules(opts);
    // The bytes say what the file is, whatever it was called.
    const zip = file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    if (file.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new FileRefused('This is an old Excel .xls file (or another legacy Office format). Save it as .xlsx or CSV and import again.', 'old_excel');
    }
    table = readTable(zip || opts.format === 'xlsx' ? 'xlsx' : 'csv', file, opts.sheet);
  } catch (err) {
    if (err instanceof FileRefused) return { report: refusedReport(err.message, 'generic', err.code, { detail: err.message }), records: [] };
    if (err instanceof Error && /rule "/.test(err.message)) return { report: refusedReport(err.message, 'generic', 'bad_rule', { detail: err.message }), records: [] };
    const detail = (err as Error).message.split('\n')[0] ?? '';
    return { report: refusedReport(`The file could not be read as ${opts.format.toUpperCase()}: ${detail}`, 'generic', 'unreadable', { format: opts.format.toUpperCase(), detail }), records: [] };
  }
  const { header, rows } = table;
  // What the file looks like as read, for the organiser to compare with the mapping (console preview).
  const preview = { header, rows: rows.slice(0, PREVIEW_ROWS).map((r) => header.map((_, i) => (r[i] ?? '').slice(0, 200))), ...(table.sheets ? { sheets: table.sheets } : {}) };
  if (header.length === 0 || header.every((h) => h === '')) return { report: { ...refusedReport('The file has no header row: the first row must name the columns.', 'generic', 'no_header'), preview }, records: [] };
  if (rows.length > MAX_ROWS) return { report: refusedReport(`The file has ${rows.length} rows; at most ${MAX_ROWS} can be imported at once.`, 'generic', 'too_many_rows', { rows: rows.length, max: MAX_ROWS }), records: [] };

  // Column meanings: recognised by header, the operator's --map wins.
  const detected = detectProfile(header);
  const profile = opts.profile ?? detected.profile;
  const idx: Partial<Record<SourceField, number>> = mapColumns(header);
  const problems: ImportProblem[] = [];
  const lower = header.map((h) => h.toLowerCase());
  for (const [field, name] of Object.entries(opts.mapping) as [SourceField, string][]) {
    // An empty name: the organiser said this field is in no column (a guess they overruled).
    if (name.trim() === '') {
      delete idx[field];
      continue;
    }
    const i = lower.indexOf(name.trim().toLowerCase());
    if (i < 0) problems.push({ row: 1, column: name, reason: `Column "${name}" (mapped to ${field}) is not in the file. Columns found: ${header.join(', ')}`, code: 'column_missing', params: { column: name, field } });
    else {
      for (const f of SOURCE_FIELDS) if (idx[f] === i) delete idx[f];
      idx[field] = i;
    }
  }
  // "Name" beside "Surname" is the given name, not a full one.
  if (idx.fullName !== undefined && idx.familyName !== undefined && idx.givenName === undefined && !opts.mapping.fullName) {
    idx.givenName = idx.fullName;
    delete idx.fullName;
  }
  // A "Position" column is a pretix position number only next to an order code (Indico's is a job title).
  if (idx.orderCode === undefined) delete idx.positionId;
  const mapping = Object.fromEntries(Object.entries(idx).map(([f, i]) => [f, header[i!]!])) as Partial<Record<SourceField, string>>;
  if (idx.givenName === undefined && idx.familyName === undefined && idx.fullName === undefined && idx.buyerName === undefined) {
    problems.push({ row: 1, column: '', reason: `No name column was recognised among: ${header.slice(0, 40).join(', ')}. Name one with --map givenName=… and --map familyName=….`, code: 'no_name_column' });
  }
  if (problems.length > 0) {
    const report = refusedReport(`Nothing was imported: ${problems[0]!.reason}`, profile);
    return { report: { ...report, sheet: table.sheet, rows: rows.length, mapping, errors: problems, preview }, records: [] };
  }

  const get = (cells: string[], f: SourceField) => (idx[f] === undefined ? undefined : (cells[idx[f]!] ?? '').trim());
  const source: SourceRow[] = rows.map((cells, i) => {
    const code = get(cells, 'badgeCode');
    return {
      row: table.rowNumbers[i]!,
      id: get(cells, 'id'),
      orderCode: get(cells, 'orderCode'),
      positionId: /^\d{1,6}$/.test(get(cells, 'positionId') ?? '') ? get(cells, 'positionId') : undefined,
      givenName: get(cells, 'givenName'),
      familyName: get(cells, 'familyName'),
      fullName: get(cells, 'fullName'),
      buyerName: get(cells, 'buyerName'),
      organisation: get(cells, 'organisation'),
      delegation: get(cells, 'delegation'),
      country: get(cells, 'country'),
      category: get(cells, 'category'),
      variation: get(cells, 'variation'),
      tags: get(cells, 'tags'),
      status: get(cells, 'status'),
      validDays: get(cells, 'validDays'),
      badgeCodes: code ? [code] : [],
      notes: get(cells, 'notes'),
      accompanying: get(cells, 'accompanying'),
      protected: get(cells, 'protected'),
      chosenName: get(cells, 'chosenName'),
      noPhoto: get(cells, 'noPhoto'),
      protocolHost: get(cells, 'protocolHost'),
      protocolNote: get(cells, 'protocolNote'),
      protocolRoom: get(cells, 'protocolRoom'),
      email: get(cells, 'email'),
      picture: get(cells, 'picture'),
    };
  });
  const result = finish(source, profile, opts, r, mapping, table.warnings, rows.length);
  result.report.sheet = table.sheet;
  result.report.preview = preview;
  return result;
}

/** A connector's rows (already in Foyer's terms, statuses known). */
export function parseRowsImport(input: RowsImport): ImportResult {
  let r: ReturnType<typeof rules>;
  try {
    r = rules(input);
  } catch (err) {
    return { report: refusedReport((err as Error).message, input.profile), records: [] };
  }
  const rows: SourceRow[] = input.rows;
  return finish(rows, input.profile, { mode: 'all', dryRun: input.dryRun, defaultCategory: input.defaultCategory }, r, {}, [], rows.length);
}

function finish(
  source: SourceRow[],
  profile: ProfileName,
  opts: { mode: 'all' | 'valid'; dryRun: boolean; defaultCategory?: Category },
  r: ReturnType<typeof rules>,
  mapping: Partial<Record<SourceField, string>>,
  fileWarnings: FileNote[],
  rowCount: number,
): ImportResult {
  const v = validateRows(source, {
    profile,
    defaultCategory: opts.defaultCategory ?? 'participant',
    defaultChosen: opts.defaultCategory !== undefined,
    categoryRules: r.categoryRules,
    statusRules: r.statusRules,
    columns: mapping,
  });
  const willImport = opts.dryRun ? 0 : v.bad === 0 || opts.mode === 'valid' ? v.records.length : 0;
  const statuses: Record<string, number> = {};
  const categories: Record<string, number> = {};
  for (const a of v.records) {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    categories[a.category] = (categories[a.category] ?? 0) + 1;
  }
  const people = v.records.length;
  const summary =
    v.bad === 0
      ? `${opts.dryRun ? 'Checked' : 'Imported'} ${people} people from ${PROFILE_LABELS[profile]}; ${v.warnings.length + fileWarnings.length === 0 ? 'no problems' : 'see the warnings below'}.`
      : opts.mode === 'valid'
        ? `${opts.dryRun ? 'Would import' : 'Imported'} ${rowCount - v.bad} of ${rowCount} rows; ${v.bad} rows with problems were NOT imported (listed below).`
        : `Nothing was imported: ${v.bad} of ${rowCount} rows have problems (listed below). Fix them, or import only the valid rows.`;
  return {
    report: {
      profile,
      profileLabel: PROFILE_LABELS[profile],
      rows: rowCount,
      valid: people,
      imported: willImport,
      skipped: Math.max(0, rowCount - willImport),
      mapping,
      statuses,
      categories,
      errors: v.errors.slice(0, 1000),
      warnings: [...fileWarnings.map((w) => ({ row: 0, column: '', ...w })), ...v.warnings].slice(0, 1000),
      summary,
    },
    records: willImport > 0 ? v.records : [],
  };
}
