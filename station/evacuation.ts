// The evacuation roll call on a station (docs/evacuation.md): the list of everyone inside now by
// floor and room, the start and end of an evacuation or drill, assembly-point marks, and the list
// for emergency services (CSV, PDF). Works offline on whatever the station holds; every station
// converges on the same list as events sync, since the list is a function of the merged log.
import PDFDocument from 'pdfkit';
import type { DepartResult, EvacuationPerson, EvacuationRoom, EvacuationView, SafeResult } from '../core/api/evacuation';
import type { ExportFile } from '../core/api/occupancy';
import { cleanReadings } from '../core/checkin/scan-input';
import { toCsv } from '../core/csv';
import { rollCall } from '../core/evacuation/roll-call';
import { wordsFor, type Language } from '../core/i18n';
import { CATEGORY_LABELS, type Category } from '../core/model';
import { DUPLICATE_WINDOW_MS } from '../core/occupancy/types';
import { legalName, publicName } from '../core/sync/visibility';
import { dayInZone, timeInZone } from '../core/time';
import { getAttendee, getAttendeesByIds, type AttendeeRow } from '../db/attendees';
import { currentEvacuation, lastDepartureAt, rollCallFacts, stationFreshness } from '../db/evacuation';
import { listRooms } from '../db/occupancy/read';
import { defaultFontFile, drawParagraph, LINE_HEIGHT, PdfFonts, wrapText } from '../node-shared/badges/pdf-text';
import { matchReadings } from './badges/matchers';
import { saveExport } from './occupancy-export';
import type { Station } from './station';
import { lastSyncAt } from './sync/link';

interface Listed extends EvacuationPerson {
  row: AttendeeRow | undefined;
  roomId: string;
}

const entries = (station: Station, day: string) => rollCall(rollCallFacts(station.db.orm, day));
const unaccountedOf = (xs: readonly { safe: boolean }[]) => xs.filter((p) => !p.safe).length;

/** Everyone inside now with their row, room and mark, unaccounted first, then by name. */
function listed(station: Station, day: string): Listed[] {
  const list = entries(station, day);
  const rows = new Map(getAttendeesByIds(station.db.orm, list.map((e) => e.attendeeId)).map((a) => [a.id, a]));
  const coll = new Intl.Collator('en', { sensitivity: 'base' });
  return list
    .map((e) => {
      const row = rows.get(e.attendeeId);
      return {
        attendeeId: e.attendeeId,
        // Screens follow the safeguarding rule; only the emergency services' list names people legally.
        name: row ? publicName(row) : e.attendeeId,
        protected: row?.protected ?? false,
        categoryLabel: row ? (CATEGORY_LABELS[row.category as Category] ?? row.category) : '',
        safe: e.safe,
        row,
        roomId: e.roomId,
      };
    })
    .sort((a, b) => Number(a.safe) - Number(b.safe) || coll.compare(a.name, b.name));
}

export function evacuationView(station: Station, now: number): EvacuationView {
  const orm = station.db.orm;
  const day = station.today(now);
  const people = listed(station, day);
  const rooms = listRooms(orm);
  const byRoom = new Map<string, Listed[]>();
  for (const p of people) byRoom.set(p.roomId, [...(byRoom.get(p.roomId) ?? []), p]);
  const floors = new Map<string, EvacuationRoom[]>();
  const place = (floor: string, room: EvacuationRoom) => floors.set(floor, [...(floors.get(floor) ?? []), room]);
  for (const r of rooms) {
    const here = byRoom.get(r.id);
    if (here) place(r.floor, roomOf(r.id, r.name, here));
  }
  // People in the building but in no room (or a room this station does not know).
  const known = new Set(rooms.map((r) => r.id));
  const elsewhere = people.filter((p) => !known.has(p.roomId));
  if (elsewhere.length > 0) place('', roomOf('', '', elsewhere));
  const names = stationFreshness(orm);
  const evac = currentEvacuation(orm, day);
  const safe = people.filter((p) => p.safe).length;
  return {
    generatedAt: now,
    day,
    evacuation: evac ? { startedAt: evac.startedAt, drill: evac.drill, stationName: names.find((s) => s.id === evac.stationId)?.name ?? (evac.stationId === station.id ? station.config().name : '') } : null,
    inside: people.length,
    safe,
    unaccounted: people.length - safe,
    floors: [...floors].map(([floor, rs]) => ({ floor, rooms: rs })),
    stations: stationsOf(station, names),
    lastSyncAt: lastSyncAt(station),
  };
}

function roomOf(roomId: string, roomName: string, people: Listed[]): EvacuationRoom {
  return {
    roomId,
    roomName,
    people: people.map(({ attendeeId, name, protected: p, categoryLabel, safe }) => ({ attendeeId, name, protected: p, categoryLabel, safe })),
    unaccounted: people.filter((p) => !p.safe).length,
  };
}

function stationsOf(station: Station, known: { id: string; name: string; lastEventAt: number | null }[]): EvacuationView['stations'] {
  const out = known.map((s) => ({ ...s, own: s.id === station.id }));
  if (!out.some((s) => s.own)) out.push({ id: station.id, name: station.config().name, lastEventAt: null, own: true });
  return out.sort((a, b) => Number(b.own) - Number(a.own) || (b.lastEventAt ?? 0) - (a.lastEventAt ?? 0));
}

/** Starts (or ends) an evacuation or drill: one 'evacuation' event every station sees after sync. */
export function setEvacuation(station: Station, action: 'start' | 'end', drill: boolean, now: number, operator: string | null): void {
  station.write(() => {
    station.append({ kind: 'evacuation', attendeeId: null, roomId: null, sessionId: null, verdict: null, reason: null, operator, payload: { action, drill } }, now);
  });
}

/** Accounted for at the assembly point, by badge scan or by name. Marks only count during an evacuation. */
export function markSafe(
  station: Station,
  who: { attendeeId?: string; text?: string; alternatives?: readonly string[] },
  undo: boolean,
  now: number,
  operator: string | null,
): SafeResult {
  return station.write(() => {
    const day = station.today(now);
    const before = entries(station, day);
    const count = unaccountedOf;
    if (!currentEvacuation(station.db.orm, day)) return { outcome: 'no_evacuation', attendee: null, unaccounted: count(before) };
    const a = who.attendeeId !== undefined ? getAttendee(station.db.orm, who.attendeeId) : badgeOwner(station, who.text, who.alternatives, now);
    if (!a) return { outcome: 'unknown', attendee: null, unaccounted: count(before) };
    const attendee = onScreen(a);
    const was = before.find((p) => p.attendeeId === a.id);
    if (!undo && was?.safe) return { outcome: 'already', attendee, unaccounted: count(before) };
    station.append(
      { kind: 'safe', attendeeId: a.id, roomId: null, sessionId: null, verdict: null, reason: null, operator, payload: { via: who.text !== undefined ? 'scan' : 'name', ...(undo ? { undo: true } : {}) } },
      now,
    );
    const outcome = undo ? 'undone' : was ? 'marked' : 'not_inside';
    return { outcome, attendee, unaccounted: count(entries(station, day)) };
  });
}

/** Whose badge this is (scanned or typed, through other keyboard layouts too), or undefined. */
function badgeOwner(station: Station, text: unknown, alternatives: readonly string[] | undefined, now: number): AttendeeRow | undefined {
  const { readings } = cleanReadings(text, alternatives);
  const m = readings.length > 0 ? matchReadings(station, readings, now).match : null;
  return m?.kind === 'attendee' ? m.attendee : undefined;
}

/** A person as the assembly point's and the venue exit's screens show them: shared screens (docs/safeguarding.md). */
const onScreen = (a: AttendeeRow): SafeResult['attendee'] => ({ id: a.id, givenName: publicName(a), familyName: '', protected: a.protected, noPhoto: a.noPhoto });

/**
 * Scanned at the venue exit: a 'departure' event, so the roll call no longer counts the person
 * inside (until they are admitted again). Leaving is never refused; an unknown badge records
 * nothing (no one to take off the list), and the same person's second scan within
 * DUPLICATE_WINDOW_MS is the same passage.
 */
export function recordDeparture(station: Station, who: { text: string; alternatives?: readonly string[] }, now: number, operator: string | null): DepartResult {
  return station.write(() => {
    const day = station.today(now);
    const before = entries(station, day);
    const a = badgeOwner(station, who.text, who.alternatives, now);
    if (!a) return { outcome: 'unknown', attendee: null, inside: before.length };
    const attendee = onScreen(a);
    const inside = before.some((p) => p.attendeeId === a.id);
    const last = lastDepartureAt(station.db.orm, day, a.id);
    if (!inside && last !== null && now - last < DUPLICATE_WINDOW_MS) return { outcome: 'again', attendee, inside: before.length };
    station.append({ kind: 'departure', attendeeId: a.id, roomId: null, sessionId: null, verdict: null, reason: null, operator, payload: { via: 'scan' } }, now);
    return { outcome: inside ? 'left' : 'not_inside', attendee, inside: entries(station, day).length };
  });
}

// ---- the list for emergency services ----------------------------------------------------------

/**
 * The printed list names people as this station holds them (a desk: legal names; a door: chosen
 * names), protected people marked, so responders can find them: the rule in docs/evacuation.md.
 */
function serviceRows(station: Station, now: number, lang?: Language) {
  const { t } = wordsFor(lang);
  const day = station.today(now);
  const rooms = new Map(listRooms(station.db.orm).map((r) => [r.id, r]));
  return listed(station, day).map((p) => {
    const room = rooms.get(p.roomId);
    return {
      status: p.safe ? t('evacuation.safe') : t('evacuation.unaccounted'),
      floor: room?.floor ?? '',
      room: room?.name ?? t('evacuation.elsewhere'),
      name: p.row ? legalName(p.row) || publicName(p.row) || t('safeguard.protectedParticipant') : p.attendeeId,
      note: p.protected ? t('safeguard.marker') : '',
      delegation: p.row && !p.protected ? p.row.delegation || p.row.organisation : '',
      safe: p.safe,
    };
  });
}

export function evacuationCsv(station: Station, now: number, lang?: Language): ExportFile {
  const { t } = wordsFor(lang);
  const rows = serviceRows(station, now, lang);
  const text = toCsv([
    [t('evacuation.status'), t('evacuation.floor'), t('csv.room'), t('csv.name'), t('csv.delegation'), t('evacuation.note')],
    ...rows.map((r) => [r.status, r.floor, r.room, r.name, r.delegation, r.note]),
  ]);
  return saveExport(station, `evacuation-${stamp(station, now)}.csv`, 'text/csv', Buffer.from(text, 'utf8'));
}

const stamp = (station: Station, now: number) => {
  const tz = station.eventInfo().timeZone;
  return `${dayInZone(now, tz)}-${timeInZone(now, tz).replace(':', '')}`;
};

export async function evacuationPdf(station: Station, now: number, lang?: Language): Promise<ExportFile> {
  const words = wordsFor(lang);
  const { t } = words;
  const info = station.eventInfo();
  const view = evacuationView(station, now);
  const rows = serviceRows(station, now, lang);
  const margin = 36;
  const doc = new PDFDocument({ size: 'A4', margin, font: defaultFontFile(), lang: words.lang, info: { Title: t('evacuation.title'), Author: 'Foyer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = new PdfFonts(doc);
  const width = doc.page.width - 2 * margin;
  let y = margin;
  // Each line is wrapped (measured) once: 1,200 people within the issue's 5 s (npm run bench).
  const para = (text: string, size: number, opts: { bold?: boolean; colour?: string } = {}) => {
    const lines = wrapText(fonts, text, { width, size, ...opts });
    if (y + lines.length * size * LINE_HEIGHT > doc.page.height - margin) {
      doc.addPage();
      y = margin;
    }
    y += drawParagraph(doc, fonts, text, { x: margin, y, width, size, ...opts }, lines);
  };
  para(t('evacuation.title'), 18, { bold: true });
  para(`${info.name} · ${info.venue}`, 10, { colour: '#333333' });
  para(t('evacuation.made', { at: `${dayInZone(now, info.timeZone)} ${timeInZone(now, info.timeZone)}`, timeZone: info.timeZone }), 10, { colour: '#333333' });
  para(t('evacuation.counts', { inside: view.inside, safe: view.safe, unaccounted: view.unaccounted }), 12, { bold: true });
  for (const s of view.stations) {
    para(`${s.name}: ${s.lastEventAt ? t('evacuation.latestFrom', { at: timeInZone(s.lastEventAt, info.timeZone) }) : t('evacuation.nothingFrom')}`, 8, { colour: '#444444' });
  }
  y += 8;
  let group = '';
  for (const r of rows) {
    const g = `${r.floor ? `${t('evacuation.floor')} ${r.floor} · ` : ''}${r.room}`;
    if (g !== group) {
      group = g;
      y += 6;
      para(g, 12, { bold: true });
    }
    para(`${r.safe ? '✓' : '☐'}  ${r.name}${r.delegation ? ` — ${r.delegation}` : ''}${r.note ? ` (${r.note})` : ''}`, 10, { colour: r.safe ? '#555555' : '#000000' });
  }
  doc.end();
  return saveExport(station, `evacuation-${stamp(station, now)}.pdf`, 'application/pdf', await done);
}
