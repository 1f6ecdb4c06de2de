// Hybrid logical clock (after Actual Budget's packages/crdt timestamp.ts).
//
// A stamp is a fixed-width, string-sortable text:
//   2026-11-29T09:14:03.120Z-0000-3f2a9c1d00b4e781
//   ^ wall millis (ISO, 24)  ^ counter (hex, 4) ^ node (hex, 16)
// Sorting the strings sorts by (millis, counter, node), so events from many
// stations can be ordered without a central clock. Unlike Actual we never throw:
// a door scan must not be refused because a laptop's clock is wrong, so drift
// and counter overflow are *reported* and absorbed instead. Stamps from others are parsed
// strictly and never believed beyond MAX_CLOCK_AHEAD_MS (docs/sync-protocol.md, "Clocks").

export interface HlcState {
  /** Highest physical-or-logical millis seen so far. */
  millis: number;
  counter: number;
  /** 16 lowercase hex chars identifying the station. */
  node: string;
}

export interface HlcStamp {
  millis: number;
  counter: number;
  node: string;
}

export const HLC_LENGTH = 46;
const MAX_COUNTER = 0xffff;
/** Drift beyond this is worth telling the operator about (sync issue: 2 minutes). */
export const DRIFT_WARNING_MS = 2 * 60 * 1000;
/**
 * How far ahead of a clock a stamp may be and still be believed (issue 12: one station's
 * year-9999 stamp once dragged every other station's clock along). The registry refuses events
 * stamped further ahead of its own clock (configurable there); a station never moves its clock
 * to a pulled stamp further ahead of its own, and pulls its own clock back from beyond it.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;
/** No real event predates this; anything earlier is garbage, not history. */
export const MIN_HLC_MILLIS = Date.UTC(2000, 0, 1);

const STAMP_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function nodeIdFor(stationId: string): string {
  const hex = stationId.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length >= 16) return hex.slice(-16);
  // Non-hex station ids still need a stable 16-hex node: FNV-1a over the text.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < stationId.length; i++) {
    const c = stationId.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 16);
}

export function serialize(s: HlcStamp): string {
  return `${new Date(s.millis).toISOString()}-${s.counter.toString(16).padStart(4, '0')}-${s.node}`;
}

/**
 * Reads a stamp strictly: exact format, a real calendar time (no 30 February, no hour 24: the
 * stamp must be exactly what serialize() writes for it), from 2020 on. Null otherwise.
 */
export function parse(text: string): HlcStamp | null {
  if (typeof text !== 'string' || text.length !== HLC_LENGTH) return null;
  const m = STAMP_RE.exec(text);
  if (!m) return null;
  const millis = Date.parse(m[1]!);
  if (!Number.isFinite(millis) || millis < MIN_HLC_MILLIS) return null;
  const stamp = { millis, counter: parseInt(m[2]!, 16), node: m[3]! };
  return serialize(stamp) === text ? stamp : null;
}

/** Why a stamp cannot be accepted from a peer whose clock reads `now` (null: fine). */
export function stampProblem(text: string, now: number, maxAheadMs = MAX_CLOCK_AHEAD_MS): string | null {
  const p = parse(text);
  if (!p) return 'its clock stamp is malformed';
  if (p.millis > now + maxAheadMs) {
    const ahead = p.millis - now;
    const span = ahead >= 86_400_000 ? `${Math.round(ahead / 86_400_000)} days` : `${Math.ceil(ahead / 60_000)} minutes`;
    return `its clock stamp (${new Date(p.millis).toISOString()}) is ${span} ahead of the registry's clock; the limit is ${Math.round(maxAheadMs / 60_000)} minutes. Set this station's clock.`;
  }
  return null;
}

/**
 * A clock state carried too far ahead of the wall clock (poisoned by a pulled future stamp
 * before stations checked them) is pulled back to the wall clock, so its next stamps are
 * believable again. Stamps already made keep their place in the order.
 */
export function heal(state: HlcState, wallNow: number, maxAheadMs = MAX_CLOCK_AHEAD_MS): HlcState {
  if (Number.isFinite(state.millis) && state.millis <= wallNow + maxAheadMs && state.counter >= 0 && state.counter <= MAX_COUNTER) return state;
  return { millis: wallNow, counter: 0, node: state.node };
}

export function initialState(node: string): HlcState {
  if (!/^[0-9a-f]{16}$/.test(node)) throw new Error(`HLC node must be 16 hex chars, got ${node}`);
  return { millis: 0, counter: 0, node };
}

/** Stamp a local event. Returns the stamp and the next clock state. */
export function send(state: HlcState, wallNow: number): { stamp: string; state: HlcState } {
  let millis = Math.max(state.millis, wallNow);
  let counter = millis === state.millis ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    // Logical tick forward instead of failing the scan.
    millis += 1;
    counter = 0;
  }
  const next = { millis, counter, node: state.node };
  return { stamp: serialize(next), state: next };
}

export interface ReceiveResult {
  state: HlcState;
  /** remote millis − local wall clock; positive when the remote is ahead. */
  driftMs: number;
  /** True when |driftMs| exceeds DRIFT_WARNING_MS. Reported, never enforced. */
  drifted: boolean;
  /** True when the stamp was too far ahead (or unreadable) and the clock did not follow it. */
  ignored?: boolean;
}

/**
 * Merge a remote stamp so that every later local stamp sorts after it — unless it is more than
 * `maxAheadMs` ahead of this station's own clock: then the clock stays where it is (the event
 * is still stored and ordered by its stamp; only this clock refuses to jump to it).
 */
export function receive(state: HlcState, remote: string, wallNow: number, maxAheadMs = MAX_CLOCK_AHEAD_MS): ReceiveResult {
  const r = parse(remote);
  if (!r) return { state, driftMs: 0, drifted: false, ignored: true };
  if (r.millis > wallNow + maxAheadMs) return { state, driftMs: r.millis - wallNow, drifted: true, ignored: true };
  const millis = Math.max(state.millis, r.millis, wallNow);
  let counter: number;
  if (millis === state.millis && millis === r.millis) counter = Math.max(state.counter, r.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === r.millis) counter = r.counter + 1;
  else counter = 0;
  let m = millis;
  if (counter > MAX_COUNTER) {
    m += 1;
    counter = 0;
  }
  const driftMs = r.millis - wallNow;
  return {
    state: { millis: m, counter, node: state.node },
    driftMs,
    drifted: Math.abs(driftMs) > DRIFT_WARNING_MS,
  };
}

/** Total order used everywhere events are merged: HLC, then station, then event id. */
export function compareEvents(
  a: { hlc: string; stationId: string; id: string },
  b: { hlc: string; stationId: string; id: string },
): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.stationId !== b.stationId) return a.stationId < b.stationId ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
