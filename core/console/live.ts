// The organiser console's live view of one event day, as the registry answers it
// (GET /v1/console/live) and the console draws it. What a viewer may not see (people's names)
// is left out by the registry, not hidden by the page: `conflicts.people` is then absent.
import type { CapacityState } from '../occupancy/capacity';
import type { DoorMode, StationRole } from '../model';

export interface Tally {
  /** Admitted at least once this day. */
  checkedIn: number;
  /** Registered, confirmed and with a badge valid this day. */
  expected: number;
}

export interface CheckinSeries {
  /** Start of the first bucket (epoch ms). */
  from: number;
  bucketMs: number;
  /** First admissions per bucket, contiguous from `from`. */
  counts: number[];
}

export interface LiveRoom {
  id: string;
  name: string;
  floor: string;
  capacity: number;
  warnPct: number;
  criticalPct: number;
  /** People inside now (scans plus manual counts). */
  current: number;
  pct: number;
  state: CapacityState;
  /** Distinct people who entered this day. */
  unique: number;
  /** Exits of people not known to be inside. */
  flagged: number;
  /** Latest door scan, counter or sweep (epoch ms; 0: none). */
  lastAt: number;
}

export type StationState = 'online' | 'late' | 'offline' | 'never' | 'revoked';

export interface LiveStation {
  id: string;
  name: string;
  role: StationRole;
  roomId: string | null;
  doorMode: DoorMode | null;
  state: StationState;
  /** Last time it reached the registry (push or pull). */
  lastSeenAt: number | null;
  /** Events it had not yet uploaded when it last reported (null: a station that does not report it). */
  outbox: number | null;
  /** How far its clock is ahead of the registry's (ms; negative: behind), as it last measured it (null: not reported). */
  clockAheadMs: number | null;
  /** Admissions and door scans it made this day. */
  scansToday: number;
  /** Wall time of its latest event of any day. */
  lastEventAt: number | null;
}

export interface ConflictAdmission {
  stationId: string;
  stationName: string;
  at: number;
}

export interface ConflictPerson {
  attendeeId: string;
  /** The public name (core/sync/visibility.ts): a protected person's chosen name, or '' (the page says "Protected participant"). */
  name: string;
  protected: boolean;
  category: string;
  admissions: ConflictAdmission[];
}

/** An evacuation or drill in progress (docs/evacuation.md), as the registry counts it from every station's scans and marks. */
export interface LiveEvacuation {
  drill: boolean;
  /** When it was started (the starting station's clock, epoch ms). */
  startedAt: number;
  /** The station that started it ('' if unknown). */
  stationName: string;
  /** Inside when it started or since (admitted today, not left). */
  inside: number;
  /** Marked safe at an assembly point since it started. */
  safe: number;
  unaccounted: number;
  /** Room by room, most unaccounted first; roomId '' is "in the building, room unknown". */
  rooms: { roomId: string; name: string; floor: string; safe: number; unaccounted: number }[];
  /** Who is not yet accounted for, named as shared screens name them (a protected person: the chosen name, or ''); absent for viewers. */
  people?: { attendeeId: string; name: string; protected: boolean; roomId: string }[];
}

export interface LiveSnapshot {
  eventName: string | null;
  timeZone: string;
  days: string[];
  /** The day shown ('YYYY-MM-DD'); null: the registry holds no event yet. */
  day: string | null;
  serverTime: number;
  /** The registry's change sequence the numbers were computed at. */
  seq: number;
  total: Tally;
  series: CheckinSeries;
  byCategory: (Tally & { category: string })[];
  byDelegation: (Tally & { delegation: string; country: string })[];
  rooms: LiveRoom[];
  stations: LiveStation[];
  conflicts: { count: number; people?: ConflictPerson[] };
  /** The evacuation or drill running on this day, or null. */
  evacuation: LiveEvacuation | null;
  /** Protocol (VIP) arrivals not yet acknowledged, newest first; absent for a viewer (they name people). */
  protocol?: LiveProtocolAlert[];
}

/** An open protocol alert as the console shows it (core/checkin/protocol-alert.ts). */
export interface LiveProtocolAlert {
  eventId: string;
  attendeeId: string;
  /** As shared screens name them (a protected person's chosen name; '' = "protected participant"). */
  name: string;
  stationId: string;
  stationName: string;
  at: number;
  host: string;
  note: string;
  room: string;
}

/** A station that reached the registry this recently is online (it polls every 15 s); later than this is late, then offline. */
export const ONLINE_MS = 45_000;
export const LATE_MS = 5 * 60_000;

export function stationState(s: { revoked: boolean; lastSeenAt: number | null }, now: number): StationState {
  if (s.revoked) return 'revoked';
  if (s.lastSeenAt === null) return 'never';
  const age = now - s.lastSeenAt;
  return age <= ONLINE_MS ? 'online' : age <= LATE_MS ? 'late' : 'offline';
}
