// Pull: everything that changed after a cursor, in change-number order, one page at a time.
// A first download is just a pull from cursor 0, so it is paged and resumable for free.
import { and, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AttendeeFields } from '../core/records/attendee';
import { EventInfoFields } from '../core/records/event-info';
import { toWire } from '../core/records/fields';
import { RevocationFields } from '../core/records/revocation';
import { RoomFields } from '../core/records/room';
import { SessionFields } from '../core/records/session';
import { KeyFields } from '../core/records/signing-key';
import { cursorFor, type Change, type ChangeType } from '../core/sync/protocol';
import { changeFor, peopleToCheck, type Audience } from '../core/sync/visibility';
import { query, type RegistryOrm } from './db';
import { attendees, event, events, revocations, rooms, sessions, signingKeys, stations } from './schema';
import { toLogEvent } from './ingest';
import { toStationRecord } from './stations';

export interface Page {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

/**
 * The page after `after` for one station, as its audience may receive it (core/sync/visibility.ts:
 * a door station gets no protected person's legal name, in attendee rows or in log events).
 */
export async function pullPage(orm: RegistryOrm, stationId: string, after: number, limit: number, audience: Audience): Promise<Page> {
  // 1. Which change numbers come next (a merge of the tables' change-number indexes, no row
  // data yet; the column is called seq).
  const heads = await query<{ seq: string | number; t: ChangeType }>(
    orm,
    sql`select seq, t from (
          select seq, 'event' as t from event where seq > ${after}
          union all select seq, 'attendee' from attendees where seq > ${after}
          union all select seq, 'room' from rooms where seq > ${after}
          union all select seq, 'session' from sessions where seq > ${after}
          union all select seq, 'key' from signing_keys where seq > ${after}
          union all select seq, 'revocation' from revocations where seq > ${after}
          union all select seq, 'station' from stations where seq > ${after}
          union all select seq, 'log' from events where seq > ${after} and station_id <> ${stationId}
        ) x order by seq limit ${limit + 1}`,
  );
  const hasMore = heads.length > limit;
  const taken = heads.slice(0, limit);
  if (taken.length === 0) return { changes: [], nextCursor: cursorFor(after), hasMore: false };
  const upTo = Number(taken[taken.length - 1]!.seq);
  const types = new Set(taken.map((h) => h.t));
  const changes: Change[] = [];

  // 2. The rows themselves, per table, bounded by the page's last change number; each
  // becomes its record's wire form (core/records/), which leaves the registry's own columns
  // (private keys, token hashes, change numbers…) behind.
  const between = (changeNo: PgColumn) => and(gt(changeNo, after), lte(changeNo, upTo));
  const add = <T extends ChangeType, R extends { changeNo: number }>(type: T, rows: R[], data: (r: R) => Extract<Change, { type: T }>['data']) => {
    for (const r of rows) changes.push({ type, seq: r.changeNo, data: data(r) } as Change);
  };
  if (types.has('event')) add('event', await orm.select().from(event).where(between(event.changeNo)), (r) => toWire(EventInfoFields, r));
  if (types.has('attendee')) add('attendee', await orm.select().from(attendees).where(between(attendees.changeNo)), (r) => toWire(AttendeeFields, r));
  if (types.has('room')) add('room', await orm.select().from(rooms).where(between(rooms.changeNo)), (r) => toWire(RoomFields, r));
  if (types.has('session')) add('session', await orm.select().from(sessions).where(between(sessions.changeNo)), (r) => toWire(SessionFields, r));
  if (types.has('key')) add('key', await orm.select().from(signingKeys).where(between(signingKeys.changeNo)), (r) => toWire(KeyFields, r));
  if (types.has('revocation')) add('revocation', await orm.select().from(revocations).where(between(revocations.changeNo)), (r) => toWire(RevocationFields, r));
  if (types.has('station')) add('station', await orm.select().from(stations).where(between(stations.changeNo)), toStationRecord);
  if (types.has('log')) add('log', await orm.select().from(events).where(and(between(events.changeNo), ne(events.stationId, stationId))), toLogEvent);
  changes.sort((a, b) => a.seq - b.seq);
  return { changes: await visibleTo(orm, audience, changes), nextCursor: cursorFor(upTo), hasMore };
}

/** The changes as `audience` may receive them; the people whose log events may need hiding are looked up once. */
export async function visibleTo(orm: RegistryOrm, audience: Audience, changes: Change[]): Promise<Change[]> {
  if (audience === 'desk') return changes;
  const check = peopleToCheck(changes);
  const hidden = new Set<string>();
  for (let i = 0; i < check.length; i += 1000) {
    const rows = await orm
      .select({ id: attendees.id })
      .from(attendees)
      .where(and(inArray(attendees.id, check.slice(i, i + 1000)), eq(attendees.protected, true)));
    for (const r of rows) hidden.add(r.id);
  }
  return changes.map((c) => changeFor(audience, c, hidden));
}
