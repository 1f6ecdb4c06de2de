// Generated door traffic for one day of the demo agenda: who goes to which session, when
// they arrive and leave, double scans at two entry doors, refusals at full rooms, people
// who forget to scan out of the last session (swept at the end of the day). Everyone is
// checked in at a front desk of the venue before their first room (and some who attend no
// session too), so 'checked in today' and the rooms agree. Each room has two entry stations
// and one exit station, each stamping its own HLC. Returns the events and the physical truth
// (who was inside when, who was admitted when), so tests can check the counts exactly.
// Deterministic: same bundle and seed, same traffic. Pure; runs anywhere.
import * as hlc from '../../core/hlc';
import type { LogEvent } from '../../core/records/log-event';
import { dayInZone } from '../../core/time';
import type { BundleSession, EventBundle } from '../../core/event-bundle';
import { prng } from './generate';

export interface TrafficStation {
  id: string;
  name: string;
  roomId: string;
  mode: 'entry' | 'exit';
}

export interface TrueStay {
  attendeeId: string;
  roomId: string;
  /** First entry scan (physical time, ms). */
  in: number;
  /** When they physically left (their exit scan, or walking out unscanned). */
  out: number;
}

export interface DoorTraffic {
  day: string;
  events: (LogEvent & { day: string })[];
  /** Room door stations. */
  stations: TrafficStation[];
  /** The venue's front desks, where people are checked in on arrival. */
  desks: { id: string; name: string }[];
  truth: TrueStay[];
  /** When each person was checked in at a front desk (before their first room). */
  admitted: { attendeeId: string; at: number; deskId: string }[];
  /** Entry attempts refused because the room was full. */
  refusals: number;
}

export interface TrafficOptions {
  seed?: number;
  /** Which event day (0 = first). */
  dayIndex?: number;
  /** Limit to this many attendees (all active, valid ones by default). */
  attendees?: number;
}

const MIN = 60_000;

function between2(rnd: () => number, a: number, b: number): number {
  return a + rnd() * (b - a);
}

/** How likely a typical attendee is to go to a session, by title. */
function interest(s: BundleSession): number {
  if (/Opening|Closing/.test(s.title)) return 0.62;
  if (/^Panel/.test(s.title)) return 0.5;
  if (/Survivor/.test(s.title)) return 0.32;
  if (/Press/.test(s.title)) return 0.6;
  return 0.14; // side events
}

function uuid(n: number, salt: number): string {
  const h = (n * 2654435761 + salt * 40503) >>> 0;
  return `${h.toString(16).padStart(8, '0')}-${(n & 0xffff).toString(16).padStart(4, '0')}-4${(salt & 0xfff).toString(16).padStart(3, '0')}-8${((n >>> 16) & 0xfff).toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
}

type Visit = { session: BundleSession; arrive: number; leave: number; forgetsExit: boolean };
type Action = { at: number; person: string; kind: 'arrive' | 'leave'; visit: Visit; idx: number };

export function generateDoorTraffic(bundle: EventBundle, opts: TrafficOptions = {}): DoorTraffic {
  const rnd = prng(opts.seed ?? 2023);
  const tz = bundle.event.timeZone;
  const day = bundle.event.days[opts.dayIndex ?? 0]!;
  const sessions = bundle.sessions.filter((s) => dayInZone(s.startsAt, tz) === day).sort((a, b) => a.startsAt - b.startsAt);
  const rooms = new Map(bundle.rooms.map((r) => [r.id, r]));
  const stations: TrafficStation[] = [];
  let stationN = 0;
  for (const r of bundle.rooms) {
    for (const [name, mode] of [
      ['entry 1', 'entry'],
      ['entry 2', 'entry'],
      ['exit', 'exit'],
    ] as const) {
      stations.push({ id: uuid(++stationN, 77), name: `${r.name} ${name}`, roomId: r.id, mode });
    }
  }
  const doors = (roomId: string) => stations.filter((s) => s.roomId === roomId);

  // Unique physical times, so the truth's order of simultaneous moves is never ambiguous.
  const used = new Set<number>();
  const uniq = (t: number) => {
    let x = Math.round(t);
    while (used.has(x)) x++;
    used.add(x);
    return x;
  };
  const between = (a: number, b: number) => a + rnd() * (b - a);

  const people = bundle.attendees
    .filter((a) => a.status === 'active' && (a.validDays === null || a.validDays.includes(day)))
    .slice(0, opts.attendees ?? Number.POSITIVE_INFINITY);

  // 1. Plan: each person's visits, in time order, never overlapping.
  const actions: Action[] = [];
  for (const p of people) {
    const visits: Visit[] = [];
    for (const s of sessions) {
      const room = rooms.get(s.roomId)!;
      if (room.allowedCategories && !room.allowedCategories.includes(p.category)) continue;
      if (s.allowedCategories && !s.allowedCategories.includes(p.category)) continue;
      const press = /Press/.test(s.title);
      // Press-room visits are short stays between other sessions.
      const arrive = press ? between(s.startsAt, s.endsAt - 60 * MIN) : rnd() < 0.8 ? s.startsAt - between(0, 20 * MIN) : s.startsAt + between(0, 20 * MIN);
      const leave = press ? arrive + between(15 * MIN, 50 * MIN) : rnd() < 0.85 ? s.endsAt + between(-5 * MIN, 8 * MIN) : s.endsAt - between(10 * MIN, 40 * MIN);
      const last = visits.at(-1);
      if (last && arrive < last.leave + 2 * MIN) continue;
      if (rnd() >= interest(s) * (press ? 1 : p.category === 'staff' ? 0.5 : 1)) continue;
      visits.push({ session: s, arrive, leave, forgetsExit: false });
    }
    // Back-to-back in the same room: half stay through the break without scanning.
    const merged: Visit[] = [];
    for (const v of visits) {
      const prev = merged.at(-1);
      if (prev && prev.session.roomId === v.session.roomId && v.arrive - prev.leave < 40 * MIN && rnd() < 0.5) prev.leave = v.leave;
      else merged.push({ ...v });
    }
    merged.forEach((v, idx) => {
      actions.push({ at: v.arrive, person: p.id, kind: 'arrive', visit: v, idx });
      actions.push({ at: v.leave, person: p.id, kind: 'leave', visit: v, idx });
    });
  }

  // 2. Simulate in time order: the doors refuse when a room is full.
  actions.sort((a, b) => a.at - b.at);
  const inside = new Map<string, number>();
  const admitted = new Set<Visit>();
  const truth: TrueStay[] = [];
  const open = new Map<Visit, TrueStay>();
  type Raw = { at: number; station: TrafficStation; kind: 'room_entry' | 'room_exit'; person: string | null; verdict: 'admitted' | 'refused' | null; reason: string | null; sessionId: string | null };
  const raw: Raw[] = [];
  let refusals = 0;
  const lastOfRoom = new Map<string, number>();
  for (const s of sessions) lastOfRoom.set(s.roomId, Math.max(lastOfRoom.get(s.roomId) ?? 0, s.endsAt));
  for (const a of actions) {
    const roomId = a.visit.session.roomId;
    const room = rooms.get(roomId)!;
    const [in1, in2, out] = doors(roomId) as [TrafficStation, TrafficStation, TrafficStation];
    const n = inside.get(roomId) ?? 0;
    if (a.kind === 'arrive') {
      const door = rnd() < 0.5 ? in1 : in2;
      const t = uniq(a.at);
      if (n >= room.capacity) {
        refusals++;
        raw.push({ at: t, station: door, kind: 'room_entry', person: a.person, verdict: 'refused', reason: 'room_full', sessionId: a.visit.session.id });
        continue;
      }
      admitted.add(a.visit);
      inside.set(roomId, n + 1);
      raw.push({ at: t, station: door, kind: 'room_entry', person: a.person, verdict: 'admitted', reason: 'entry_ok', sessionId: a.visit.session.id });
      const r = rnd();
      if (r < 0.06) {
        // Tried the other scanner too.
        const other = door === in1 ? in2 : in1;
        raw.push({ at: uniq(t + between(1000, 15_000)), station: other, kind: 'room_entry', person: a.person, verdict: 'admitted', reason: 'entry_again', sessionId: a.visit.session.id });
      } else if (r < 0.08) {
        raw.push({ at: uniq(t + between(400, 2500)), station: door, kind: 'room_entry', person: a.person, verdict: 'admitted', reason: 'entry_again', sessionId: a.visit.session.id });
      }
      const stay = { attendeeId: a.person, roomId, in: t, out: Number.NaN };
      open.set(a.visit, stay);
      truth.push(stay);
    } else {
      if (!admitted.has(a.visit)) continue;
      inside.set(roomId, n - 1);
      const t = uniq(a.at);
      open.get(a.visit)!.out = t;
      // A few forget to scan out of the room's last session of the day: the sweep counts them out.
      const isLast = a.visit.session.endsAt === lastOfRoom.get(roomId) && a.at >= a.visit.session.endsAt;
      if (isLast && rnd() < 0.04) continue;
      raw.push({ at: t, station: out, kind: 'room_exit', person: a.person, verdict: 'admitted', reason: 'exit_ok', sessionId: a.visit.session.id });
      if (rnd() < 0.03) raw.push({ at: uniq(t + between(500, 4000)), station: out, kind: 'room_exit', person: a.person, verdict: 'admitted', reason: 'exit_again', sessionId: a.visit.session.id });
    }
  }

  // 3. The venue's entrance: everyone is checked in at a front desk before their first room,
  // 5 to 40 minutes before (not before the doors open, 90 minutes before the first session); a few who attend no session
  // are checked in too. Drawn from its own generator, so the rooms' traffic stays as it was.
  const desks = [1, 2, 3].map((n) => ({ id: uuid(900 + n, 77), name: `Main entrance ${n}` }));
  const entrance = prng((opts.seed ?? 2023) + 1);
  const doorsOpen = Math.min(...sessions.map((s) => s.startsAt), Number.POSITIVE_INFINITY) - 90 * MIN;
  const firstMove = new Map<string, number>();
  for (const a of actions) if (a.kind === 'arrive' && !firstMove.has(a.person)) firstMove.set(a.person, a.at);
  const checkedIn: DoorTraffic['admitted'] = [];
  for (const p of people) {
    const first = firstMove.get(p.id);
    const go = entrance();
    if (first === undefined && (go > 0.2 || !Number.isFinite(doorsOpen))) continue;
    const latest = first ?? doorsOpen + between2(entrance, 60 * MIN, 300 * MIN);
    const at = uniq(Math.max(Math.min(doorsOpen, latest - 60_000), latest - between2(entrance, 5 * MIN, 40 * MIN)));
    checkedIn.push({ attendeeId: p.id, at, deskId: desks[Math.floor(entrance() * desks.length)]!.id });
  }

  // 4. End of day: the logistics lead sweeps every room that was used.
  const sweeps: { at: number; station: TrafficStation }[] = [];
  for (const [roomId, end] of lastOfRoom) sweeps.push({ at: uniq(end + 45 * MIN), station: doors(roomId)[2]! });

  // 5. Each station stamps its own events in its own order (sequence numbers, HLC).
  const events: (LogEvent & { day: string })[] = [];
  let idN = 0;
  const byStation = new Map<string, { at: number; make: (stamp: string, seq: number) => LogEvent }[]>();
  const push = (st: TrafficStation, at: number, make: (stamp: string, seq: number) => LogEvent) => {
    const l = byStation.get(st.id) ?? [];
    l.push({ at, make });
    byStation.set(st.id, l);
  };
  for (const r of raw) {
    const id = uuid(++idN, 4);
    push(r.station, r.at, (stamp, seq) => ({
      id,
      stationId: r.station.id,
      seq,
      hlc: stamp,
      wallTime: r.at,
      kind: r.kind,
      attendeeId: r.person,
      roomId: r.station.roomId,
      sessionId: r.sessionId,
      verdict: r.verdict,
      reason: r.reason,
      operator: null,
      payload: { door: r.station.mode },
    }));
  }
  for (const a of checkedIn) {
    const id = uuid(++idN, 4);
    const desk = desks.find((d) => d.id === a.deskId)!;
    (byStation.get(desk.id) ?? byStation.set(desk.id, []).get(desk.id)!).push({
      at: a.at,
      make: (stamp, seq) => ({
        id,
        stationId: desk.id,
        seq,
        hlc: stamp,
        wallTime: a.at,
        kind: 'scan',
        attendeeId: a.attendeeId,
        roomId: null,
        sessionId: null,
        verdict: 'admitted',
        reason: 'ok',
        operator: null,
        payload: {},
      }),
    });
  }
  for (const s of sweeps) {
    const id = uuid(++idN, 4);
    push(s.station, s.at, (stamp, seq) => ({
      id,
      stationId: s.station.id,
      seq,
      hlc: stamp,
      wallTime: s.at,
      kind: 'sweep',
      attendeeId: null,
      roomId: s.station.roomId,
      sessionId: null,
      verdict: null,
      reason: null,
      operator: 'Logistics lead',
      payload: {},
    }));
  }
  for (const [stationId, list] of byStation) {
    list.sort((a, b) => a.at - b.at);
    let clock = hlc.initialState(hlc.nodeIdFor(stationId));
    list.forEach((x, i) => {
      const { stamp, state } = hlc.send(clock, x.at);
      clock = state;
      events.push({ ...x.make(stamp, i + 1), day });
    });
  }
  return { day, events, stations, desks, truth, admitted: checkedIn, refusals };
}
