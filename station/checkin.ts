// The check-in engine: scanned text in, a committed event and a verdict out.
// The verdict is returned only after the transaction that stores it has committed.
import { eq } from 'drizzle-orm';
import { decide } from '../core/checkin/decide';
import { messageFor } from '../core/checkin/messages';
import { cleanScan } from '../core/checkin/scan-input';
import { CATEGORY_LABELS, type Category, type CheckInResult, type FirstAdmission, type MessageParams, type Reason, type Verdict } from '../core/model';
import { shortDateTime } from '../core/time';
import { getAttendee, revocationOf, toSummary, type AttendeeRow } from '../db/attendees';
import { admissionsOf, lastUndoableEvent } from '../db/events';
import { stations } from '../db/schema/index';
import { matchBadge } from './badges/matchers';
import type { Station } from './station';

export interface CheckInOptions {
  operator?: string | null;
}

export function checkIn(station: Station, scanText: unknown, now: number, opts: CheckInOptions = {}): CheckInResult {
  const input = cleanScan(scanText);
  return station.write(() => {
    if (!input.ok) {
      const payload = { why: input.why, length: typeof scanText === 'string' ? scanText.length : 0 };
      return record(station, now, opts, null, { verdict: 'refused', reason: 'malformed' }, 'scan', payload);
    }
    const match = matchBadge(station, input.text, now);
    const code = input.text.slice(0, 256);
    if (match.kind === 'refused') {
      return record(station, now, opts, null, { verdict: 'refused', reason: match.reason }, 'scan', {
        code,
        format: match.format,
        ...match.detail,
      });
    }
    return decideAndRecord(station, match.attendee, match.scannedVersion, now, opts, 'scan', { code, format: match.format });
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

export interface UndoResult {
  undone: boolean;
  message: string;
  target: CheckInResult | null;
}

/** Undo this station's last admission with a compensating event (the log is never edited). */
export function undoLast(station: Station, now: number, opts: CheckInOptions = {}): UndoResult {
  return station.write(() => {
    const target = lastUndoableEvent(station.db.orm, station.id);
    if (!target) return { undone: false, message: 'Nothing to undo at this station.', target: null };
    station.append(
      {
        kind: 'undo',
        attendeeId: target.attendeeId,
        roomId: target.roomId,
        sessionId: target.sessionId,
        verdict: null,
        reason: null,
        operator: opts.operator ?? null,
        payload: { target: target.id },
      },
      now,
    );
    const a = target.attendeeId ? getAttendee(station.db.orm, target.attendeeId) : undefined;
    const name = a ? `${a.givenName} ${a.familyName}` : 'the last person';
    return {
      undone: true,
      message: `Check-in of ${name} was undone.`,
      target: a
        ? {
            verdict: target.verdict as Verdict,
            reason: target.reason as Reason,
            message: '',
            attendee: toSummary(a),
            firstAdmission: null,
            eventId: target.id,
            hlc: target.hlc,
            at: target.wallTime,
          }
        : null,
    };
  });
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
    name: a.givenName || a.familyName,
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

function stationName(station: Station, id: string): string {
  if (id === station.id) return station.config().name;
  return station.db.orm.select({ name: stations.name }).from(stations).where(eq(stations.id, id)).get()?.name ?? 'another station';
}

