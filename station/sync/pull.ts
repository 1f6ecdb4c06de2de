// Download: every page of changes after this station's cursor, each applied in short
// transactions (apply.ts) that move the cursor with the page's last rows, so an interrupted
// download resumes where it stopped. Each page also repeats the registry's acknowledgement of
// this station's uploads: a push answer lost on the way is settled here without re-sending,
// and a registry restored from a backup gets the events it lost again.
import { Change, INITIAL_CURSOR, PROTOCOL_VERSION, PullPage, cursorChangeNo, reportQuery, type StationReport } from '../../core/sync/protocol';
import { getSetting, setSetting } from '../../db/settings';
import type { Station } from '../station';
import { CURSOR, applyPage } from './apply';
import { firstDownload } from './snapshot';
import { highestSettled, plausibleAck, reopenAfter, settle } from './outbox';
import { notice } from '../../core/api/notice';
import { SyncError, request, type TransportOptions } from './transport';

export interface PullOptions {
  pageSize: number;
  now: () => number;
  /** Each answer's serverTime, with when its request left (clock skew, clock.ts). */
  onServerTime: (sentAt: number, serverTime: number) => void;
  /** Told while a page is being written (the scans it stores are not this station's own). */
  onApplying: (busy: boolean) => void;
  /** Events went back into the outbox (the registry lost them): upload again at once. */
  onResend: () => void;
  /** What the station says about itself with each request (outbox, clock; for the organiser console). */
  report: () => StationReport;
  /** A first download comes as the registry's snapshot file (snapshot.ts) rather than pages. */
  snapshot: boolean;
}

/** This station's position in the registry's change sequence. */
export function cursorOf(station: Station): string {
  return getSetting<string>(station.db.orm, CURSOR) ?? INITIAL_CURSOR;
}

/** Downloads and applies every page there is; returns how many changes were applied. */
export async function pullChanges(station: Station, t: TransportOptions, o: PullOptions): Promise<number> {
  let applied = 0;
  // Never pulled: the registry's prepared first download, then pages from where it ends.
  const first = o.snapshot ? await firstDownload(station, t, o) : null;
  if (first) applied += first.attendees + first.events + first.other;
  for (let guard = 0; guard < 100_000; guard++) {
    const cursor = cursorOf(station);
    const sentAt = o.now();
    const { data } = await request(t, 'GET', `/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${o.pageSize}&protocol=${PROTOCOL_VERSION}${reportQuery(o.report())}`, PullPage);
    o.onServerTime(sentAt, data.serverTime);
    if (cursorChangeNo(data.nextCursor) < cursorChangeNo(cursor)) throw new SyncError('bad_response', notice('cursorBackwards'));
    const { changes, skipped } = readChanges(data.changes);
    o.onApplying(true);
    let a;
    try {
      a = await applyPage(station, changes, data.nextCursor, o.now);
    } finally {
      o.onApplying(false);
    }
    noteSkipped(station, changes, skipped, o.now());
    // (An impossible acknowledgement is ignored here; the upload reports it.)
    if (plausibleAck(station, data.acked)) settle(station, data.acked, [], o.now());
    if (data.acked < highestSettled(station) && reopenAfter(station, data.acked) > 0) o.onResend();
    applied += data.changes.length;
    if (data.changes.length > 0) {
      station.invalidate();
      if (a.attendees > 0) station.emit('attendees');
      if (a.events > 0) {
        station.emit('scan');
        station.emit('occupancy');
      }
    }
    if (!data.hasMore) break;
  }
  return applied;
}

/** A record of the registry's that this station could not accept, and why (Settings lists them). */
export interface SkippedChange {
  type: string;
  id: string | null;
  reason: string;
  at: number;
}
const SKIPPED = 'sync.skipped';

/**
 * Each change of a page checked on its own: one this station cannot accept (a hostile or broken
 * registry row, a record from a newer registry) is left out with its reason; the rest apply.
 */
export function readChanges(raw: readonly unknown[]): { changes: Change[]; skipped: Omit<SkippedChange, 'at'>[] } {
  const changes: Change[] = [];
  const skipped: Omit<SkippedChange, 'at'>[] = [];
  for (const r of raw) {
    const p = Change.safeParse(r);
    if (p.success) {
      changes.push(p.data);
      continue;
    }
    const c = r as { type?: unknown; data?: { id?: unknown } } | null;
    const type = typeof c?.type === 'string' ? c.type.slice(0, 20) : 'unknown';
    const id = typeof c?.data?.id === 'string' ? c.data.id.slice(0, 64) : null;
    const where = p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    skipped.push({ type, id, reason: where.slice(0, 300) });
  }
  return { changes, skipped };
}

/** Records skipped so far and not since received in a form this station accepts. */
export function skippedChanges(station: Station): SkippedChange[] {
  return getSetting<SkippedChange[]>(station.db.orm, SKIPPED) ?? [];
}

function noteSkipped(station: Station, applied: readonly Change[], skipped: readonly Omit<SkippedChange, 'at'>[], now: number): void {
  const before = skippedChanges(station);
  if (before.length === 0 && skipped.length === 0) return;
  // A record that arrives readable later (the organiser fixed it) is no longer a problem.
  const fixed = new Set(applied.map((c) => `${c.type}:${'id' in c.data ? c.data.id : ''}`));
  const kept = before.filter((s) => !fixed.has(`${s.type}:${s.id ?? ''}`) && !skipped.some((x) => x.type === s.type && x.id === s.id));
  setSetting(station.db.orm, SKIPPED, [...kept, ...skipped.map((s) => ({ ...s, at: now }))].slice(-200));
}
