// Keeps the occupancy tables in step with the event log, in the transaction that appends
// each event (occupancyHook, wired in db/derived-hooks.ts). A door event re-plays only its person's
// day (core/occupancy/track.ts) and applies the difference to the room counts, so the result
// depends on the set of events, never on their arrival order; rebuildOccupancy() recomputes
// everything from the log with core/occupancy/model.ts and must give identical tables.
import type Database from 'better-sqlite3';
import { computeOccupancy, personParts, tallyOf, type EffectRow, type PersonPart } from '../../core/occupancy/model';
import { stateAfter, stepPerson, trackPerson } from '../../core/occupancy/track';
import { counterDelta, hlcMillis, orderKey, type OccEvent, type Stay, type SweepMark } from '../../core/occupancy/types';
import type { Orm } from '../connection';
import type { EventRow } from '../events';
import { preparedSql } from '../prepared';
import { getSetting, setSetting } from '../settings';

/** Bump when the rules change: stations rebuild their tables from the log on next write. */
export const OCCUPANCY_RULES_VERSION = 1;
const VERSION_KEY = 'occupancy.rulesVersion';
export const OCCUPANCY_KINDS = ['room_entry', 'room_exit', 'counter', 'sweep'] as const;

/** The better-sqlite3 handle under drizzle: the hook runs on every event, so it uses raw prepared SQL. */
export function client(orm: Orm): Database.Database {
  return (orm as unknown as { $client: Database.Database }).$client;
}

const stmt = preparedSql;

interface RawEvent {
  id: string;
  stationId: string;
  hlc: string;
  kind: string;
  attendeeId: string | null;
  roomId: string | null;
  verdict: string | null;
  payload: string;
  day: string;
}
const EVENT_COLS = 'id, station_id AS stationId, hlc, kind, attendee_id AS attendeeId, room_id AS roomId, verdict, payload, day';
const toOcc = (r: RawEvent): OccEvent => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> });

const checked = new WeakSet<Orm>();

export function occupancyHook(orm: Orm, e: EventRow): void {
  if (!e.roomId || !(OCCUPANCY_KINDS as readonly string[]).includes(e.kind)) return;
  if (!checked.has(orm)) {
    checked.add(orm);
    if (getSetting<number>(orm, VERSION_KEY) !== OCCUPANCY_RULES_VERSION) {
      // Tables missing or built by other rules: rebuild from the log (this event included).
      rebuildOccupancy(orm);
      return;
    }
  }
  const at = hlcMillis(e.hlc);
  // The in-order step moves the room's last_at in the statement that applies its counts.
  if (e.kind === 'room_entry' || e.kind === 'room_exit') {
    if (e.attendeeId && stepInOrder(orm, e, at)) return;
    touchRoom(orm, e.roomId, e.day, at);
    if (e.attendeeId) retrack(orm, e.attendeeId, e.day);
    else {
      stmt(orm, 'INSERT OR IGNORE INTO occupancy_effects (event_id, attendee_id, room_id, day, key, effect) VALUES (?, NULL, ?, ?, ?, ?)').run(
        e.id,
        e.roomId,
        e.day,
        orderKey(e),
        'refused',
      );
      stmt(orm, 'UPDATE occupancy_rooms SET refused = refused + 1 WHERE room_id = ? AND day = ?').run(e.roomId, e.day);
    }
    return;
  }
  touchRoom(orm, e.roomId, e.day, at);
  const delta = e.kind === 'counter' ? counterDelta(e) : 0;
  stmt(orm, 'INSERT OR IGNORE INTO occupancy_marks (event_id, kind, room_id, day, key, at, delta) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.id,
    e.kind,
    e.roomId,
    e.day,
    orderKey(e),
    at,
    delta,
  );
  retally(orm, e.roomId, e.day);
  if (e.kind === 'sweep') {
    // Only people whose stay spans the sweep can be affected by it.
    const key = orderKey(e);
    const people = stmt(
      orm,
      'SELECT DISTINCT attendee_id AS a FROM occupancy_stays WHERE room_id = ? AND day = ? AND in_key < ? AND (out_key IS NULL OR out_key > ?)',
    ).all(e.roomId, e.day, key, key) as { a: string }[];
    for (const p of people) retrack(orm, p.a, e.day);
  }
}

function touchRoom(orm: Orm, roomId: string, day: string, at: number): void {
  stmt(
    orm,
    'INSERT INTO occupancy_rooms (room_id, day, last_at) VALUES (?, ?, ?) ON CONFLICT (room_id, day) DO UPDATE SET last_at = max(last_at, excluded.last_at)',
  ).run(roomId, day, at);
}

function retally(orm: Orm, roomId: string, day: string): void {
  const marks = stmt(orm, 'SELECT kind, key, delta FROM occupancy_marks WHERE room_id = ? AND day = ?').all(roomId, day) as {
    kind: string;
    key: string;
    delta: number;
  }[];
  const tally = tallyOf(
    marks.filter((m) => m.kind === 'counter'),
    marks.filter((m) => m.kind === 'sweep'),
  );
  stmt(orm, 'UPDATE occupancy_rooms SET tally = ? WHERE room_id = ? AND day = ?').run(tally, roomId, day);
}

/** A stored stay row has exactly the model's shape. */
type StayRow = Stay;
export const STAY_COLS =
  'id, attendee_id AS attendeeId, day, room_id AS roomId, in_key AS inKey, in_at AS inAt, out_event_id AS outEventId, out_key AS outKey, out_at AS outAt, out_by AS outBy';

export const PERSON_STAYS = `SELECT ${STAY_COLS} FROM occupancy_stays WHERE attendee_id = ? AND day = ?`;
const PERSON_DOOR_EVENTS = `SELECT ${EVENT_COLS} FROM events WHERE attendee_id = ? AND day = ? AND kind IN ('room_entry', 'room_exit')`;

export function sweepsOfDay(orm: Orm, day: string): SweepMark[] {
  return stmt(orm, "SELECT event_id AS id, room_id AS roomId, day, key, at FROM occupancy_marks WHERE day = ? AND kind = 'sweep'").all(day) as SweepMark[];
}

/**
 * The cheap, common case: the event comes after everything already stored for this person's day
 * (and after every sweep of its room), so the replay's state is known from the stored stays and
 * the event is one more step of it. Returns false (nothing written) when the event is late:
 * then the person's day is re-played (retrack). Same tables either way (tests/unit/occupancy-db.test.ts).
 */
function stepInOrder(orm: Orm, e: EventRow, at: number): boolean {
  const key = orderKey(e);
  const attendeeId = e.attendeeId!, day = e.day, roomId = e.roomId!;
  const last = stmt(orm, 'SELECT max(key) AS k FROM occupancy_effects WHERE attendee_id = ? AND day = ?').get(attendeeId, day) as { k: string | null };
  if (last.k !== null && last.k >= key) return false;
  if (stmt(orm, "SELECT 1 FROM occupancy_marks WHERE room_id = ? AND day = ? AND kind = 'sweep' AND key > ? LIMIT 1").get(roomId, day, key)) return false;
  const oldStays = stmt(orm, PERSON_STAYS).all(attendeeId, day) as StayRow[];
  // A stay a later sweep closed (in any room): that sweep comes after this event in the order.
  if (oldStays.some((s) => s.outKey !== null && s.outKey > key)) return false;
  const { state, stays } = stateAfter(oldStays);
  const effect = stepPerson(state, stays, attendeeId, day, e, key);
  const row: EffectRow = { eventId: e.id, attendeeId, roomId, day, key, effect };
  applyPartsDelta(orm, day, personParts(oldStays, []), personParts(stays, [row]), { roomId, at });
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i]!, o = oldStays[i];
    if (!o) insertStay(orm, s);
    else if (o.outKey !== s.outKey) {
      stmt(orm, 'UPDATE occupancy_stays SET out_event_id = ?, out_key = ?, out_at = ?, out_by = ? WHERE id = ?').run(s.outEventId, s.outKey, s.outAt, s.outBy, s.id);
    }
  }
  upsertEffect(orm, row);
  return true;
}

/** Re-plays one person's day and applies the difference to stays, effects and room counts. */
function retrack(orm: Orm, attendeeId: string, day: string): void {
  const evs = (
    stmt(orm, PERSON_DOOR_EVENTS).all(
      attendeeId,
      day,
    ) as RawEvent[]
  ).map(toOcc);
  const t = trackPerson(attendeeId, day, evs, sweepsOfDay(orm, day));
  const oldStays = stmt(orm, PERSON_STAYS).all(attendeeId, day) as StayRow[];
  const oldEffects = stmt(orm, 'SELECT event_id AS eventId, room_id AS roomId, effect FROM occupancy_effects WHERE attendee_id = ? AND day = ?').all(
    attendeeId,
    day,
  ) as Pick<EffectRow, 'eventId' | 'roomId' | 'effect'>[];
  const newEffects: EffectRow[] = t.effects.map((x) => ({ eventId: x.event.id, attendeeId, roomId: x.event.roomId!, day, key: x.key, effect: x.effect }));

  applyPartsDelta(orm, day, personParts(oldStays, oldEffects), personParts(t.stays, newEffects));

  const before = new Map(oldStays.map((s) => [s.id, s]));
  for (const s of t.stays) {
    const o = before.get(s.id);
    before.delete(s.id);
    if (o && o.outEventId === s.outEventId && o.outKey === s.outKey && o.outAt === s.outAt && o.outBy === s.outBy && o.roomId === s.roomId) continue;
    if (o) stmt(orm, 'DELETE FROM occupancy_stays WHERE id = ?').run(s.id);
    insertStay(orm, s);
  }
  for (const id of before.keys()) stmt(orm, 'DELETE FROM occupancy_stays WHERE id = ?').run(id);

  const prevEffect = new Map(oldEffects.map((e) => [e.eventId, e.effect]));
  for (const e of newEffects) if (prevEffect.get(e.eventId) !== e.effect) upsertEffect(orm, e);
}

function insertStay(orm: Orm, s: Stay): void {
  stmt(
    orm,
    'INSERT INTO occupancy_stays (id, attendee_id, day, room_id, in_key, in_at, out_event_id, out_key, out_at, out_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(s.id, s.attendeeId, s.day, s.roomId, s.inKey, s.inAt, s.outEventId, s.outKey, s.outAt, s.outBy);
}

function upsertEffect(orm: Orm, e: EffectRow): void {
  stmt(orm, 'INSERT OR REPLACE INTO occupancy_effects (event_id, attendee_id, room_id, day, key, effect) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.eventId,
    e.attendeeId,
    e.roomId,
    e.day,
    e.key,
    e.effect,
  );
}

const PART_FIELDS = ['inside', 'arrivals', 'unique', 'flagged', 'duplicates', 'refused'] as const;

const ROOM_DELTA = `INSERT INTO occupancy_rooms (room_id, day, inside, arrivals, uniq, flagged, duplicates, refused, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (room_id, day) DO UPDATE SET inside = inside + excluded.inside, arrivals = arrivals + excluded.arrivals,
  uniq = uniq + excluded.uniq, flagged = flagged + excluded.flagged, duplicates = duplicates + excluded.duplicates,
  refused = refused + excluded.refused, last_at = max(last_at, excluded.last_at)`;

/** Adds after − before to each room's counts; `touch` also moves that room's last_at (one statement for both). */
function applyPartsDelta(orm: Orm, day: string, before: Map<string, PersonPart>, after: Map<string, PersonPart>, touch?: { roomId: string; at: number }): void {
  const rooms = new Set([...before.keys(), ...after.keys()]);
  if (touch) rooms.add(touch.roomId);
  for (const room of rooms) {
    const b = before.get(room);
    const a = after.get(room);
    const d = PART_FIELDS.map((f) => (a?.[f] ?? 0) - (b?.[f] ?? 0));
    const touched = touch?.roomId === room;
    if (!touched && d.every((x) => x === 0)) continue;
    stmt(orm, ROOM_DELTA).run(room, day, ...d, touched ? touch.at : 0);
  }
}

/** Every occupancy-relevant event in the log, for the reference model. */
export function occupancyEvents(orm: Orm): OccEvent[] {
  return (
    stmt(orm, `SELECT ${EVENT_COLS} FROM events WHERE kind IN ('room_entry', 'room_exit', 'counter', 'sweep') AND room_id IS NOT NULL`).all() as RawEvent[]
  ).map(toOcc);
}

/** Rebuilds every occupancy table from the log (after a rules change, and in tests). */
export function rebuildOccupancy(orm: Orm): void {
  // A big page cache while rewriting a million rows keyed by random UUIDs (restored after).
  const db = client(orm);
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    rebuild(orm);
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

function rebuild(orm: Orm): void {
  const m = computeOccupancy(occupancyEvents(orm));
  for (const t of ['occupancy_stays', 'occupancy_effects', 'occupancy_marks', 'occupancy_rooms']) client(orm).prepare(`DELETE FROM ${t}`).run();
  // In primary-key order: appending to the b-trees is far cheaper than random inserts.
  for (const s of [...m.stays].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) insertStay(orm, s);
  for (const e of [...m.effects].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))) upsertEffect(orm, e);
  const mark = stmt(orm, 'INSERT INTO occupancy_marks (event_id, kind, room_id, day, key, at, delta) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const s of m.sweeps) mark.run(s.id, 'sweep', s.roomId, s.day, s.key, s.at, 0);
  for (const c of m.counters) mark.run(c.id, 'counter', c.roomId, c.day, c.key, c.at, c.delta);
  const room = stmt(
    orm,
    'INSERT INTO occupancy_rooms (room_id, day, inside, tally, arrivals, uniq, flagged, duplicates, refused, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of m.rooms.values()) room.run(r.roomId, r.day, r.inside, r.tally, r.arrivals, r.unique, r.flagged, r.duplicates, r.refused, r.lastAt);
  setSetting(orm, VERSION_KEY, OCCUPANCY_RULES_VERSION);
  checked.add(orm);
}
