// Turns scanned text into "which attendee, which badge version" — or a refusal.
// Each badge format is one matcher; the first that recognises the text decides.
// All run inside the check-in transaction, synchronously.
import { isSignedBadgeText, readSignedBadge } from '../../core/badge/signed';
import { maskToDays, uuidToBytes, bytesToUuid } from '../../core/badge/payload';
import { learnCodeShapes, looksLikeOurCode, type CodeShape } from '../../core/checkin/code-shape';
import type { Reason } from '../../core/model';
import { allBadgeCodes, badgeCodesVersion, findByBadgeCode, getAttendee, type AttendeeRow } from '../../db/attendees';
import { trustedPublicKey } from '../../db/badges';
import { attendees } from '../../db/schema/index';
import { nodeEd25519 } from '../../node-shared/ed25519';
import type { Station } from '../station';

export type BadgeMatch =
  | { kind: 'attendee'; attendee: AttendeeRow; scannedVersion: number | null; format: string }
  | { kind: 'refused'; reason: Reason; format: string; detail?: Record<string, unknown> };

/** Returns null when the text is not in this matcher's format. */
export type BadgeMatcher = (station: Station, text: string, now: number) => BadgeMatch | null;

/**
 * The spellings of a typed or scanned code worth looking up: as given, then in upper case,
 * lower case and with every letter's case swapped (Caps Lock inverts what a scanner types).
 */
export function caseVariants(text: string): string[] {
  const swapped = [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return [...new Set([text, text.toUpperCase(), text.toLowerCase(), swapped])];
}

/**
 * A code from an imported registration list (the attendee's badge code column). The exact
 * spelling wins; otherwise another letter case matches only when it points at exactly one
 * badge (a list holding both 'ab12' and 'AB12' as different people's codes is ambiguous,
 * and nobody is admitted on a guess).
 */
export const plainCodeMatcher: BadgeMatcher = (station, text) => {
  const orm = station.db.orm;
  const exact = findByBadgeCode(orm, text);
  if (exact) return { kind: 'attendee', attendee: exact.attendee, scannedVersion: exact.badgeVersion, format: 'plain' };
  const hits = caseVariants(text)
    .slice(1)
    .map((v) => findByBadgeCode(orm, v))
    .filter((h) => h !== undefined);
  if (hits.length !== 1) return null;
  return { kind: 'attendee', attendee: hits[0]!.attendee, scannedVersion: hits[0]!.badgeVersion, format: 'plain' };
};

/**
 * A signed badge is trusted on its signature alone: an attendee registered after
 * this station's last sync is admitted, and a placeholder row (source 'badge',
 * no name) is written in the scan's transaction so sync can fill it in later.
 */
export const signedBadgeMatcher: BadgeMatcher = (station, text, now) => {
  if (!isSignedBadgeText(text)) return null;
  const orm = station.db.orm;
  const info = station.eventInfo();
  const read = readSignedBadge(text, { eventId: info.id, publicKey: (k) => trustedPublicKey(orm, k), ed25519: nodeEd25519 });
  if (!read) return null;
  if (!read.ok) return { kind: 'refused', reason: read.reason, format: 'signed' };
  const b = read.body;
  let a: AttendeeRow | undefined = getAttendee(orm, b.attendeeId);
  if (!a) {
    orm
      .insert(attendees)
      .values({
        id: b.attendeeId,
        givenName: '',
        familyName: '',
        category: b.category,
        validDays: maskToDays(b.dayMask, info.days),
        badgeVersion: b.badgeVersion,
        source: 'badge',
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
    a = getAttendee(orm, b.attendeeId)!;
  }
  return { kind: 'attendee', attendee: a, scannedVersion: b.badgeVersion, format: 'signed' };
};

function base64ToBytes(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return null;
  return new Uint8Array(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

/**
 * Indico's check-in QR: {"i":[2, host, base64(ticket uuid), …]}. Unsigned — the
 * random UUID is the secret — so it must match a code imported for this event.
 */
export const indicoMatcher: BadgeMatcher = (station, text) => {
  if (!text.startsWith('{"i":') && !text.startsWith('{ "i":')) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'refused', reason: 'malformed', format: 'indico' };
  }
  const i = (data as { i?: unknown })?.i;
  if (!Array.isArray(i) || i[0] !== 2 || typeof i[2] !== 'string') return { kind: 'refused', reason: 'malformed', format: 'indico' };
  const raw = base64ToBytes(i[2]);
  if (!raw || raw.length !== 16) return { kind: 'refused', reason: 'malformed', format: 'indico' };
  const uuid = bytesToUuid(raw);
  const orm = station.db.orm;
  const hit = findByBadgeCode(orm, uuid);
  if (hit) return { kind: 'attendee', attendee: hit.attendee, scannedVersion: hit.badgeVersion, format: 'indico' };
  const a = uuidToBytes(uuid) ? getAttendee(orm, uuid) : undefined;
  if (a) return { kind: 'attendee', attendee: a, scannedVersion: null, format: 'indico' };
  return { kind: 'refused', reason: 'unknown_code', format: 'indico', detail: { host: String(i[1]).slice(0, 120) } };
};

// Signed badges and Indico codes have a recognisable shape, so they are tried first.
const matchers: BadgeMatcher[] = [signedBadgeMatcher, indicoMatcher, plainCodeMatcher];

export function matchBadge(station: Station, text: string, now: number): BadgeMatch {
  for (const m of matchers) {
    const r = m(station, text, now);
    if (r) return r;
  }
  return { kind: 'refused', reason: unmatchedReason(station, text), format: 'none' };
}

/** Refusals that only say "this text is none of our badges": another reading of the same keys may be one. */
const NOT_A_BADGE_READING: ReadonlySet<Reason> = new Set(['malformed', 'not_a_badge', 'unknown_code']);

export interface ReadingMatch {
  match: BadgeMatch;
  /** The reading that decided (a valid one, or the typed text when none was). */
  text: string;
  /** Its index in `readings`: 0 is the text as the computer typed it. */
  index: number;
}

/**
 * One scan read several ways (core/keyboard/scanner-text.ts: as typed, and as scanners set to
 * other keyboard layouts meant the same keys). The first reading that is a badge of this event
 * decides; failing that, the first that is at least recognisably a badge (another event's, a
 * revoked key…) so its refusal says what it is; else the typed text's refusal. Readings must
 * already be clean (core/checkin/scan-input.ts).
 */
export function matchReadings(station: Station, readings: readonly string[], now: number): ReadingMatch {
  let recognised: ReadingMatch | null = null;
  let first: ReadingMatch | null = null;
  for (const [index, text] of readings.entries()) {
    const match = matchBadge(station, text, now);
    const r = { match, text, index };
    if (match.kind === 'attendee') return r;
    first ??= r;
    if (!recognised && !NOT_A_BADGE_READING.has(match.reason)) recognised = r;
  }
  if (!first) throw new Error('matchReadings needs at least one reading');
  return recognised ?? first;
}

/**
 * Text no matcher took: "badge not found" when it has the shape of this event's plain
 * codes (a typo, or registered after the last sync), else "not a badge for this event".
 * With no codes on the list yet there is nothing to compare with: "not found".
 */
function unmatchedReason(station: Station, text: string): Reason {
  const shapes = codeShapes(station);
  if (shapes.length === 0) return 'unknown_code';
  return looksLikeOurCode(shapes, text) ? 'unknown_code' : 'not_a_badge';
}

const shapeCache = new WeakMap<Station, { version: string; shapes: CodeShape[] }>();

function codeShapes(station: Station): CodeShape[] {
  const orm = station.db.orm;
  const version = badgeCodesVersion(orm);
  const hit = shapeCache.get(station);
  if (hit && hit.version === version) return hit.shapes;
  const shapes = learnCodeShapes(allBadgeCodes(orm));
  shapeCache.set(station, { version, shapes });
  return shapes;
}
