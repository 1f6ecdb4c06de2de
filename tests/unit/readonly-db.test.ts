// A station whose database became read-only (a remounted disk, permissions changed under a
// running station): every scan is refused with a sentence for the desk, nothing is stored,
// and nobody is shown as admitted. The same answer reaches the screen (tests/e2e/station-data.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { demoCodes, freshStation } from '../helpers/station';

let station: Station;
beforeEach(() => {
  ({ station } = freshStation());
});
afterEach(() => station.close());

const counts = () => station.db.sqlite.prepare('select (select count(*) from events) e, (select count(*) from admissions) a').get();

describe('read-only database', () => {
  it('desk and door scans, manual check-in and undo are refused with a sentence; nothing is stored', async () => {
    const handlers = createHandlers();
    const [a, b] = demoCodes(station, 2);
    expect((await dispatch(handlers, station, 'checkin.scan', { text: a!.code })).ok).toBe(true);
    const before = counts();
    station.db.sqlite.pragma('query_only = ON'); // what SQLite reports for a read-only file: SQLITE_READONLY
    const rooms = station.db.sqlite.prepare('select id from rooms limit 1').get() as { id: string };
    const calls: [string, unknown][] = [
      ['checkin.scan', { text: b!.code }],
      ['checkin.attendee', { attendeeId: b!.attendeeId }],
      ['checkin.undo', {}],
      ['occupancy.counter', { roomId: rooms.id, delta: 1 }],
    ];
    for (const [method, args] of calls) {
      const r = await dispatch(handlers, station, method, args);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (!r.ok) expect(r.error.message).toBe('Foyer cannot write to its database: this scan was NOT saved. Call the tech desk.');
    }
    expect(counts()).toEqual(before);
    // Reading still works (search, status), so the desk can still look people up.
    expect((await dispatch(handlers, station, 'station.status', {})).ok).toBe(true);
    station.db.sqlite.pragma('query_only = OFF');
    const ok = await dispatch(handlers, station, 'checkin.scan', { text: b!.code });
    expect(ok.ok && (ok.value as { verdict: string }).verdict).toBe('admitted');
  });
});
