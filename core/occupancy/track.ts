// One person's day, replayed in the total event order: which door scans opened or closed a
// stay, which were double scans, which exits were unmatched. Everything the counts need
// follows from these stays, so a late event only ever re-plays one person's day.
// (No closures in here: it runs once per person-day of a full recompute.)
import {
  DUPLICATE_WINDOW_MS,
  SWEEP_GRACE_MS,
  doorModeOf,
  hlcMillis,
  isCounted,
  orderKey,
  type Effect,
  type OccEvent,
  type Stay,
  type SweepMark,
} from './types';

export interface TrackedEvent {
  event: OccEvent;
  key: string;
  effect: Effect;
}

export interface PersonTrack {
  stays: Stay[];
  /** The person's door events in order, each with what it did. */
  effects: TrackedEvent[];
}

interface Item {
  key: string;
  at: number;
  event: OccEvent | null;
  sweep: SweepMark | null;
}

export interface PersonState {
  open: Stay | null;
  /** Per room: when and how the person's last stay there ended. */
  lastOut: Map<string, { at: number; by: Stay['outBy'] }>;
}
type State = PersonState;

/** Key order; the HLC millis lead the key, so comparing them first is the same order, faster. */
function byKey(a: Item, b: Item): number {
  return a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function close(st: State, at: number, key: string, eventId: string | null, by: NonNullable<Stay['outBy']>): void {
  const open = st.open;
  if (!open) return;
  open.outAt = at;
  open.outKey = key;
  open.outEventId = eventId;
  open.outBy = by;
  st.lastOut.set(open.roomId, { at, by });
  st.open = null;
}

/**
 * @param events the person's door events (room_entry / room_exit) of one day, in any order
 * @param sweeps the sweeps of that day (any rooms, any order)
 */
export function trackPerson(attendeeId: string, day: string, events: readonly OccEvent[], sweeps: readonly SweepMark[]): PersonTrack {
  const items: Item[] = [];
  const rooms = new Set<string>();
  for (const e of events) {
    items.push({ key: orderKey(e), at: hlcMillis(e.hlc), event: e, sweep: null });
    if (e.roomId) rooms.add(e.roomId);
  }
  // Only sweeps of rooms this person scanned at can close one of their stays.
  for (const s of sweeps) if (rooms.has(s.roomId)) items.push({ key: s.key, at: s.at, event: null, sweep: s });
  items.sort(byKey);

  const stays: Stay[] = [];
  const effects: TrackedEvent[] = [];
  const st: State = { open: null, lastOut: new Map() };

  for (const it of items) {
    if (it.sweep) {
      if (st.open && st.open.roomId === it.sweep.roomId) close(st, it.at, it.key, it.sweep.id, 'sweep');
      continue;
    }
    const e = it.event!;
    effects.push({ event: e, key: it.key, effect: step(st, stays, attendeeId, day, e, it) });
  }
  return { stays, effects };
}

/**
 * The state a replay of the person's day stands in after its last item, rebuilt from the stays it
 * made (the open one, and per room the one that closed last). A new event later than everything
 * of that day then needs only one more step (db/occupancy/derive.ts, the in-order fast path).
 * The stays are copied: the step closes the open one in place.
 */
export function stateAfter(stays: readonly Stay[]): { state: PersonState; stays: Stay[] } {
  const copies = stays.map((s) => ({ ...s }));
  const state: PersonState = { open: null, lastOut: new Map() };
  const lastKey = new Map<string, string>();
  for (const s of copies) {
    if (s.outKey === null) state.open = s;
    else if (s.outKey > (lastKey.get(s.roomId) ?? '')) {
      lastKey.set(s.roomId, s.outKey);
      state.lastOut.set(s.roomId, { at: s.outAt!, by: s.outBy });
    }
  }
  return { state, stays: copies };
}

/** One more door event after everything in `st`: its effect; new stays are pushed onto `stays`. */
export function stepPerson(st: PersonState, stays: Stay[], attendeeId: string, day: string, e: OccEvent, key: string): Effect {
  return step(st, stays, attendeeId, day, e, { key, at: hlcMillis(e.hlc), event: e, sweep: null });
}

function step(st: State, stays: Stay[], attendeeId: string, day: string, e: OccEvent, it: Item): Effect {
  const room = e.roomId;
  if (!room || !isCounted(e)) return 'refused';
  const open = st.open;
  const insideHere = open !== null && open.roomId === room;
  const last = st.lastOut.get(room);
  let mode = doorModeOf(e);
  if (mode === 'toggle') {
    if (insideHere) {
      // A second toggle scan right after entering is the same passage, not a way out.
      if (it.at - open.inAt < DUPLICATE_WINDOW_MS) return 'duplicate';
      mode = 'exit';
    } else {
      if (last && last.by === 'exit' && it.at - last.at < DUPLICATE_WINDOW_MS) return 'duplicate';
      mode = 'entry';
    }
  }
  if (mode === 'entry') {
    if (insideHere) return 'repeat';
    // Nobody is in two rooms at once: entering here ends a stay elsewhere.
    if (open) close(st, it.at, it.key, e.id, 'moved');
    const stay: Stay = { id: e.id, attendeeId, day, roomId: room, inKey: it.key, inAt: it.at, outEventId: null, outKey: null, outAt: null, outBy: null };
    st.open = stay;
    stays.push(stay);
    return 'in';
  }
  if (insideHere) {
    close(st, it.at, it.key, e.id, 'exit');
    return 'out';
  }
  if (last && last.by === 'exit' && it.at - last.at < DUPLICATE_WINDOW_MS) return 'duplicate';
  if (last && last.by === 'sweep' && it.at - last.at < SWEEP_GRACE_MS) return 'after_sweep';
  return 'unmatched_exit';
}
