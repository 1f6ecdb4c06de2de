// Builds what the screens show (RoomLive, RoomDetail, session attendance) from the derived
// occupancy tables and the pure model. Read-only.
import { TREND_WINDOW_MS, type RoomDetail, type RoomEventView, type RoomLive, type SessionAttendance, type SessionAttendee, type SessionRef } from '../core/api/occupancy';
import { capacityState, fillPct, STATE_WORDS } from '../core/occupancy/capacity';
import { current as currentOf } from '../core/occupancy/model';
import { perMinute, peakIn } from '../core/occupancy/series';
import { sessionStats, warnLevel } from '../core/occupancy/sessions';
import { CATEGORY_LABELS, type Category, type Verdict } from '../core/model';
import { onSharedScreen, publicName } from '../core/sync/visibility';
import { dayInZone, localToMillis } from '../core/time';
import { getAttendeesByIds } from '../db/attendees';
import {
  currentSession,
  listRooms,
  listSessions,
  netChangeSince,
  recentRoomEvents,
  roomCounts,
  roomCountsOf,
  roomDay,
  stationNames,
  type RoomCountsRow,
  type RoomDayData,
  type RoomRow,
  type SessionRow,
} from '../db/occupancy/read';
import type { Station } from './station';

const ref = (s: SessionRow | null | undefined): SessionRef | null => (s ? { id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt } : null);

export function roomLive(station: Station, room: RoomRow, counts: RoomCountsRow | undefined, sessions: readonly SessionRow[], now: number, day: string): RoomLive {
  const c = counts ?? { inside: 0, tally: 0, arrivals: 0, uniq: 0, flagged: 0, duplicates: 0, refused: 0, lastAt: 0 };
  const current = currentOf(c);
  const state = capacityState(current, room);
  const next = sessions.filter((s) => s.roomId === room.id && s.startsAt > now).sort((a, b) => a.startsAt - b.startsAt)[0];
  return {
    ...room,
    current,
    inside: c.inside,
    tally: c.tally,
    pct: fillPct(current, room.capacity),
    state,
    stateWords: STATE_WORDS[state],
    trend: counts ? netChangeSince(station.db.orm, room.id, day, now - TREND_WINDOW_MS) : 0,
    session: ref(currentSession(sessions, room.id, now)),
    nextSession: ref(next),
    arrivals: c.arrivals,
    unique: c.uniq,
    flagged: c.flagged,
    duplicates: c.duplicates,
    refused: c.refused,
    lastAt: c.lastAt || null,
  };
}

export function allRoomsLive(station: Station, now: number): RoomLive[] {
  const orm = station.db.orm;
  const day = station.today(now);
  const counts = roomCounts(orm, day);
  const sessions = listSessions(orm);
  return listRooms(orm).map((r) => roomLive(station, r, counts.get(r.id), sessions, now, day));
}

export function oneRoomLive(station: Station, roomId: string, now: number): RoomLive | null {
  const orm = station.db.orm;
  const room = listRooms(orm).find((r) => r.id === roomId);
  if (!room) return null;
  const day = station.today(now);
  return roomLive(station, room, roomCountsOf(orm, roomId, day), listSessions(orm), now, day);
}

function phaseOf(s: SessionRow, now: number): SessionAttendance['phase'] {
  return now < s.startsAt ? 'upcoming' : now < s.endsAt ? 'running' : 'over';
}

export function sessionAttendance(s: SessionRow, room: RoomRow, data: RoomDayData, now: number) {
  const st = sessionStats(data.stays, data.points, s, warnLevel(room.capacity, room.warnPct), now);
  const view: SessionAttendance = {
    id: s.id,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    roomId: room.id,
    roomName: room.name,
    capacity: room.capacity,
    phase: phaseOf(s, now),
    current: st.current,
    peak: st.peak,
    peakAt: st.peakAt,
    unique: st.unique,
    aboveWarnMs: st.aboveWarnMs,
    arrivals: st.arrivals,
  };
  return { view, attendees: st.attendees };
}

/** Sessions of one day (event time zone) with their attendance, in agenda order. */
export function sessionsOfDay(station: Station, day: string, now: number): SessionAttendance[] {
  const orm = station.db.orm;
  const tz = station.eventInfo().timeZone;
  const rooms = new Map(listRooms(orm).map((r) => [r.id, r]));
  const cache = new Map<string, RoomDayData>();
  const out: SessionAttendance[] = [];
  for (const s of listSessions(orm)) {
    if (dayInZone(s.startsAt, tz) !== day) continue;
    const room = rooms.get(s.roomId);
    if (!room) continue;
    let data = cache.get(room.id);
    if (!data) cache.set(room.id, (data = roomDay(orm, room.id, day)));
    out.push(sessionAttendance(s, room, data, now).view);
  }
  return out;
}

export function sessionWithAttendees(station: Station, sessionId: string, now: number): { session: SessionAttendance; attendees: SessionAttendee[] } | null {
  const orm = station.db.orm;
  const s = listSessions(orm).find((x) => x.id === sessionId);
  const room = s && listRooms(orm).find((r) => r.id === s.roomId);
  if (!s || !room) return null;
  const day = dayInZone(s.startsAt, station.eventInfo().timeZone);
  const { view, attendees } = sessionAttendance(s, room, roomDay(orm, room.id, day), now);
  const people = new Map(getAttendeesByIds(orm, attendees.map((a) => a.attendeeId)).map((a) => [a.id, a]));
  return {
    session: view,
    attendees: attendees.map((a) => {
      // Attendance lists and their exports are shared papers: a protected person by their chosen name only ('' if none).
      const found = people.get(a.attendeeId);
      const p = found && onSharedScreen(found);
      return {
        attendeeId: a.attendeeId,
        name: p ? publicName(p) : '(not in this station’s list)',
        protected: p?.protected ?? false,
        organisation: p?.organisation ?? '',
        delegation: p?.delegation ?? '',
        category: p?.category ?? '',
        listed: p !== undefined,
        categoryLabel: p ? (CATEGORY_LABELS[p.category as Category] ?? p.category) : '',
        firstIn: a.firstIn,
        insideMinutes: Math.round(a.insideMs / 60_000),
      };
    }),
  };
}

/** Start and end of a day's chart: from 07:00 local (or the first change) to now, or to the last change of a past day. */
export function dayRange(day: string, timeZone: string, firstAt: number | null, now: number, lastAt: number | null = null): [number, number] {
  const start = Math.min(localToMillis(day, '07:00', timeZone), firstAt ?? Number.POSITIVE_INFINITY);
  const end = Math.min(localToMillis(day, '23:59', timeZone) + 60_000, Math.max(now, (lastAt ?? 0) + 60_000, start + 60_000));
  return [start, end];
}

export function roomDetail(station: Station, roomId: string, day: string | undefined, now: number, recent: number): RoomDetail | null {
  const orm = station.db.orm;
  const live = oneRoomLive(station, roomId, now);
  if (!live) return null;
  const info = station.eventInfo();
  const d = day ?? station.today(now);
  const data = roomDay(orm, roomId, d);
  const [from, to] = dayRange(d, info.timeZone, data.points[0]?.at ?? null, now, data.points.at(-1)?.at ?? null);
  const series = perMinute(data.points, from, to).map((p) => [p.at, p.current, p.max] as [number, number, number]);
  const room = listRooms(orm).find((r) => r.id === roomId)!;
  const sessions = listSessions(orm)
    .filter((s) => s.roomId === roomId && dayInZone(s.startsAt, info.timeZone) === d)
    .map((s) => sessionAttendance(s, room, data, now).view);
  return {
    room: live,
    day: d,
    now,
    series,
    peakToday: peakIn(data.points, from, to).peak,
    sessions,
    recent: recentEvents(station, roomId, recent),
  };
}

export function recentEvents(station: Station, roomId: string, limit: number): RoomEventView[] {
  const orm = station.db.orm;
  const rows = recentRoomEvents(orm, roomId, limit);
  const people = new Map(getAttendeesByIds(orm, rows.map((r) => r.attendeeId).filter((x): x is string => !!x)).map((a) => [a.id, a]));
  const names = stationNames(orm);
  return rows.map((r) => {
    const p = r.attendeeId ? people.get(r.attendeeId) : undefined;
    const payload = JSON.parse(r.payload) as Record<string, unknown>;
    return {
      eventId: r.id,
      at: r.wallTime,
      kind: r.kind as RoomEventView['kind'],
      verdict: (r.verdict as Verdict | null) ?? null,
      reason: r.reason,
      effect: r.effect,
      delta: typeof payload.delta === 'number' ? payload.delta : null,
      name: p ? publicName(p) : null,
      protected: p?.protected ?? false,
      stationName: names.get(r.stationId) ?? 'another station',
      operator: r.operator,
    };
  });
}
