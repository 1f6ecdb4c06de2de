// A station's first download as one file (GET /v1/sync/snapshot, registry/snapshot.ts) instead
// of a hundred pages: downloaded to the data folder (resumed with Range/If-Range after a cut),
// checked against its SHA-256, then applied page by page in large transactions. The cursor moves
// with every page, so the station admits people from the first page on, and an apply stopped
// half-way continues with ordinary pulls. The name-search index is built once at the end instead
// of row by row (db/search.ts); until then, searching finds the people already indexed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import {
  INITIAL_CURSOR,
  PROTOCOL_VERSION,
  SNAPSHOT_CURSOR_HEADER,
  SNAPSHOT_SHA256_HEADER,
  SnapshotPage,
  SnapshotTrailer,
  cursorChangeNo,
  cursorFor,
  type Change,
} from '../../core/sync/protocol';
import { countAttendees } from '../../db/attendees';
import { bulkSearchIndex } from '../../db/search';
import { getSetting, setSetting } from '../../db/settings';
import type { Station } from '../station';
import { CURSOR, applyPage, type Applied } from './apply';
import { SyncError, type TransportOptions } from './transport';

/** The partial download, in the data folder; its etag and SHA-256 are a setting (they name its bytes). */
export const SNAPSHOT_PART = 'snapshot.part';
const PART_SETTING = 'sync.snapshotPart';
interface Part {
  etag: string;
  sha256: string;
  cursor: string;
}

/** Rows per transaction when applying a snapshot: few fsyncs, and a scan still waits at most ~0.1 s. */
const SNAPSHOT_TX = 2_500;

/** This station's cursor (pull.ts cursorOf, which calls this file). */
const cursorOf = (station: Station): string => getSetting<string>(station.db.orm, CURSOR) ?? INITIAL_CURSOR;

export interface SnapshotOptions {
  now: () => number;
  onApplying: (busy: boolean) => void;
}

/**
 * Downloads and applies the registry's snapshot when this station has never pulled. Returns
 * how many changes it applied, or null when there is nothing to do this way (not a first
 * download, or a registry without snapshots: the pages then do it).
 */
export async function firstDownload(station: Station, t: TransportOptions, o: SnapshotOptions): Promise<Applied | null> {
  if (cursorOf(station) !== INITIAL_CURSOR) return null;
  const file = path.join(station.dataDir, SNAPSHOT_PART);
  const part = await download(station, t, file);
  if (!part) return null;
  try {
    return await applySnapshot(station, file, o);
  } catch (err) {
    // A snapshot this station cannot use: whatever it applied stands (the cursor moved with it),
    // and ordinary pages bring the rest.
    if (err instanceof SyncError && err.kind === 'bad_response') return null;
    throw err;
  } finally {
    fs.rmSync(file, { force: true });
    station.write(() => setSetting(station.db.orm, PART_SETTING, null));
  }
}

async function download(station: Station, t: TransportOptions, file: string): Promise<Part | null> {
  const orm = station.db.orm;
  const had = getSetting<Part | null>(orm, PART_SETTING) ?? null;
  const have = had && fs.existsSync(file) ? fs.statSync(file).size : 0;
  const f = t.fetch ?? fetch;
  const ctl = new AbortController();
  // No byte for this long: the connection is dead (a cut cable sends nothing).
  let idle = setTimeout(() => ctl.abort(), t.timeoutMs ?? 20_000);
  const alive = () => {
    clearTimeout(idle);
    idle = setTimeout(() => ctl.abort(), t.timeoutMs ?? 20_000);
  };
  let res: Response;
  try {
    res = await f(`${t.baseUrl}/v1/sync/snapshot?protocol=${PROTOCOL_VERSION}`, {
      headers: {
        ...(t.token ? { authorization: `Bearer ${t.token}` } : {}),
        ...(had && have > 0 ? { range: `bytes=${have}-`, 'if-range': had.etag } : {}),
      },
      signal: ctl.signal,
    });
  } catch (err) {
    clearTimeout(idle);
    throw new SyncError('network', `The registry could not be reached (${ctl.signal.aborted ? 'timed out' : ((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message)}).`);
  }
  // A registry from before snapshots (or one that cannot make one now): pages instead.
  if (res.status === 404 || res.status === 405 || res.status >= 500) {
    clearTimeout(idle);
    await res.body?.cancel();
    return null;
  }
  if (res.status !== 200 && res.status !== 206) {
    clearTimeout(idle);
    await res.body?.cancel();
    return null;
  }
  const etag = res.headers.get('etag') ?? '';
  const sha256 = res.headers.get(SNAPSHOT_SHA256_HEADER) ?? '';
  const cursor = res.headers.get(SNAPSHOT_CURSOR_HEADER) ?? '';
  if (!/^[0-9a-f]{64}$/.test(sha256) || !/^1:\d{1,18}$/.test(cursor) || !etag || etag.length > 200) {
    clearTimeout(idle);
    await res.body?.cancel();
    return null;
  }
  const resumed = res.status === 206 && had?.etag === etag;
  const meta: Part = { etag, sha256, cursor };
  station.write(() => setSetting(orm, PART_SETTING, meta));
  const out = fs.openSync(file, resumed ? 'a' : 'w', 0o600);
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      alive();
      fs.writeSync(out, chunk);
    }
  } catch (err) {
    // What arrived stays: the next attempt asks for the rest.
    throw new SyncError('network', `The first download was cut off (${ctl.signal.aborted ? 'timed out' : ((err as Error).message ?? 'connection lost')}); it resumes where it stopped.`);
  } finally {
    clearTimeout(idle);
    fs.closeSync(out);
  }
  const got = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  if (got !== sha256) {
    // Damaged on the way (or by the sender): not applied; the pages bring everything instead.
    fs.rmSync(file, { force: true });
    station.write(() => setSetting(orm, PART_SETTING, null));
    return null;
  }
  return meta;
}

async function applySnapshot(station: Station, file: string, o: SnapshotOptions): Promise<Applied> {
  const total: Applied = { attendees: 0, events: 0, other: 0 };
  // A station with nobody in it yet gets the name index built once, after the rows.
  const bulk = countAttendees(station.db.orm) === 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let trailer: SnapshotTrailer | null = null;
  let pending: Change[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const page = pending;
    pending = [];
    o.onApplying(true);
    try {
      const a = await applyPage(station, page, cursorFor(page[page.length - 1]!.seq), o.now, { chunk: SNAPSHOT_TX, fresh: bulk });
      total.attendees += a.attendees;
      total.events += a.events;
      total.other += a.other;
    } finally {
      o.onApplying(false);
    }
    station.invalidate();
    if (total.attendees > 0) station.emit('attendees');
  };
  if (bulk) station.write(() => bulkSearchIndex(station.db.orm, 'start'));
  try {
    for await (const line of lines) {
      if (trailer) throw new SyncError('bad_response', 'The first download has lines after its end.');
      const json = parse(line);
      const end = SnapshotTrailer.safeParse(json);
      if (end.success) {
        trailer = end.data;
        break;
      }
      const page = SnapshotPage.safeParse(json);
      if (!page.success) throw new SyncError('bad_response', 'The registry sent a first download this station does not understand; the rest comes page by page.');
      for (const c of page.data) {
        if (pending.length > 0 && c.seq <= pending[pending.length - 1]!.seq) throw new SyncError('bad_response', 'The first download is out of order; the rest comes page by page.');
        pending.push(c);
      }
      if (pending.length >= SNAPSHOT_TX * 2) await flush();
    }
    await flush();
    if (!trailer) throw new SyncError('bad_response', 'The first download ended early; the rest comes page by page.');
    const end = trailer;
    if (cursorChangeNo(end.cursor) < cursorChangeNo(cursorOf(station))) throw new SyncError('bad_response', 'The registry moved the sync position backwards.');
    station.write(() => setSetting(station.db.orm, CURSOR, end.cursor));
  } finally {
    lines.close();
    if (bulk) station.write(() => bulkSearchIndex(station.db.orm, 'finish'));
  }
  if (total.events > 0) {
    station.emit('scan');
    station.emit('occupancy');
  }
  return total;
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
