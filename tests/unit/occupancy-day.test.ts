// A scripted conference day: 1,000 attendees flow through the demo agenda's rooms, each room
// with two entry stations and one exit station (double scans, refusals at full rooms, people
// who forget to scan out). The same events merged in three different orders into three
// station databases give identical dashboards, and every session's report matches the
// generated truth exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../core/api/index';
import { localToMillis } from '../../core/time';
import { loadEventBundle } from '../../db/event-bundle';
import { insertEvent } from '../../db/events';
import { rebuildOccupancy } from '../../db/occupancy/derive';
import { ARRIVALS_BUCKET_MS, ARRIVALS_LEAD_MS, warnLevel } from '../../core/occupancy/sessions';
import { generateDoorTraffic, type DoorTraffic, type TrueStay } from '../../resources/demo/door-traffic';
import type { EventBundle } from '../../core/event-bundle';
import { generateDemoEvent, prng } from '../../resources/demo/generate';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { derivedSnapshot, shuffled } from '../helpers/occupancy';
import { tempDir } from '../helpers/station';

const FIRST_DAY = '2026-04-20';
let bundle: EventBundle;
let traffic: DoorTraffic;
let stations: Station[] = [];
let now: number;
const handlers = createHandlers({ now: () => now });

async function call<T = any>(station: Station, method: Method, args: unknown = {}): Promise<T> {
  const r = await dispatch(handlers, station, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

function stationWith(order: DoorTraffic['events'], batch: number): Station {
  const s = openStation(tempDir(), { now: Date.parse(`${FIRST_DAY}T06:00:00Z`) });
  s.write(() => loadEventBundle(s.db.orm, bundle, 0));
  s.invalidate();
  for (let i = 0; i < order.length; i += batch) {
    s.write(() => {
      for (const e of order.slice(i, i + batch)) insertEvent(s.db.orm, e, e.wallTime);
    });
  }
  return s;
}

beforeAll(() => {
  bundle = generateDemoEvent(FIRST_DAY, { attendees: 1000, seed: 23 });
  traffic = generateDoorTraffic(bundle, { seed: 7 });
  const live = [...traffic.events].sort((a, b) => a.wallTime - b.wallTime);
  const byStation = [...traffic.stations, ...traffic.desks].flatMap((st) => traffic.events.filter((e) => e.stationId === st.id));
  const random = shuffled(traffic.events, prng(99));
  stations = [stationWith(live, 10), stationWith(byStation, 500), stationWith(random, 100)];
  now = localToMillis(FIRST_DAY, '22:00', bundle.event.timeZone);
}, 120_000);
afterAll(() => stations.forEach((s) => s.close()));

/** Independent oracle: people inside a room at time t, from the physical truth. */
function countAt(stays: TrueStay[], t: number): number {
  let n = 0;
  for (const s of stays) if (s.in <= t && s.out > t) n++;
  return n;
}

describe('a scripted day through the demo agenda', () => {
  it('is a realistic day: thousands of scans, double scans, refusals at full rooms', () => {
    expect(traffic.events.length).toBeGreaterThan(3000);
    expect(traffic.refusals).toBeGreaterThan(0);
    const people = new Set(traffic.truth.map((t) => t.attendeeId));
    expect(people.size).toBeGreaterThan(800);
    expect(traffic.events.filter((e) => e.reason === 'entry_again').length).toBeGreaterThan(50);
  });

  it('everyone in a room was checked in at a front desk first, so "checked in today" and the rooms agree', async () => {
    const checkedInAt = new Map(traffic.admitted.map((a) => [a.attendeeId, a.at]));
    const entries = traffic.events.filter((e) => e.kind === 'room_entry' && e.verdict === 'admitted');
    expect(entries.length).toBeGreaterThan(1000);
    const notChecked = entries.filter((e) => !(checkedInAt.get(e.attendeeId!)! < e.wallTime));
    expect(notChecked.map((e) => e.attendeeId)).toEqual([]);
    // Some were at the venue without going to any session.
    expect(traffic.admitted.length).toBeGreaterThan(new Set(traffic.truth.map((t) => t.attendeeId)).size);
    for (const t of ['09:00', '10:15', '13:30', '17:00']) {
      const at = localToMillis(FIRST_DAY, t, bundle.event.timeZone);
      const inRooms = bundle.rooms.reduce((n, r) => n + countAt(traffic.truth.filter((s) => s.roomId === r.id), at), 0);
      const admittedSoFar = traffic.admitted.filter((a) => a.at <= at).length;
      expect(inRooms, t).toBeLessThanOrEqual(admittedSoFar);
    }
    // The station's status bar counts them, from the same events.
    now = localToMillis(FIRST_DAY, '22:00', bundle.event.timeZone);
    for (const s of stations) expect((await call(s, 'station.status')).checkedInToday).toBe(traffic.admitted.length);
  });

  it('three stations that merged the same events in different orders show identical dashboards', async () => {
    for (const t of ['10:15', '13:30', '22:00']) {
      now = localToMillis(FIRST_DAY, t, bundle.event.timeZone);
      const views = [];
      for (const s of stations) {
        const rooms = await call(s, 'occupancy.rooms');
        const sessions = await call(s, 'occupancy.sessions', { day: FIRST_DAY });
        const details = [];
        for (const r of bundle.rooms) details.push(await call(s, 'occupancy.room', { roomId: r.id, day: FIRST_DAY, recent: 50 }));
        views.push(JSON.stringify({ rooms, sessions, details }));
      }
      expect(views[1]).toBe(views[0]);
      expect(views[2]).toBe(views[0]);
    }
  });

  it('the three databases hold identical derived tables, equal to a full recompute from the log', () => {
    const [a, b, c] = stations.map(derivedSnapshot);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    stations[1]!.write(() => rebuildOccupancy(stations[1]!.db.orm));
    expect(derivedSnapshot(stations[1]!)).toEqual(a);
  });

  it('every session report matches the generated truth exactly', async () => {
    now = localToMillis(FIRST_DAY, '22:00', bundle.event.timeZone);
    const { sessions } = await call(stations[2]!, 'occupancy.sessions', { day: FIRST_DAY });
    expect(sessions.length).toBe(7);
    for (const s of sessions as { id: string; roomId: string; startsAt: number; endsAt: number; peak: number; unique: number; aboveWarnMs: number; arrivals: { at: number; count: number }[] }[]) {
      const room = bundle.rooms.find((r) => r.id === s.roomId)!;
      const stays = traffic.truth.filter((t) => t.roomId === s.roomId);
      const during = stays.filter((t) => t.in < s.endsAt && t.out > s.startsAt);
      // Peak: the count just before the start, and after every move during the session.
      const moments = [s.startsAt - 1, ...stays.flatMap((t) => [t.in, t.out]).filter((t) => t >= s.startsAt && t < s.endsAt)];
      const peak = Math.max(...moments.map((t) => countAt(stays, t)));
      // Time at or above the warning level, integrating the step function between moves.
      const level = warnLevel(room.capacity, 80);
      const cuts = [s.startsAt, ...moments.filter((t) => t > s.startsAt).sort((a, b) => a - b), s.endsAt];
      let above = 0;
      for (let i = 0; i + 1 < cuts.length; i++) if (countAt(stays, cuts[i]!) >= level) above += cuts[i + 1]! - cuts[i]!;
      const a0 = Math.floor((s.startsAt - ARRIVALS_LEAD_MS) / ARRIVALS_BUCKET_MS) * ARRIVALS_BUCKET_MS;
      const arrivals = s.arrivals.map((b) => ({ at: b.at, count: stays.filter((t) => t.in >= b.at && t.in < b.at + ARRIVALS_BUCKET_MS).length }));

      expect({ id: s.id, peak: s.peak, unique: s.unique, aboveWarnMs: s.aboveWarnMs }).toEqual({
        id: s.id,
        peak,
        unique: new Set(during.map((t) => t.attendeeId)).size,
        aboveWarnMs: above,
      });
      expect(s.arrivals[0]!.at).toBe(a0);
      expect(s.arrivals).toEqual(arrivals);

      const detail = await call(stations[0]!, 'occupancy.session', { sessionId: s.id });
      const minutes = new Map<string, number>();
      for (const t of during) minutes.set(t.attendeeId, (minutes.get(t.attendeeId) ?? 0) + Math.min(t.out, s.endsAt) - Math.max(t.in, s.startsAt));
      expect(new Map(detail.attendees.map((a: { attendeeId: string; insideMinutes: number }) => [a.attendeeId, a.insideMinutes]))).toEqual(
        new Map([...minutes].map(([k, ms]) => [k, Math.round(ms / 60_000)])),
      );
    }
    // The side events overflowed: refusals happened and the rooms reached their warning level.
    const side = sessions.find((x: { roomId: string }) => x.roomId === 'forschungssaal')!;
    expect(side.peak).toBe(60);
    expect(side.aboveWarnMs).toBeGreaterThan(0);
  });

  it('at the end of the day every room is empty and nothing is flagged', async () => {
    now = localToMillis(FIRST_DAY, '22:00', bundle.event.timeZone);
    const { rooms } = await call(stations[1]!, 'occupancy.rooms');
    for (const r of rooms) expect({ id: r.id, current: r.current, flagged: r.flagged }).toEqual({ id: r.id, current: 0, flagged: 0 });
    const refused = rooms.reduce((n: number, r: { refused: number }) => n + r.refused, 0);
    expect(refused).toBe(traffic.refusals);
  });
});
