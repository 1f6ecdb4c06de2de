// Exports for the organiser: attendance per session (CSV), a room's occupancy per minute
// (CSV) and the printable day report (PDF), in the language of the desk that asked. Written
// into the station's data folder and returned to the renderer, which offers them as downloads.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ExportFile, SessionAttendance } from '../core/api/occupancy';
import type { ParsedArgsOf } from '../core/api/index';
import { toCsv } from '../core/csv';
import { wordsFor, type Language, type Words } from '../core/i18n';
import { CATEGORIES, type Category } from '../core/model';
import { capacityState, fillPct } from '../core/occupancy/capacity';
import { perMinute } from '../core/occupancy/series';
import { dayInZone, timeInZone } from '../core/time';
import { listRooms, roomDay } from '../db/occupancy/read';
import { defaultFontFile, drawParagraph, paragraphHeight, PdfFonts } from '../node-shared/badges/pdf-text';
import { UserError } from './errors';
import { dayRange, sessionsOfDay, sessionWithAttendees } from './occupancy-view';
import type { Station } from './station';
import { makePrivateDir, writePrivateFile } from '../node-shared/private-files';

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 50) || 'export';

export function saveExport(station: Station, fileName: string, mime: ExportFile['mime'], data: Buffer): ExportFile {
  const dir = path.join(station.dataDir, 'exports');
  makePrivateDir(dir);
  const file = path.join(dir, fileName);
  writePrivateFile(file, data);
  return { fileName, mime, path: file, bytes: data.length, base64: data.toString('base64') };
}

const localStamp = (ms: number, tz: string) => `${dayInZone(ms, tz)} ${timeInZone(ms, tz)}`;

/** A category in the export's language (the code itself for one the catalog does not know). */
function categoryWord(words: Words, code: string, fallback: string): string {
  return (CATEGORIES as readonly string[]).includes(code) ? words.t(`category.${code as Category}`) : fallback;
}

export function attendanceCsv(station: Station, sessionId: string, now: number, lang?: Language): { fileName: string; text: string } {
  const s = sessionWithAttendees(station, sessionId, now);
  if (!s) throw new UserError('not_found', 'sessionNotFound');
  const tz = station.eventInfo().timeZone;
  const words = wordsFor(lang);
  const { t } = words;
  const rows: (string | number)[][] = [
    [t('csv.session'), t('csv.room'), t('csv.start'), t('csv.end'), t('csv.attendeeId'), t('csv.name'), t('csv.organisation'), t('csv.delegation'), t('csv.category'), t('csv.firstInside'), t('csv.minutesInside')],
  ];
  for (const a of s.attendees) {
    rows.push([
      s.session.title,
      s.session.roomName,
      localStamp(s.session.startsAt, tz),
      localStamp(s.session.endsAt, tz),
      a.attendeeId,
      a.listed ? (a.protected && !a.name ? t('safeguard.protectedParticipant') : a.name) : t('csv.notInList'),
      a.organisation,
      a.delegation,
      categoryWord(words, a.category, a.categoryLabel),
      localStamp(a.firstIn, tz),
      a.insideMinutes,
    ]);
  }
  return { fileName: `attendance-${dayInZone(s.session.startsAt, tz)}-${slug(s.session.title)}.csv`, text: toCsv(rows) };
}

export function seriesCsv(station: Station, roomId: string, day: string | undefined, now: number, lang?: Language): { fileName: string; text: string } {
  const orm = station.db.orm;
  const room = listRooms(orm).find((r) => r.id === roomId);
  if (!room) throw new UserError('not_found', 'roomNotFound');
  const tz = station.eventInfo().timeZone;
  const { t } = wordsFor(lang);
  const d = day ?? station.today(now);
  const data = roomDay(orm, roomId, d);
  const [from, to] = dayRange(d, tz, data.points[0]?.at ?? null, now, data.points.at(-1)?.at ?? null);
  // The State column keeps its codes (ok, warning, critical, full): stable for spreadsheet formulas.
  const rows: (string | number)[][] = [[t('csv.room'), t('csv.minute'), t('csv.occupancy'), t('csv.highest'), t('csv.capacity'), t('csv.percent'), t('csv.state')]];
  for (const p of perMinute(data.points, from, to)) {
    rows.push([room.name, localStamp(p.at, tz), p.current, p.max, room.capacity, fillPct(p.current, room.capacity), capacityState(p.current, room)]);
  }
  return { fileName: `occupancy-${d}-${slug(room.name)}.csv`, text: toCsv(rows) };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

const A4_MARGIN = 48;
const COLUMNS = [
  { key: 'report.time', w: 62 },
  { key: 'report.session', w: 178 },
  { key: 'report.room', w: 95 },
  { key: 'report.peak', w: 62, right: true },
  { key: 'report.unique', w: 52, right: true },
  { key: 'report.aboveWarn', w: 50, right: true },
] as const;
const CELL_PAD = 3;

/**
 * The printable day report: every session with its peak, unique attendees and time above the
 * warning level, in the asking desk's language, set in the embedded Noto fonts so session
 * titles and room names in any script print (pdfkit's Helvetica draws Latin only).
 */
export function dayReportPdf(station: Station, day: string | undefined, now: number, lang?: Language): Promise<{ fileName: string; data: Buffer }> {
  const info = station.eventInfo();
  const words = wordsFor(lang);
  const { t } = words;
  const d = day ?? station.today(now);
  const sessions = sessionsOfDay(station, d, now);
  const rooms = new Map(listRooms(station.db.orm).map((r) => [r.id, r]));
  const fullDate = new Intl.DateTimeFormat(words.locale, { timeZone: 'UTC', dateStyle: 'full' }).format(new Date(`${d}T12:00:00Z`));
  const longDay = fullDate.charAt(0).toLocaleUpperCase(words.locale) + fullDate.slice(1); // it starts a line: 'Воскресенье, 29 ноября'
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    font: defaultFontFile(),
    lang: words.lang,
    info: { Title: t('report.docTitle', { day: longDay }), Author: 'Foyer' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = new PdfFonts(doc);
  const x0 = A4_MARGIN;
  const tableW = COLUMNS.reduce((a, c) => a + c.w, 0);
  let y = A4_MARGIN;
  const para = (text: string, size: number, opts: { bold?: boolean; colour?: string } = {}) => {
    if (y + paragraphHeight(fonts, text, { width: tableW, size, ...opts }) > doc.page.height - A4_MARGIN) {
      doc.addPage();
      y = A4_MARGIN;
    }
    y += drawParagraph(doc, fonts, text, { x: x0, y, width: tableW, size, ...opts });
  };

  para(t('report.title'), 18, { bold: true });
  para(`${info.name} · ${info.venue}`, 10, { colour: '#333333' });
  para(t('report.generated', { day: longDay, at: localStamp(now, info.timeZone), timeZone: info.timeZone }), 10, { colour: '#333333' });
  y += 12;

  const headerCells = COLUMNS.map((c) => t(c.key));
  const row = (cells: string[], bold = false) => {
    const spec = (i: number) => ({ width: COLUMNS[i]!.w - 2 * CELL_PAD, size: 9, bold, maxLines: 4 });
    const h = Math.max(...cells.map((c, i) => paragraphHeight(fonts, c, spec(i)))) + 2 * CELL_PAD;
    if (y + h > doc.page.height - A4_MARGIN) {
      doc.addPage();
      y = A4_MARGIN;
      if (!bold) row(headerCells, true); // every page starts with the column titles
    }
    let x = x0;
    cells.forEach((c, i) => {
      drawParagraph(doc, fonts, c, { ...spec(i), x: x + CELL_PAD, y: y + CELL_PAD, align: 'right' in COLUMNS[i]! ? 'right' : 'left' });
      x += COLUMNS[i]!.w;
    });
    doc.moveTo(x0, y + h).lineTo(x, y + h).strokeColor('#bbbbbb').lineWidth(0.5).stroke();
    y += h;
  };
  row(headerCells, true);
  if (sessions.length === 0) row(['', t('report.noSessions'), '', '', '', '']);
  for (const s of sessions) row(reportCells(s, info.timeZone, words));
  y += 12;
  const pct = new Intl.NumberFormat(words.locale, { style: 'percent' });
  const levels = [...new Set([...rooms.values()].map((r) => pct.format(r.warnPct / 100)))].join(', ');
  para(t('report.notes', { levels }), 8, { colour: '#444444' });
  doc.end();
  return done.then((data) => ({ fileName: `day-report-${d}.pdf`, data }));
}

/** One session's row; a session that has not started shows – (nothing to count yet), as the room detail does. */
function reportCells(s: SessionAttendance, tz: string, words: Words): string[] {
  const { t } = words;
  const time = `${timeInZone(s.startsAt, tz)}–${timeInZone(s.endsAt, tz)}`;
  if (s.phase === 'upcoming') return [time, `${s.title} (${t('report.notStarted')})`, s.roomName, '–', '–', '–'];
  const n = (v: number) => v.toLocaleString(words.locale);
  const pct = new Intl.NumberFormat(words.locale, { style: 'percent' }).format(fillPct(s.peak, s.capacity) / 100);
  return [time, s.title, s.roomName, `${n(s.peak)} (${pct})`, n(s.unique), t('report.minutes', { n: minutes(s.aboveWarnMs) })];
}

export async function exportFile(station: Station, args: ParsedArgsOf<'occupancy.export'>, now: number): Promise<ExportFile> {
  if (args.kind === 'attendance_csv') {
    const f = attendanceCsv(station, args.sessionId, now, args.lang);
    return saveExport(station, f.fileName, 'text/csv', Buffer.from(f.text, 'utf8'));
  }
  if (args.kind === 'series_csv') {
    const f = seriesCsv(station, args.roomId, args.day, now, args.lang);
    return saveExport(station, f.fileName, 'text/csv', Buffer.from(f.text, 'utf8'));
  }
  const f = await dayReportPdf(station, args.day, now, args.lang);
  return saveExport(station, f.fileName, 'application/pdf', f.data);
}
