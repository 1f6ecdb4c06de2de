// Kiosk mode (docs/kiosk.md, core/kiosk/): this station lets attendees print their own badge, one
// at a time, through the badge desk's print-once hand-over (station/collect.ts), so a kiosk print
// is the collected badge and any later print anywhere is a reprint. Staff start it in Settings
// with a PIN (stored as a salted scrypt hash) and end it only with that PIN. While it is on, the
// station answers only the kiosk's own methods (kioskRefusal, called by every transport): the
// screen in front of the public cannot search the list, open another screen or print anyone else.
import crypto from 'node:crypto';
import type { ApiError } from '../core/api/index';
import type { KioskAnswer, KioskExit, KioskResults, KioskState } from '../core/api/kiosk';
import { collectionState } from '../core/checkin/collection';
import { cleanReadings } from '../core/checkin/scan-input';
import { kioskVerdict, surnameMatches } from '../core/kiosk/rules';
import { LOOKUP_POLICY, lockedFor, PIN_POLICY, readThrottle, recordFailure, recordSuccess, type ThrottlePolicy, type ThrottleState } from '../core/kiosk/throttle';
import type { Reason } from '../core/model';
import { legalName, publicName } from '../core/sync/visibility';
import { getAttendee, type AttendeeRow } from '../db/attendees';
import { collectionEvents } from '../db/collect';
import { currentEvacuation } from '../db/evacuation';
import { getSetting, setSetting } from '../db/settings';
import type { StationDb } from '../db/connection';
import { matchReadings, type BadgeMatch } from './badges/matchers';
import { handOver } from './collect';
import { UserError } from './errors';
import type { Station } from './station';

const ACTIVE = 'kiosk.active';
const PIN = 'kiosk.pin';
const LOOKUPS = 'kiosk.lookupThrottle';
const PINS = 'kiosk.pinThrottle';

/** "Is this you?" stays answerable this long; the printed person's PDF may be fetched this long. */
const OFFER_MS = 2 * 60_000;
const PRINT_MS = 5 * 60_000;

/** Refusals that mean "this is a person of this event, but not one the kiosk may serve": a scanned badge goes to the desk. */
const PERSON_REASONS: ReadonlySet<Reason> = new Set(['revoked', 'cancelled', 'pending', 'unpaid', 'rejected', 'waitlisted', 'not_valid_today', 'category_not_allowed']);

// Every call asks whether kiosk mode is on: remembered per database ("Forget this event" swaps it).
const activeCache = new WeakMap<StationDb, boolean>();
// The person the last answer named, and the person whose badge the kiosk just handed over (memory only: a restart forgets both).
const offered = new WeakMap<Station, { attendeeId: string; at: number }>();
const printed = new WeakMap<Station, { attendeeId: string; at: number }>();

export function kioskActive(station: Station): boolean {
  let on = activeCache.get(station.db);
  if (on === undefined) {
    on = getSetting<boolean>(station.db.orm, ACTIVE) === true;
    activeCache.set(station.db, on);
  }
  return on;
}

function setActive(station: Station, on: boolean): void {
  station.write(() => setSetting(station.db.orm, ACTIVE, on));
  activeCache.set(station.db, on);
}

export function kioskState(station: Station, now: number): KioskState {
  const orm = station.db.orm;
  return { active: kioskActive(station), pinSet: getSetting(orm, PIN) != null, lockedForMs: lockedFor(readThrottle(getSetting(orm, LOOKUPS)), now) };
}

// ---- the staff PIN --------------------------------------------------------------------------

interface PinHash {
  salt: string;
  hash: string;
}

function hashPin(pin: string, salt: Buffer): Buffer {
  return crypto.scryptSync(pin, salt, 32, { N: 16_384, r: 8, p: 1 });
}

export function setKioskPin(station: Station, pin: string, now: number): KioskState {
  if (kioskActive(station)) throw new UserError('kiosk_mode', 'End kiosk mode before changing its PIN.');
  const salt = crypto.randomBytes(16);
  const stored: PinHash = { salt: salt.toString('hex'), hash: hashPin(pin, salt).toString('hex') };
  station.write(() => setSetting(station.db.orm, PIN, stored));
  return kioskState(station, now);
}

export function startKiosk(station: Station, now: number): KioskState {
  if (getSetting(station.db.orm, PIN) == null) throw new UserError('kiosk_no_pin', 'Set a staff PIN first: it is the only way out of kiosk mode.');
  // Already on: nothing to do. Starting again must not clear the lookup lock (the public screen can call this).
  if (kioskActive(station)) return kioskState(station, now);
  station.write(() => setSetting(station.db.orm, LOOKUPS, readThrottle(null)));
  setActive(station, true);
  return kioskState(station, now);
}

function pinMatches(station: Station, pin: string): boolean {
  const stored = getSetting<PinHash>(station.db.orm, PIN);
  if (!stored || typeof stored.salt !== 'string' || typeof stored.hash !== 'string') return false;
  const want = Buffer.from(stored.hash, 'hex');
  const got = hashPin(pin, Buffer.from(stored.salt, 'hex'));
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}

/** Ends kiosk mode with the right PIN. While wrong PINs have locked it, even the right one waits (nothing is compared). */
export function exitKiosk(station: Station, pin: string, now: number): KioskExit {
  if (!kioskActive(station)) return { ok: true };
  const s = throttle(station, PINS);
  if (lockedFor(s, now) > 0) return { ok: false, lockedForMs: lockedFor(s, now) };
  if (!pinMatches(station, pin)) {
    const next = saveThrottle(station, PINS, recordFailure(PIN_POLICY, s, now));
    return { ok: false, lockedForMs: lockedFor(next, now) };
  }
  saveThrottle(station, PINS, recordSuccess(s));
  station.write(() => setSetting(station.db.orm, LOOKUPS, readThrottle(null)));
  offered.delete(station);
  printed.delete(station);
  setActive(station, false);
  return { ok: true };
}

function throttle(station: Station, key: string): ThrottleState {
  return readThrottle(getSetting(station.db.orm, key));
}

function saveThrottle(station: Station, key: string, s: ThrottleState): ThrottleState {
  station.write(() => setSetting(station.db.orm, key, s));
  return s;
}

// ---- an attendee at the kiosk ---------------------------------------------------------------

function requireKiosk(station: Station): void {
  if (!kioskActive(station)) throw new UserError('kiosk_off', 'This station is not in kiosk mode.');
}

/**
 * While an evacuation or drill runs (started anywhere: its event arrives by sync) the kiosk serves
 * nobody: its screen says so in four languages (station.status), and a screen that has not heard
 * yet cannot print a badge to keep someone standing at it.
 */
function refuseDuringEvacuation(station: Station, now: number): void {
  if (currentEvacuation(station.db.orm, station.today(now))) throw new UserError('kiosk_evacuation', 'Evacuation in progress: please follow staff instructions.');
}

/** The answer for a person the code pointed at: "Is this you?" or, for any reason at all, the staffed desk. */
function answerFor(station: Station, a: AttendeeRow, scannedVersion: number | null, now: number): KioskAnswer {
  if (kioskVerdict(factsOf(station, a, scannedVersion)) === 'desk') return { kind: 'desk' };
  offered.set(station, { attendeeId: a.id, at: now });
  return { kind: 'confirm', attendeeId: a.id, name: publicName(a) || legalName(a), delegation: a.delegation || a.organisation };
}

function factsOf(station: Station, a: AttendeeRow, scannedVersion: number | null) {
  const c = collectionState(collectionEvents(station.db.orm, a.id));
  return {
    status: a.status,
    protected: a.protected,
    source: a.source,
    notes: a.notes,
    staleBadge: scannedVersion !== null && scannedVersion < a.badgeVersion,
    collectionSteps: (c.handedOver ? 1 : 0) + c.printedAgain.length + c.reprints.length + c.refusals.length,
  };
}

/** A lookup through the throttle: locked answers first; a 'notFound' counts as a failure. */
function throttled(station: Station, now: number, find: () => KioskAnswer | 'miss'): KioskAnswer {
  requireKiosk(station);
  refuseDuringEvacuation(station, now);
  return station.write(() => {
    const s = throttle(station, LOOKUPS);
    if (lockedFor(s, now) > 0) return { kind: 'locked', lockedForMs: lockedFor(s, now) };
    offered.delete(station);
    const r = find();
    if (r !== 'miss') return r;
    const next = saveThrottle(station, LOOKUPS, recordFailure(LOOKUP_POLICY, s, now));
    if (lockedFor(next, now) > 0) return { kind: 'locked', lockedForMs: lockedFor(next, now) };
    return { kind: 'notFound', attemptsLeft: LOOKUP_POLICY.maxFailures - next.failures.length };
  });
}

function match(station: Station, text: unknown, alternatives: readonly unknown[] | undefined, now: number): BadgeMatch | null {
  const { readings } = cleanReadings(text, alternatives);
  return readings.length === 0 ? null : matchReadings(station, readings, now).match;
}

/** The attendee's own QR: their badge, e-mail or ticket code. */
export function kioskScan(station: Station, text: unknown, alternatives: readonly unknown[] | undefined, now: number): KioskAnswer {
  return throttled(station, now, () => {
    const m = match(station, text, alternatives, now);
    if (!m) return 'miss';
    if (m.kind === 'attendee') return answerFor(station, m.attendee, m.scannedVersion, now);
    return PERSON_REASONS.has(m.reason) ? { kind: 'desk' } : 'miss';
  });
}

/**
 * Surname + registration code, typed: the code must name a person and the surname must be theirs
 * (or, for a protected person, their chosen name — who then goes to the desk). A code that names
 * nobody the kiosk can serve is a miss like a wrong surname: typing codes reveals nothing.
 */
export function kioskLookup(station: Station, surname: string, code: string, now: number): KioskAnswer {
  return throttled(station, now, () => {
    const m = match(station, code, undefined, now);
    if (!m || m.kind !== 'attendee') return 'miss';
    const a = m.attendee;
    const theirs = surnameMatches(surname, a) || (a.protected && a.chosenName.trim() !== '' && surnameMatches(surname, { familyName: a.chosenName, givenName: '' }));
    return theirs ? answerFor(station, a, m.scannedVersion, now) : 'miss';
  });
}

/** "Yes, this is me": the hand-over is stored (print-once), then the screen prints this one badge. */
export function kioskConfirm(station: Station, attendeeId: string, now: number): KioskResults['kiosk.confirm'] {
  requireKiosk(station);
  refuseDuringEvacuation(station, now);
  const o = offered.get(station);
  if (!o || o.attendeeId !== attendeeId || now - o.at > OFFER_MS) throw new UserError('kiosk_expired', 'Please start again: scan your code or type your surname and code.');
  offered.delete(station);
  return station.write(() => {
    const a = getAttendee(station.db.orm, attendeeId);
    if (!a || kioskVerdict(factsOf(station, a, null)) === 'desk') return { kind: 'desk' as const };
    try {
      handOver(station, attendeeId, now, { operator: 'kiosk' });
    } catch (err) {
      if (err instanceof UserError) return { kind: 'desk' as const }; // no printable badge: the desk sorts it out
      throw err;
    }
    saveThrottle(station, LOOKUPS, recordSuccess(throttle(station, LOOKUPS)));
    printed.set(station, { attendeeId, at: Date.now() }); // real time: the gate below has no event clock
    return { kind: 'printed' as const, attendeeId };
  });
}

// ---- the gate -------------------------------------------------------------------------------

/** Methods a kiosk screen needs besides its own. */
const KIOSK_ALSO: ReadonlySet<string> = new Set(['station.status', 'desktop.info']);
/** Printing, for the person just handed over only. */
const PRINTING: ReadonlySet<string> = new Set(['badges.pdf', 'print.badge']);

/**
 * Why a call is refused because this station is a kiosk, or null. Every transport asks before
 * running a method (station/handlers dispatch, electron/ipc.main.ts for the desktop's printing).
 */
export function kioskRefusal(station: Station, method: string, args: unknown, now = Date.now()): ApiError | null {
  if (!kioskActive(station)) return null;
  if (method.startsWith('kiosk.') || KIOSK_ALSO.has(method)) return null;
  if (PRINTING.has(method)) {
    const p = printed.get(station);
    const id = (args as { attendeeId?: unknown } | null)?.attendeeId;
    if (p && p.attendeeId === id && now - p.at <= PRINT_MS) return null;
  }
  return { code: 'kiosk_mode', message: 'This station is a self check-in kiosk. Staff can end kiosk mode with the PIN.' };
}
