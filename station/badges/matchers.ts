// Turns scanned text into "which attendee, which badge version" — or a refusal.
// Each badge format is one matcher; the first that recognises the text decides.
// All run inside the check-in transaction, synchronously.
import { isSignedBadgeText, readSignedBadge } from '../../core/badge/signed';
import { maskToDays, bytesToUuid } from '../../core/badge/payload';
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

/** "https://Indico.UN.org/" → "indico.un.org": a host as Indico writes it in a QR code, compared like for like. */
export function indicoHostKey(host: string): string {
  const t = host.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const slash = t.indexOf('/');
  return slash < 0 ? t.toLowerCase() : t.slice(0, slash).toLowerCase() + t.slice(slash);
}

/** The badge code an accompanying person's Indico ticket is imported under (registry/connectors/indico.ts). */
export const indicoPersonCode = (ticketUuid: string, personUuid: string) => `${ticketUuid}/${personUuid}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ticket in an Indico QR code, either format; null when the text is not one. */
function readIndicoTicket(text: string): { host: string; ticket: string | null; person: string | null } | 'malformed' | null {
  const t = text.trimStart();
  const v2 = t.startsWith('{"i":') || t.startsWith('{ "i":');
  const v1 = t.startsWith('{') && /"checkin_secret"\s*:/.test(t) && /"server_url"\s*:/.test(t);
  if (!v2 && !v1) return null;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch {
    return 'malformed';
  }
  if (v2) {
    // Indico ≥ 3.3 (registration/util.py get_ticket_qr_code_data): [2, host, b64(ticket uuid), b64(person id)?].
    const i = (data as { i?: unknown })?.i;
    if (!Array.isArray(i) || i[0] !== 2 || typeof i[1] !== 'string' || typeof i[2] !== 'string' || i.length > 4) return 'malformed';
    const ticket = base64ToBytes(i[2]);
    const person = i.length === 4 ? (typeof i[3] === 'string' ? base64ToBytes(i[3]) : null) : undefined;
    if (!ticket || ticket.length !== 16 || person === null || (person && person.length !== 16)) return 'malformed';
    return { host: i[1], ticket: bytesToUuid(ticket), person: person ? bytesToUuid(person) : null };
  }
  // Before Indico 3.3: {"registrant_id", "checkin_secret", "event_id", "server_url", "version": 1};
  // an accompanying person's ticket had an empty secret and their own id as registrant_id.
  const d = data as { checkin_secret?: unknown; server_url?: unknown; registrant_id?: unknown };
  if (typeof d.server_url !== 'string' || typeof d.checkin_secret !== 'string') return 'malformed';
  if (UUID.test(d.checkin_secret)) return { host: d.server_url, ticket: d.checkin_secret.toLowerCase(), person: null };
  if (d.checkin_secret === '' && typeof d.registrant_id === 'string' && UUID.test(d.registrant_id)) return { host: d.server_url, ticket: null, person: d.registrant_id.toLowerCase() };
  return 'malformed';
}

/**
 * Indico's check-in QR codes, both formats. Unsigned — the random ticket UUID is the secret —
 * so the ticket must be on this event's list, and the code must come from the event's own
 * Indico server (EventInfo.indicoHost): another server's ticket is another event's. An
 * accompanying person's ticket admits that person, never the registrant who brought them.
 */
export const indicoMatcher: BadgeMatcher = (station, text) => {
  const read = readIndicoTicket(text);
  if (read === null) return null;
  if (read === 'malformed') return { kind: 'refused', reason: 'malformed', format: 'indico' };
  const mine = station.eventInfo().indicoHost;
  const host = read.host.slice(0, 120);
  if (!mine || indicoHostKey(read.host) !== indicoHostKey(mine)) return { kind: 'refused', reason: 'not_this_event', format: 'indico', detail: { host } };
  const code = read.ticket && read.person ? indicoPersonCode(read.ticket, read.person) : (read.ticket ?? read.person!);
  const orm = station.db.orm;
  const hit = findByBadgeCode(orm, code);
  if (hit) return { kind: 'attendee', attendee: hit.attendee, scannedVersion: hit.badgeVersion, format: 'indico' };
  return { kind: 'refused', reason: 'unknown_code', format: 'indico', detail: { host } };
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
