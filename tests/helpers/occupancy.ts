// Builders for occupancy events as other stations would have written them (HLC-stamped),
// for the model, database and scripted-day tests.
import fc from 'fast-check';
import * as hlc from '../../core/hlc';
import type { LogEvent } from '../../core/records/log-event';
import type { OccEvent } from '../../core/occupancy/types';
import { client } from '../../db/occupancy/derive';
import type { Station } from '../../station/station';

export type DoorEvent = LogEvent & { day: string };

let seqByStation = new Map<string, number>();
let idCounter = 0;

export function resetBuilders(): void {
  seqByStation = new Map();
  idCounter = 0;
}

/** A deterministic UUID v4-shaped id from a number. */
export function idFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface EvSpec {
  station: string;
  at: number;
  /** HLC counter for several events in one millisecond. */
  counter?: number;
  kind: 'room_entry' | 'room_exit' | 'counter' | 'sweep';
  attendee?: string | null;
  room: string;
  verdict?: 'admitted' | 'warning' | 'refused' | null;
  door?: 'entry' | 'exit' | 'toggle';
  delta?: number;
  day?: string;
  id?: string;
  operator?: string | null;
}

export function ev(s: EvSpec): DoorEvent {
  const seq = (seqByStation.get(s.station) ?? 0) + 1;
  seqByStation.set(s.station, seq);
  const door = s.door ?? (s.kind === 'room_exit' ? 'exit' : 'entry');
  const isDoor = s.kind === 'room_entry' || s.kind === 'room_exit';
  return {
    id: s.id ?? idFor(++idCounter),
    stationId: s.station,
    seq,
    hlc: hlc.serialize({ millis: s.at, counter: s.counter ?? 0, node: hlc.nodeIdFor(s.station) }),
    wallTime: s.at,
    kind: s.kind,
    attendeeId: isDoor ? (s.attendee ?? null) : null,
    roomId: s.room,
    sessionId: null,
    verdict: isDoor ? (s.verdict === undefined ? 'admitted' : s.verdict) : null,
    reason: null,
    operator: s.operator ?? null,
    payload: s.kind === 'counter' ? { delta: s.delta ?? 1 } : isDoor ? { door } : {},
    day: s.day ?? '2026-04-18',
  };
}

export const asOcc = (e: DoorEvent): OccEvent => e;

/** Fisher–Yates with a seeded generator. */
export function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export const T0 = Date.parse('2026-04-18T08:00:00Z');
export const DAY = '2026-04-18';
const MIN = 60_000;

export const PEOPLE = ['p1', 'p2', 'p3', 'p4'];
export const ROOMS = ['hall', 'side'];
export const STATIONS = ['st-a', 'st-b', 'st-c'];

/** Random door days: every person's events sit on distinct minutes, so an added double scan cannot cross another of their events. */
export const arbDoorDay = fc
  .array(
    fc.record({
      minute: fc.integer({ min: 0, max: 240 }),
      person: fc.constantFrom(...PEOPLE),
      room: fc.constantFrom(...ROOMS),
      station: fc.constantFrom(...STATIONS),
      what: fc.constantFrom('entry', 'entry', 'exit', 'toggle', 'refused', 'counter+', 'counter-', 'sweep'),
      ms: fc.integer({ min: 0, max: 999 }),
    }),
    { maxLength: 40 },
  )
  .map((specs) => {
    resetBuilders();
    const used = new Set<string>();
    const out: DoorEvent[] = [];
    for (const s of specs) {
      const at = T0 + s.minute * MIN + s.ms;
      if (s.what === 'counter+' || s.what === 'counter-') {
        out.push(ev({ station: s.station, at, kind: 'counter', room: s.room, delta: s.what === 'counter+' ? 2 : -1 }));
        continue;
      }
      if (s.what === 'sweep') {
        out.push(ev({ station: s.station, at, kind: 'sweep', room: s.room }));
        continue;
      }
      const k = `${s.person}@${s.minute}`;
      if (used.has(k)) continue;
      used.add(k);
      out.push(
        ev({
          station: s.station,
          at,
          kind: s.what === 'exit' ? 'room_exit' : 'room_entry',
          attendee: s.person,
          room: s.room,
          door: s.what === 'toggle' ? 'toggle' : s.what === 'exit' ? 'exit' : 'entry',
          verdict: s.what === 'refused' ? 'refused' : 'admitted',
        }),
      );
    }
    return out;
  });


const DERIVED_TABLES = {
  occupancy_stays: 'id',
  occupancy_effects: 'event_id',
  occupancy_marks: 'event_id',
  occupancy_rooms: 'room_id, day',
} as const;

/** Every row of the derived occupancy tables, in a fixed order (to compare two databases). */
export function derivedSnapshot(s: Station): Record<string, unknown[]> {
  const db = client(s.db.orm);
  return Object.fromEntries(Object.entries(DERIVED_TABLES).map(([t, order]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all()]));
}
