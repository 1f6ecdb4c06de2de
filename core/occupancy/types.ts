// Vocabulary of the occupancy model (pure; runs in the station, the registry and the renderer).
// The exact rules are written down in docs/occupancy.md.

/** Two scans of one person at the same room within this window are one physical passage. */
export const DUPLICATE_WINDOW_MS = 30_000;
/** An exit scanned this soon after a sweep closed the person's stay is a straggler, not an anomaly. */
export const SWEEP_GRACE_MS = 15 * 60_000;

export type DoorMode = 'entry' | 'exit' | 'toggle';
/**
 * Where a door station stands (docs/evacuation.md): at a room's door (its DoorMode says what a
 * scan means there), at the venue's exit (a scan records that the person left the building), or
 * at the assembly point (a scan marks the person safe during an evacuation or drill).
 */
export const DOOR_POSTS = ['room', 'venue_exit', 'assembly'] as const;
export type DoorPost = (typeof DOOR_POSTS)[number];
export const DOOR_KINDS = ['room_entry', 'room_exit'] as const;

/** The fields of a log event the model reads (a subset of core/records/log-event.ts). */
export interface OccEvent {
  id: string;
  stationId: string;
  hlc: string;
  kind: string;
  attendeeId: string | null;
  roomId: string | null;
  verdict: string | null;
  payload: Record<string, unknown>;
  day: string;
}

/** A time someone was inside a room: opened by one entry event, closed by an exit, a sweep or a move. */
export interface Stay {
  /** The id of the event that opened it. */
  id: string;
  attendeeId: string;
  day: string;
  roomId: string;
  inKey: string;
  inAt: number;
  outEventId: string | null;
  outKey: string | null;
  outAt: number | null;
  outBy: 'exit' | 'sweep' | 'moved' | null;
}

/**
 * What one door event did to the count:
 *  in – opened a stay; out – closed one; repeat – entry while already inside (counted once);
 *  duplicate – a second scan of the same passage within DUPLICATE_WINDOW_MS;
 *  after_sweep – exit of someone a sweep already counted out; unmatched_exit – exit of someone not
 *  known to be inside (flagged, nothing subtracted); refused – the door refused entry (not counted).
 */
export type Effect = 'in' | 'out' | 'repeat' | 'duplicate' | 'after_sweep' | 'unmatched_exit' | 'refused';

export interface SweepMark {
  id: string;
  roomId: string;
  day: string;
  key: string;
  at: number;
}

export interface CounterMark {
  id: string;
  roomId: string;
  day: string;
  key: string;
  at: number;
  delta: number;
}

/**
 * Sort key that orders like core/hlc compareEvents (HLC, station id, event id). HLC stamps are
 * fixed-width and ids contain no spaces, so plain string comparison of keys is the total order.
 */
export function orderKey(e: { hlc: string; stationId: string; id: string }): string {
  return `${e.hlc} ${e.stationId} ${e.id}`;
}

/** Physical millis of an HLC stamp (its first 24 characters are an ISO time). */
export function hlcMillis(hlc: string): number {
  // Hand-parsed: this runs for every event of a full recompute (Date.parse is ~3× slower).
  return Date.UTC(digits(hlc, 0, 4), digits(hlc, 5, 2) - 1, digits(hlc, 8, 2), digits(hlc, 11, 2), digits(hlc, 14, 2), digits(hlc, 17, 2), digits(hlc, 20, 3));
}

function digits(s: string, from: number, len: number): number {
  let v = 0;
  for (let k = from; k < from + len; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

export function isCounted(e: OccEvent): boolean {
  return e.verdict === 'admitted' || e.verdict === 'warning';
}

/** The door mode an event was scanned in: toggle scans are re-resolved from the merged log. */
export function doorModeOf(e: OccEvent): DoorMode {
  if (e.payload.door === 'toggle') return 'toggle';
  return e.kind === 'room_exit' ? 'exit' : 'entry';
}

export function counterDelta(e: OccEvent): number {
  const d = e.payload.delta;
  return typeof d === 'number' && Number.isInteger(d) ? d : 0;
}
