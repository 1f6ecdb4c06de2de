// Registration photos at the registry: stored, replaced, deleted (a row without bytes stays so
// desks hear of the deletion), and read page by page by desk stations (GET /v1/sync/photos).
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { RegistryOrm } from '../db';
import { attendeePhotos, attendees } from '../schema';
import { writeTx } from '../store';

export async function putPhoto(orm: RegistryOrm, attendeeId: string, jpeg: Buffer, now: number): Promise<void> {
  await writeTx(orm, (tx) =>
    tx
      .insert(attendeePhotos)
      .values({ attendeeId, jpeg, updatedAt: now })
      .onConflictDoUpdate({ target: attendeePhotos.attendeeId, set: { jpeg, updatedAt: now, changeNo: sql`nextval('change_seq')` } }),
  );
}

/** Deletes a person's photo; false when there was none. */
export async function deletePhoto(orm: RegistryOrm, attendeeId: string, now: number): Promise<boolean> {
  return writeTx(orm, async (tx) => {
    const r = await tx
      .update(attendeePhotos)
      .set({ jpeg: null, updatedAt: now, changeNo: sql`nextval('change_seq')` })
      .where(and(eq(attendeePhotos.attendeeId, attendeeId), isNotNull(attendeePhotos.jpeg)))
      .returning({ id: attendeePhotos.attendeeId });
    return r.length > 0;
  });
}

export async function getPhoto(orm: RegistryOrm, attendeeId: string): Promise<Buffer | null> {
  const [r] = await orm.select({ jpeg: attendeePhotos.jpeg }).from(attendeePhotos).where(eq(attendeePhotos.attendeeId, attendeeId));
  return r?.jpeg ?? null;
}

/** Photos changed after `after` (change number), oldest first: null bytes = deleted. */
export async function photosAfter(orm: RegistryOrm, after: number, limit: number): Promise<{ attendeeId: string; jpeg: Buffer | null; changeNo: number }[]> {
  return orm
    .select({ attendeeId: attendeePhotos.attendeeId, jpeg: attendeePhotos.jpeg, changeNo: attendeePhotos.changeNo })
    .from(attendeePhotos)
    .where(gt(attendeePhotos.changeNo, after))
    .orderBy(asc(attendeePhotos.changeNo))
    .limit(limit);
}

/** Who has a photo (for the attendee list). */
export async function photoIds(orm: RegistryOrm): Promise<Set<string>> {
  const r = await orm.select({ id: attendeePhotos.attendeeId }).from(attendeePhotos).where(isNotNull(attendeePhotos.jpeg));
  return new Set(r.map((x) => x.id));
}

/** Every person's id and the picture cell of their import, to match an archive's files. */
export async function photoRefs(orm: RegistryOrm): Promise<{ id: string; photoRef: string | null }[]> {
  return orm.select({ id: attendees.id, photoRef: attendees.photoRef }).from(attendees);
}
