// What makes an admission in the log, one rule for both sides: a station's admissions
// table (db/events.ts) and the registry's checkins.csv (registry/exports.ts). The first
// admission of a person and day is the earliest admitting event (HLC order) not undone.
import type { EventKind, Reason, Verdict } from '../model';

/** Events that can admit someone: a scan, or a check-in from search… */
export const ADMITTING_KINDS = ['scan', 'manual'] as const satisfies readonly EventKind[];
/** …when the verdict let them in. */
export const ADMITTING_VERDICTS = ['admitted', 'warning'] as const satisfies readonly Verdict[];

/** An event that let someone in (a first admission or a re-entry). */
export function isAdmitting(e: { kind: string; verdict: string | null }): boolean {
  return (ADMITTING_KINDS as readonly string[]).includes(e.kind) && (ADMITTING_VERDICTS as readonly (string | null)[]).includes(e.verdict);
}

/** Reasons that mean "this scan admitted the person for the first time today". */
export const FIRST_ADMISSION_REASONS = ['ok', 'ok_returning', 'ok_unsynced', 'notes'] as const satisfies readonly Reason[];

/** A scan or search check-in that admitted someone for the first time that day. */
export function isFirstAdmission(e: { kind: string; reason: string | null }): boolean {
  return (ADMITTING_KINDS as readonly string[]).includes(e.kind) && (FIRST_ADMISSION_REASONS as readonly (string | null)[]).includes(e.reason);
}

/**
 * "Admitted twice": more than one station admitted the person as a first entry on the same
 * day, each unaware of the other (offline at two entrances).
 */
export function admittedTwice(reasons: readonly (string | null)[]): boolean {
  return reasons.filter((r) => (FIRST_ADMISSION_REASONS as readonly (string | null)[]).includes(r)).length > 1;
}
