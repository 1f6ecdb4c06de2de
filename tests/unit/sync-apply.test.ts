// A download applies what the organiser changed at the registry, every time: a room or session
// the station already holds is updated in place (an upsert), and the door reads the new values.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Change } from '../../core/sync/protocol';
import { getRoom, listSessions } from '../../db/occupancy/read';
import type { Station } from '../../station/station';
import { applyPage } from '../../station/sync/apply';
import { freshStation } from '../helpers/station';

let station: Station;
beforeEach(() => {
  ({ station } = freshStation());
});
afterEach(() => station.close());

const room = (capacity: number, seq: number): Change => ({
  type: 'room',
  seq,
  data: { id: 'hall-b', name: 'Hall B', capacity, warnPct: 80, criticalPct: 95, fullPolicy: 'refuse', allowedCategories: null, floor: '1' },
});
const session = (title: string, seq: number): Change => ({
  type: 'session',
  seq,
  data: { id: 'plenary-2', roomId: 'hall-b', title, startsAt: 1, endsAt: 2, allowedCategories: null, invited: null },
});

it('a room and a session changed again at the registry are updated at the door, page after page', async () => {
  await applyPage(station, [room(120, 1), session('Plenary', 2)], '1:2', Date.now);
  expect(getRoom(station.db.orm, 'hall-b')?.capacity).toBe(120);
  // The fire officer lowers the limit; the programme renames the session.
  await applyPage(station, [room(90, 3), session('Plenary II', 4)], '1:4', Date.now);
  expect(getRoom(station.db.orm, 'hall-b')?.capacity).toBe(90);
  expect(listSessions(station.db.orm).find((s) => s.id === 'plenary-2')?.title).toBe('Plenary II');
});
