// Data retention (docs/data-at-rest.md, "Retention"): the organiser sets the day personal data
// is deleted; from its first moment in the event's time zone the registry and every station
// delete it on their own clocks, network or not. Pure rules shared by both sides.
import { dayInZone } from './time';

/** True once `now` has reached the retention day in the event's time zone. */
export function retentionDue(retentionDate: string | null | undefined, now: number, timeZone: string): boolean {
  return !!retentionDate && dayInZone(now, timeZone) >= retentionDate;
}

/**
 * Why this retention day cannot be set (null: it can). It must come after the event's last day:
 * deleting names during the event would stop every desk.
 */
export function retentionProblem(retentionDate: string | null | undefined, days: readonly string[]): string | null {
  if (!retentionDate) return null;
  const last = [...days].sort().at(-1);
  if (last && retentionDate <= last) return `The retention day must come after the event's last day (${last}): personal data cannot be deleted while the event runs.`;
  return null;
}

/** What a station or the registry records once it has deleted personal data. */
export interface RetentionDone {
  /** The retention day that applied. */
  date: string;
  /** When the deletion ran (epoch ms). */
  at: number;
}
