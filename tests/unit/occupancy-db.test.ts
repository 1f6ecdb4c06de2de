// Occupancy on a station database: the derived tables kept by the insertEvent hook equal a
// full recompute from the log and the reference model, whatever order events arrive in.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOccupancy } from '../../core/occupancy/model';
import { orderKey } from '../../core/occupancy/types';
import { insertEvent } from '../../db/events';
import { client, rebuildOccupancy } from '../../db/occupancy/derive';
import { prng } from '../../resources/demo/generate';
import { openStation, type Station } from '../../station/station';
import { arbDoorDay, derivedSnapshot as snapshot, shuffled, type DoorEvent } from '../helpers/occupancy';
import { tempDir } from '../helpers/station';

let station: Station;
beforeAll(() => {
  station = openStation(tempDir());
});
afterAll(() => station.close());

function reset(s: Station) {
  const db = client(s.db.orm);
  s.write(() => {
    db.prepare("DELETE FROM events WHERE kind IN ('room_entry', 'room_exit', 'counter', 'sweep')").run();
    rebuildOccupancy(s.db.orm);
  });
}

/** Inserts the events as sync would: in the given order, in batches of a few per transaction. */
function insertAll(s: Station, events: DoorEvent[], batch: number) {
  for (let i = 0; i < events.length; i += batch) {
    s.write(() => {
      for (const e of events.slice(i, i + batch)) insertEvent(s.db.orm, e, e.wallTime);
    });
  }
}

describe('derived occupancy tables', () => {
  it('incremental updates in any arrival order equal a full recompute and the reference model', () => {
    fc.assert(
      fc.property(arbDoorDay, fc.integer(), fc.integer({ min: 1, max: 7 }), (events, seed, batch) => {
        reset(station);
        insertAll(station, shuffled(events, prng(seed)), batch);
        // Replayed batches (sync retries) change nothing.
        insertAll(station, shuffled(events, prng(seed + 1)).slice(0, 5), batch);
        const incremental = snapshot(station);
        station.write(() => rebuildOccupancy(station.db.orm));
        const full = snapshot(station);
        expect(incremental).toEqual(full);
        const m = computeOccupancy(events);
        const rooms = incremental.occupancy_rooms as { room_id: string; day: string; inside: number; tally: number; arrivals: number; uniq: number; flagged: number }[];
        expect(rooms.map((r) => [r.room_id, r.inside, r.tally, r.arrivals, r.uniq, r.flagged])).toEqual(
          [...m.rooms.values()].map((r) => [r.roomId, r.inside, r.tally, r.arrivals, r.unique, r.flagged]),
        );
        expect(incremental.occupancy_stays).toHaveLength(m.stays.length);
      }),
      { numRuns: 60 },
    );
  });

  it('events arriving in order (the one-step fast path), with a few late ones, equal a full recompute', () => {
    fc.assert(
      fc.property(arbDoorDay, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 3 }), (events, batch, late) => {
        reset(station);
        const inOrder = [...events].sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : 1));
        // The last `late` events of the order arrive first (a station that synced late).
        const order = late ? [...inOrder.slice(-late), ...inOrder.slice(0, -late)] : inOrder;
        insertAll(station, order, batch);
        const incremental = snapshot(station);
        station.write(() => rebuildOccupancy(station.db.orm));
        expect(incremental).toEqual(snapshot(station));
      }),
      { numRuns: 80 },
    );
  });

  it('a rolled-back transaction leaves no trace in the derived tables', () => {
    reset(station);
    const before = snapshot(station);
    const [e] = fc.sample(arbDoorDay.filter((x) => x.some((y) => y.kind === 'room_entry' && y.verdict === 'admitted')), { numRuns: 1, seed: 4 });
    expect(() =>
      station.write(() => {
        for (const x of e!) insertEvent(station.db.orm, x, x.wallTime);
        throw new Error('disk went away');
      }),
    ).toThrow('disk went away');
    expect(snapshot(station)).toEqual(before);
  });
});
