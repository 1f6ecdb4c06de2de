// CSV for spreadsheets (papaparse), safe against formula injection: a text cell that starts
// with = + - @ tab or CR gets a leading apostrophe, so Excel/LibreOffice show it as text instead
// of running it (OWASP "CSV injection"); numbers are written as numbers. One writer for the
// station's exports and the registry's.
import Papa from 'papaparse';

/**
 * Cells a spreadsheet would run. Passed as our own pattern: papaparse's built-in one
 * (`escapeFormulae: true`) is /^[=+\-@\t\r].*$/, which misses a formula followed by a line break.
 */
const FORMULA = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

const CONFIG: Papa.UnparseConfig = { escapeFormulae: FORMULA, newline: '\r\n' };

/**
 * Rows to a spreadsheet file: CRLF line ends (RFC 4180, Excel), the last row ended too, and a
 * BOM so Excel reads UTF-8. A number that is not finite is an empty cell.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  const data = rows.map((r) => r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? '' : v)));
  return '\uFEFF' + Papa.unparse({ fields: [], data }, CONFIG) + '\r\n';
}

/** Records to CSV with a header row of their keys (the first record's), as papaparse writes them. */
export function recordsToCsv(records: readonly Record<string, CsvValue>[]): string {
  return Papa.unparse([...records], CONFIG);
}
