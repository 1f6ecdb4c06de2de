// What the evacuation roll call reads from the merged event log (docs/evacuation.md): who was
// admitted today, who left the venue, who is in which room, the evacuation in progress and the
// assembly-point marks. Read-only; core/evacuation/roll-call.ts decides from these facts.
import type { RollCallFacts } from '../core/evacuation/roll-call';
import type { Orm } from './connection';
import { preparedSql as stmt } from './prepared';

const ADMITTED = `SELECT attendee_id AS id, max(hlc) AS hlc FROM events
  WHERE day = ? AND attendee_id IS NOT NULL AND kind IN ('scan', 'manual', 'room_entry') AND verdict IN ('admitted', 'warning')
    AND id NOT IN (SELECT event_id FROM undone)
  GROUP BY attendee_id`;
const DEPARTED = `SELECT attendee_id AS id, max(hlc) AS hlc FROM events WHERE day = ? AND kind = 'departure' AND attendee_id IS NOT NULL GROUP BY attendee_id`;
const IN_ROOM = `SELECT attendee_id AS id, room_id AS roomId FROM occupancy_stays WHERE day = ? AND out_key IS NULL ORDER BY in_key`;
const LAST_EVACUATION = `SELECT hlc, wall_time AS at, station_id AS stationId, payload FROM events WHERE day = ? AND kind = 'evacuation' ORDER BY hlc DESC LIMIT 1`;
const MARKS = `SELECT attendee_id AS attendeeId, hlc, payload FROM events WHERE day = ? AND kind = 'safe' AND attendee_id IS NOT NULL`;
const LAST_DEPARTURE = `SELECT max(wall_time) AS at FROM events WHERE day = ? AND kind = 'departure' AND attendee_id = ?`;
const STATION_LATEST = `SELECT s.id, s.name, (SELECT max(wall_time) FROM events e WHERE e.station_id = s.id) AS lastEventAt FROM stations s`;

export interface EvacuationState {
  hlc: string;
  startedAt: number;
  stationId: string;
  drill: boolean;
}

/** The evacuation (or drill) in progress today, or null when none was started or the last one ended. */
export function currentEvacuation(orm: Orm, day: string): EvacuationState | null {
  const r = stmt(orm, LAST_EVACUATION).get(day) as { hlc: string; at: number; stationId: string; payload: string } | undefined;
  if (!r) return null;
  const p = JSON.parse(r.payload) as { action?: unknown; drill?: unknown };
  return p.action === 'start' ? { hlc: r.hlc, startedAt: r.at, stationId: r.stationId, drill: p.drill === true } : null;
}

export function rollCallFacts(orm: Orm, day: string): RollCallFacts {
  const pairs = (sql: string) => new Map((stmt(orm, sql).all(day) as { id: string; hlc: string }[]).map((r) => [r.id, r.hlc]));
  const inRoom = new Map((stmt(orm, IN_ROOM).all(day) as { id: string; roomId: string }[]).map((r) => [r.id, r.roomId]));
  const admitted = pairs(ADMITTED);
  // Someone inside a room counts as admitted even if the admitting event is not here yet (a door's sweep-free stay).
  for (const id of inRoom.keys()) if (!admitted.has(id)) admitted.set(id, '');
  const marks = (stmt(orm, MARKS).all(day) as { attendeeId: string; hlc: string; payload: string }[]).map((m) => ({
    attendeeId: m.attendeeId,
    hlc: m.hlc,
    undo: (JSON.parse(m.payload) as { undo?: unknown }).undo === true,
  }));
  return { admitted, departed: pairs(DEPARTED), inRoom, startHlc: currentEvacuation(orm, day)?.hlc ?? null, marks };
}

/** Every station this one knows, with the newest event it holds from each: how fresh its part of the list is. */
export function stationFreshness(orm: Orm): { id: string; name: string; lastEventAt: number | null }[] {
  return stmt(orm, STATION_LATEST).all() as { id: string; name: string; lastEventAt: number | null }[];
}

/** When this person was last scanned leaving the venue today (wall time), or null. */
export function lastDepartureAt(orm: Orm, day: string, attendeeId: string): number | null {
  return (stmt(orm, LAST_DEPARTURE).get(day, attendeeId) as { at: number | null } | undefined)?.at ?? null;
}
