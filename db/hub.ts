// What a LAN hub reads and writes in its own station database (docs/lan-hub.md): the events
// stations push to it (stored like any pulled event, and queued for the registry in hub_relay),
// and pages of its log for the stations that pull from it, numbered by SQLite's rowid — the
// order this database stored them in, since one connection writes.
import { and, asc, eq, gt, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { WireEvent } from '../core/records/log-event';
import { audienceOf, eventFor, peopleToCheck, type Audience } from '../core/sync/visibility';
import type { Orm } from './connection';
import { insertEvent, toLogEvent } from './events';
import { prepared } from './prepared';
import { attendees, events, hubRelay, stations } from './schema/index';

/** Stores events a station pushed to this hub (in the caller's transaction); new ones are queued for the registry. */
export function takeRelayed(orm: Orm, list: WireEvent[], now: number): number {
  let stored = 0;
  for (const e of list) {
    if (!insertEvent(orm, e, now)) continue;
    orm.insert(hubRelay).values({ eventId: e.id }).onConflictDoNothing().run();
    stored++;
  }
  return stored;
}

/** The oldest events still to hand to the registry. */
export function relayBatch(orm: Orm, limit: number): WireEvent[] {
  return orm
    .select({ e: events })
    .from(hubRelay)
    .innerJoin(events, eq(events.id, hubRelay.eventId))
    .orderBy(sql`${events}.rowid`)
    .limit(limit)
    .all()
    .map((r) => toLogEvent(r.e));
}

export function relayCount(orm: Orm): number {
  return orm.select({ n: sql<number>`count(*)` }).from(hubRelay).get()?.n ?? 0;
}

export function dropRelayed(orm: Orm, ids: string[]): void {
  for (let i = 0; i < ids.length; i += 500) orm.delete(hubRelay).where(inArray(hubRelay.eventId, ids.slice(i, i + 500))).run();
}

/**
 * The next events after position `after` for station `forStation`: every event but its own
 * that can travel through a hub — signed by its author, or this hub's own (signed as it leaves).
 */
export function hubPage(orm: Orm, o: { hubId: string; forStation: string; after: number; limit: number }): { rows: { pos: number; e: WireEvent }[]; last: number } {
  // Prepared once: every station's pull and every long poll's check runs it (the bench's profile).
  const rows = prepared(orm, 'hub.page', () =>
    orm
      .select({ pos: sql<number>`${events}.rowid`, e: events })
      .from(events)
      .where(
        and(
          gt(sql`${events}.rowid`, sql.placeholder('after')),
          ne(events.stationId, sql.placeholder('forStation')),
          or(isNotNull(events.sig), eq(events.stationId, sql.placeholder('hubId'))),
        ),
      )
      .orderBy(asc(sql`${events}.rowid`))
      .limit(sql.placeholder('limit'))
      .prepare(),
  ).all({ after: o.after, forStation: o.forStation, hubId: o.hubId, limit: o.limit });
  const last = prepared(orm, 'hub.last', () => orm.select({ m: sql<number | null>`max(rowid)` }).from(events).prepare()).get()?.m ?? 0;
  return { rows: rows.map((r) => ({ pos: r.pos, e: toLogEvent(r.e) })), last };
}

/** What a station may receive from this hub: its role as the registry published it (an unknown station gets the least). */
export function hubAudience(orm: Orm, stationId: string): Audience {
  const row = orm.select({ role: stations.role }).from(stations).where(eq(stations.id, stationId)).get();
  return audienceOf({ role: row?.role ?? '' });
}

/**
 * The events of a hub page this audience may hold exactly as signed (core/sync/visibility.ts). A hub
 * cannot rewrite an event (stations check its author's signature), so one the registry would hand
 * this audience altered — a protected person's walk-in form, a desk note on them — is left out
 * here; it reaches the station later as the registry's filtered copy.
 */
export function visibleAtHub<R extends { pos: number; e: WireEvent }>(orm: Orm, audience: Audience, rows: R[]): R[] {
  if (audience === 'desk') return rows;
  const check = peopleToCheck(rows.map((r) => ({ type: 'log' as const, seq: r.pos, data: r.e })));
  const hidden = new Set<string>();
  for (let i = 0; i < check.length; i += 500) {
    const found = orm
      .select({ id: attendees.id })
      .from(attendees)
      .where(and(inArray(attendees.id, check.slice(i, i + 500)), eq(attendees.protected, true)))
      .all();
    for (const r of found) hidden.add(r.id);
  }
  return rows.filter((r) => eventFor(audience, r.e, hidden) === r.e);
}
