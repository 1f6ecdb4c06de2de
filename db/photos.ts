// Registration photos on a desk station (attendee_photos): what station/sync/photos.ts stores
// and the badge desk shows. A door station's table stays empty.
import { eq, sql } from 'drizzle-orm';
import type { Orm } from './connection';
import { attendeePhotos } from './schema/index';

export function putPhoto(orm: Orm, attendeeId: string, jpeg: Buffer): void {
  orm.insert(attendeePhotos).values({ attendeeId, jpeg }).onConflictDoUpdate({ target: attendeePhotos.attendeeId, set: { jpeg } }).run();
}

export function deletePhoto(orm: Orm, attendeeId: string): void {
  orm.delete(attendeePhotos).where(eq(attendeePhotos.attendeeId, attendeeId)).run();
}

export function getPhoto(orm: Orm, attendeeId: string): Buffer | null {
  return orm.select({ jpeg: attendeePhotos.jpeg }).from(attendeePhotos).where(eq(attendeePhotos.attendeeId, attendeeId)).get()?.jpeg ?? null;
}

/** Deletes every photo; returns how many there were. */
export function clearPhotos(orm: Orm): number {
  const n = orm.select({ n: sql<number>`count(*)` }).from(attendeePhotos).get()?.n ?? 0;
  if (n) orm.delete(attendeePhotos).run();
  return n;
}

export function hasPhotos(orm: Orm): boolean {
  return orm.select({ id: attendeePhotos.attendeeId }).from(attendeePhotos).limit(1).get() !== undefined;
}
