// A room's occupancy over one day as a step function, from its stays, manual counters and
// sweeps. current = max(0, people inside by scan + anonymous tally); the tally is the sum of
// manual +/− since the room's last sweep. See docs/occupancy.md.
import type { CounterMark, Stay, SweepMark } from './types';

export interface Point {
  /** Physical millis (HLC) of the change. */
  at: number;
  /** Occupancy after every change with this order key. */
  current: number;
}

type Change = { key: string; at: number; scanned: number; tally: number; reset: boolean };

export function roomSeries(stays: readonly Stay[], counters: readonly CounterMark[], sweeps: readonly SweepMark[]): Point[] {
  const changes: Change[] = [];
  for (const s of stays) {
    changes.push({ key: s.inKey, at: s.inAt, scanned: 1, tally: 0, reset: false });
    if (s.outKey !== null && s.outAt !== null) changes.push({ key: s.outKey, at: s.outAt, scanned: -1, tally: 0, reset: false });
  }
  for (const c of counters) changes.push({ key: c.key, at: c.at, scanned: 0, tally: c.delta, reset: false });
  for (const w of sweeps) changes.push({ key: w.key, at: w.at, scanned: 0, tally: 0, reset: true });
  changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const points: Point[] = [];
  let scanned = 0;
  let tally = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    scanned += c.scanned;
    tally = c.reset ? 0 : tally + c.tally;
    // Everything at one key (a sweep and the stays it closes) is one step.
    if (i + 1 < changes.length && changes[i + 1]!.key === c.key) continue;
    points.push({ at: c.at, current: Math.max(0, scanned + tally) });
  }
  return points;
}

/** Value of the step function at time t (0 before the first change). */
export function valueAt(points: readonly Point[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : points[lo - 1]!.current;
}

/** Highest occupancy reached in [from, to), and when it was first reached. */
export function peakIn(points: readonly Point[], from: number, to: number): { peak: number; at: number | null } {
  let peak = valueAt(points, from - 1);
  let at: number | null = peak > 0 ? from : null;
  for (const p of points) {
    if (p.at < from) continue;
    if (p.at >= to) break;
    if (p.current > peak) {
      peak = p.current;
      at = p.at;
    }
  }
  return { peak, at };
}

/** Milliseconds within [from, to) during which occupancy was at or above `level`. */
export function timeAtOrAbove(points: readonly Point[], from: number, to: number, level: number): number {
  if (to <= from) return 0;
  let total = 0;
  let t = from;
  let v = valueAt(points, from);
  for (const p of points) {
    if (p.at <= from) continue;
    if (p.at >= to) break;
    if (v >= level) total += p.at - t;
    t = p.at;
    v = p.current;
  }
  if (v >= level) total += to - t;
  return total;
}

/** One row per minute: occupancy at the end of the minute and the highest value within it. */
export function perMinute(points: readonly Point[], from: number, to: number): { at: number; current: number; max: number }[] {
  const out: { at: number; current: number; max: number }[] = [];
  const start = Math.floor(from / 60_000) * 60_000;
  let i = 0;
  let v = valueAt(points, start - 1);
  while (i < points.length && points[i]!.at < start) i++;
  for (let m = start; m < to; m += 60_000) {
    let max = v;
    while (i < points.length && points[i]!.at < m + 60_000) {
      v = points[i]!.current;
      if (v > max) max = v;
      i++;
    }
    out.push({ at: m, current: v, max });
  }
  return out;
}
