// Attendee reads and writes. Functions take the connection first (Signal's DataReader/DataWriter style).
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { CATEGORY_LABELS, type AttendeeSummary, type Category } from '../core/model';
import { encodeSearchText } from '../core/search/keys';
import { fromExcluded } from '../node-shared/record-columns';
import type { Orm } from './connection';
import { prepared } from './prepared';
import { attendees, badgeCodes, revocations } from './schema/index';

export type AttendeeRow = typeof attendees.$inferSelect;
export type AttendeeInsert = typeof attendees.$inferInsert;

export function getAttendee(orm: Orm, id: string): AttendeeRow | undefined {
  return prepared(orm, 'attendee.byId', () =>
    orm.select().from(attendees).where(eq(attendees.id, sql.placeholder('id'))).prepare(),
  ).get({ id });
}

export function findByBadgeCode(orm: Orm, code: string): { attendee: AttendeeRow; badgeVersion: number } | undefined {
  return prepared(orm, 'attendee.byCode', () =>
    orm
      .select({ attendee: attendees, badgeVersion: badgeCodes.badgeVersion })
      .from(badgeCodes)
      .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
      .where(eq(badgeCodes.code, sql.placeholder('code')))
      .prepare(),
  ).get({ code });
}

/** Changes whenever codes are added or removed: a cheap key for caches built from the whole list. */
export function badgeCodesVersion(orm: Orm): string {
  const r = orm.select({ n: sql<number>`count(*)`, last: sql<number | null>`max(rowid)` }).from(badgeCodes).get();
  return `${r?.n ?? 0}:${r?.last ?? 0}`;
}

export function allBadgeCodes(orm: Orm): string[] {
  return orm.select({ code: badgeCodes.code }).from(badgeCodes).all().map((r) => r.code);
}

export function revocationOf(orm: Orm, attendeeId: string, badgeVersion: number) {
  return prepared(orm, 'revocation.of', () =>
    orm
      .select()
      .from(revocations)
      .where(and(eq(revocations.attendeeId, sql.placeholder('attendeeId')), eq(revocations.badgeVersion, sql.placeholder('badgeVersion'))))
      .prepare(),
  ).get({ attendeeId, badgeVersion });
}

/** The search keys of an attendee; the FTS index follows this column (db/search.ts). */
export function searchTextFor(a: Pick<AttendeeRow, 'givenName' | 'familyName' | 'organisation' | 'delegation'> & { chosenName?: string | null }): string {
  return encodeSearchText({ givenName: a.givenName, familyName: a.familyName, organisation: a.organisation ?? '', delegation: a.delegation ?? '', chosenName: a.chosenName ?? '' });
}

/** Inserts or replaces attendees (registry edits win, badge versions only grow), keeping search text in step. */
export function upsertAttendees(orm: Orm, rows: AttendeeInsert[]): void {
  const stmt = prepared(orm, 'attendees.upsert', () => {
    const cols = Object.keys(getTableColumns(attendees));
    return orm
      .insert(attendees)
      .values(Object.fromEntries(cols.map((k) => [k, sql.placeholder(k)])) as unknown as AttendeeInsert)
      // A badge version never goes back: a reprint made here may not have reached the registry yet.
      .onConflictDoUpdate({ target: attendees.id, set: { ...fromExcluded(attendees, ['id']), badgeVersion: sql`max(${attendees.badgeVersion}, excluded.badge_version)` } })
      .prepare();
  });
  for (const r of rows) {
    stmt.run({
      organisation: '',
      delegation: '',
      country: '',
      validDays: null,
      status: 'active',
      badgeVersion: 1,
      notes: '',
      noteHlc: null,
      protected: false,
      chosenName: '',
      noPhoto: false,
      noPhotoHlc: null,
      protocol: null,
      protocolAck: null,
      source: 'registry',
      updatedAt: 0,
      ...r,
      searchText: searchTextFor(r as AttendeeRow),
    });
  }
}

export function upsertBadgeCodes(orm: Orm, rows: { code: string; attendeeId: string; badgeVersion: number }[]): void {
  const stmt = prepared(orm, 'badgeCodes.upsert', () =>
    orm
      .insert(badgeCodes)
      .values({ code: sql.placeholder('code'), attendeeId: sql.placeholder('attendeeId'), badgeVersion: sql.placeholder('badgeVersion') })
      .onConflictDoUpdate({ target: badgeCodes.code, set: { attendeeId: sql`excluded.attendee_id`, badgeVersion: sql`excluded.badge_version` } })
      .prepare(),
  );
  for (const r of rows) stmt.run(r);
}

export function countAttendees(orm: Orm): number {
  return orm.select({ n: sql<number>`count(*)` }).from(attendees).get()?.n ?? 0;
}

export function getAttendeesByIds(orm: Orm, ids: string[]): AttendeeRow[] {
  if (ids.length === 0) return [];
  return orm.select().from(attendees).where(inArray(attendees.id, ids)).all();
}

export function toSummary(a: AttendeeRow): AttendeeSummary {
  const category = a.category as Category;
  return {
    id: a.id,
    givenName: a.givenName,
    familyName: a.familyName,
    organisation: a.organisation,
    delegation: a.delegation,
    category,
    categoryLabel: CATEGORY_LABELS[category] ?? a.category,
    status: a.status as AttendeeSummary['status'],
    badgeVersion: a.badgeVersion,
    notes: a.notes,
    synced: a.source !== 'badge',
    protected: a.protected,
    chosenName: a.chosenName,
    noPhoto: a.noPhoto,
  };
}
