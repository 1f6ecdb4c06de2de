// Reprint: a new badge version for a lost or damaged badge. It is an event in the
// log; the derived hook in db/badges.ts bumps the version and revokes the old one,
// so the old badge is refused here at once and at other stations after sync.
import type { ReprintResult } from '../../core/api/badges';
import { reprintCodeShape } from '../../core/badge/short-code';
import { getAttendee, toSummary } from '../../db/attendees';
import { anyPlainCodeOf } from '../../db/badges';
import { UserError } from '../errors';
import type { Station } from '../station';
import { newBadgeCode } from './new-code';

export function reprintBadge(station: Station, attendeeId: string, now: number, opts: { operator?: string | null; reason?: string } = {}): ReprintResult {
  return station.write(() => {
    const orm = station.db.orm;
    const a = getAttendee(orm, attendeeId);
    if (!a) throw new UserError('not_found', 'personNotFound');
    if (a.source === 'badge') throw new UserError('not_synced', 'notSyncedReprint');
    if (a.status !== 'active') throw new UserError('not_active', 'cancelledReprint');
    const oldVersion = a.badgeVersion;
    const newVersion = oldVersion + 1;
    // Every badge version carries a short code a person can type, shaped like the one it replaces.
    const shape = reprintCodeShape(anyPlainCodeOf(orm, attendeeId));
    const code = newBadgeCode(station, shape.prefix, shape.length);
    const e = station.append(
      {
        kind: 'reprint',
        attendeeId,
        roomId: null,
        sessionId: null,
        verdict: null,
        reason: null,
        operator: opts.operator ?? null,
        payload: { oldVersion, newVersion, code, ...(opts.reason ? { reason: opts.reason } : {}) },
      },
      now,
    );
    const after = getAttendee(orm, attendeeId)!;
    return { attendee: toSummary(after), oldVersion, newVersion, code, eventId: e.id, at: now };
  });
}
