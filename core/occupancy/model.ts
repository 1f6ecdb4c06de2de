// The whole occupancy model from a set of events: the reference every station's derived
// tables must equal (db/occupancy recomputes with it; tests compare against it).
import { trackPerson } from './track';
import { counterDelta, hlcMillis, orderKey, type CounterMark, type Effect, type OccEvent, type Stay, type SweepMark } from './types';

/** Per room and day: the numbers the dashboard shows. */
export interface RoomDayCounts {
  /** People inside by scan (open stays). */
  inside: number;
  /** Manual +/− since the last sweep (may be negative: people counted in by scan left by an unscanned door). */
  tally: number;
  /** Entries that opened a stay. */
  arrivals: number;
  /** Distinct people with a stay. */
  unique: number;
  /** Exits of people not known to be inside. */
  flagged: number;
  /** Double scans and repeat entries (counted once). */
  duplicates: number;
  refused: number;
  /** Latest physical time of any door scan, counter or sweep. */
  lastAt: number;
}

export function current(c: Pick<RoomDayCounts, 'inside' | 'tally'>): number {
  return Math.max(0, c.inside + c.tally);
}

export const emptyCounts = (): RoomDayCounts => ({ inside: 0, tally: 0, arrivals: 0, unique: 0, flagged: 0, duplicates: 0, refused: 0, lastAt: 0 });

export interface EffectRow {
  eventId: string;
  attendeeId: string | null;
  roomId: string;
  day: string;
  key: string;
  effect: Effect;
}

/** The stay/effect part of RoomDayCounts, which depends on one person's track only. */
export type PersonPart = Pick<RoomDayCounts, 'inside' | 'arrivals' | 'unique' | 'flagged' | 'duplicates' | 'refused'>;

export function personParts(stays: readonly Pick<Stay, 'roomId' | 'outKey'>[], effects: readonly Pick<EffectRow, 'roomId' | 'effect'>[]): Map<string, PersonPart> {
  const out = new Map<string, PersonPart>();
  const get = (room: string) => {
    let p = out.get(room);
    if (!p) out.set(room, (p = { inside: 0, arrivals: 0, unique: 0, flagged: 0, duplicates: 0, refused: 0 }));
    return p;
  };
  for (const s of stays) {
    const p = get(s.roomId);
    p.arrivals++;
    p.unique = 1;
    if (s.outKey === null) p.inside++;
  }
  for (const e of effects) {
    if (e.effect === 'unmatched_exit') get(e.roomId).flagged++;
    else if (e.effect === 'repeat' || e.effect === 'duplicate') get(e.roomId).duplicates++;
    else if (e.effect === 'refused') get(e.roomId).refused++;
  }
  return out;
}

/** Sum of counter deltas after the last sweep, both in event order. */
export function tallyOf(counters: readonly Pick<CounterMark, 'key' | 'delta'>[], sweeps: readonly Pick<SweepMark, 'key'>[]): number {
  let lastSweep = '';
  for (const s of sweeps) if (s.key > lastSweep) lastSweep = s.key;
  let t = 0;
  for (const c of counters) if (c.key > lastSweep) t += c.delta;
  return t;
}

export interface OccupancyModel {
  stays: Stay[];
  effects: EffectRow[];
  sweeps: SweepMark[];
  counters: CounterMark[];
  /** By roomDayKey(roomId, day). */
  rooms: Map<string, RoomDay>;
}

export interface RoomDay extends RoomDayCounts {
  roomId: string;
  day: string;
}

export const roomDayKey = (roomId: string, day: string) => `${roomId} ${day}`;

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
function byInKey(a: Stay, b: Stay): number {
  return a.inKey < b.inKey ? -1 : a.inKey > b.inKey ? 1 : 0;
}

export function computeOccupancy(input: Iterable<OccEvent>): OccupancyModel {
  const byId = new Map<string, OccEvent>();
  for (const e of input) if (!byId.has(e.id)) byId.set(e.id, e);
  const sweepsByDay = new Map<string, SweepMark[]>();
  const sweeps: SweepMark[] = [];
  const counters: CounterMark[] = [];
  const people = new Map<string, OccEvent[]>();
  const effects: EffectRow[] = [];
  const rooms = new Map<string, RoomDay>();
  const room = (roomId: string, day: string) => {
    const k = roomDayKey(roomId, day);
    let r = rooms.get(k);
    if (!r) rooms.set(k, (r = { ...emptyCounts(), roomId, day }));
    return r;
  };
  for (const e of byId.values()) {
    if (!e.roomId) continue;
    if (e.kind === 'sweep') {
      const s = { id: e.id, roomId: e.roomId, day: e.day, key: orderKey(e), at: hlcMillis(e.hlc) };
      sweeps.push(s);
      const list = sweepsByDay.get(e.day) ?? [];
      list.push(s);
      sweepsByDay.set(e.day, list);
    } else if (e.kind === 'counter') {
      counters.push({ id: e.id, roomId: e.roomId, day: e.day, key: orderKey(e), at: hlcMillis(e.hlc), delta: counterDelta(e) });
    } else if (e.kind === 'room_entry' || e.kind === 'room_exit') {
      if (e.attendeeId) {
        const k = `${e.attendeeId} ${e.day}`;
        const list = people.get(k);
        if (list) list.push(e);
        else people.set(k, [e]);
      } else {
        effects.push({ eventId: e.id, attendeeId: null, roomId: e.roomId, day: e.day, key: orderKey(e), effect: 'refused' });
      }
    } else continue;
    const r = room(e.roomId, e.day);
    r.lastAt = Math.max(r.lastAt, hlcMillis(e.hlc));
  }
  const stays: Stay[] = [];
  for (const list of people.values()) {
    const { attendeeId, day } = list[0]! as OccEvent & { attendeeId: string };
    const t = trackPerson(attendeeId, day, list, sweepsByDay.get(day) ?? []);
    for (const s of t.stays) stays.push(s);
    for (const x of t.effects) effects.push({ eventId: x.event.id, attendeeId, roomId: x.event.roomId!, day, key: x.key, effect: x.effect });
  }
  // Aggregate per room and day.
  const group = <T extends { roomId: string; day: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const k = roomDayKey(x.roomId, x.day);
      const l = m.get(k);
      if (l) l.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const staysBy = group(stays);
  const effectsBy = group(effects);
  const countersBy = group(counters);
  const sweepsBy = group(sweeps);
  for (const [k, r] of rooms) {
    const st = staysBy.get(k) ?? [];
    const ef = effectsBy.get(k) ?? [];
    r.inside = st.filter((s) => s.outKey === null).length;
    r.arrivals = st.length;
    r.unique = new Set(st.map((s) => s.attendeeId)).size;
    r.flagged = ef.filter((e) => e.effect === 'unmatched_exit').length;
    r.duplicates = ef.filter((e) => e.effect === 'repeat' || e.effect === 'duplicate').length;
    r.refused = ef.filter((e) => e.effect === 'refused').length;
    r.tally = tallyOf(countersBy.get(k) ?? [], sweepsBy.get(k) ?? []);
  }
  // Canonical output order, whatever order the events came in.
  stays.sort(byInKey);
  effects.sort(byKey);
  sweeps.sort(byKey);
  counters.sort(byKey);
  const sortedRooms = new Map([...rooms.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { stays, effects, sweeps, counters, rooms: sortedRooms };
}
