// Pull: everything that changed after a cursor, in change-sequence order, one page at a time.
// A first download is just a pull from cursor 0, so it is paged and resumable for free.
import { and, asc, gt, lte, ne, sql } from 'drizzle-orm';
import { cursorFor, type Change, type ChangeType } from '../core/sync/protocol';
import { query, type RegistryOrm } from './db';
import { attendees, event, events, revocations, rooms, sessions, signingKeys, stations } from './schema';
import { toStationRecord } from './stations';

export interface Page {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

export async function pullPage(orm: RegistryOrm, stationId: string, after: number, limit: number): Promise<Page> {
  // 1. Which sequence numbers come next (a merge of the seq indexes, no row data yet).
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

  // 2. The rows themselves, per table, bounded by the page's last sequence number.
  if (types.has('event')) {
    for (const r of await orm.select().from(event).where(and(gt(event.seq, after), lte(event.seq, upTo)))) {
      const { seq, ...data } = r;
      changes.push({ type: 'event', seq, data });
    }
  }
  if (types.has('attendee')) {
    const rows = await orm.select().from(attendees).where(and(gt(attendees.seq, after), lte(attendees.seq, upTo))).orderBy(asc(attendees.seq));
    for (const r of rows) {
      changes.push({
        type: 'attendee',
        seq: r.seq,
        data: {
          id: r.id,
          givenName: r.givenName,
          familyName: r.familyName,
          organisation: r.organisation,
          delegation: r.delegation,
          country: r.country,
          category: r.category as never,
          validDays: r.validDays ?? null,
          status: r.status as never,
          badgeVersion: r.badgeVersion,
          notes: r.notes,
          noteHlc: r.noteHlc,
          badgeCodes: r.badgeCodes,
          source: r.source === 'walkin' ? 'walkin' : 'registry',
        },
      });
    }
  }
  if (types.has('room')) {
    for (const r of await orm.select().from(rooms).where(and(gt(rooms.seq, after), lte(rooms.seq, upTo)))) {
      const { seq, ...d } = r;
      changes.push({ type: 'room', seq, data: { ...d, fullPolicy: d.fullPolicy === 'warn' ? 'warn' : 'refuse', allowedCategories: d.allowedCategories ?? null } });
    }
  }
  if (types.has('session')) {
    for (const r of await orm.select().from(sessions).where(and(gt(sessions.seq, after), lte(sessions.seq, upTo)))) {
      const { seq, ...d } = r;
      changes.push({ type: 'session', seq, data: { ...d, allowedCategories: d.allowedCategories ?? null, invited: d.invited ?? null } });
    }
  }
  if (types.has('key')) {
    for (const r of await orm.select().from(signingKeys).where(and(gt(signingKeys.seq, after), lte(signingKeys.seq, upTo)))) {
      changes.push({ type: 'key', seq: r.seq, data: { keyId: r.keyId, publicKey: r.publicKey, createdAt: r.createdAt, active: r.active } });
    }
  }
  if (types.has('revocation')) {
    for (const r of await orm.select().from(revocations).where(and(gt(revocations.seq, after), lte(revocations.seq, upTo)))) {
      const { seq, ...d } = r;
      changes.push({ type: 'revocation', seq, data: d });
    }
  }
  if (types.has('station')) {
    for (const r of await orm.select().from(stations).where(and(gt(stations.seq, after), lte(stations.seq, upTo)))) {
      changes.push({ type: 'station', seq: r.seq, data: toStationRecord(r) });
    }
  }
  if (types.has('log')) {
    const rows = await orm
      .select()
      .from(events)
      .where(and(gt(events.seq, after), lte(events.seq, upTo), ne(events.stationId, stationId)))
      .orderBy(asc(events.seq));
    for (const r of rows) {
      changes.push({
        type: 'log',
        seq: r.seq,
        data: {
          id: r.id,
          stationId: r.stationId,
          seq: r.stationSeq,
          hlc: r.hlc,
          wallTime: r.wallTime,
          kind: r.kind as never,
          attendeeId: r.attendeeId,
          roomId: r.roomId,
          sessionId: r.sessionId,
          verdict: r.verdict as never,
          reason: r.reason,
          operator: r.operator,
          payload: r.payload,
          day: r.day,
        },
      });
    }
  }
  changes.sort((a, b) => a.seq - b.seq);
  return { changes, nextCursor: cursorFor(upTo), hasMore };
}
