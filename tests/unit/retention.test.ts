// Data retention on a station (#19.5, station/retention.ts): from the retention day, on its own
// clock and with no registry in reach, a station deletes every name, code, note, photo and
// scanned text down to the bytes of its database, write-ahead log and index, and keeps the
// anonymous counts of the occupancy report; every screen says so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/api/index';
import type { StationStatus } from '../../core/api/checkin';
import { putPhoto } from '../../db/photos';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { applyRetention } from '../../station/retention';
import { setSetting } from '../../db/settings';
import { newSyncClient, syncClientFor } from '../../station/sync/index';
import { testJpeg } from '../helpers/photos';
import { demoCodes, freshStation } from '../helpers/station';

const GIVEN = 'Quillonwyth';
const FAMILY = 'Retentionova';
const NOTE = 'Escort Retentionova via side door';

let station: Station;
let dir: string;
let clock = 0;
const handlers = createHandlers({ now: () => clock });
const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
  const r = (await dispatch(handlers, station, method, args)) as ApiResponse<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
};

/** Files of the data folder whose bytes contain `needle` (UTF-8). */
function filesContaining(needle: string | Buffer): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (fs.readFileSync(p).includes(typeof needle === 'string' ? Buffer.from(needle) : needle)) hits.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return hits;
}

const counts = () => ({
  admissions: station.db.sqlite.prepare('select day, count(*) n from admissions group by day order by day').all(),
  people: station.db.sqlite.prepare('select count(distinct attendee_id) n from admissions').get(),
  stays: station.db.sqlite.prepare('select room_id, count(*) n, count(distinct attendee_id) people from occupancy_stays group by room_id order by room_id').all(),
  events: station.db.sqlite.prepare('select kind, verdict, count(*) n from events group by kind, verdict order by kind, verdict').all(),
});

beforeEach(async () => {
  ({ station, dir } = freshStation({ stationName: 'Desk 1' }));
  const days = station.eventInfo().days;
  clock = Date.parse(`${days[0]}T09:00:00Z`);
  await call('desk.walkin', { form: { givenName: GIVEN, familyName: FAMILY, organisation: 'Retained Org', category: 'ngo' } });
  for (const c of demoCodes(station, 8)) await call('checkin.scan', { text: c.code });
  const walkin = station.db.sqlite.prepare('select id from attendees where family_name = ?').get(FAMILY) as { id: string };
  await call('desk.note', { attendeeId: walkin.id, notes: NOTE });
  station.write(() => putPhoto(station.db.orm, walkin.id, testJpeg(40, 40)));
  const rooms = await call<{ rooms: { id: string }[] }>('occupancy.rooms');
  await call('occupancy.export', { kind: 'series_csv', roomId: rooms.rooms[0]!.id });
  // The organiser's retention day, as sync brings it with the event (the day after the last one).
  const last = [...days].sort().at(-1)!;
  const next = new Date(Date.parse(`${last}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  station.db.sqlite.prepare('update event set retention_date = ?').run(next);
  station.invalidate();
});
afterEach(() => station.close());

describe('data retention on a station', () => {
  it('deletes every name, code, note and photo from every file on the retention day, on its own clock, and keeps the counts', async () => {
    const names = (station.db.sqlite.prepare('select family_name f from attendees where length(family_name) >= 6 limit 40').all() as { f: string }[]).map((r) => r.f);
    const codes = demoCodes(station, 8).map((c) => c.code);
    // The registration ids of the people scanned: the log keeps their visits under stand-ins that nothing links back.
    const ids = demoCodes(station, 8).map((c) => c.attendeeId);
    const photo = (station.db.sqlite.prepare('select jpeg from attendee_photos').get() as { jpeg: Buffer }).jpeg;
    // What sync set aside names registrations too (a skipped download, a refused upload).
    station.write(() => {
      setSetting(station.db.orm, 'sync.skipped', [{ type: 'attendee', id: ids[1], reason: 'bad row', at: 1 }]);
      setSetting(station.db.orm, 'sync.rejected', [{ eventId: 'e1', seq: 1, reason: `walk-in ${ids[2]}`, at: 1 }]);
    });
    const before = counts();
    expect(filesContaining(FAMILY).length).toBeGreaterThan(0); // really on disk before
    expect(filesContaining(codes[0]!).length).toBeGreaterThan(0);

    // The day before: nothing happens.
    const retentionDay = (station.db.sqlite.prepare('select retention_date d from event').get() as { d: string }).d;
    clock = Date.parse(`${retentionDay}T00:00:00Z`) - 3 * 3_600_000 - 1;
    expect((await call<StationStatus>('station.status')).retention).toBeNull();

    // Never paired, no network: the station deletes by itself once its clock reaches the day.
    clock = Date.parse(`${retentionDay}T12:00:00Z`);
    const st = await call<StationStatus>('station.status');
    expect(st.retention).toEqual({ date: retentionDay, at: clock });
    expect(st.attendees).toBe(0);

    for (const needle of [GIVEN, FAMILY, NOTE, 'Retained Org', ...names, ...codes, ...ids]) expect(filesContaining(needle), needle).toEqual([]);
    // The name search's index (FTS5) keeps folded, lower-case terms, each stored after the part it
    // shares with the term before it: a deleted row's terms stay in its segments until rebuilt.
    const tails = (s: string) => Array.from({ length: s.length - 5 }, (_, i) => s.toLowerCase().slice(i));
    for (const needle of [...tails(GIVEN), ...tails(FAMILY)]) expect(filesContaining(needle), needle).toEqual([]);
    expect(filesContaining(photo.subarray(photo.length / 2, photo.length / 2 + 32))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'exports'))).toBe(false);
    // The -wal is emptied (checkpointed and truncated), not left holding the old pages.
    expect(fs.statSync(path.join(dir, 'foyer.sqlite-wal')).size).toBe(0);

    // The occupancy report's numbers are unchanged: same days, rooms, visits and different people.
    expect(counts()).toEqual(before);

    // It stays done, and sync stands still and says why.
    const sync = newSyncClient(station, { live: false });
    const rep = await sync.syncNow();
    sync.stop();
    expect(rep.message).toMatch(new RegExp(`Personal data deleted on ${retentionDay} per the retention setting`));
    station.close();
    for (const needle of [FAMILY, ...names.slice(0, 10), codes[0]!]) expect(filesContaining(needle), needle).toEqual([]);
    station = openStation(dir);
    expect((await call<StationStatus>('station.status')).retention).toEqual({ date: retentionDay, at: Date.parse(`${retentionDay}T12:00:00Z`) });
  });
});

describe('data retention and a wrong clock', () => {
  it("a laptop whose clock runs a day fast does not delete on the event's last day when the registry's clock said otherwise", async () => {
    const retentionDay = (station.db.sqlite.prepare('select retention_date d from event').get() as { d: string }).d;
    clock = Date.parse(`${retentionDay}T12:00:00Z`); // a day fast: really the last day of the event
    syncClientFor(station).clock.measure(clock, clock, clock - 86_400_000); // as the registry's last answer measured it
    expect((await call<StationStatus>('station.status')).retention).toBeNull();
    expect(station.db.sqlite.prepare("select count(*) n from attendees where family_name = ?").get(FAMILY)).toEqual({ n: 1 });
    // A day later by the registry's clock, it is the retention day: deleted.
    clock += 86_400_000;
    expect((await call<StationStatus>('station.status')).retention).toMatchObject({ date: retentionDay });
  });
});

describe('data retention before the event arrives', () => {
  it("a station paired but still without its event (first download to come) has nothing to delete (the check the sync cycle makes does not throw)", () => {
    const fresh = openStation(fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-retention-empty-')), { stationName: 'New desk' });
    try {
      expect(applyRetention(fresh, Date.now())).toBeNull();
    } finally {
      fresh.close();
    }
  });
});
