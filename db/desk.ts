// State the desk derives from the log: walk-ins become attendees, desk notes become
// the attendee's note. Both are derived hooks (db/derived-hooks.ts), so an event made
// here and the same event pulled from another station by sync have the same effect,
// whatever order they arrive in:
//  - 'walkin' inserts the person unless the id is already known (the registry's copy,
//    once it has one, wins — it may have been corrected there);
//  - 'note' sets the note of the latest note event by (HLC, station, id).
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { WalkinPayload } from '../core/api/desk';
import { searchTextFor } from './attendees';
import type { Orm } from './connection';
import type { EventRow } from './events';
import { prepared } from './prepared';
import { attendees, badgeCodes, events } from './schema/index';

export function applyWalkin(orm: Orm, e: EventRow): void {
  if (e.kind !== 'walkin' || !e.attendeeId) return;
  const p = WalkinPayload.safeParse(e.payload);
  if (!p.success) return; // a malformed event from elsewhere changes nothing (it stays in the log)
  const a = p.data.attendee;
  const inserted = orm
    .insert(attendees)
    .values({
      id: e.attendeeId,
      givenName: a.givenName,
      familyName: a.familyName,
      organisation: a.organisation,
      delegation: a.delegation,
      country: a.country,
      category: a.category,
      validDays: a.validDays,
      status: 'active',
      badgeVersion: 1,
      notes: a.notes,
      source: 'walkin',
      searchText: searchTextFor(a),
      updatedAt: e.wallTime,
    })
    .onConflictDoNothing()
    .run();
  for (const code of a.badgeCodes) {
    orm.insert(badgeCodes).values({ code, attendeeId: e.attendeeId, badgeVersion: 1 }).onConflictDoNothing().run();
  }
  // A note made on this person elsewhere may have arrived before the walk-in itself.
  if (inserted.changes > 0) applyLatestNote(orm, e.attendeeId);
}

export function applyNote(orm: Orm, e: EventRow): void {
  if (e.kind === 'note' && e.attendeeId) applyLatestNote(orm, e.attendeeId);
}

export function notePayload(e: Pick<EventRow, 'payload'>): string | null {
  const n = (e.payload as { notes?: unknown }).notes;
  return typeof n === 'string' ? n.slice(0, 2000) : null;
}

/**
 * Sets the person's note from their latest note event, unless what the note already holds is
 * as new (a registry row carries the HLC of the note it folded in, or of an organiser edit).
 * Sync calls this after each pulled attendee, so a pull never wipes a newer local note.
 */
export function applyLatestNote(orm: Orm, attendeeId: string): void {
  const latest = prepared(orm, 'desk.latestNote', () =>
    orm
      .select({ payload: events.payload, hlc: events.hlc })
      .from(events)
      .where(and(eq(events.attendeeId, sql.placeholder('attendeeId')), eq(events.kind, 'note')))
      .orderBy(desc(events.hlc), desc(events.stationId), desc(events.id))
      .limit(1)
      .prepare(),
  ).get({ attendeeId });
  const notes = latest ? notePayload(latest) : null;
  if (notes === null || !latest) return;
  orm
    .update(attendees)
    .set({ notes, noteHlc: latest.hlc })
    .where(and(eq(attendees.id, attendeeId), or(isNull(attendees.noteHlc), lt(attendees.noteHlc, latest.hlc))))
    .run();
}
