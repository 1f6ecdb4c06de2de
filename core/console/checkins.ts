// Check-ins of one day from the merged log, for the console's live view: each person's first
// admission (the earliest admitting event not undone, in HLC order — the rule of
// core/checkin/admission.ts), arrivals over time, and "admitted twice": a person whom two first
// admissions let in, each station unaware of the other (two entrances, one of them offline).
import { FIRST_ADMISSION_REASONS } from '../checkin/admission';
import type { CheckinSeries } from './live';

export interface AdmissionRow {
  id: string;
  attendeeId: string;
  stationId: string;
  hlc: string;
  wallTime: number;
  reason: string | null;
}

export interface DayCheckins {
  /** attendee id → their first admission of the day. */
  first: Map<string, AdmissionRow>;
  /** attendee id → every first-admission event, for people admitted as new more than once. */
  twice: Map<string, AdmissionRow[]>;
}

const FIRST = new Set<string | null>(FIRST_ADMISSION_REASONS);
const byLog = (a: AdmissionRow, b: AdmissionRow) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : a.id < b.id ? -1 : 1);

/** `rows`: the day's admitting events (any order); `undone`: ids of events an undo took back. */
export function dayCheckins(rows: readonly AdmissionRow[], undone: ReadonlySet<string>): DayCheckins {
  const first = new Map<string, AdmissionRow>();
  const firsts = new Map<string, AdmissionRow[]>();
  for (const r of [...rows].sort(byLog)) {
    if (undone.has(r.id)) continue;
    if (!first.has(r.attendeeId)) first.set(r.attendeeId, r);
    if (FIRST.has(r.reason)) {
      const l = firsts.get(r.attendeeId);
      if (l) l.push(r);
      else firsts.set(r.attendeeId, [r]);
    }
  }
  const twice = new Map([...firsts].filter(([, l]) => l.length > 1));
  return { first, twice };
}

/**
 * First admissions per bucket (default 15 minutes), from the first bucket with one to the last.
 * Only times inside `window` count (a station's clock set to 1970 must not make a chart of 50 years).
 */
export function arrivalSeries(first: Iterable<AdmissionRow>, window: { from: number; to: number }, bucketMs = 15 * 60_000): CheckinSeries {
  const times = [...first].map((r) => r.wallTime).filter((t) => t >= window.from && t < window.to);
  if (times.length === 0) return { from: 0, bucketMs, counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const lo = Math.floor(min / bucketMs) * bucketMs;
  const hi = Math.floor(max / bucketMs) * bucketMs;
  const counts = new Array<number>((hi - lo) / bucketMs + 1).fill(0);
  for (const t of times) counts[Math.floor((t - lo) / bucketMs)]!++;
  return { from: lo, bucketMs, counts };
}
