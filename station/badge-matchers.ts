// Turns scanned text into "which attendee, which badge version" — or a refusal.
// Each badge format is one matcher; the first that recognises the text decides.
import type { Reason } from '../core/model';
import { findByBadgeCode, type AttendeeRow } from '../db/attendees';
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
  return { kind: 'refused', reason: 'unknown_code', format: 'none' };
}
