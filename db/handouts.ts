// Reads of handouts (core/checkin/handouts.ts) from the log. No derived table: the events are a
// few thousand at most (one receiver out and back per person and day), read when a desk asks.
import { and, eq, inArray } from 'drizzle-orm';
import type { HandoutEvent } from '../core/checkin/handouts';
import type { Orm } from './connection';
import { events } from './schema/index';

const COLUMNS = {
  id: events.id,
  stationId: events.stationId,
  hlc: events.hlc,
  wallTime: events.wallTime,
  day: events.day,
  kind: events.kind,
  attendeeId: events.attendeeId,
  payload: events.payload,
};

/** Every handout and handback (what is out needs them all: a handback names no one for sure). */
export function handoutEvents(orm: Orm): HandoutEvent[] {
  return orm.select(COLUMNS).from(events).where(inArray(events.kind, ['handout', 'handback'])).all();
}

/** One person's handouts (vouchers, answers). */
export function personHandoutEvents(orm: Orm, attendeeId: string): HandoutEvent[] {
  return orm
    .select(COLUMNS)
    .from(events)
    .where(and(eq(events.attendeeId, attendeeId), eq(events.kind, 'handout')))
    .all();
}
