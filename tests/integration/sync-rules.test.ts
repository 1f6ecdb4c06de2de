// The sync rules people rely on, each against a real registry process and station cores
// with their own SQLite files (docs/sync-protocol.md, "Conflict rules").
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { findByBadgeCode, getAttendee } from '../../db/attendees';
import { admissions, attendees, events, stations as stationsTable } from '../../db/schema/index';
import { getSetting } from '../../db/settings';
import { checkIn } from '../../station/checkin';
import { registerWalkin } from '../../station/desk';
import { syncHandlers } from '../../station/handlers/sync';
import type { Station } from '../../station/station';
import { SyncClient, REVOKED_MESSAGE } from '../../station/sync/client';
import { pairStation } from '../../station/sync/pair';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes, freshStation } from '../helpers/station';

const demo = useDemoRegistry('foyer-reg-rules-');
const { opened, clients } = demo;
const pairedStation = (name: string, opts: Parameters<typeof demo.pairedStation>[1] = {}) => demo.pairedStation(name, opts);

describe('sync rules', () => {
  it('the same badge admitted offline at two entrances: both kept, the earliest is the check-in, both stations flag "admitted twice"', async () => {
    const a = await pairedStation('North entrance');
    const b = await pairedStation('South entrance');
    await a.client.syncNow();
    await b.client.syncNow();
    const [{ code, attendeeId }] = demoCodes(a.station, 400).filter((c) => getAttendee(a.station.db.orm, c.attendeeId)?.status === 'active' && !getAttendee(a.station.db.orm, c.attendeeId)?.validDays && !getAttendee(a.station.db.orm, c.attendeeId)?.notes).slice(-1) as unknown as [{ code: string; attendeeId: string }];
    // Both doors are offline from each other: each admits the person as a first entry.
    const t = Date.now();
    const first = checkIn(a.station, code, t);
    const second = checkIn(b.station, code, t + 1000);
    expect(first.verdict).toBe('admitted');
    expect(second.verdict).toBe('admitted');
    await a.client.syncNow();
    await b.client.syncNow();
    await a.client.syncNow();
    for (const s of [a.station, b.station]) {
      const evs = s.db.orm.select().from(events).where(eq(events.attendeeId, attendeeId)).all();
      expect(evs.map((e) => e.id).sort()).toEqual([first.eventId, second.eventId].sort());
      const adm = s.db.orm.select().from(admissions).where(eq(admissions.attendeeId, attendeeId)).get();
      expect(adm?.eventId).toBe(first.eventId); // earlier HLC wins, whoever synced first
      expect(adm?.conflict).toBe(true);
      const conflicts = await syncHandlers()['sync.conflicts']({ limit: 10 }, s);
      expect(conflicts.map((c) => c.attendeeId)).toContain(attendeeId);
      expect(conflicts.find((c) => c.attendeeId === attendeeId)?.first.stationName).toBe('North entrance');
    }
  });

  it('registry edits to attendees win over the station copy', async () => {
    const a = await pairedStation('Desk A');
    await a.client.syncNow();
    const [{ attendeeId, code: oldCode }] = demoCodes(a.station, 1) as unknown as [{ attendeeId: string; code: string }];
    await demo.reg.admin('PATCH', `/v1/admin/attendees/${attendeeId}`, { givenName: 'Renamed-By-Organiser', notes: 'Speaker: collect slides', badgeCodes: ['REPRINTED-0001'] });
    const rep = await a.client.syncNow();
    expect(rep.ok).toBe(true);
    const row = getAttendee(a.station.db.orm, attendeeId);
    expect(row?.givenName).toBe('Renamed-By-Organiser');
    expect(row?.notes).toBe('Speaker: collect slides');
    // A code the organiser replaced stops working at the door; the new one works.
    expect(findByBadgeCode(a.station.db.orm, oldCode)).toBeUndefined();
    expect(findByBadgeCode(a.station.db.orm, 'REPRINTED-0001')?.attendee.id).toBe(attendeeId);
  });

  it('a walk-in registered at one station gets a UUID, syncs up, and reaches the other stations', async () => {
    const a = await pairedStation('Walk-in desk');
    const b = await pairedStation('Door 7');
    // The desk's real walk-in flow: a UUID made at the station, a 'walkin' event in the log.
    const form = { givenName: 'Zoë', familyName: 'Walk-In', organisation: 'Press', delegation: '', country: '', category: 'media' as const, days: 'all' as const, notes: '' };
    const w = registerWalkin(a.station, form, Date.now(), { checkIn: false, allowDuplicates: true });
    if (w.status !== 'registered') throw new Error('walk-in not registered');
    const id = w.attendee.id;
    await a.client.syncNow();
    await b.client.syncNow();
    const got = getAttendee(b.station.db.orm, id);
    expect(got?.givenName).toBe('Zoë');
    expect(got?.category).toBe('media');
    expect(got?.source).toBe('walkin');
    expect(findByBadgeCode(b.station.db.orm, w.badgeCode)?.attendee.id).toBe(id); // the printed walk-in badge works at B
    const list = await demo.reg.admin<{ id: string; source: string }[]>('GET', `/v1/admin/attendees?q=Walk-In`);
    expect(list.find((x) => x.id === id)?.source).toBe('walkin');
  });

  it('a revoked station is refused at once and says so plainly; its scans stay queued', async () => {
    const a = await pairedStation('Lost laptop');
    expect((await a.client.syncNow()).ok).toBe(true);
    const stations = await demo.reg.admin<{ id: string }[]>('GET', '/v1/admin/stations');
    expect(stations.map((s) => s.id)).toContain(a.station.id);
    await demo.reg.admin('POST', `/v1/admin/stations/${a.station.id}/revoke`, {});
    const [{ code }] = demoCodes(a.station, 1) as unknown as [{ code: string }];
    checkIn(a.station, code, Date.now());
    const rep = await a.client.syncNow();
    expect(rep.ok).toBe(false);
    expect(rep.state).toBe('error');
    expect(rep.message).toBe(REVOKED_MESSAGE);
    expect(a.station.syncStatus().message).toBe(REVOKED_MESSAGE);
    const outbox = a.station.db.orm.select({ n: count() }).from(events).where(eq(events.stationId, a.station.id)).get()?.n;
    expect(outbox).toBeGreaterThan(0);
  });

  it('revoking a station closes its live channel at once, and it stops retrying', async () => {
    const a = await pairedStation('Stolen laptop', { live: true, pollMs: 600_000 });
    a.client.start();
    for (let i = 0; i < 200 && !a.client.liveConnected; i++) await new Promise((r) => setTimeout(r, 25));
    expect(a.client.liveConnected).toBe(true);
    await demo.reg.admin('POST', `/v1/admin/stations/${a.station.id}/revoke`, {});
    for (let i = 0; i < 200 && a.client.state !== 'error'; i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 500)); // nothing further should happen
    expect(a.client.liveConnected).toBe(false);
    expect(a.client.state).toBe('error');
    expect(a.client.statusLine().message).toBe(REVOKED_MESSAGE);
    expect(a.client.nextAttemptAt).toBeNull();
    a.client.stop();
  });

  it('pairing keeps the door this station was set to, and takes the name the operator gave it', async () => {
    const { station } = freshStation({ stationName: 'Laptop 12' });
    opened.push(station);
    station.db.orm.update(stationsTable).set({ role: 'door', roomId: 'festsaal', doorMode: 'entry' }).where(eq(stationsTable.id, station.id)).run();
    station.invalidate();
    const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Festsaal door A' });
    expect((await pairStation(station, demo.reg.url, code)).paired).toBe(true);
    const client = new SyncClient(station, { live: false });
    clients.push(client);
    expect((await client.syncNow()).ok).toBe(true);
    const cfg = station.config();
    expect([cfg.name, cfg.role, cfg.roomId, cfg.doorMode]).toEqual(['Festsaal door A', 'door', 'festsaal', 'entry']);
  });

  it('a failing upload never blocks the download', async () => {
    const failingPush: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/sync/push')) return new Response('{"error":{"code":"x","message":"down"}}', { status: 503 });
      return fetch(input, init);
    };
    const a = await pairedStation('Desk with broken upload', { fetch: failingPush });
    const [{ code }, { attendeeId }] = demoCodes(a.station, 2) as unknown as [{ code: string }, { attendeeId: string }];
    checkIn(a.station, code, Date.now());
    await demo.reg.admin('PATCH', `/v1/admin/attendees/${attendeeId}`, { organisation: 'Changed while upload fails' });
    const rep = await a.client.syncNow();
    expect(rep.ok).toBe(false);
    expect(rep.pulled).toBeGreaterThan(0);
    expect(getAttendee(a.station.db.orm, attendeeId)?.organisation).toBe('Changed while upload fails');
    expect(a.station.db.orm.select({ n: count() }).from(events).where(eq(events.stationId, a.station.id)).get()?.n).toBeGreaterThan(0);
  });

  it('the first download is paged and resumes after an interruption where it stopped', async () => {
    let pulls = 0;
    let cut = true;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/sync/pull') && cut && ++pulls > 3) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    // A fresh station of another event: nothing of the registry's list is there yet.
    const { station } = freshStation({ stationName: 'Late desk', demo: true });
    opened.push(station);
    const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', {});
    expect((await pairStation(station, demo.reg.url, code)).paired).toBe(true);
    const client = new SyncClient(station, { live: false, pageSize: 100, fetch: flaky });
    clients.push(client);
    const r1 = await client.syncNow();
    expect(r1.ok).toBe(false);
    expect(r1.state).toBe('offline');
    const cursorAfterCut = getSetting<string>(station.db.orm, 'sync.cursor')!;
    expect(Number(cursorAfterCut.slice(2))).toBeGreaterThan(0);
    cut = false;
    const r2 = await client.syncNow();
    expect(r2.ok).toBe(true);
    const status = await demo.reg.admin<{ attendees: number }>('GET', '/v1/admin/status');
    const local = station.db.orm.select({ n: count() }).from(attendees).where(eq(attendees.source, 'registry')).get()?.n ?? 0;
    expect(local).toBeGreaterThanOrEqual(status.attendees - 5); // walk-ins from other tests are source 'walkin'
    expect(r2.pulled).toBeLessThan(status.attendees); // resumed, not started over
  });

  it('a station whose clock is 5 minutes off shows a warning, and its scans still sort after what it saw', async () => {
    const skewed = () => Date.now() + 5 * 60_000;
    const a = await pairedStation('Fast clock', { now: skewed });
    await a.client.syncNow();
    expect(a.client.clockWarning()).toBe(true);
    expect(a.client.statusLine().message).toMatch(/clock is 5 minutes ahead of the registry/);
    const status = await syncHandlers({ now: skewed })['sync.status']({}, a.station);
    expect(status.clockWarning).toBe(true);
    const b = await pairedStation('Normal clock');
    await b.client.syncNow();
    const [{ code }] = demoCodes(a.station, 3).slice(2) as unknown as [{ code: string }];
    const ahead = checkIn(a.station, code, skewed());
    await a.client.syncNow();
    await b.client.syncNow();
    // B saw an event stamped 5 minutes in its future; its next stamp still sorts after it.
    const later = checkIn(b.station, code, Date.now());
    expect(later.hlc! > ahead.hlc!).toBe(true);
    expect(b.client.clockWarning()).toBe(false);
  });

  it('a scan at one door reaches another station through a live poke, without polling', async () => {
    const a = await pairedStation('Poke sender', { live: true, pollMs: 600_000 });
    const b = await pairedStation('Poke receiver', { live: true, pollMs: 600_000 });
    a.client.start();
    b.client.start();
    await a.client.syncNow();
    await b.client.syncNow();
    for (let i = 0; i < 100 && !(a.client.liveConnected && b.client.liveConnected); i++) await new Promise((r) => setTimeout(r, 50));
    const [{ code }] = demoCodes(a.station, 4).slice(3) as unknown as [{ code: string }];
    const r = checkIn(a.station, code, Date.now());
    a.station.emit('scan');
    const t0 = Date.now();
    let seen = false;
    while (!seen && Date.now() - t0 < 10_000) {
      seen = !!b.station.db.orm.select().from(events).where(eq(events.id, r.eventId!)).get();
      if (!seen) await new Promise((x) => setTimeout(x, 20));
    }
    expect(seen).toBe(true);
    a.client.stop();
    b.client.stop();
  });
});

afterAll(() => {
  // temp folders are left to the OS (they hold only test data)
  void fs;
});
