// Exports for the organiser: attendance per session (CSV), a room's occupancy per minute
// (CSV) and the printable day report (PDF). Written into the station's data folder and
// returned to the renderer, which offers them as downloads.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ExportFile, SessionAttendance } from '../core/api/occupancy';
import type { ParsedArgsOf } from '../core/api/index';
import { capacityState, fillPct } from '../core/occupancy/capacity';
import { toCsv } from '../core/occupancy/csv';
import { perMinute } from '../core/occupancy/series';
import { dayInZone, timeInZone } from '../core/time';
import { listRooms, roomDay } from '../db/occupancy/read';
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

function save(station: Station, fileName: string, mime: ExportFile['mime'], data: Buffer): ExportFile {
  const dir = path.join(station.dataDir, 'exports');
  makePrivateDir(dir);
  const file = path.join(dir, fileName);
  writePrivateFile(file, data);
  return { fileName, mime, path: file, bytes: data.length, base64: data.toString('base64') };
}

const localStamp = (ms: number, tz: string) => `${dayInZone(ms, tz)} ${timeInZone(ms, tz)}`;

export function attendanceCsv(station: Station, sessionId: string, now: number): { fileName: string; text: string } {
  const s = sessionWithAttendees(station, sessionId, now);
  if (!s) throw new UserError('not_found', 'That session does not exist at this event.');
  const tz = station.eventInfo().timeZone;
  const rows: (string | number)[][] = [
    ['Session', 'Room', 'Start', 'End', 'Attendee id', 'Name', 'Organisation', 'Delegation', 'Category', 'First inside', 'Minutes inside'],
  ];
  for (const a of s.attendees) {
    rows.push([
      s.session.title,
      s.session.roomName,
      localStamp(s.session.startsAt, tz),
      localStamp(s.session.endsAt, tz),
      a.attendeeId,
      a.name,
      a.organisation,
      a.delegation,
      a.categoryLabel,
      localStamp(a.firstIn, tz),
      a.insideMinutes,
    ]);
  }
  return { fileName: `attendance-${dayInZone(s.session.startsAt, tz)}-${slug(s.session.title)}.csv`, text: toCsv(rows) };
}

export function seriesCsv(station: Station, roomId: string, day: string | undefined, now: number): { fileName: string; text: string } {
  const orm = station.db.orm;
  const room = listRooms(orm).find((r) => r.id === roomId);
  if (!room) throw new UserError('not_found', 'That room does not exist at this event.');
  const tz = station.eventInfo().timeZone;
  const d = day ?? station.today(now);
  const data = roomDay(orm, roomId, d);
  const [from, to] = dayRange(d, tz, data.points[0]?.at ?? null, now, data.points.at(-1)?.at ?? null);
  const rows: (string | number)[][] = [['Room', 'Minute', 'Occupancy at end of minute', 'Highest in minute', 'Capacity', 'Percent', 'State']];
  for (const p of perMinute(data.points, from, to)) {
    rows.push([room.name, localStamp(p.at, tz), p.current, p.max, room.capacity, fillPct(p.current, room.capacity), capacityState(p.current, room)]);
  }
  return { fileName: `occupancy-${d}-${slug(room.name)}.csv`, text: toCsv(rows) };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** The printable day report: every session with its peak, unique attendees and time above the warning level. */
export function dayReportPdf(station: Station, day: string | undefined, now: number): Promise<{ fileName: string; data: Buffer }> {
  const info = station.eventInfo();
  const d = day ?? station.today(now);
  const sessions = sessionsOfDay(station, d, now);
  const rooms = new Map(listRooms(station.db.orm).map((r) => [r.id, r]));
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Room attendance — ${d}`, Author: 'Foyer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(18).text('Room attendance — day report');
  doc.font('Helvetica').fontSize(10).fillColor('#333').text(`${info.name} · ${info.venue}`);
  doc.text(`Day ${d} · generated ${localStamp(now, info.timeZone)} (${info.timeZone}) from this station's event log`);
  doc.moveDown(1);

  const cols = [
    { title: 'Time', w: 62 },
    { title: 'Session', w: 190 },
    { title: 'Room', w: 95 },
    { title: 'Peak', w: 58, right: true },
    { title: 'Unique', w: 45, right: true },
    { title: 'Above warn.', w: 50, right: true },
  ];
  const x0 = doc.page.margins.left;
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = x0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor('#000');
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.w - 6 }));
    const h = Math.max(...heights) + 6;
    if (y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      return row(cells, bold);
    }
    cells.forEach((c, i) => {
      doc.text(c, x, y + 3, { width: cols[i]!.w - 6, align: cols[i]!.right ? 'right' : 'left' });
      x += cols[i]!.w;
    });
    doc
      .moveTo(x0, y + h)
      .lineTo(x, y + h)
      .strokeColor('#bbb')
      .lineWidth(0.5)
      .stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  row(cols.map((c) => c.title), true);
  if (sessions.length === 0) row(['', 'No sessions on this day.', '', '', '', '']);
  for (const s of sessions) row(reportCells(s, info.timeZone));
  doc.moveDown(1);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#444')
    .text(
      'Peak: highest number of people inside during the session (badge scans plus manual counts), with the share of the room’s safe capacity. ' +
        'Unique: distinct people scanned inside at any moment of the session. Above warn.: minutes at or above the room’s warning level ' +
        `(${[...new Set([...rooms.values()].map((r) => `${r.warnPct}%`))].join(', ')} of capacity). ` +
        'Counts come from the merged event log; stations that have not synced yet are not included.',
      x0,
      doc.y,
      { width: cols.reduce((a, c) => a + c.w, 0) },
    );
  doc.end();
  return done.then((data) => ({ fileName: `day-report-${d}.pdf`, data }));
}

function reportCells(s: SessionAttendance, tz: string): string[] {
  return [
    `${timeInZone(s.startsAt, tz)}–${timeInZone(s.endsAt, tz)}`,
    s.phase === 'upcoming' ? `${s.title} (not started)` : s.title,
    s.roomName,
    `${s.peak} (${fillPct(s.peak, s.capacity)}%)`,
    String(s.unique),
    `${minutes(s.aboveWarnMs)} min`,
  ];
}

export async function exportFile(station: Station, args: ParsedArgsOf<'occupancy.export'>, now: number): Promise<ExportFile> {
  if (args.kind === 'attendance_csv') {
    const f = attendanceCsv(station, args.sessionId, now);
    return save(station, f.fileName, 'text/csv', Buffer.from(f.text, 'utf8'));
  }
  if (args.kind === 'series_csv') {
    const f = seriesCsv(station, args.roomId, args.day, now);
    return save(station, f.fileName, 'text/csv', Buffer.from(f.text, 'utf8'));
  }
  const f = await dayReportPdf(station, args.day, now);
  return save(station, f.fileName, 'application/pdf', f.data);
}
