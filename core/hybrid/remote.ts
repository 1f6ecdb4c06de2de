// One person in a Zoom participant report, after the rows of their rejoins are grouped: the
// names they used, their e-mail, their role, and the times they were connected. The registry
// stores these per session (registry/hybrid/) and the attendance report reads them; how many
// minutes someone attended is worked out here, in one place. docs/hybrid-attendance.md.
import { z } from 'zod';

/** Which part of the report a row came from: a webinar's sections, or a meeting's one list. */
export const ZoomRole = z.enum(['host', 'panelist', 'attendee', 'participant']);
export type ZoomRole = z.infer<typeof ZoomRole>;

export const RemoteParticipant = z.object({
  /** Every name shown for them (display names and original names), in the order first seen. */
  names: z.array(z.string().max(300)).min(1).max(20),
  email: z.string().max(320),
  /** The highest role of their rows (host, then panelist, then attendee or participant). */
  role: ZoomRole,
  /** Zoom's "Guest" column: not signed in to the host's Zoom account (null: the report does not say). */
  guest: z.boolean().nullable(),
  /** Connected from–to (epoch ms), one per row whose times could be read. */
  intervals: z.array(z.tuple([z.number().int(), z.number().int()])).max(2000),
  /** Minutes of rows whose times could not be read (Zoom's own duration column). */
  untimedMinutes: z.number().int().min(0).max(1_000_000),
  /** How many rows of the report (joins) they are. */
  rows: z.number().int().min(1),
});
export type RemoteParticipant = z.infer<typeof RemoteParticipant>;

const RANK: Record<ZoomRole, number> = { host: 3, panelist: 2, attendee: 1, participant: 1 };

/** The higher of two roles (someone promoted from attendee to panelist is a panelist). */
export function higherRole(a: ZoomRole, b: ZoomRole): ZoomRole {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * Minutes connected: the union of their connected intervals (rejoins add up; two devices at once
 * count once), rounded up to whole minutes as Zoom rounds each row's duration, plus the minutes
 * of rows without readable times.
 */
export function connectedMinutes(p: Pick<RemoteParticipant, 'intervals' | 'untimedMinutes'>): number {
  const xs = p.intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let from = Number.NaN;
  let to = Number.NaN;
  for (const [a, b] of xs) {
    if (Number.isNaN(from) || a > to) {
      if (!Number.isNaN(from)) total += to - from;
      from = a;
      to = b;
    } else to = Math.max(to, b);
  }
  if (!Number.isNaN(from)) total += to - from;
  return Math.ceil(total / 60_000) + p.untimedMinutes;
}

/** Two groups of rows that turned out to be one person (the same registration matched both). */
export function mergeParticipants(a: RemoteParticipant, b: RemoteParticipant): RemoteParticipant {
  return {
    names: [...new Set([...a.names, ...b.names])].slice(0, 20),
    email: a.email || b.email,
    role: higherRole(a.role, b.role),
    guest: a.guest === null ? b.guest : b.guest === null ? a.guest : a.guest && b.guest,
    intervals: [...a.intervals, ...b.intervals].slice(0, 2000),
    untimedMinutes: a.untimedMinutes + b.untimedMinutes,
    rows: a.rows + b.rows,
  };
}

/** First join and last leave (epoch ms), or null when no row had readable times. */
export function connectedSpan(p: Pick<RemoteParticipant, 'intervals'>): { first: number; last: number } | null {
  if (p.intervals.length === 0) return null;
  return { first: Math.min(...p.intervals.map((i) => i[0])), last: Math.max(...p.intervals.map((i) => i[1])) };
}
