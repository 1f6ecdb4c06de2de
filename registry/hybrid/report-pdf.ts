// The hybrid attendance report as a PDF for the organisers (A4, Noto fonts: any script prints):
// conference totals, participants per category with their share, every session in person and
// online, then each session by category and by delegation. Same rows as the workbook
// (report-layout.ts); numbers only, no names.
import { wordsFor, type Language } from '../../core/i18n';
import { dayInZone, timeInZone } from '../../core/time';
import { PdfReport } from '../../node-shared/pdf-table';
import type { ReportInput } from './report-data';
import { categoryTotalRows, sessionCategoryRows, sessionColumns, sessionDelegationRows, sessionRows, splitColumns, totalsRows, type Cell } from './report-layout';

export async function attendancePdf(input: ReportInput, lang?: Language): Promise<Buffer> {
  const words = wordsFor(lang);
  const { t } = words;
  const tz = input.event?.timeZone ?? 'UTC';
  const { report } = input;
  const num = new Intl.NumberFormat(words.locale);
  const pct = new Intl.NumberFormat(words.locale, { style: 'percent', maximumFractionDigits: 1 });
  const text = (rows: Cell[][]) => rows.map((r) => r.map((c) => (typeof c === 'number' ? num.format(c) : c)));
  const eventName = input.event?.name ?? '';
  const pdf = new PdfReport({ title: t('hybrid.docTitle', { event: eventName }), lang: words.lang });

  pdf.para(t('hybrid.title'), 18, { bold: true });
  if (input.event) pdf.para([input.event.name, input.event.venue].filter(Boolean).join(' · '), 10, { colour: '#333333' });
  pdf.para(
    t('hybrid.generated', { at: `${dayInZone(input.madeAt, tz)} ${timeInZone(input.madeAt, tz)}`, timeZone: tz, zoom: input.zoomSessions, sessions: report.sessions.length }),
    10,
    { colour: '#333333' },
  );
  pdf.gap(12);

  pdf.para(t('hybrid.totals'), 13, { bold: true, keepWithNext: 40 });
  pdf.gap(4);
  pdf.table([{ title: '', w: 300 }, { title: '', w: 80, right: true }], text(totalsRows(report, words)));
  pdf.gap(10);
  pdf.para(t('hybrid.byCategory'), 11, { bold: true, keepWithNext: 40 });
  pdf.gap(4);
  const cats = categoryTotalRows(report, words).map(([g, n, share]) => [g as string, num.format(n as number), pct.format(share as number)]);
  pdf.table(
    [{ title: t('hybrid.category'), w: 240 }, { title: t('hybrid.participants'), w: 80, right: true }, { title: t('hybrid.share'), w: 60, right: true }],
    cats.length ? cats : [[t('hybrid.nobody'), '', '']],
  );
  pdf.gap(14);

  pdf.para(t('hybrid.sessions'), 13, { bold: true, keepWithNext: 40 });
  pdf.gap(4);
  const sessions = text(sessionRows(report, tz, words));
  pdf.table(sessionColumns(words), sessions.length ? sessions : [['', t('hybrid.noSessions'), '', '', '', '', '']]);

  for (const s of report.sessions) {
    if (s.all.total === 0) continue;
    pdf.gap(14);
    pdf.para(`${s.title} · ${s.roomName} · ${dayInZone(s.startsAt, tz)} ${timeInZone(s.startsAt, tz)}–${timeInZone(s.endsAt, tz)}`, 11, { bold: true, keepWithNext: 60 });
    pdf.gap(4);
    pdf.table(splitColumns(words, t('hybrid.category'), 250), text(sessionCategoryRows(report, words, s)));
    const delegations = text(sessionDelegationRows(report, words, s)).map(([d, c, ...n]) => [`${d} (${c})`, ...n]);
    if (delegations.length > 0) {
      pdf.gap(6);
      pdf.table(splitColumns(words, t('hybrid.delegation'), 250), delegations);
    }
  }
  pdf.gap(14);
  pdf.para(t('hybrid.notes'), 8, { colour: '#444444' });
  return pdf.end();
}
