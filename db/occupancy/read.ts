// Reads of the occupancy tables for the station's screens and exports.
import { roomSeries, type Point } from '../../core/occupancy/series';
import type { CounterMark, Stay, SweepMark } from '../../core/occupancy/types';
import type { Orm } from '../connection';
import { preparedSql } from '../prepared';
import { PERSON_STAYS, STAY_COLS } from './derive';

const stmt = preparedSql;

export interface RoomRow {
  id: string;
  name: string;
  capacity: number;
  warnPct: number;
  criticalPct: number;
  fullPolicy: 'refuse' | 'warn';
  allowedCategories: string[] | null;
  floor: string;
}

/**
 * Rooms and sessions, parsed once and kept until the catalog token changes (set by triggers on every
 * write to either table, db/migrations/0007_catalog_version.sql): a door scan reads one setting
 * instead of both tables. The arrays are frozen: callers copy before sorting.
 */
const catalogs = new WeakMap<Orm, { token: string | undefined; rooms?: readonly RoomRow[]; sessions?: readonly SessionRow[] }>();

function catalog(orm: Orm) {
  const token = (stmt(orm, "SELECT value FROM settings WHERE key = 'catalog.version'").get() as { value: string } | undefined)?.value;
  let c = catalogs.get(orm);
  if (!c || c.token !== token) catalogs.set(orm, (c = { token }));
  return c;
}

export function listRooms(orm: Orm): readonly RoomRow[] {
  const c = catalog(orm);
  return (c.rooms ??= Object.freeze(readRooms(orm).map((r) => Object.freeze(r))));
}

function readRooms(orm: Orm): RoomRow[] {
  const rows = stmt(
    orm,
    'SELECT id, name, capacity, warn_pct AS warnPct, critical_pct AS criticalPct, full_policy AS fullPolicy, allowed_categories AS cats, floor FROM rooms ORDER BY capacity DESC, name',
  ).all() as (Omit<RoomRow, 'allowedCategories'> & { cats: string | null })[];
  return rows.map(({ cats, ...r }) => ({ ...r, allowedCategories: cats ? (JSON.parse(cats) as string[]) : null }));
}

export function getRoom(orm: Orm, id: string): RoomRow | undefined {
  return listRooms(orm).find((r) => r.id === id);
}

export interface RoomCountsRow {
  roomId: string;
  inside: number;
  tally: number;
  arrivals: number;
  uniq: number;
  flagged: number;
  duplicates: number;
  refused: number;
  lastAt: number;
}

export function roomCounts(orm: Orm, day: string): Map<string, RoomCountsRow> {
  const rows = stmt(
    orm,
    'SELECT room_id AS roomId, inside, tally, arrivals, uniq, flagged, duplicates, refused, last_at AS lastAt FROM occupancy_rooms WHERE day = ?',
  ).all(day) as RoomCountsRow[];
  return new Map(rows.map((r) => [r.roomId, r]));
}

export function roomCountsOf(orm: Orm, roomId: string, day: string): RoomCountsRow | undefined {
  return stmt(
    orm,
    'SELECT room_id AS roomId, inside, tally, arrivals, uniq, flagged, duplicates, refused, last_at AS lastAt FROM occupancy_rooms WHERE room_id = ? AND day = ?',
  ).get(roomId, day) as RoomCountsRow | undefined;
}

export interface SessionRow {
  id: string;
  roomId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  allowedCategories: string[] | null;
}

export function listSessions(orm: Orm): readonly SessionRow[] {
  const c = catalog(orm);
  return (c.sessions ??= Object.freeze(readSessions(orm).map((s) => Object.freeze(s))));
}

function readSessions(orm: Orm): SessionRow[] {
  const rows = stmt(
    orm,
    'SELECT id, room_id AS roomId, title, starts_at AS startsAt, ends_at AS endsAt, allowed_categories AS cats FROM sessions ORDER BY starts_at, room_id',
  ).all() as (Omit<SessionRow, 'allowedCategories'> & { cats: string | null })[];
  return rows.map(({ cats, ...s }) => ({ ...s, allowedCategories: cats ? (JSON.parse(cats) as string[]) : null }));
}

/** People come early: a session is "the room's session" from this long before it starts. */
export const SESSION_LEAD_MS = 30 * 60_000;

/** The session a door serves now: running, or starting within SESSION_LEAD_MS (the latest-starting wins). */
export function currentSession(sessions: readonly SessionRow[], roomId: string, now: number): SessionRow | null {
  let best: SessionRow | null = null;
  for (const s of sessions) {
    if (s.roomId !== roomId || s.startsAt - SESSION_LEAD_MS > now || s.endsAt <= now) continue;
    if (!best || s.startsAt > best.startsAt) best = s;
  }
  return best;
}

export function isInviteOnly(orm: Orm, sessionId: string): boolean {
  return !!stmt(orm, 'SELECT 1 FROM session_access WHERE session_id = ? LIMIT 1').get(sessionId);
}

export function isInvited(orm: Orm, sessionId: string, attendeeId: string): boolean {
  return !!stmt(orm, 'SELECT 1 FROM session_access WHERE session_id = ? AND attendee_id = ?').get(sessionId, attendeeId);
}


const ROOM_STAYS = `SELECT ${STAY_COLS} FROM occupancy_stays WHERE room_id = ? AND day = ?`;

/** This person's state at one room today: inside since when, last exit scan. */
export function personAtRoom(orm: Orm, attendeeId: string, day: string, roomId: string): { insideSince: number | null; lastExitAt: number | null } {
  const stays = stmt(orm, PERSON_STAYS).all(attendeeId, day) as Stay[];
  let insideSince: number | null = null;
  let lastExitAt: number | null = null;
  for (const s of stays) {
    if (s.roomId !== roomId) continue;
    if (s.outKey === null) insideSince = s.inAt;
    else if (s.outBy === 'exit' && s.outAt !== null && (lastExitAt === null || s.outAt > lastExitAt)) lastExitAt = s.outAt;
  }
  return { insideSince, lastExitAt };
}

export interface RoomDayData {
  stays: Stay[];
  counters: CounterMark[];
  sweeps: SweepMark[];
  points: Point[];
}

/** Everything needed for a room's chart and session figures on one day. */
export function roomDay(orm: Orm, roomId: string, day: string): RoomDayData {
  const stays = stmt(orm, ROOM_STAYS).all(roomId, day) as Stay[];
  const marks = stmt(orm, 'SELECT event_id AS id, kind, room_id AS roomId, day, key, at, delta FROM occupancy_marks WHERE room_id = ? AND day = ?').all(
    roomId,
    day,
  ) as (CounterMark & { kind: string })[];
  const counters = marks.filter((m) => m.kind === 'counter');
  const sweeps = marks.filter((m) => m.kind === 'sweep');
  return { stays, counters, sweeps, points: roomSeries(stays, counters, sweeps) };
}

/** Net change of the count in [since, now]: stays opened minus stays closed, plus manual presses. */
export function netChangeSince(orm: Orm, roomId: string, day: string, since: number): number {
  const r = stmt(
    orm,
    `SELECT (SELECT count(*) FROM occupancy_stays WHERE room_id = @room AND day = @day AND in_at >= @since)
          - (SELECT count(*) FROM occupancy_stays WHERE room_id = @room AND day = @day AND out_at >= @since)
          + (SELECT coalesce(sum(delta), 0) FROM occupancy_marks WHERE room_id = @room AND day = @day AND kind = 'counter' AND at >= @since) AS n`,
  ).get({ room: roomId, day, since }) as { n: number };
  return r.n;
}

export interface DoorScanRow {
  id: string;
  stationId: string;
  wallTime: number;
  hlc: string;
  kind: string;
  attendeeId: string | null;
  verdict: string | null;
  reason: string | null;
  operator: string | null;
  payload: string;
  effect: string | null;
}

/** The latest door scans, counter presses and sweeps at a room (merged order, newest first). */
export function recentRoomEvents(orm: Orm, roomId: string, limit: number): DoorScanRow[] {
  return stmt(
    orm,
    `SELECT e.id, e.station_id AS stationId, e.wall_time AS wallTime, e.hlc, e.kind, e.attendee_id AS attendeeId, e.verdict, e.reason,
            e.operator, e.payload, f.effect
       FROM events e LEFT JOIN occupancy_effects f ON f.event_id = e.id
      WHERE e.room_id = ? AND e.kind IN ('room_entry', 'room_exit', 'counter', 'sweep')
      ORDER BY e.hlc DESC, e.station_id DESC, e.id DESC LIMIT ?`,
  ).all(roomId, limit) as DoorScanRow[];
}

/** Names of the stations that wrote events (for "last scans" and reports). */
export function stationNames(orm: Orm): Map<string, string> {
  const rows = stmt(orm, 'SELECT id, name FROM stations').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
