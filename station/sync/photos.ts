// Registration photos for the badge desk's ID check: a desk station fetches them after each
// download, page by page from its own cursor (resumable, idempotent); a door station never asks
// and deletes any it holds, and so does a station the registry answers "desks only" (its role was
// changed). Each photo is checked again here: the registry made it, but a station trusts no input.
import { PhotoPage } from '../../core/sync/protocol';
import { clearPhotos, deletePhoto, hasPhotos, putPhoto } from '../../db/photos';
import { getSetting, setSetting } from '../../db/settings';
import { isStoredPhoto } from '../../node-shared/photo';
import type { Station } from '../station';
import { SyncError, request, type TransportOptions } from './transport';

const PHOTO_CURSOR = 'photos.cursor';

/** Fetches what changed; returns how many photos were stored or deleted. */
export async function pullPhotos(station: Station, t: TransportOptions): Promise<number> {
  if (station.config().role !== 'desk') {
    forgetPhotos(station);
    return 0;
  }
  let changed = 0;
  for (let page = 0; page < 10_000; page++) {
    const after = getSetting<number>(station.db.orm, PHOTO_CURSOR) ?? 0;
    let data: PhotoPage;
    try {
      ({ data } = await request(t, 'GET', `/v1/sync/photos?after=${after}`, PhotoPage));
    } catch (err) {
      if (err instanceof SyncError && err.status === 403) {
        forgetPhotos(station);
        return changed;
      }
      if (err instanceof SyncError && err.status === 404) return changed; // a registry from before photos
      throw err;
    }
    station.write(() => {
      for (const p of data.photos) {
        const jpeg = p.jpeg === null ? null : Buffer.from(p.jpeg, 'base64');
        if (jpeg && isStoredPhoto(jpeg)) putPhoto(station.db.orm, p.attendeeId, jpeg);
        else deletePhoto(station.db.orm, p.attendeeId); // deleted, or not a photo this desk will show
        changed++;
      }
      setSetting(station.db.orm, PHOTO_CURSOR, Math.max(after, data.cursor));
    });
    if (!data.more || data.cursor <= after) break;
  }
  if (changed) station.emit('attendees');
  return changed;
}

/** No photos on this station (and fetch them all again if it becomes a desk). */
export function forgetPhotos(station: Station): void {
  const orm = station.db.orm;
  if (!getSetting<number>(orm, PHOTO_CURSOR) && !hasPhotos(orm)) return; // nothing to delete: no write
  station.write(() => {
    clearPhotos(station.db.orm);
    setSetting(station.db.orm, PHOTO_CURSOR, 0);
  });
}
