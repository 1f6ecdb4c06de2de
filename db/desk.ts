// State the desk derives from the log: walk-ins become attendees, desk notes become
// the attendee's note. Both are derived hooks (db/derived-hooks.ts), so an event made
// here and the same event pulled from another station by sync have the same effect,
// whatever order they arrive in. The rules themselves are core/records/attendee.ts
// (walkinAttendee, foldNote), which the registry's ingest follows too.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AttendeeFields, foldNoPhoto, foldNote, walkinAttendee } from '../core/records/attendee';
import { toColumns } from '../core/records/fields';
import { searchTextFor } from './attendees';
import type { Orm } from './connection';
import type { EventRow } from './events';
import { prepared } from './prepared';
import { attendees, badgeCodes, events } from './schema/index';

/**
 * Sequence numbers of this station's walk-in registrations of these people. A walk-in's
 * check-in is the station's very next event (registerWalkin writes both in one transaction).
 */
export function walkinSeqs(orm: Orm, stationId: string, attendeeIds: string[]): Map<string, number> {
  if (attendeeIds.length === 0) return new Map();
  const rows = orm
    .select({ attendeeId: events.attendeeId, seq: events.seq })
    .from(events)
    .where(and(eq(events.stationId, stationId), eq(events.kind, 'walkin'), inArray(events.attendeeId, attendeeIds)))
    .all();
  return new Map(rows.map((r) => [r.attendeeId!, r.seq]));
}

export function applyWalkin(orm: Orm, e: EventRow): void {
  const a = walkinAttendee(e);
  if (!a) return; // a malformed event from elsewhere changes nothing (it stays in the log)
  const inserted = orm
    .insert(attendees)
    .values({ ...toColumns(AttendeeFields, a), searchText: searchTextFor(a), updatedAt: e.wallTime })
    .onConflictDoNothing()
    .run();
  for (const code of a.badgeCodes) {
    orm.insert(badgeCodes).values({ code, attendeeId: a.id, badgeVersion: 1 }).onConflictDoNothing().run();
  }
  // A note (or a "no photography" request) made on this person elsewhere may have arrived before the walk-in itself.
  if (inserted.changes > 0) applyDeskRequests(orm, a.id);
}

export function applyNote(orm: Orm, e: EventRow): void {
  if (e.kind === 'note' && e.attendeeId) applyLatestNote(orm, e.attendeeId);
  if (e.kind === 'no_photo' && e.attendeeId) applyLatestNoPhoto(orm, e.attendeeId);
}

/** Both desk requests folded into the person's row (after a walk-in, or a pulled row replaced ours). */
export function applyDeskRequests(orm: Orm, attendeeId: string): void {
  applyLatestNote(orm, attendeeId);
  applyLatestNoPhoto(orm, attendeeId);
}

/** "No photography" asked or withdrawn at desks: the newest request wins (core/records/attendee.ts foldNoPhoto). */
export function applyLatestNoPhoto(orm: Orm, attendeeId: string): void {
  const asks = prepared(orm, 'desk.noPhotoEvents', () =>
    orm
      .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, payload: events.payload })
      .from(events)
      .where(and(eq(events.attendeeId, sql.placeholder('attendeeId')), eq(events.kind, 'no_photo')))
      .prepare(),
  ).all({ attendeeId });
  if (asks.length === 0) return;
  const row = orm.select({ noPhotoHlc: attendees.noPhotoHlc }).from(attendees).where(eq(attendees.id, attendeeId)).get();
  const fold = row ? foldNoPhoto(row.noPhotoHlc, asks) : null;
  if (fold) orm.update(attendees).set(fold).where(eq(attendees.id, attendeeId)).run();
}

/**
 * Sets the person's note from their note events by the one rule (core/records/attendee.ts
 * foldNote). Sync calls this after each pulled attendee, so a pull never wipes a newer local note.
 */
export function applyLatestNote(orm: Orm, attendeeId: string): void {
  const notes = prepared(orm, 'desk.noteEvents', () =>
    orm
      .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, payload: events.payload })
      .from(events)
      .where(and(eq(events.attendeeId, sql.placeholder('attendeeId')), eq(events.kind, 'note')))
      .prepare(),
  ).all({ attendeeId });
  if (notes.length === 0) return;
  const row = orm.select({ noteHlc: attendees.noteHlc }).from(attendees).where(eq(attendees.id, attendeeId)).get();
  const fold = row ? foldNote(row.noteHlc, notes) : null;
  if (fold) orm.update(attendees).set(fold).where(eq(attendees.id, attendeeId)).run();
}
