// The check-in engine: scanned text in, a committed event and a verdict out.
// The verdict is returned only after the transaction that stores it has committed.
import { eq } from 'drizzle-orm';
import type { UndoResult, UndoTarget } from '../core/api/checkin';
import { decide } from '../core/checkin/decide';
import { messageFor } from '../core/checkin/messages';
import { cleanReadings } from '../core/checkin/scan-input';
import { isAdmission, UNDO_WINDOW_MS, withinUndoWindow } from '../core/checkin/undo';
import { CATEGORY_LABELS, type Category, type CheckInResult, type FirstAdmission, type MessageParams, type Reason, type Verdict } from '../core/model';
import { greetingName } from '../core/sync/visibility';
import { shortDateTime } from '../core/time';
import { getAttendee, revocationOf, toSummary, type AttendeeRow } from '../db/attendees';
import { admissionOn, admissionsOf, getEvent, isUndone, lastAdmissionEvent, ownAdmittingEventsSince, type EventRow } from '../db/events';
import { stations } from '../db/schema/index';
import { matchReadings } from './badges/matchers';
import { handoutScanned } from './handout-items';
import type { Station } from './station';

export interface CheckInOptions {
  operator?: string | null;
  /** Other readings of the same scanner keys (keyboard layouts), tried when the text is no badge. */
  alternatives?: readonly unknown[];
}

export function checkIn(station: Station, scanText: unknown, now: number, opts: CheckInOptions = {}): CheckInResult {
  const { input, readings } = cleanReadings(scanText, opts.alternatives);
  return station.write(() => {
    if (readings.length === 0) {
      const payload = { why: input.ok ? 'empty' : input.why, length: typeof scanText === 'string' ? scanText.length : 0 };
      return record(station, now, opts, null, { verdict: 'refused', reason: 'malformed' }, 'scan', payload);
    }
    const { match, text, index } = matchReadings(station, readings, now);
    const code = text.slice(0, 256);
    // Read through another keyboard layout: the log also keeps what the computer typed.
    const typed = index > 0 ? { typed: (input.ok ? input.text : '').slice(0, 256) } : {};
    if (match.kind === 'refused') {
      // A receiver's label scanned here: say what it is, and where it is scanned.
      const handout = match.format === 'none' ? handoutScanned(station, readings, match.reason === 'not_a_badge') : null;
      if (handout) {
        return record(station, now, opts, null, { verdict: 'refused', reason: 'handout_item' }, 'scan', { code, format: 'handout', number: handout.number }, handout);
      }
      return record(station, now, opts, null, { verdict: 'refused', reason: match.reason }, 'scan', {
        code,
        format: match.format,
        ...typed,
        ...match.detail,
      });
    }
    const r = decideAndRecord(station, match.attendee, match.scannedVersion, now, opts, 'scan', { code, format: match.format, ...typed });
    return index > 0 ? { ...r, layoutCorrected: true } : r;
  });
}

/** Check-in from search (badge forgotten): same rules, no badge version to compare. */
export function checkInAttendee(station: Station, attendeeId: string, now: number, opts: CheckInOptions = {}): CheckInResult {
  return station.write(() => {
    const a = getAttendee(station.db.orm, attendeeId);
    if (!a) return record(station, now, opts, null, { verdict: 'refused', reason: 'unknown_code' }, 'manual', { attendeeId });
    return decideAndRecord(station, a, null, now, opts, 'manual', {});
  });
}

/**
 * Undo: takes back one admission with compensating events (the log is never edited).
 * Without `eventId` the target is the operator's own last admission at this station, and
 * only within UNDO_WINDOW_MS; with it, exactly that admission (chosen in Recent scans, any
 * age). A warning about a repeat scan or a refusal is never the target. The admission is
 * undone together with this station's later repeat scans of the same person that day, so
 * the person is no longer admitted here; the result names them and says if another
 * station's scan still counts them in.
 */
export function undoLast(station: Station, now: number, opts: CheckInOptions & { eventId?: string } = {}): UndoResult {
  return station.write(() => {
    const orm = station.db.orm;
    const operator = opts.operator ?? null;
    let target: EventRow | undefined;
    if (opts.eventId) {
      target = getEvent(orm, opts.eventId);
      if (!target || target.stationId !== station.id || !isAdmission(target) || isUndone(orm, target.id)) {
        return nothingUndone('not_admission', 'This scan is not a check-in made at this station that can be undone.', null);
      }
    } else {
      target = lastAdmissionEvent(orm, station.id, operator);
      if (!target) return nothingUndone('nothing', 'Nothing to undo at this station.', null);
      if (!withinUndoWindow(target.wallTime, now)) {
        const r = resultOf(station, target);
        const who = r?.attendee ? `${r.attendee.givenName} ${r.attendee.familyName}`.trim() : 'the last person';
        return nothingUndone(
          'too_old',
          `Nothing undone: the last check-in here (${who}) was more than ${UNDO_WINDOW_MS / 60_000} minutes ago. To undo it, choose it in the recent scans.`,
          r,
        );
      }
    }
    const compensate = target.attendeeId ? ownAdmittingEventsSince(orm, station.id, target.attendeeId, target.day, target.seq) : [target];
    for (const e of compensate) {
      station.append(
        { kind: 'undo', attendeeId: e.attendeeId, roomId: e.roomId, sessionId: e.sessionId, verdict: null, reason: null, operator, payload: { target: e.id } },
        now,
      );
    }
    const r = resultOf(station, target);
    const who = r?.attendee ? `${r.attendee.givenName} ${r.attendee.familyName}`.trim() : 'the last person';
    const still = target.attendeeId ? admissionOn(orm, target.attendeeId, target.day) : undefined;
    const stillAdmitted = still ? { stationName: stationName(station, still.stationId), at: still.wallTime } : null;
    return {
      undone: true,
      why: null,
      message: `Check-in of ${who} was undone.${stillAdmitted ? ` Still checked in: also admitted at ${stillAdmitted.stationName}.` : ''}`,
      target: r,
      stillAdmitted,
    };
  });
}

/** What Undo would take back now (null: nothing within the window). */
export function undoTarget(station: Station, now: number, opts: CheckInOptions = {}): UndoTarget | null {
  const e = lastAdmissionEvent(station.db.orm, station.id, opts.operator ?? null);
  if (!e || !withinUndoWindow(e.wallTime, now)) return null;
  const a = e.attendeeId ? getAttendee(station.db.orm, e.attendeeId) : undefined;
  return {
    eventId: e.id,
    attendee: { id: e.attendeeId ?? '', givenName: a?.givenName ?? '', familyName: a?.familyName ?? '' },
    at: e.wallTime,
    until: e.wallTime + UNDO_WINDOW_MS,
  };
}

function nothingUndone(why: NonNullable<UndoResult['why']>, message: string, target: CheckInResult | null): UndoResult {
  return { undone: false, why, message, target, stillAdmitted: null };
}

/** The admission event as the verdict panel shows a person. */
function resultOf(station: Station, e: EventRow): CheckInResult | null {
  const a = e.attendeeId ? getAttendee(station.db.orm, e.attendeeId) : undefined;
  if (!a) return null;
  return { verdict: e.verdict as Verdict, reason: e.reason as Reason, message: '', attendee: toSummary(a), firstAdmission: null, eventId: e.id, hlc: e.hlc, at: e.wallTime };
}

function decideAndRecord(
  station: Station,
  a: AttendeeRow,
  scannedVersion: number | null,
  now: number,
  opts: CheckInOptions,
  kind: 'scan' | 'manual',
  payload: Record<string, unknown>,
): CheckInResult {
  const orm = station.db.orm;
  const info = station.eventInfo();
  const cfg = station.config();
  const today = station.today(now);
  const adm = admissionsOf(orm, a.id);
  const todays = adm.find((x) => x.day === today);
  const revocation = scannedVersion !== null ? revocationOf(orm, a.id, scannedVersion) : undefined;
  const decision = decide({
    today,
    eventDays: info.days,
    attendee: { status: a.status, category: a.category, validDays: a.validDays ?? null, badgeVersion: a.badgeVersion, notes: a.notes },
    scannedVersion,
    scannedVersionRevoked: !!revocation,
    allowedCategories: cfg.allowedCategories,
    admittedToday: !!todays,
    admittedEarlierDay: adm.some((x) => x.day < today),
    repeatPolicy: cfg.repeatPolicy,
    unsynced: a.source === 'badge',
  });
  let first: FirstAdmission | null = null;
  if (todays) {
    first = {
      at: todays.wallTime,
      stationId: todays.stationId,
      stationName: stationName(station, todays.stationId),
      day: todays.day,
      eventId: todays.eventId,
    };
  } else if (adm.length > 0) {
    const earliest = adm[0]!;
    first = {
      at: earliest.wallTime,
      stationId: earliest.stationId,
      stationName: stationName(station, earliest.stationId),
      day: earliest.day,
      eventId: earliest.eventId,
    };
  }
  const params: MessageParams = {
    // Said aloud at the desk: a protected person's chosen name, never the legal one.
    name: greetingName(a) || undefined,
    firstAt: first ? shortDateTime(first.at, info.timeZone) : undefined,
    firstWhere: first?.stationName,
    revokedAt: revocation ? shortDateTime(revocation.revokedAt, info.timeZone) : undefined,
    revokedAtMs: revocation?.revokedAt,
    revocationReason: decision.reason === 'revoked' ? revocationReason(a, revocation) : undefined,
    category: CATEGORY_LABELS[a.category as Category] ?? a.category,
    notes: a.notes,
  };
  const res = record(station, now, opts, a, decision, kind, payload, params);
  return { ...res, firstAdmission: first };
}

function record(
  station: Station,
  now: number,
  opts: CheckInOptions,
  a: AttendeeRow | null,
  d: { verdict: Verdict; reason: Reason },
  kind: 'scan' | 'manual',
  payload: Record<string, unknown>,
  params: MessageParams = {},
): CheckInResult {
  const e = station.append(
    {
      kind,
      attendeeId: a?.id ?? null,
      roomId: null,
      sessionId: null,
      verdict: d.verdict,
      reason: d.reason,
      operator: opts.operator ?? null,
      payload,
    },
    now,
  );
  return {
    verdict: d.verdict,
    reason: d.reason,
    message: messageFor(d.reason, params),
    params,
    attendee: a ? toSummary(a) : null,
    firstAdmission: null,
    eventId: e.id,
    hlc: e.hlc,
    at: now,
  };
}

/** Why a refused badge no longer works: the person was revoked, the registry's reason, or a newer badge (reprint). */
function revocationReason(a: AttendeeRow, revocation: { reason: string } | undefined): string {
  if (a.status === 'revoked') return 'revoked';
  return revocation?.reason ?? 'reprint';
}

/** A station's name as people know it (this one's own, or another's as synced). */
export function stationName(station: Station, id: string): string {
  if (id === station.id) return station.config().name;
  return station.db.orm.select({ name: stations.name }).from(stations).where(eq(stations.id, id)).get()?.name ?? 'another station';
}

