// Turns scanned text into "which attendee, which badge version" — or a refusal.
// Each badge format is one matcher; the first that recognises the text decides.
import { learnCodeShapes, looksLikeOurCode, type CodeShape } from '../core/checkin/code-shape';
import type { Reason } from '../core/model';
import { allBadgeCodes, badgeCodesVersion, findByBadgeCode, type AttendeeRow } from '../db/attendees';
import { indicoMatcher, signedBadgeMatcher } from './badges/matchers';
import type { Station } from './station';

export type BadgeMatch =
  | { kind: 'attendee'; attendee: AttendeeRow; scannedVersion: number | null; format: string }
  | { kind: 'refused'; reason: Reason; format: string; detail?: Record<string, unknown> };

/** Returns null when the text is not in this matcher's format. */
export type BadgeMatcher = (station: Station, text: string, now: number) => BadgeMatch | null;

/** A code from an imported registration list (the attendee's badge code column). */
export const plainCodeMatcher: BadgeMatcher = (station, text) => {
  const hit = findByBadgeCode(station.db.orm, text);
  if (!hit) return null;
  return { kind: 'attendee', attendee: hit.attendee, scannedVersion: hit.badgeVersion, format: 'plain' };
};

// Signed badges and Indico codes have a recognisable shape, so they are tried first.
const matchers: BadgeMatcher[] = [signedBadgeMatcher, indicoMatcher, plainCodeMatcher];

/** Formats are tried most specific first; signed badges (issue 3) register in front. */
export function registerMatcher(m: BadgeMatcher, first = true): void {
  if (matchers.includes(m)) return;
  if (first) matchers.unshift(m);
  else matchers.push(m);
}

export function matchBadge(station: Station, text: string, now: number): BadgeMatch {
  for (const m of matchers) {
    const r = m(station, text, now);
    if (r) return r;
  }
  return { kind: 'refused', reason: unmatchedReason(station, text), format: 'none' };
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
