// The evacuation part of the console's live view (docs/evacuation.md): while an evacuation or
// drill runs, how many are inside, safe and not yet accounted for, room by room, from the merged
// log by the same rule every station applies (core/evacuation/roll-call.ts). Only the registry
// sees every station's marks, so this is the one place the whole venue's count is complete.
// People are named as shared screens name them (publicName); the caller drops the names for a
// viewer.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { LiveEvacuation } from '../../core/console/live';
import { rollCall } from '../../core/evacuation/roll-call';
import type { Stay } from '../../core/occupancy/types';
import { publicName } from '../../core/sync/visibility';
import { query, type RegistryOrm } from '../db';
import { attendees, events } from '../schema';

const ENTERING = ['scan', 'manual', 'room_entry'] as const;
const INSIDE_VERDICTS = ['admitted', 'warning'] as const;

const newest = (rows: readonly { id: string | null; hlc: string }[]) => {
  const m = new Map<string, string>();
  for (const r of rows) if (r.id && r.hlc > (m.get(r.id) ?? '')) m.set(r.id, r.hlc);
  return m;
};

/** The evacuation in progress on `day` with its roll call, or null when none runs. `stays`: the day's room stays (computeOccupancy). */
export async function liveEvacuation(orm: RegistryOrm, day: string, stays: readonly Stay[], rooms: readonly { id: string; name: string; floor: string }[], stationName: Map<string, string>): Promise<LiveEvacuation | null> {
  const marks = await orm
    .select({ kind: events.kind, attendeeId: events.attendeeId, hlc: events.hlc, wallTime: events.wallTime, stationId: events.stationId, payload: events.payload })
    .from(events)
    .where(and(eq(events.day, day), inArray(events.kind, ['evacuation', 'safe'])));
  // The latest start or end by HLC decides (an end after the start: nothing runs).
  const last = marks.filter((m) => m.kind === 'evacuation').sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0];
  const lastPayload = (last?.payload ?? {}) as { action?: unknown; drill?: unknown };
  if (!last || lastPayload.action !== 'start') return null;

  const undos = await query<{ target: string | null }>(orm, sql`select payload->>'target' as target from events where kind = 'undo' and day = ${day}`);
  const undone = new Set(undos.map((u) => u.target).filter((t): t is string => !!t));
  const entering = await orm
    .select({ eventId: events.id, id: events.attendeeId, hlc: events.hlc })
    .from(events)
    .where(and(eq(events.day, day), inArray(events.kind, [...ENTERING]), inArray(events.verdict, [...INSIDE_VERDICTS]), isNotNull(events.attendeeId)));
  const admitted = newest(entering.filter((e) => !undone.has(e.eventId)));
  const departures = await orm
    .select({ id: events.attendeeId, hlc: events.hlc })
    .from(events)
    .where(and(eq(events.day, day), eq(events.kind, 'departure'), isNotNull(events.attendeeId)));
  const inRoom = new Map<string, string>();
  for (const s of [...stays].filter((s) => s.day === day && s.outKey === null).sort((a, b) => (a.inKey < b.inKey ? -1 : 1))) inRoom.set(s.attendeeId, s.roomId);
  // Someone in a room counts as inside even before the desk's admission reaches the registry.
  for (const id of inRoom.keys()) if (!admitted.has(id)) admitted.set(id, '');

  const list = rollCall({
    admitted,
    departed: newest(departures),
    inRoom,
    startHlc: last.hlc,
    marks: marks
      .filter((m) => m.kind === 'safe' && m.attendeeId)
      .map((m) => ({ attendeeId: m.attendeeId!, hlc: m.hlc, undo: (m.payload as { undo?: unknown } | null)?.undo === true })),
  });

  const known = new Map(rooms.map((r) => [r.id, r]));
  const byRoom = new Map<string, { safe: number; unaccounted: number }>();
  for (const p of list) {
    const k = known.has(p.roomId) ? p.roomId : '';
    const c = byRoom.get(k) ?? { safe: 0, unaccounted: 0 };
    c[p.safe ? 'safe' : 'unaccounted']++;
    byRoom.set(k, c);
  }
  const missing = list.filter((p) => !p.safe);
  const named = new Map<string, { givenName: string; familyName: string; protected: boolean; chosenName: string }>();
  const ids = missing.map((p) => p.attendeeId);
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await orm
      .select({ id: attendees.id, givenName: attendees.givenName, familyName: attendees.familyName, protected: attendees.protected, chosenName: attendees.chosenName })
      .from(attendees)
      .where(inArray(attendees.id, ids.slice(i, i + 1000)));
    for (const r of rows) named.set(r.id, r);
  }
  const coll = new Intl.Collator('en', { sensitivity: 'base' });
  const safe = list.length - missing.length;
  return {
    drill: lastPayload.drill === true,
    startedAt: last.wallTime,
    stationName: stationName.get(last.stationId) ?? '',
    inside: list.length,
    safe,
    unaccounted: missing.length,
    rooms: [...byRoom]
      .map(([roomId, c]) => ({ roomId, name: known.get(roomId)?.name ?? '', floor: known.get(roomId)?.floor ?? '', ...c }))
      .sort((a, b) => b.unaccounted - a.unaccounted || Number(a.roomId === '') - Number(b.roomId === '') || coll.compare(a.name, b.name)),
    people: missing
      .map((p) => {
        const r = named.get(p.attendeeId);
        // A wall display too: a protected person is named only by the chosen name, or not at all (#16).
        return { attendeeId: p.attendeeId, name: r ? publicName(r) : p.attendeeId, protected: r?.protected ?? false, roomId: known.has(p.roomId) ? p.roomId : '' };
      })
      .sort((a, b) => coll.compare(a.name, b.name)),
  };
}
