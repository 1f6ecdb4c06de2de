// Loads a whole event (event, rooms, sessions, attendees, badge codes) into the station
// database in one go: the demo event (resources/demo/seed.ts), tests and benchmarks. A paired
// station's first download arrives as sync changes instead (station/sync/apply.ts).
import type { EventBundle } from '../core/event-bundle';
import { countAttendees, upsertAttendees, upsertBadgeCodes } from './attendees';
import type { Orm } from './connection';
import { event as eventTable, rooms, sessions } from './schema/index';
import { bulkSearchIndex } from './search';

export function loadEventBundle(orm: Orm, b: EventBundle, now: number): void {
  orm.delete(eventTable).run();
  orm.insert(eventTable).values(b.event).run();
  for (const r of b.rooms) {
    const { id, ...rest } = r;
    orm.insert(rooms).values(r).onConflictDoUpdate({ target: rooms.id, set: rest }).run();
  }
  for (const s of b.sessions) {
    const { id, ...rest } = s;
    orm.insert(sessions).values(s).onConflictDoUpdate({ target: sessions.id, set: rest }).run();
  }
  // Into an empty station the name index is built once after the rows, not row by row through
  // its trigger (db/search.ts; a first download does the same): 100,000 people load in a third of the time.
  const bulk = countAttendees(orm) === 0;
  if (bulk) bulkSearchIndex(orm, 'start');
  upsertAttendees(
    orm,
    b.attendees.map(({ badgeCode: _code, ...a }) => ({ ...a, badgeVersion: 1, source: 'registry', updatedAt: now })),
  );
  if (bulk) bulkSearchIndex(orm, 'finish');
  upsertBadgeCodes(
    orm,
    b.attendees.map((a) => ({ code: a.badgeCode, attendeeId: a.id, badgeVersion: 1 })),
  );
}
