// Registration photos from a connector: each round names every person's picture URL (Indico's
// personal_data_picture, pretix's file answer); this fetches the new or changed ones with the
// source's own token and hands the bytes to the registry's photo upload, which checks, shrinks
// and stores them as any uploaded photo (registry/routes/photos.ts). The source is hostile like
// any other input: only its own origin and path, no redirects, a size cap before and while
// reading, a timeout; one bad picture is a sentence and is skipped, never the end of a round.
import { PHOTO_MAX_BYTES } from '../../node-shared/photo';
import { inParallel, type SourceHttp, SourceError, within } from './http';

export interface PictureRef {
  attendeeId: string;
  url: string;
  /** Changes when the picture does (its URL, or the order's last change for pretix). */
  key: string;
}

/** Where pictures go: `put` hands one to the registry (`final` when it refused the picture itself,
 *  not worth another try); `remove` deletes one the source no longer has. */
export interface PhotoSink {
  put(attendeeId: string, bytes: Uint8Array): Promise<{ ok: true } | { ok: false; message: string; final: boolean }>;
  remove(attendeeId: string): Promise<boolean>;
}

/** Which pictures were already handed on (or refused for good), by attendee id. */
export class PictureMemory {
  seen = new Map<string, string>();
  /** Whose photo this connector stored (only those are deleted when the source drops the picture). */
  stored = new Set<string>();
}

export interface PictureReport {
  stored: number;
  removed: number;
  skipped: { attendeeId: string; message: string }[];
}

const TIMEOUT_MS = 30_000;

/** The picture's bytes, or a SourceError saying why not. */
export async function fetchPicture(src: SourceHttp, ref: string): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(ref, src.base + '/');
  } catch {
    throw new SourceError(`${src.system} gave a picture address that is not a URL; not followed.`);
  }
  if (!within(src, url)) throw new SourceError(`${src.system} pointed the picture to ${url.origin}, outside ${src.base}; not followed.`);
  let res: Response;
  try {
    res = await (src.fetch ?? fetch)(url, { headers: { authorization: src.authorization, accept: 'image/jpeg, image/png, image/*' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new SourceError(`Cannot fetch the picture from ${src.system}: ${(err as Error).message}.`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new SourceError(`${src.system} answered ${res.status} for the picture.`);
  }
  const tooBig = () => new SourceError(`The picture is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB; not read.`);
  if (Number(res.headers.get('content-length') ?? 0) > PHOTO_MAX_BYTES) {
    await res.body?.cancel();
    throw tooBig();
  }
  // Read up to the cap: a server that lies about (or omits) its length is cut off, not buffered.
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done || !value) break;
      total += value.length;
      if (total > PHOTO_MAX_BYTES) {
        await reader!.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(`Cannot fetch the picture from ${src.system}: ${(err as Error).message}.`);
  }
  return Buffer.concat(chunks);
}

/** Fetches and uploads the pictures whose key changed since they were last handed on; deletes the
 *  ones this connector stored whose person is now listed without a picture. */
export async function syncPictures(round: { source: SourceHttp; pictures: PictureRef[]; unpictured: string[] }, memory: PictureMemory, sink: PhotoSink): Promise<PictureReport> {
  const src = round.source;
  const report: PictureReport = { stored: 0, removed: 0, skipped: [] };
  for (const id of round.unpictured) {
    memory.seen.delete(id);
    if (memory.stored.has(id) && (await sink.remove(id))) report.removed++;
    memory.stored.delete(id);
  }
  const todo = round.pictures.filter((r) => memory.seen.get(r.attendeeId) !== r.key);
  await inParallel(todo, 2, async (r) => {
    let bytes: Uint8Array;
    try {
      bytes = await fetchPicture(src, r.url);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      report.skipped.push({ attendeeId: r.attendeeId, message: err.message });
      // A refused address or size is final until the picture changes; a network failure is retried next round.
      if (/not followed|not read/.test(err.message)) memory.seen.set(r.attendeeId, r.key);
      return;
    }
    const up = await sink.put(r.attendeeId, bytes);
    if (up.ok) {
      report.stored++;
      memory.stored.add(r.attendeeId);
    }
    else report.skipped.push({ attendeeId: r.attendeeId, message: up.message });
    if (up.ok || up.final) memory.seen.set(r.attendeeId, r.key);
  });
  return report;
}
