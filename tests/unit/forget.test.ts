// "Forget this event": the station deletes everything it held about the event (database,
// WAL/SHM, exports, badge PDFs) and starts again as a new station in the same folder; it
// refuses while scans have not reached a paired registry, unless confirmed twice.
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/api/index';
import type { ForgetResult } from '../../core/api/station-data';
import { events } from '../../db/schema/index';
import { setSetting } from '../../db/settings';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { LINK } from '../../station/sync/link';
import { demoCodes, freshStation } from '../helpers/station';

// A name that exists nowhere in the demo event, so finding its bytes means it was not wiped.
const GIVEN = 'Quillonwyth';
const FAMILY = 'Forgetmenotova';

let station: Station;
let dir: string;
const handlers = createHandlers();
const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
  const r = (await dispatch(handlers, station, method, args)) as ApiResponse<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};

/** Every file under the data folder whose bytes contain `needle` (UTF-8). */
function filesContaining(needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (fs.readFileSync(p).includes(Buffer.from(needle))) hits.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return hits;
}

beforeEach(async () => {
  ({ station, dir } = freshStation({ stationName: 'North door' }));
  await call('desk.walkin', { form: { givenName: GIVEN, familyName: FAMILY, organisation: 'Forgotten Org', category: 'ngo' } });
  for (const c of demoCodes(station, 5)) await call('checkin.scan', { text: c.code });
  const rooms = await call<{ rooms: { id: string }[] }>('occupancy.rooms');
  await call('occupancy.export', { kind: 'series_csv', roomId: rooms.rooms[0]!.id });
  const walkin = station.db.sqlite.prepare('select id from attendees where family_name = ?').get(FAMILY) as { id: string };
  await call('badges.pdf', { attendeeId: walkin.id, template: 'cr80' });
});
afterEach(() => station.close());

describe('forget this event', () => {
  it('deletes the database, WAL/SHM, exports and badge PDFs, and starts again as a new station in the same folder', async () => {
    const oldId = station.id;
    fs.writeFileSync(path.join(dir, 'operator-notes.txt'), 'not Foyer’s file');
    expect(filesContaining(FAMILY).length).toBeGreaterThan(0); // the walk-in is really on disk
    expect(fs.readdirSync(path.join(dir, 'exports'))).not.toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'badges'))).not.toEqual([]);

    const r = await call<ForgetResult>('station.forget', { confirm: true });
    expect(r).toMatchObject({ forgotten: true, unsynced: 0 });
    expect(r.message).toMatch(/deleted/);

    expect(filesContaining(FAMILY)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'exports'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'badges'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'operator-notes.txt'), 'utf8')).toBe('not Foyer’s file');
    // A new identity (its sequence starts again at 1, so it must not reuse the old id), same name.
    expect(station.id).not.toBe(oldId);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'station.json'), 'utf8')).stationId).toBe(station.id);
    expect(station.config().name).toBe('North door');
    expect(station.db.orm.select({ n: count() }).from(events).get()!.n).toBe(0);
    expect(await call<{ hits: unknown[] }>('attendees.search', { query: FAMILY })).toEqual({ hits: [], more: 0 });

    // The same object keeps working for both transports: the next scan is the new station's first.
    const scan = await call<{ verdict: string; eventId: string }>('checkin.scan', { text: demoCodes(station, 1)[0]!.code });
    expect(scan.verdict).toBe('admitted');
    expect(station.db.sqlite.prepare('select seq, station_id as s from events').all()).toEqual([{ seq: 1, s: station.id }]);
    const status = await call<{ outbox: number; checkedInToday: number }>('station.status');
    expect(status).toMatchObject({ outbox: 1, checkedInToday: 1 });
  });

  it('refuses while scans have not reached the paired registry, names how many, and deletes only when confirmed again', async () => {
    station.write(() => setSetting(station.db.orm, LINK, { url: 'http://127.0.0.1:9', token: 'x'.repeat(43), eventId: null, pairedAt: 1 }));
    const waiting = station.db.sqlite.prepare('select count(*) as n from events where pushed_at is null').get() as { n: number };
    expect(waiting.n).toBeGreaterThan(0);

    const first = await call<ForgetResult>('station.forget', { confirm: true });
    expect(first).toMatchObject({ forgotten: false, needsSecondConfirmation: true, unsynced: waiting.n });
    expect(first.message).toContain(`${waiting.n} scans of this station have not reached the registry`);
    expect(filesContaining(FAMILY).length).toBeGreaterThan(0); // nothing was deleted

    const second = await call<ForgetResult>('station.forget', { confirm: true, discardUnsynced: true });
    expect(second).toMatchObject({ forgotten: true, unsynced: waiting.n });
    expect(second.message).toContain(`including ${waiting.n} scans that never reached the registry`);
    expect(filesContaining(FAMILY)).toEqual([]);
    // The new station is not paired to the old registry.
    expect((await call<{ paired: boolean }>('sync.status')).paired).toBe(false);
  });

  it('once everything is uploaded, a paired station forgets after one confirmation', async () => {
    station.write(() => {
      setSetting(station.db.orm, LINK, { url: 'http://127.0.0.1:9', token: 'x'.repeat(43), eventId: null, pairedAt: 1 });
      station.db.sqlite.prepare('update events set pushed_at = 1').run();
    });
    expect(await call<ForgetResult>('station.forget', { confirm: true })).toMatchObject({ forgotten: true, unsynced: 0 });
  });

  it('does nothing without the explicit confirmation flag', async () => {
    for (const args of [{}, { confirm: false }, { confirm: 'yes' }, { confirm: true, extra: 1 }]) {
      const r = await dispatch(handlers, station, 'station.forget', args);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    }
    expect(filesContaining(FAMILY).length).toBeGreaterThan(0);
  });
});
