// Registration photos (docs/data-at-rest.md, "Photos"): the organiser uploads one person's
// picture or an archive of them; each is checked, shrunk and stripped off the request thread
// (registry/photos/prepare.ts). Desk stations fetch them page by page; any other station is
// refused, so a photo never reaches a door or a wall display (core/sync/visibility.ts).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { PHOTO_PAGE, PhotoPage } from '../../core/sync/protocol';
import { audienceOf } from '../../core/sync/visibility';
import { PHOTO_MAX_BYTES, PhotoRefused } from '../../node-shared/photo';
import { requireStation, type Env } from '../auth';
import type { RegistryContext } from '../context';
import { HttpError, check } from '../http';
import { FileRefused, readZipDirectory, unpack } from '../import/zip';
import { planArchive } from '../photos/archive';
import { preparePhotoOffThread } from '../photos/prepare';
import { deletePhoto, getPhoto, photoRefs, photosAfter, putPhoto } from '../photos/store';
import { attendees } from '../schema';
import { lastChangeNo } from '../store';

/** Upload paths (the admin routes' 1 MB body limit leaves them to this file's). */
export const PHOTO_UPLOAD_PATH = /^\/v1\/admin\/(attendees\/[^/]+\/photo|photos)$/;
export const MAX_PHOTO_ARCHIVE = 256 * 1024 * 1024;

const Id = z.string().min(1).max(64);
const PhotoQuery = z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(100).default(PHOTO_PAGE) });

const sizeLimit = (max: number, what: string) =>
  bodyLimit({
    maxSize: max,
    onError: () => {
      throw new HttpError(413, 'too_large', `${what} is larger than ${Math.round(max / 1024 / 1024)} MB; ${max === PHOTO_MAX_BYTES ? 'save a smaller copy' : 'split it into several archives'}.`);
    },
  });

export function photoRoutes(ctx: RegistryContext): Hono {
  const { orm, live, now } = ctx;
  const app = new Hono<Env>();
  const poke = async () => live.changed(await lastChangeNo(orm));
  const known = async (id: string) => (await orm.select({ id: attendees.id }).from(attendees).where(eq(attendees.id, id))).length > 0;

  app.put('/v1/admin/attendees/:id/photo', sizeLimit(PHOTO_MAX_BYTES, 'The picture'), async (c) => {
    const id = check(Id, c.req.param('id'), 'attendee id');
    if (!(await known(id))) throw new HttpError(404, 'not_found', 'No such attendee.');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    try {
      const p = await preparePhotoOffThread(bytes);
      await putPhoto(orm, id, p.jpeg, now());
      await poke();
      return c.json({ ok: true as const, width: p.width, height: p.height, bytes: p.jpeg.length });
    } catch (err) {
      if (err instanceof PhotoRefused) throw new HttpError(422, 'photo_refused', err.message);
      throw err;
    }
  });

  app.get('/v1/admin/attendees/:id/photo', async (c) => {
    const jpeg = await getPhoto(orm, check(Id, c.req.param('id'), 'attendee id'));
    // No photo on file: 204, not an error (the console asks for everyone it shows).
    if (!jpeg) return c.body(null, 204, { 'cache-control': 'no-store' });
    return c.body(new Uint8Array(jpeg), 200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  app.delete('/v1/admin/attendees/:id/photo', async (c) => {
    const deleted = await deletePhoto(orm, check(Id, c.req.param('id'), 'attendee id'), now());
    if (deleted) await poke();
    return c.json({ ok: true as const, deleted });
  });

  // An archive of pictures (registry/photos/archive.ts says how each finds its person).
  app.post('/v1/admin/photos', sizeLimit(MAX_PHOTO_ARCHIVE, 'The archive'), async (c) => {
    const buf = Buffer.from(await c.req.arrayBuffer());
    let dir;
    try {
      dir = readZipDirectory(buf);
    } catch (err) {
      if (err instanceof FileRefused) throw new HttpError(422, 'archive_refused', 'The photo archive could not be read: it is not a plain ZIP file, or it is damaged, encrypted or in the ZIP64 format. Make a new ZIP of the photo folder.');
      throw err;
    }
    const plan = planArchive([...dir.keys()], await photoRefs(orm));
    const refused: { file: string; attendeeId: string; message: string }[] = [];
    let stored = 0;
    for (const m of plan.matched) {
      const entry = dir.get(m.file)!;
      try {
        if (entry.size > PHOTO_MAX_BYTES) throw new PhotoRefused(`The picture is ${(entry.size / 1024 / 1024).toFixed(1)} MB; Foyer takes photos up to ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`);
        let bytes: Buffer;
        try {
          bytes = unpack(buf, entry);
        } catch (err) {
          if (err instanceof FileRefused) throw new PhotoRefused(/zip bomb/.test(err.message) ? 'This file unpacks to more than it declares: refused as a possible zip bomb.' : 'This file is damaged inside the archive.');
          throw err;
        }
        const p = await preparePhotoOffThread(bytes);
        await putPhoto(orm, m.attendeeId, p.jpeg, now());
        stored++;
      } catch (err) {
        if (!(err instanceof PhotoRefused)) throw err;
        refused.push({ file: m.file, attendeeId: m.attendeeId, message: err.message });
      }
    }
    if (stored) await poke();
    return c.json({ stored, refused, unmatched: plan.unmatched.slice(0, 200), unmatchedCount: plan.unmatched.length, skipped: plan.skipped });
  });

  // Desk stations only: a door or display station is told no, and holds no photo.
  const station = requireStation(orm);
  app.get('/v1/sync/photos', station, async (c) => {
    const st = c.get('station');
    if (audienceOf(st) !== 'desk') throw new HttpError(403, 'desk_only', 'Registration photos are sent to desk stations only.');
    const q = check(PhotoQuery, c.req.query(), 'query');
    const rows = await photosAfter(orm, q.after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const res: PhotoPage = {
      photos: page.map((r) => ({ attendeeId: r.attendeeId, jpeg: r.jpeg ? r.jpeg.toString('base64') : null })),
      cursor: page.length ? page[page.length - 1]!.changeNo : q.after,
      more: rows.length > q.limit,
    };
    return c.json(res);
  });

  return app as unknown as Hono;
}
