// What goes on one attendee's badge: names, band, and the QR text — signed with
// this console's key where it issues badges, else the imported plain code.
import { signBadge } from '../../core/badge/signed';
import type { Category } from '../../core/model';
import { badgePrintOf, type BadgePrint } from '../../core/badge/templates';
import type { EventInfo, Station } from '../station';
import type { Orm } from '../../db/connection';
import { getAttendee, type AttendeeRow } from '../../db/attendees';
import { issuingKey, plainCodeOf } from '../../db/badges';
import { nodeEd25519 } from '../../node-shared/ed25519';
import { UserError } from '../errors';

export function badgePrintFor(orm: Orm, info: EventInfo, a: AttendeeRow): BadgePrint {
  if (a.source === 'badge') {
    throw new UserError('not_synced', 'notSyncedPrint');
  }
  if (a.status !== 'active') throw new UserError('not_active', 'cancelledPrint');
  const code = plainCodeOf(orm, a.id, a.badgeVersion) ?? '';
  const key = issuingKey(orm);
  let qrText = code;
  if (key) {
    // Days outside the event (stale data) are dropped; a badge valid on none of the event's days is not printed.
    const validDays = a.validDays ? a.validDays.filter((d) => info.days.includes(d)) : null;
    if (validDays && validDays.length === 0) throw new UserError('no_valid_day', 'noValidDay');
    qrText = signBadge(
      { eventId: info.id, attendeeId: a.id, badgeVersion: a.badgeVersion, validDays, category: a.category as Category },
      info.days,
      key,
      nodeEd25519,
    );
  }
  if (!qrText) throw new UserError('cannot_sign', 'cannotSign');
  return badgePrintOf(a, { qrText, code, badgeVersion: a.badgeVersion });
}

/** The badge of one attendee of this station, by id (preview, PDF, Electron printing). */
export function printableBadge(station: Station, attendeeId: string): BadgePrint {
  const a = getAttendee(station.db.orm, attendeeId);
  if (!a) throw new UserError('not_found', 'personNotFound');
  return badgePrintFor(station.db.orm, station.eventInfo(), a);
}
