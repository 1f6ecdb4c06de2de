// The sync rules people rely on, each against a real registry process and station cores
// with their own SQLite files (docs/sync-protocol.md, "Conflict rules"). The registry serves
// an event the stations do not hold (another seed: other attendee ids and badge codes), so a
// person found on a station is there because the station downloaded them.
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { findByBadgeCode, getAttendee } from '../../db/attendees';
import { admissions, events, stations as stationsTable } from '../../db/schema/index';
import { getSetting } from '../../db/settings';
import { checkIn } from '../../station/checkin';
import { registerWalkin } from '../../station/desk';
import { checkinHandlers } from '../../station/handlers/checkin';
import { syncHandlers } from '../../station/handlers/sync';
import type { Station } from '../../station/station';
import { notice, noticeText } from '../../core/api/notice';
import { newSyncClient } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { registryAttendees } from '../../testkit/registry-event';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes, freshStation } from '../helpers/station';

const REVOKED_MESSAGE = noticeText(notice('revoked'));

const demo = useDemoRegistry('foyer-reg-rules-', { event: 'other' });
const { opened, clients } = demo;
const pairedStation = (name: string, opts: Parameters<typeof demo.pairedStation>[1] = {}) => demo.pairedStation(name, opts);

/** People of the registry's event (none of them is on a fresh station) who may enter any day. */
const registryPeople = () =>
  demo.published!.attendees.filter((p) => p.status === 'active' && !p.validDays && !p.notes).map((p) => ({ id: p.id, badgeCode: p.badgeCodes[0]! }));

/** This station's own events not yet settled by the registry: its outbox. */
const unsent = (s: Station) =>
  s.db.orm.select({ id: events.id }).from(events).where(and(eq(events.stationId, s.id), isNull(events.pushedAt))).all().map((e) => e.id);

describe('sync rules', () => {
  it('the same badge admitted offline at two entrances: both kept, the earliest is the check-in, both stations flag "admitted twice"', async () => {
    const a = await pairedStation('North entrance');
    const b = await pairedStation('South entrance');
    await a.client.syncNow();
    await b.client.syncNow();
    const { badgeCode: code, id: attendeeId } = registryPeople().at(-1)!;
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
    // The organiser's check-in list says the same (the rule of core/checkin/admission.ts, kept in SQL there);
    // someone admitted, then let in again the same day, is not "admitted twice".
    const [{ code: other, attendeeId: otherId }] = demoCodes(a.station, 400).filter((c) => c.attendeeId !== attendeeId && getAttendee(a.station.db.orm, c.attendeeId)?.status === 'active' && !getAttendee(a.station.db.orm, c.attendeeId)?.validDays && !getAttendee(a.station.db.orm, c.attendeeId)?.notes) as [{ code: string; attendeeId: string }];
    expect(checkIn(a.station, other, t + 2000).verdict).toBe('admitted');
    expect(checkIn(a.station, other, t + 3000).reason).toBe('already_checked_in');
    await a.client.syncNow();
    const csv = Papa.parse<Record<string, string>>(await demo.reg.admin<string>('GET', '/v1/admin/export/checkins.csv'), { header: true }).data;
    expect(csv.find((r) => r.attendee_id === attendeeId)).toMatchObject({ admissions: '2', admitted_twice: 'true' });
    expect(csv.find((r) => r.attendee_id === otherId)).toMatchObject({ admissions: '2', admitted_twice: 'false' });
  });

  it('registry edits to attendees win over the station copy', async () => {
    const a = await pairedStation('Desk A');
    await a.client.syncNow();
    const { id: attendeeId, badgeCode: oldCode } = registryPeople()[0]!;
    expect(findByBadgeCode(a.station.db.orm, oldCode)?.attendee.id).toBe(attendeeId); // downloaded
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
    const scan = checkIn(a.station, registryPeople()[1]!.badgeCode, Date.now());
    expect(scan.verdict).toBe('admitted');
    const rep = await a.client.syncNow();
    expect(rep.ok).toBe(false);
    expect(rep.state).toBe('error');
    expect(rep.message).toBe(REVOKED_MESSAGE);
    expect(rep.notice).toEqual(notice('revoked')); // so the renderer says it in the desk's language
    // The status bar says it too (the station's status reaches it through the station's own sync client).
    expect((await checkinHandlers()['station.status']({}, a.station)).sync.message).toBe(REVOKED_MESSAGE);
    expect(unsent(a.station)).toEqual([scan.eventId]); // still waiting to be uploaded, not marked sent
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
    const client = newSyncClient(station, { live: false });
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
    // Paired but not synced yet: the registry's people are unknown here, the scan is refused and queued.
    const scanned = registryPeople()[2]!;
    const edited = registryPeople()[3]!;
    const scan = checkIn(a.station, scanned.badgeCode, Date.now());
    expect(getAttendee(a.station.db.orm, edited.id)).toBeUndefined();
    await demo.reg.admin('PATCH', `/v1/admin/attendees/${edited.id}`, { organisation: 'Changed while upload fails' });
    const rep = await a.client.syncNow();
    expect(rep.ok).toBe(false);
    expect(rep.pulled).toBeGreaterThan(0);
    expect(getAttendee(a.station.db.orm, edited.id)?.organisation).toBe('Changed while upload fails');
    expect(unsent(a.station)).toEqual([scan.eventId]);
  });

  // A registry with snapshots serves the first download as one file (tests/integration/sync-snapshot.test.ts
  // cuts and resumes that); an older registry, or one whose snapshot fails, leaves the station to page.
  it('without a snapshot, the first download is paged and resumes after an interruption where it stopped', async () => {
    let pulls = 0;
    let cut = true;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/sync/snapshot')) return new Response('Not Found', { status: 404 });
      if (String(input).includes('/v1/sync/pull') && cut && ++pulls > 3) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    // A fresh station of another event (the demo): nothing of the registry's list is there yet.
    const { station } = freshStation({ stationName: 'Late desk', demo: true });
    opened.push(station);
    const people = demo.published!.attendees;
    expect(people.filter((p) => getAttendee(station.db.orm, p.id))).toEqual([]);
    const demoCode = demoCodes(station, 1)[0]!.code;
    const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', {});
    expect((await pairStation(station, demo.reg.url, code)).paired).toBe(true);
    const client = newSyncClient(station, { live: false, pageSize: 100, fetch: flaky });
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
    // Every one of the registry's people arrived, each with their badge codes; the demo list is gone.
    const onRegistry = await registryAttendees(demo.reg);
    expect(onRegistry.length).toBeGreaterThanOrEqual(people.length);
    expect(onRegistry.filter((p) => p.badgeCodes.some((c) => findByBadgeCode(station.db.orm, c)?.attendee.id !== p.id)).map((p) => p.id)).toEqual([]);
    expect(findByBadgeCode(station.db.orm, demoCode)).toBeUndefined();
    expect(station.eventInfo().id).toBe(demo.published!.eventId);
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
    const code = registryPeople()[4]!.badgeCode;
    const ahead = checkIn(a.station, code, skewed());
    expect(ahead.verdict).toBe('admitted');
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
    const r = checkIn(a.station, registryPeople()[5]!.badgeCode, Date.now());
    expect(r.verdict).toBe('admitted');
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
