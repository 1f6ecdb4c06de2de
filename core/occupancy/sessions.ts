// Attendance of one session (a room and a time window from the agenda), from the room's
// stays and occupancy series of that day.
import { peakIn, timeAtOrAbove, valueAt, type Point } from './series';
import type { Stay } from './types';

/** Arrivals are counted from this long before the start (people come early). */
export const ARRIVALS_LEAD_MS = 30 * 60_000;
export const ARRIVALS_BUCKET_MS = 5 * 60_000;

export interface SessionWindow {
  startsAt: number;
  endsAt: number;
}

export interface SessionAttendee {
  attendeeId: string;
  /** First time inside during the session (or the session start if they were already in). */
  firstIn: number;
  /** Time inside during the session, ms. */
  insideMs: number;
}

export interface SessionStats {
  /** Occupancy now while the session runs, else null. */
  current: number | null;
  peak: number;
  peakAt: number | null;
  /** Distinct people scanned inside at any moment of the session. */
  unique: number;
  /** Entries per ARRIVALS_BUCKET_MS from ARRIVALS_LEAD_MS before the start to the end. */
  arrivals: { at: number; count: number }[];
  /** Time at or above the warning level (warnPct of capacity), ms. */
  aboveWarnMs: number;
  attendees: SessionAttendee[];
}

/**
 * @param stays the room's stays that day
 * @param points the room's series that day (roomSeries)
 * @param now the present, so a running session only counts time that has happened
 */
export function sessionStats(stays: readonly Stay[], points: readonly Point[], w: SessionWindow, warnLevel: number, now: number): SessionStats {
  const end = Math.min(w.endsAt, Math.max(now, w.startsAt));
  // Before the start nobody has attended yet: people inside now are at the session before.
  const started = now >= w.startsAt;
  const per = new Map<string, SessionAttendee>();
  for (const s of started ? stays : []) {
    const out = s.outAt ?? Number.POSITIVE_INFINITY;
    if (s.inAt >= w.endsAt || out <= w.startsAt) continue;
    const from = Math.max(s.inAt, w.startsAt);
    const ms = Math.max(0, Math.min(out, end) - from);
    const a = per.get(s.attendeeId);
    if (a) {
      a.firstIn = Math.min(a.firstIn, from);
      a.insideMs += ms;
    } else per.set(s.attendeeId, { attendeeId: s.attendeeId, firstIn: from, insideMs: ms });
  }
  const arrivals: { at: number; count: number }[] = [];
  const a0 = Math.floor((w.startsAt - ARRIVALS_LEAD_MS) / ARRIVALS_BUCKET_MS) * ARRIVALS_BUCKET_MS;
  for (let t = a0; t < w.endsAt; t += ARRIVALS_BUCKET_MS) arrivals.push({ at: t, count: 0 });
  for (const s of stays) {
    if (s.inAt < a0 || s.inAt >= w.endsAt) continue;
    arrivals[Math.floor((s.inAt - a0) / ARRIVALS_BUCKET_MS)]!.count++;
  }
  const { peak, at } = started ? peakIn(points, w.startsAt, Math.min(w.endsAt, now + 1)) : { peak: 0, at: null };
  return {
    current: now >= w.startsAt && now < w.endsAt ? valueAt(points, now) : null,
    peak,
    peakAt: at,
    unique: per.size,
    arrivals,
    aboveWarnMs: timeAtOrAbove(points, w.startsAt, end, warnLevel),
    attendees: [...per.values()].sort((x, y) => x.firstIn - y.firstIn || (x.attendeeId < y.attendeeId ? -1 : 1)),
  };
}

/** The occupancy level (people) at which a room reaches its warning percentage. */
export function warnLevel(capacity: number, warnPct: number): number {
  return Math.max(1, Math.ceil((capacity * warnPct) / 100));
}
