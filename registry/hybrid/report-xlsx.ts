// The hybrid attendance report as an Excel workbook, for organisers who go on counting: the same
// rows as the PDF (report-layout.ts), one sheet each for the totals, the sessions, the sessions by
// category and by delegation, numbers as numbers. Cell text is written as text (exceljs never
// turns a string into a formula), so a session title like "=HYPERLINK(…)" stays words.
import ExcelJS from 'exceljs';
import { wordsFor, type Language } from '../../core/i18n';
import type { ReportInput } from './report-data';
import { categoryTotalRows, sessionCategoryRows, sessionColumns, sessionDelegationRows, sessionRows, splitColumns, totalsRows, type Cell, type Sheet } from './report-layout';

/** Excel's rules for a sheet name: 31 characters, none of []:*?/\ . */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, opts: { percentColumn?: number } = {}): void {
  const ws = wb.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.title, width: Math.max(8, Math.round(c.w / 5)) }));
  ws.getRow(1).font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r);
  if (opts.percentColumn !== undefined) ws.getColumn(opts.percentColumn + 1).numFmt = '0.0%';
}

export async function attendanceXlsx(input: ReportInput, lang?: Language): Promise<Buffer> {
  const words = wordsFor(lang);
  const { t } = words;
  const tz = input.event?.timeZone ?? 'UTC';
  const { report } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Foyer';
  wb.title = t('hybrid.docTitle', { event: input.event?.name ?? '' });
  const totals: Cell[][] = [...totalsRows(report, words), [], [t('hybrid.byCategory'), t('hybrid.participants'), t('hybrid.share')], ...categoryTotalRows(report, words)];
  addSheet(wb, { name: t('hybrid.totals'), columns: [{ title: t('hybrid.totals'), w: 220 }, { title: '', w: 70 }, { title: '', w: 60 }], rows: totals }, { percentColumn: 2 });
  addSheet(wb, { name: t('hybrid.sessions'), columns: sessionColumns(words), rows: sessionRows(report, tz, words) });
  addSheet(wb, { name: t('hybrid.byCategory'), columns: [{ title: t('hybrid.session'), w: 200 }, ...splitColumns(words, t('hybrid.category'), 150)], rows: sessionCategoryRows(report, words) });
  const [first, ...rest] = splitColumns(words, t('hybrid.delegation'), 150);
  addSheet(wb, {
    name: t('hybrid.byDelegation'),
    columns: [{ title: t('hybrid.session'), w: 200 }, first!, { title: t('hybrid.category'), w: 120 }, ...rest],
    rows: sessionDelegationRows(report, words),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
