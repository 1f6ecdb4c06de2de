// One person's day, replayed in the total event order: which door scans opened or closed a
// stay, which were double scans, which exits were unmatched. Everything the counts need
// follows from these stays, so a late event only ever re-plays one person's day.
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

export interface PersonTrack {
  stays: Stay[];
  /** Effect of each of the person's door events, by event id. */
  effects: Map<string, Effect>;
}

type Item = { key: string; at: number; event: OccEvent | null; sweep: SweepMark | null };

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
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const stays: Stay[] = [];
  const effects = new Map<string, Effect>();
  let open: Stay | null = null;
  /** Per room: when and how the person's last stay there ended. */
  const lastOut = new Map<string, { at: number; by: Stay['outBy'] }>();

  const close = (at: number, key: string, eventId: string | null, by: NonNullable<Stay['outBy']>) => {
    if (!open) return;
    open.outAt = at;
    open.outKey = key;
    open.outEventId = eventId;
    open.outBy = by;
    lastOut.set(open.roomId, { at, by });
    open = null;
  };

  for (const it of items) {
    if (it.sweep) {
      if (open && open.roomId === it.sweep.roomId) close(it.at, it.key, it.sweep.id, 'sweep');
      continue;
    }
    const e = it.event!;
    const room = e.roomId;
    if (!room || !isCounted(e)) {
      effects.set(e.id, 'refused');
      continue;
    }
    const insideHere: boolean = open !== null && (open as Stay).roomId === room;
    const last = lastOut.get(room);
    let mode = doorModeOf(e);
    if (mode === 'toggle') {
      if (insideHere) {
        // A second toggle scan right after entering is the same passage, not a way out.
        if (it.at - (open as Stay).inAt < DUPLICATE_WINDOW_MS) {
          effects.set(e.id, 'duplicate');
          continue;
        }
        mode = 'exit';
      } else {
        if (last && last.by === 'exit' && it.at - last.at < DUPLICATE_WINDOW_MS) {
          effects.set(e.id, 'duplicate');
          continue;
        }
        mode = 'entry';
      }
    }
    if (mode === 'entry') {
      if (insideHere) {
        effects.set(e.id, 'repeat');
        continue;
      }
      // Nobody is in two rooms at once: entering here ends a stay elsewhere.
      if (open) close(it.at, it.key, e.id, 'moved');
      open = { id: e.id, attendeeId, day, roomId: room, inKey: it.key, inAt: it.at, outEventId: null, outKey: null, outAt: null, outBy: null };
      stays.push(open);
      effects.set(e.id, 'in');
    } else if (insideHere) {
      close(it.at, it.key, e.id, 'exit');
      effects.set(e.id, 'out');
    } else if (last && last.by === 'exit' && it.at - last.at < DUPLICATE_WINDOW_MS) {
      effects.set(e.id, 'duplicate');
    } else if (last && last.by === 'sweep' && it.at - last.at < SWEEP_GRACE_MS) {
      effects.set(e.id, 'after_sweep');
    } else {
      effects.set(e.id, 'unmatched_exit');
    }
  }
  return { stays, effects };
}
