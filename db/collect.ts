// Reads of badge collection (core/checkin/collection.ts) from the log: a person's badge events,
// and the desk's tallies. No derived table: a person's events are few and indexed by attendee,
// and the tallies are read only when the badge desk asks for them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { COLLECTION_KINDS, type CollectionEvent } from '../core/checkin/collection';
import type { Orm } from './connection';
import { events } from './schema/index';

/** One person's badge events (collect, refused, reprint), in any order. */
export function collectionEvents(orm: Orm, attendeeId: string): CollectionEvent[] {
  return orm
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, wallTime: events.wallTime, kind: events.kind, payload: events.payload })
    .from(events)
    .where(and(eq(events.attendeeId, attendeeId), inArray(events.kind, COLLECTION_KINDS)))
    .all();
}

/** How many people have collected a badge, and who received more than one without a reprint. */
export function collectionTallies(orm: Orm): { handedOver: number; printedTwice: string[] } {
  const rows = orm
    .select({ attendeeId: events.attendeeId, n: sql<number>`count(*)` })
    .from(events)
    .where(eq(events.kind, 'collect'))
    .groupBy(events.attendeeId)
    .all();
  return { handedOver: rows.length, printedTwice: rows.filter((r) => r.n > 1 && r.attendeeId).map((r) => r.attendeeId!) };
}
