// The outbox is this station's own events with pushed_at = null (db/schema/station.ts).
// pushed_at is set once the registry has settled an event: stored, or rejected with a
// reason (kept in settings 'sync.rejected' and shown to people).
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, max } from 'drizzle-orm';
import type { WireEvent, Rejection } from '../../core/sync/protocol';
import { maxSeq, toLogEvent } from '../../db/events';
import { events } from '../../db/schema/index';
import { getSetting, setSetting } from '../../db/settings';
import type { Station } from '../station';
import { notice } from '../../core/api/notice';
import { SyncError } from './transport';

export interface RejectedEvent extends Rejection {
  at: number;
}
const REJECTED = 'sync.rejected';

export function outboxCount(station: Station): number {
  return (
    station.db.orm
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.stationId, station.id), isNull(events.pushedAt)))
      .get()?.n ?? 0
  );
}

export function outboxBatch(station: Station, limit: number): WireEvent[] {
  return station.db.orm
    .select()
    .from(events)
    .where(and(eq(events.stationId, station.id), isNull(events.pushedAt)))
    .orderBy(asc(events.seq))
    .limit(limit)
    .all()
    .map(toLogEvent);
}

/** Applies a push answer: everything up to `acked` is safely stored; rejections are kept with their reason. */
export function settle(station: Station, acked: number, rejected: Rejection[], now: number): void {
  station.db.sqlite
    .transaction(() => {
      const orm = station.db.orm;
      orm
        .update(events)
        .set({ pushedAt: now })
        .where(and(eq(events.stationId, station.id), lte(events.seq, acked), isNull(events.pushedAt)))
        .run();
      const ids = rejected.map((r) => r.id).filter(Boolean);
      if (ids.length > 0) {
        orm
          .update(events)
          .set({ pushedAt: now })
          .where(and(eq(events.stationId, station.id), inArray(events.id, ids)))
          .run();
        const kept = getSetting<RejectedEvent[]>(orm, REJECTED) ?? [];
        const known = new Set(kept.map((r) => r.id));
        for (const r of rejected) if (!known.has(r.id)) kept.push({ ...r, at: now });
        setSetting(orm, REJECTED, kept.slice(-500));
      }
    })
    .immediate();
}

/**
 * The registry acknowledges fewer events than this station thinks it delivered (it was
 * restored from a backup, or this is a different registry): send them again.
 */
export function reopenAfter(station: Station, acked: number): number {
  const orm = station.db.orm;
  const rejected = new Set((getSetting<RejectedEvent[]>(orm, REJECTED) ?? []).map((r) => r.id));
  const rows = orm
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.stationId, station.id), gt(events.seq, acked), isNotNull(events.pushedAt)))
    .all()
    .filter((r) => !rejected.has(r.id));
  if (rows.length === 0) return 0;
  station.db.sqlite
    .transaction(() => {
      for (let i = 0; i < rows.length; i += 500) {
        orm
          .update(events)
          .set({ pushedAt: null })
          .where(inArray(events.id, rows.slice(i, i + 500).map((r) => r.id)))
          .run();
      }
    })
    .immediate();
  return rows.length;
}

export function rejectedEvents(station: Station): RejectedEvent[] {
  return getSetting<RejectedEvent[]>(station.db.orm, REJECTED) ?? [];
}

/** Highest own sequence number the station believes the registry holds. */
export function highestSettled(station: Station): number {
  return (
    station.db.orm
      .select({ m: max(events.seq) })
      .from(events)
      .where(and(eq(events.stationId, station.id), isNotNull(events.pushedAt)))
      .get()?.m ?? 0
  );
}

/**
 * A registry cannot have stored more of this station's events than the station ever made:
 * such an acknowledgement (a confused or foreign registry) must not empty the outbox.
 */
export function plausibleAck(station: Station, acked: number): boolean {
  return acked <= maxSeq(station.db.orm, station.id);
}

export function implausibleAckError(station: Station, acked: number): SyncError {
  return new SyncError('bad_response', notice('implausibleAck', { acked, made: maxSeq(station.db.orm, station.id) }));
}

/** Own events still queued for the registry with sequence numbers after `afterSeq` (what a hub has not had yet). */
export function outboxAfter(station: Station, afterSeq: number, limit: number): WireEvent[] {
  return station.db.orm
    .select()
    .from(events)
    .where(and(eq(events.stationId, station.id), isNull(events.pushedAt), gt(events.seq, afterSeq)))
    .orderBy(asc(events.seq))
    .limit(limit)
    .all()
    .map(toLogEvent);
}
