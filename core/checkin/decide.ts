// The front-desk decision, as a pure function: no database, no clock, no I/O.
// station/checkin.ts gathers the facts, calls decide(), then commits the event.
import { isNotAdmitted, type Category, type Reason, type Verdict } from '../model';

export interface DecisionFacts {
  /** The event day of the scan (event time zone). */
  today: string;
  eventDays: string[];
  attendee: {
    status: string;
    category: Category | string;
    validDays: string[] | null;
    badgeVersion: number;
    notes: string;
  };
  /** Badge version read from the code; null when the code carries none (plain code matched a current row). */
  scannedVersion: number | null;
  /** True when the scanned badge version is on the revocation list. */
  scannedVersionRevoked: boolean;
  /** Categories this station admits, or null = all. */
  allowedCategories: string[] | null;
  /** Already admitted today (earliest non-undone admission), if any. */
  admittedToday: boolean;
  /** Admitted on an earlier day of this event. */
  admittedEarlierDay: boolean;
  /** What the station does with a second scan on the same day. */
  repeatPolicy: 'warn' | 'refuse';
  /** True when the attendee is only known from a signed badge (not yet synced). */
  unsynced: boolean;
}

export interface Decision {
  verdict: Verdict;
  reason: Reason;
}

export function decide(f: DecisionFacts): Decision {
  const a = f.attendee;
  if (a.status === 'cancelled') return refused('cancelled');
  if (a.status === 'revoked') return refused('revoked');
  if (isNotAdmitted(a.status)) return refused(a.status);
  if (f.scannedVersionRevoked || (f.scannedVersion !== null && f.scannedVersion < a.badgeVersion)) {
    return refused('revoked');
  }
  if (!f.eventDays.includes(f.today)) return refused('not_valid_today');
  if (a.validDays && !a.validDays.includes(f.today)) return refused('not_valid_today');
  if (f.allowedCategories && !f.allowedCategories.includes(a.category)) return refused('category_not_allowed');
  if (f.admittedToday) {
    return f.repeatPolicy === 'refuse' ? refused('already_checked_in_refused') : { verdict: 'warning', reason: 'already_checked_in' };
  }
  if (a.notes.trim() !== '') return { verdict: 'warning', reason: 'notes' };
  if (f.unsynced) return { verdict: 'admitted', reason: 'ok_unsynced' };
  if (f.admittedEarlierDay) return { verdict: 'admitted', reason: 'ok_returning' };
  return { verdict: 'admitted', reason: 'ok' };
}

export function refused(reason: Reason): Decision {
  return { verdict: 'refused', reason };
}
