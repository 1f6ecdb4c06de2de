// CSV for spreadsheets, safe against formula injection: a text cell that starts with
// = + - @ tab or CR gets a leading apostrophe, so Excel/LibreOffice show it as text
// instead of running it (OWASP "CSV injection"). Numbers are written as numbers.

const DANGEROUS = /^[=+\-@\t\r]/;

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = DANGEROUS.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (CRLF line ends, as RFC 4180 and Excel expect), with a BOM so Excel reads UTF-8. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
