// The badge desk (core/checkin/collection.ts): find the person, show what is known about their
// badge, hand it over once after the ID check, or refuse with a reason. Every action is one
// event in the log, so another desk learns of it at the next sync and print-once holds across
// desks; two desks that handed over at once while offline see the second badge flagged.
import type { CollectTallies, CollectView, FindResult, NamedStep } from '../core/api/collect';
import { collectionState, type RefusalReason } from '../core/checkin/collection';
import { messageFor } from '../core/checkin/messages';
import { cleanReadings } from '../core/checkin/scan-input';
import { numericDateTime } from '../core/time';
import { getAttendee, getAttendeesByIds, toSummary, type AttendeeRow } from '../db/attendees';
import { plainCodeOf } from '../db/badges';
import { collectionEvents, collectionTallies } from '../db/collect';
import { getPhoto } from '../db/photos';
import { matchReadings } from './badges/matchers';
import { printableBadge } from './badges/print';
import { stationName } from './checkin';
import { UserError } from './errors';
import type { Station } from './station';

/** What the badge desk knows about one person. */
export function collectView(station: Station, attendeeId: string): CollectView {
  const a = getAttendee(station.db.orm, attendeeId);
  if (!a) throw new UserError('not_found', 'personNotFound');
  return viewOf(station, a);
}

function viewOf(station: Station, a: AttendeeRow): CollectView {
  const s = collectionState(collectionEvents(station.db.orm, a.id));
  const named = <T extends { stationId: string }>(x: T): Omit<T, 'stationId'> & { stationName: string } => {
    const { stationId, ...rest } = x;
    return { ...rest, stationName: stationName(station, stationId) };
  };
  const step = (x: { eventId: string; stationId: string; at: number }): NamedStep => named(x);
  return {
    attendee: toSummary(a),
    badgeCode: plainCodeOf(station.db.orm, a.id, a.badgeVersion) ?? null,
    handedOver: s.handedOver ? named(s.handedOver) : null,
    printedAgain: s.printedAgain.map(step),
    reprints: s.reprints.map(named),
    refusals: s.refusals.map(named),
    photo: photoUrl(station, a.id),
    canHandOver: !s.handedOver && a.status === 'active' && a.source !== 'badge',
  };
}

function photoUrl(station: Station, attendeeId: string): string | null {
  const jpeg = getPhoto(station.db.orm, attendeeId);
  return jpeg ? `data:image/jpeg;base64,${jpeg.toString('base64')}` : null;
}

/**
 * The person behind the code someone brings to the desk (the e-mail's QR, an Indico ticket, a
 * code read aloud), by the same badge formats a check-in reads. Records no event: finding
 * someone is not admitting them. (A signed code of someone not yet synced leaves the same
 * placeholder row a scan would, so the next sync names them.)
 */
export function findForCollection(station: Station, text: unknown, alternatives: readonly unknown[] | undefined, now: number): FindResult {
  const { input, readings } = cleanReadings(text, alternatives);
  const shown = (input.ok ? input.text : '').slice(0, 256);
  if (readings.length === 0) return { found: false, reason: 'malformed', message: messageFor('malformed'), input: shown };
  return station.write(() => {
    const { match } = matchReadings(station, readings, now);
    if (match.kind === 'refused') return { found: false, reason: match.reason, message: messageFor(match.reason), input: shown };
    return { found: true, view: viewOf(station, match.attendee) };
  });
}

/**
 * "ID checked — print and hand over": records the hand-over of the current badge version. A
 * badge that cannot be printed (cancelled, not synced, valid on no event day) is refused before
 * anything is stored; a person this desk knows already has their badge gets a sentence saying
 * where and when, and a second badge only through a reprint with a reason.
 */
export function handOver(station: Station, attendeeId: string, now: number, opts: { operator?: string | null } = {}): CollectView {
  return station.write(() => {
    const view = collectView(station, attendeeId);
    if (view.handedOver) {
      const when = numericDateTime(view.handedOver.at, station.eventInfo().timeZone);
      throw new UserError('already_collected', 'alreadyCollected', { station: view.handedOver.stationName, when });
    }
    const badge = printableBadge(station, attendeeId); // throws a sentence when no badge can be printed
    station.append(
      {
        kind: 'collect',
        attendeeId,
        roomId: null,
        sessionId: null,
        verdict: null,
        reason: null,
        operator: opts.operator ?? null,
        payload: { badgeVersion: badge.badgeVersion },
      },
      now,
    );
    return collectView(station, attendeeId);
  });
}

/** "Refuse after ID check": the reason is logged; the registration is not cancelled. */
export function refuseCollection(
  station: Station,
  attendeeId: string,
  reason: RefusalReason,
  note: string,
  now: number,
  opts: { operator?: string | null } = {},
): CollectView {
  return station.write(() => {
    collectView(station, attendeeId); // not_found before anything is stored
    station.append(
      { kind: 'collect_refused', attendeeId, roomId: null, sessionId: null, verdict: null, reason: null, operator: opts.operator ?? null, payload: { reason, note } },
      now,
    );
    return collectView(station, attendeeId);
  });
}

/** How many badges were handed over, and who has two (at which desks). */
export function tallies(station: Station): CollectTallies {
  const orm = station.db.orm;
  const t = collectionTallies(orm);
  const people = getAttendeesByIds(orm, t.printedTwice);
  return {
    handedOver: t.handedOver,
    printedTwice: people.map((a) => {
      const v = viewOf(station, a);
      return { attendee: v.attendee, stations: [...(v.handedOver ? [v.handedOver] : []), ...v.printedAgain].map((s) => s.stationName) };
    }),
  };
}
