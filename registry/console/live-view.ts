// The console's live view of one event day (core/console/live.ts), from the merged log: check-ins
// over time, by category and delegation; rooms against capacity (the occupancy model every
// station runs, core/occupancy); stations and how stale each is; people admitted twice. The
// heavy part is computed once per (day, change sequence) and shared by every open console, so a
// burst of pokes costs one computation; the stations' part is fresh on every request.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { ADMITTING_KINDS, ADMITTING_VERDICTS } from '../../core/checkin/admission';
import { arrivalSeries, dayCheckins, type AdmissionRow } from '../../core/console/checkins';
import { stationState, type LiveEvacuation, type LiveRoom, type LiveSnapshot, type LiveStation, type Tally } from '../../core/console/live';
import { capacityState, fillPct } from '../../core/occupancy/capacity';
import { computeOccupancy, current, roomDayKey } from '../../core/occupancy/model';
import type { OccEvent } from '../../core/occupancy/types';
import { publicName } from '../../core/sync/visibility';
import { addDays, dayInZone, localToMillis } from '../../core/time';
import { query, type RegistryOrm } from '../db';
import { liveEvacuation } from './evacuation-view';
import { liveProtocolAlerts } from './protocol-view';
import { attendees, events, rooms, stations } from '../schema';
import { lastChangeNo, getEvent } from '../store';

type Heavy = Omit<LiveSnapshot, 'stations' | 'serverTime' | 'eventName' | 'timeZone' | 'days' | 'day' | 'evacuation'> & {
  evacuation: LiveEvacuation | null;
  conflicts: { count: number; people: NonNullable<LiveSnapshot['conflicts']['people']> };
  scansToday: Map<string, number>;
};

const cache = new WeakMap<RegistryOrm, { key: string; value: Promise<Heavy> }>();

/** The day shown by default: today if the event runs today, else the nearest event day. */
export function defaultDay(days: readonly string[], today: string): string {
  if (days.includes(today)) return today;
  const past = days.filter((d) => d < today);
  return past.length ? past[past.length - 1]! : days[0]!;
}

/** `names`: the caller may see people's names (not a viewer). */
export async function liveSnapshot(orm: RegistryOrm, o: { day?: string; now: number; names: boolean }): Promise<LiveSnapshot> {
  const ev = await getEvent(orm);
  const timeZone = ev?.timeZone ?? 'UTC';
  const days = ev?.days ?? [];
  const day = o.day && days.includes(o.day) ? o.day : days.length ? defaultDay(days, dayInZone(o.now, timeZone)) : null;
  const seq = await lastChangeNo(orm);
  const stationRows = await orm.select().from(stations).orderBy(asc(stations.name));
  let heavy: Heavy;
  if (day) {
    const key = `${day} ${seq} ${ev?.id}`;
    let hit = cache.get(orm);
    if (!hit || hit.key !== key) {
      hit = { key, value: computeDay(orm, day, timeZone, stationRows) };
      cache.set(orm, hit);
      hit.value.catch(() => cache.delete(orm));
    }
    heavy = await hit.value;
  } else {
    heavy = { seq, total: { checkedIn: 0, expected: 0 }, series: { from: 0, bucketMs: 15 * 60_000, counts: [] }, byCategory: [], byDelegation: [], rooms: [], conflicts: { count: 0, people: [] }, evacuation: null, scansToday: new Map() };
  }
  const lastEvents = await query<{ station_id: string; at: string | number }>(orm, sql`select station_id, max(wall_time) as at from events group by station_id`);
  const lastAt = new Map(lastEvents.map((r) => [r.station_id, Number(r.at)]));
  const stationsOut: LiveStation[] = stationRows.map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role,
    roomId: s.roomId,
    doorMode: s.doorMode,
    state: stationState({ revoked: s.revokedAt !== null, lastSeenAt: s.lastSeenAt }, o.now),
    lastSeenAt: s.lastSeenAt,
    outbox: s.outbox,
    clockAheadMs: s.clockAheadMs,
    scansToday: heavy.scansToday.get(s.id) ?? 0,
    lastEventAt: lastAt.get(s.id) ?? null,
  }));
  const { scansToday: _s, conflicts, evacuation, ...rest } = heavy;
  return {
    ...rest,
    eventName: ev?.name ?? null,
    timeZone,
    days,
    day,
    serverTime: o.now,
    stations: stationsOut,
    // Names only for those who may see them: a viewer's answer holds none (tested in its bytes).
    conflicts: o.names ? conflicts : { count: conflicts.count },
    evacuation: evacuation && !o.names ? { ...evacuation, people: undefined } : evacuation,
    ...(o.names ? { protocol: await liveProtocolAlerts(orm, new Map(stationRows.map((s) => [s.id, s.name]))) } : {}),
  };
}

async function computeDay(orm: RegistryOrm, day: string, timeZone: string, stationRows: { id: string; name: string }[]): Promise<Heavy> {
  const seq = await lastChangeNo(orm);
  const stationName = new Map(stationRows.map((s) => [s.id, s.name]));

  // Who was expected: confirmed, with a badge valid this day.
  const validToday = and(eq(attendees.status, 'active'), sql`(${attendees.validDays} is null or ${attendees.validDays} @> jsonb_build_array(${day}::text))`);
  const expected = await orm
    .select({ category: attendees.category, delegation: attendees.delegation, country: attendees.country, n: sql<number>`count(*)::int` })
    .from(attendees)
    .where(validToday)
    .groupBy(attendees.category, attendees.delegation, attendees.country);

  // Who was admitted: the day's admitting events, less those an undo took back.
  const admitted = await orm
    .select({ id: events.id, attendeeId: events.attendeeId, stationId: events.stationId, hlc: events.hlc, wallTime: events.wallTime, reason: events.reason })
    .from(events)
    .where(and(eq(events.day, day), inArray(events.kind, [...ADMITTING_KINDS]), inArray(events.verdict, [...ADMITTING_VERDICTS]), isNotNull(events.attendeeId)));
  const undos = await query<{ target: string | null }>(orm, sql`select payload->>'target' as target from events where kind = 'undo'`);
  const undone = new Set(undos.map((u) => u.target).filter((t): t is string => !!t));
  const { first, twice } = dayCheckins(admitted as AdmissionRow[], undone);

  const people = new Map<string, { givenName: string; familyName: string; protected: boolean; chosenName: string; category: string; delegation: string; country: string }>();
  const ids = [...first.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await orm
      .select({ id: attendees.id, givenName: attendees.givenName, familyName: attendees.familyName, protected: attendees.protected, chosenName: attendees.chosenName, category: attendees.category, delegation: attendees.delegation, country: attendees.country })
      .from(attendees)
      .where(inArray(attendees.id, ids.slice(i, i + 1000)));
    for (const r of rows) people.set(r.id, r);
  }

  const cats = new Map<string, Tally>();
  const dels = new Map<string, Tally & { delegation: string; country: string }>();
  const tally = <K>(m: Map<K, Tally>, k: K, make: () => Tally) => m.get(k) ?? (m.set(k, make()), m.get(k)!);
  const delKey = (delegation: string, country: string) => `${country}\u0000${delegation}`;
  let expectedTotal = 0;
  for (const r of expected) {
    expectedTotal += r.n;
    tally(cats, r.category, () => ({ checkedIn: 0, expected: 0 })).expected += r.n;
    if (r.delegation || r.country) (tally(dels, delKey(r.delegation, r.country), () => ({ delegation: r.delegation, country: r.country, checkedIn: 0, expected: 0 })) as Tally).expected += r.n;
  }
  for (const id of first.keys()) {
    const p = people.get(id);
    if (!p) continue;
    tally(cats, p.category, () => ({ checkedIn: 0, expected: 0 })).checkedIn++;
    if (p.delegation || p.country) (tally(dels, delKey(p.delegation, p.country), () => ({ delegation: p.delegation, country: p.country, checkedIn: 0, expected: 0 })) as Tally).checkedIn++;
  }

  // Rooms: the same occupancy model every station runs, over the merged log of this day.
  const doorRows = await orm
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, kind: events.kind, attendeeId: events.attendeeId, roomId: events.roomId, verdict: events.verdict, payload: events.payload, day: events.day })
    .from(events)
    .where(and(eq(events.day, day), inArray(events.kind, ['room_entry', 'room_exit', 'sweep', 'counter'])));
  const occ = computeOccupancy(doorRows as OccEvent[]);
  const roomRows = await orm.select().from(rooms).orderBy(asc(rooms.name));
  const roomsOut: LiveRoom[] = roomRows.map((r) => {
    const c = occ.rooms.get(roomDayKey(r.id, day));
    const now = c ? current(c) : 0;
    return {
      id: r.id,
      name: r.name,
      floor: r.floor,
      capacity: r.capacity,
      warnPct: r.warnPct,
      criticalPct: r.criticalPct,
      current: now,
      pct: fillPct(now, r.capacity),
      state: capacityState(now, r),
      unique: c?.unique ?? 0,
      flagged: c?.flagged ?? 0,
      lastAt: c?.lastAt ?? 0,
    };
  });

  const scansToday = new Map<string, number>();
  for (const e of admitted) scansToday.set(e.stationId, (scansToday.get(e.stationId) ?? 0) + 1);
  for (const e of doorRows) if (e.kind === 'room_entry' || e.kind === 'room_exit') scansToday.set(e.stationId, (scansToday.get(e.stationId) ?? 0) + 1);

  const conflictPeople = [...twice].map(([attendeeId, list]) => {
    const p = people.get(attendeeId);
    return {
      attendeeId,
      // The live view is a wall display too: a protected person is never named by their legal name here (#16).
      name: p ? publicName(p) : attendeeId,
      protected: p?.protected ?? false,
      category: p?.category ?? '',
      admissions: list.map((a) => ({ stationId: a.stationId, stationName: stationName.get(a.stationId) ?? a.stationId, at: a.wallTime })),
    };
  });
  // The day in its own time zone, with a margin: a station clock far off does not stretch the chart.
  const window = { from: localToMillis(day, '00:00', timeZone) - 6 * 3600_000, to: localToMillis(addDays(day, 1), '00:00', timeZone) + 6 * 3600_000 };
  return {
    seq,
    total: { checkedIn: first.size, expected: expectedTotal },
    series: arrivalSeries(first.values(), window),
    byCategory: [...cats].map(([category, t]) => ({ category, ...t })).sort((a, b) => b.expected - a.expected || a.category.localeCompare(b.category)),
    byDelegation: [...dels.values()].sort((a, b) => b.checkedIn - a.checkedIn || b.expected - a.expected || a.delegation.localeCompare(b.delegation)),
    rooms: roomsOut,
    conflicts: { count: conflictPeople.length, people: conflictPeople },
    evacuation: await liveEvacuation(orm, day, occ.stays, roomRows, stationName),
    scansToday,
  };
}
