// The LAN hub (docs/lan-hub.md, issue #15) against a real registry process: a hub relays other
// stations' events but can neither forge nor alter one, nor make the registry acknowledge an
// event it never delivered.
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { afterAll } from 'vitest';
import { PROTOCOL_VERSION, RelayResponse, type WireEvent } from '../../core/sync/protocol';
import { toLogEvent as toWire } from '../../db/events';
import { WalkinForm } from '../../core/api/desk';
import { getAttendee } from '../../db/attendees';
import { events, rooms } from '../../db/schema/index';
import { registerWalkin, setNote } from '../../station/desk';
import { newSyncClient, type SyncOptions } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { insertEvent } from '../../db/events';
import { checkIn } from '../../station/checkin';
import { HubStartError, startHub, type RunningHub } from '../../station/hub/server';
import { setHubEnabled } from '../../station/hub/index';
import { openHubSession } from '../../station/sync/hub-client';
import type { Station } from '../../station/station';
import { readLink } from '../../station/sync/link';
import { outboxBatch } from '../../station/sync/outbox';
import { signOwn } from '../../station/sync/sign';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes, freshStation } from '../helpers/station';
import { rebuiltSnapshot, snapshotDerived } from '../../testkit/derived';
import { NO_FAULTS, startFaultProxy, type FaultProxy } from '../../testkit/fault-proxy';
import { prng } from '../../resources/demo/generate';
import { outboxCount } from '../../station/sync/outbox';
import { dayInZone } from '../../core/time';
import { applyRetention } from '../../station/retention';
import { openProtocolAlerts } from '../../station/protocol';
import type { LiveSnapshot } from '../../core/console/live';

const demo = useDemoRegistry('foyer-reg-hub-');

/** This station's own events not yet settled by the registry. */
const unsent = (s: Station) =>
  s.db.orm.select({ id: events.id }).from(events).where(and(eq(events.stationId, s.id), isNull(events.pushedAt))).all().map((e) => e.id);

async function relay(hub: Station, batch: unknown[]) {
  const res = await fetch(`${demo.reg.url}/v1/sync/relay`, {
    method: 'POST',
    headers: { authorization: `Bearer ${readLink(hub)!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, stationId: hub.id, events: batch }),
  });
  return { status: res.status, body: res.ok ? RelayResponse.parse(await res.json()) : await res.json() };
}

describe('LAN hub: relaying through the registry', () => {
  it('the registry stores relayed events only with their author signature; forged, altered and revoked ones settle nothing', async () => {
    const north = await demo.pairedStation('North entrance', { syncNow: true });
    const hub = await demo.pairedStation('Hub', { syncNow: true });
    const south = await demo.pairedStation('South entrance', { syncNow: true });
    const [p1, p2, p3] = demoCodes(north.station, 3);
    for (const p of [p1!, p2!, p3!]) expect(checkIn(north.station, p.code, Date.now()).verdict).toBe('admitted');
    const [e1, e2, e3] = signOwn(north.station, outboxBatch(north.station, 10));
    expect(e1!.sig).toMatch(/^\d+:/);

    // Event 1 altered on the way (admitted someone else), event 2 unsigned, event 3 sound.
    const altered = { ...e1!, attendeeId: p3!.attendeeId };
    const unsigned = { ...e2!, sig: null };
    const r = await relay(hub.station, [altered, unsigned, e3!, { ...e3!, id: 'not-a-uuid' }]);
    expect(r.status).toBe(200);
    const body = r.body as RelayResponse;
    expect(body.stored).toBe(1);
    expect(body.rejected.map((x) => [x.id, x.seq, x.reason])).toEqual([
      [e1!.id, null, expect.stringMatching(/does not match the event/)],
      [e2!.id, null, expect.stringMatching(/no author signature/)],
      ['not-a-uuid', null, expect.stringMatching(/invalid event/)],
    ]);
    // Nothing of North's was settled by the forgeries: 1 and 2 are missing, so nothing is acknowledged.
    expect(body.acked[north.station.id]).toBe(0);

    // The sound relayed event reaches South, as North's, with its signature.
    await south.client.syncNow();
    const got = south.station.db.orm.select().from(events).where(eq(events.id, e3!.id)).get();
    expect(got).toMatchObject({ stationId: north.station.id, attendeeId: p3!.attendeeId, sig: e3!.sig });

    // The hub's own key cannot stand in for North's.
    const hubSigned = signOwn(hub.station, [{ ...e1!, stationId: hub.station.id, sig: null } as WireEvent])[0]!;
    const asNorth = { ...e1!, sig: hubSigned.sig };
    expect(((await relay(hub.station, [asNorth])).body as RelayResponse).rejected[0]!.reason).toMatch(/not a key of station|does not match/);

    // North comes back online itself: its whole outbox is stored (event 3 as a duplicate), nothing lost.
    await north.client.syncNow();
    expect(unsent(north.station)).toEqual([]);

    // A revoked station's events are not relayed any more, even correctly signed.
    expect(checkIn(north.station, demoCodes(north.station, 4)[3]!.code, Date.now()).verdict).toBe('admitted');
    const [late] = signOwn(north.station, outboxBatch(north.station, 10));
    await demo.reg.admin('POST', `/v1/admin/stations/${north.station.id}/revoke`, {});
    expect(((await relay(hub.station, [late!])).body as RelayResponse).rejected[0]!.reason).toMatch(/revoked|not a key/);
    // And a revoked hub cannot relay at all.
    await demo.reg.admin('POST', `/v1/admin/stations/${hub.station.id}/revoke`, {});
    expect((await relay(hub.station, [e3!])).status).toBe(401);
  });
});

const hubs: RunningHub[] = [];
afterAll(async () => {
  for (const h of hubs) await h.close();
});

const has = (s: Station, id: string) => !!s.db.orm.select({ id: events.id }).from(events).where(eq(events.id, id)).get();

describe('LAN hub: stations in step with the registry out of reach', () => {
  it('a scan at one entrance reaches another through the hub, forgeries stay out, and everything reaches the registry when it returns', async () => {
    const hubSt = await demo.pairedStation('Hub North', { syncNow: true });
    const a = await demo.pairedStation('East entrance', { syncNow: true });
    const b = await demo.pairedStation('West entrance', { syncNow: true });
    for (const s of [hubSt, a, b]) await s.client.syncNow(); // everyone has everyone's station key
    const hub = await startHub({ station: hubSt.station, port: 0, host: '0.0.0.0', announce: true });
    hubs.push(hub);
    expect(hub.url).toMatch(/^https:/);
    // East has the hub's address typed in; West finds it by itself (DNS-SD over multicast DNS).
    (a.client.o as { hubUrl: string | null }).hubUrl = hub.url;
    (b.client.o as { discover: boolean }).discover = true;

    await demo.reg.kill('SIGKILL');
    const [, , , , , , p1, p2] = demoCodes(a.station, 8); // people nobody has scanned yet
    expect(checkIn(a.station, p1!.code, Date.now()).verdict).toBe('admitted');
    const scan = a.station.db.orm.select().from(events).where(eq(events.stationId, a.station.id)).all().at(-1)!;
    await a.client.syncNow();
    expect(a.client.via?.name).toBe('Hub North');
    expect(has(hubSt.station, scan.id)).toBe(true);
    await b.client.syncNow();
    expect(b.client.hubProblem).toBeNull();
    expect(b.client.via?.name).toBe('Hub North');
    expect(has(b.station, scan.id)).toBe(true);
    // West refuses the same badge as already admitted at East, with no registry anywhere.
    expect(checkIn(b.station, p1!.code, Date.now()).verdict).not.toBe('admitted');
    expect(b.client.statusLine()).toMatchObject({ state: 'offline', via: 'Hub North', message: expect.stringMatching(/^Via hub Hub North/) });
    // The hub's own scans travel too (signed as they leave it).
    expect(checkIn(hubSt.station, p2!.code, Date.now()).verdict).toBe('admitted');
    const hubScan = hubSt.station.db.orm.select().from(events).where(eq(events.stationId, hubSt.station.id)).all().at(-1)!;
    await a.client.syncNow();
    expect(has(a.station, hubScan.id)).toBe(true);

    // The hub (or whoever took over its database) alters East's scan: nobody takes the forgery.
    const relayed = toWire(hubSt.station.db.orm.select().from(events).where(eq(events.id, scan.id)).get()!);
    expect(relayed.sig).toMatch(/^\d+:/); // the hub holds East's signature with the event
    const forged = { ...relayed, id: crypto.randomUUID(), seq: 999, attendeeId: p2!.attendeeId };
    hubSt.station.write(() => insertEvent(hubSt.station.db.orm, forged, Date.now()));
    await b.client.syncNow();
    expect(has(b.station, forged.id)).toBe(false);
    // Events are still queued for the registry on East: the hub's word settles nothing.
    expect(unsent(a.station)).toContain(scan.id);

    // The registry returns: the hub hands East's scan on, and East's own upload finds it there.
    await demo.reg.start();
    await hubSt.client.syncNow();
    const onRegistry = await demo.reg.admin<string>('GET', '/v1/admin/export/events.csv');
    expect(onRegistry).toContain(scan.id);
    expect(onRegistry).not.toContain(forged.id);
    await a.client.syncNow();
    expect(a.client.via).toBeNull();
    expect(unsent(a.station)).toEqual([]);
  });

  it('a revoked station can neither use nor be a hub; an unpaired station cannot be one', async () => {
    const hubSt = await demo.pairedStation('Hub South', { syncNow: true });
    const c = await demo.pairedStation('Side door', { syncNow: true });
    await hubSt.client.syncNow();
    const hub = await startHub({ station: hubSt.station, port: 0, host: '127.0.0.1' });
    hubs.push(hub);
    // Before: the side door may use it.
    await expect(openHubSession(c.station, hub.url, { timeoutMs: 5000, now: Date.now })).resolves.toMatchObject({ name: 'Hub South' });
    await demo.reg.admin('POST', `/v1/admin/stations/${c.station.id}/revoke`, {});
    await hubSt.client.syncNow(); // the hub learns the side door's key was withdrawn
    await expect(openHubSession(c.station, hub.url, { timeoutMs: 5000, now: Date.now })).rejects.toThrow(/revoked/);

    // A revoked hub: stations that learned it refuse to use it.
    await demo.reg.admin('POST', `/v1/admin/stations/${hubSt.station.id}/revoke`, {});
    const d = await demo.pairedStation('Back door', { syncNow: true });
    await expect(openHubSession(d.station, hub.url, { timeoutMs: 5000, now: Date.now })).rejects.toThrow(/does not trust the hub.*revoked/);

    const { station: lone } = freshStation();
    await expect(startHub({ station: lone, port: 0, host: '127.0.0.1' })).rejects.toThrow(HubStartError);
    lone.close();
  });
});

describe('LAN hub: safeguarding (docs/safeguarding.md)', () => {
  it("a door station pulling from a desk hub never gets a protected walk-in's legal name nor a desk note on them; a desk station does", async () => {
    const WALKIN = { givenName: 'Ottilie', familyName: 'Zwanenburgova', chosenName: 'Heron' };
    const NOTE = 'Escort: Zwanenburgova family, ask Ottilie first';
    const hubSt = await demo.pairedStation('Hub Desk', { syncNow: true });
    const desk = await demo.pairedStation('Second desk', { syncNow: true });
    // A door station, paired as one by the organiser (its role is the registry's word, not its own).
    const { station: doorSt } = freshStation({ stationName: 'Festsaal door (hub)' });
    demo.opened.push(doorSt);
    const roomId = hubSt.station.db.orm.select({ id: rooms.id }).from(rooms).get()!.id;
    const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Festsaal door (hub)', role: 'door', roomId, doorMode: 'entry' });
    expect((await pairStation(doorSt, demo.reg.url, code)).paired).toBe(true);
    const door = newSyncClient(doorSt, { live: false, backoffBaseMs: 10, backoffMaxMs: 50 });
    demo.clients.push(door);
    await door.syncNow();
    for (const s of [hubSt, desk]) await s.client.syncNow(); // the hub learns the door's role and key
    const hub = await startHub({ station: hubSt.station, port: 0, host: '127.0.0.1' });
    hubs.push(hub);
    for (const c of [desk.client, door]) (c.o as { hubUrl: string | null }).hubUrl = hub.url;

    await demo.reg.kill('SIGKILL'); // only the hub to pull from
    // At the hub desk: a protected walk-in, a desk note on them, and an ordinary walk-in.
    const w = registerWalkin(hubSt.station, WalkinForm.parse({ ...WALKIN, category: 'ngo', organisation: 'Survivors Alliance', protected: true }), Date.now(), { checkIn: true });
    if (w.status !== 'registered') throw new Error('walk-in not registered');
    setNote(hubSt.station, w.attendee.id, NOTE, Date.now() + 5);
    const plain = registerWalkin(hubSt.station, WalkinForm.parse({ givenName: 'Bartholomew', familyName: 'Quenneville', category: 'ngo' }), Date.now() + 10, { checkIn: true });
    if (plain.status !== 'registered') throw new Error('walk-in not registered');

    await desk.client.syncNow();
    await door.syncNow();
    expect(door.via?.name).toBe('Hub Desk');
    expect(desk.client.via?.name).toBe('Hub Desk');
    const logText = (s: Station) => JSON.stringify(s.db.orm.select().from(events).all());
    // The desk holds the legal name and the note (it checks identity).
    expect(getAttendee(desk.station.db.orm, w.attendee.id)).toMatchObject({ givenName: WALKIN.givenName, familyName: WALKIN.familyName });
    expect(logText(desk.station)).toContain(NOTE);
    // The door holds neither, not in its people nor in its log; the ordinary walk-in still reaches it.
    const onDoor = JSON.stringify(getAttendee(doorSt.db.orm, w.attendee.id) ?? null) + logText(doorSt);
    for (const part of [WALKIN.givenName, WALKIN.familyName, 'Survivors Alliance']) expect(onDoor, `${part} on the door`).not.toContain(part);
    expect(getAttendee(doorSt.db.orm, plain.attendee.id)).toMatchObject({ givenName: 'Bartholomew', familyName: 'Quenneville' });
    // A door station cannot be the hub: it holds the registry's redacted copies, whose author
    // signatures no longer hold, so the desks using it would silently miss those events.
    await expect(startHub({ station: doorSt, port: 0, host: '127.0.0.1' })).rejects.toThrow(/door station cannot be the hub/);
    const asked = await setHubEnabled(doorSt, true, { port: 0, host: '127.0.0.1', announce: false });
    expect(asked).toMatchObject({ enabled: true, url: null, notice: { key: 'hubDoorStation' } });
    await setHubEnabled(doorSt, false);
    await demo.reg.start();
  });
});

describe('LAN hub: two hubs on a split network', () => {
  it('each side keeps in step through its own hub; after healing every station and the registry hold the same events, once, and the same derived state', async () => {
    const h1 = await demo.pairedStation('Hub One', { syncNow: true });
    const h2 = await demo.pairedStation('Hub Two', { syncNow: true });
    const a = await demo.pairedStation('Left door', { syncNow: true });
    const b = await demo.pairedStation('Right door', { syncNow: true });
    const everyone = [h1, h2, a, b];
    for (const s of everyone) await s.client.syncNow();
    const hub1 = await startHub({ station: h1.station, port: 0, host: '127.0.0.1' });
    const hub2 = await startHub({ station: h2.station, port: 0, host: '127.0.0.1' });
    hubs.push(hub1, hub2);
    (a.client.o as { hubUrl: string | null }).hubUrl = hub1.url;
    (b.client.o as { hubUrl: string | null }).hubUrl = hub2.url;

    await demo.reg.kill('SIGKILL');
    // The same person scanned on both sides of the split, and one each only on one side.
    const codes = demoCodes(a.station, 40).slice(20, 23); // people the earlier cases did not scan
    const made = [checkIn(a.station, codes[0]!.code, Date.now()), checkIn(b.station, codes[0]!.code, Date.now() + 1), checkIn(a.station, codes[1]!.code, Date.now() + 2), checkIn(b.station, codes[2]!.code, Date.now() + 3)];
    expect(made.every((r) => r.eventId)).toBe(true);
    for (const s of [a, b, a, b]) await s.client.syncNow();
    expect([a.client.via?.name, b.client.via?.name]).toEqual(['Hub One', 'Hub Two']);

    // Healed: the registry returns; everyone syncs (hubs forward, stations upload, all pull).
    await demo.reg.start();
    for (let round = 0; round < 2; round++) for (const s of everyone) await s.client.syncNow();
    const idsOf = (s: Station) => s.db.orm.select({ id: events.id }).from(events).all().map((r) => r.id).sort();
    const reference = idsOf(a.station);
    for (const s of everyone) expect(idsOf(s.station)).toEqual(reference);
    const csv = await demo.reg.admin<string>('GET', '/v1/admin/export/events.csv');
    for (const id of reference) expect(csv.split(id).length - 1).toBe(1); // on the registry, once each
    expect(snapshotDerived(b.station.db.sqlite)).toBe(snapshotDerived(a.station.db.sqlite));
    for (const s of everyone) expect(unsent(s.station)).toEqual([]);
  });
});

/** A fresh station paired with the registry through `proxy` (so the test can pull the cable). */
async function behindProxy(proxy: FaultProxy, name: string, o: { skewMs?: number; door?: string } & SyncOptions = {}) {
  const { skewMs = 0, door, ...opts } = o;
  const now = () => Date.now() + skewMs;
  const { station } = freshStation({ stationName: name, now: now() });
  demo.opened.push(station);
  const role = door ? { role: 'door', roomId: door, doorMode: 'entry' } : {};
  const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name, ...role });
  expect((await pairStation(station, proxy.url, code, { now })).paired).toBe(true);
  const client = newSyncClient(station, { live: false, now, backoffBaseMs: 10, backoffMaxMs: 50, timeoutMs: 3_000, ...opts });
  demo.clients.push(client);
  return { name, station, client, now };
}

describe('LAN hub: live pokes', () => {
  it('a station syncing through a hub hears of a scan at another entrance at once (long poll), not at its next poll; one that cannot be poked polls', async () => {
    const proxy = await startFaultProxy(() => demo.reg.port, 5);
    const slow = { hubPollMs: 600_000, hubPokedPollMs: 600_000, probeMs: 600_000 }; // only a poke can bring news in time
    const [h, a, b, c] = await Promise.all([
      behindProxy(proxy, 'Hub Foyer'),
      behindProxy(proxy, 'Gate A'),
      behindProxy(proxy, 'Gate B', slow),
      behindProxy(proxy, 'Gate C', { hubPokes: false, hubPollMs: 300 }),
    ]);
    const hub = await startHub({ station: h.station, port: 0, host: '127.0.0.1' });
    try {
      for (let round = 0; round < 2; round++) for (const s of [h, a, b, c]) await s.client.syncNow();
      for (const s of [a, b, c]) (s.client.o as { hubUrl: string | null }).hubUrl = hub.url;
      proxy.partition(true);
      for (const s of [a, b, c]) s.client.start();
      await expect.poll(() => [a, b, c].map((s) => s.client.via?.name ?? null), { timeout: 10_000 }).toEqual(['Hub Foyer', 'Hub Foyer', 'Hub Foyer']);
      const code = demoCodes(a.station, 70)[65]!.code;
      const scan = checkIn(a.station, code, Date.now());
      a.station.emit('scan'); // as the desk does: Gate A's client uploads to the hub at once
      await expect.poll(() => has(b.station, scan.eventId!), { timeout: 10_000, interval: 50 }).toBe(true);
      // Gate C asks every 300 ms instead, and gets it too.
      await expect.poll(() => has(c.station, scan.eventId!), { timeout: 10_000, interval: 50 }).toBe(true);
    } finally {
      for (const s of [a, b, c]) s.client.stop();
      await hub.close();
      await proxy.close();
    }
  });
});

describe('LAN hub: protocol (VIP) alerts (docs/safeguarding.md, #19.3)', () => {
  it('with the registry cut, an arrival at one desk shows on the other desk and on the target room’s door (no host, no note) through the hub; the console’s acknowledgement clears it everywhere once the registry returns', async () => {
    const NOTE = 'Ambassador Wexenbrook-Ilyina, escort to the Festsaal';
    const HOST = 'Protocol office Dornauer';
    await demo.reg.admin('PUT', '/v1/admin/attendees/vip-hub-1', {
      ...{ id: 'vip-hub-1', givenName: 'Marisol', familyName: 'Wexenbrook-Ilyina', chosenName: '', organisation: 'Embassy', delegation: 'Ruritania', country: 'RU' },
      ...{ category: 'delegation', validDays: null, status: 'active', badgeVersion: 1, notes: '', protected: false, badgeCodes: ['VIP-HUB-0001'] },
    });
    await demo.reg.admin('PATCH', '/v1/admin/attendees/vip-hub-1', { protocol: { host: HOST, note: NOTE, room: 'festsaal' } });
    const proxy = await startFaultProxy(() => demo.reg.port, 8);
    const [h, a, b, door] = await Promise.all([
      behindProxy(proxy, 'Hub Protocol'),
      behindProxy(proxy, 'Desk A'),
      behindProxy(proxy, 'Desk B'),
      behindProxy(proxy, 'Festsaal entry', { door: 'festsaal' }),
    ]);
    const everyone = [h, a, b, door];
    const hub = await startHub({ station: h.station, port: 0, host: '127.0.0.1' });
    try {
      for (let round = 0; round < 2; round++) for (const s of everyone) await s.client.syncNow(); // keys, roles and the alert everywhere
      for (const s of [a, b, door]) (s.client.o as { hubUrl: string | null }).hubUrl = hub.url;
      proxy.partition(true);

      const r = checkIn(a.station, 'VIP-HUB-0001', Date.now());
      expect(r.verdict).toBe('admitted');
      expect(openProtocolAlerts(b.station)).toEqual([]);
      for (const s of [a, b, door]) await s.client.syncNow();
      expect([b.client.via?.name, door.client.via?.name]).toEqual(['Hub Protocol', 'Hub Protocol']);
      // Every desk, the hub's own included, shows the open alert with its host and note.
      for (const s of [h, a, b]) {
        expect(openProtocolAlerts(s.station), s.name).toEqual([expect.objectContaining({ eventId: r.eventId, attendeeId: 'vip-hub-1', note: NOTE, host: HOST, stationName: 'Desk A', room: 'Festsaal' })]);
      }
      // The Festsaal's door shows the arrival heading its way, and holds neither the host nor the note.
      expect(openProtocolAlerts(door.station)).toEqual([expect.objectContaining({ eventId: r.eventId, note: '', host: '', forThisRoom: true })]);
      const doorLog = JSON.stringify(door.station.db.orm.select().from(events).all());
      for (const s of [NOTE, HOST]) expect(doorLog).not.toContain(s);

      // The registry returns: the hub hands the arrival on, the console lists it, the host acknowledges it there.
      proxy.partition(false);
      await h.client.syncNow();
      const live = await demo.reg.admin<LiveSnapshot>('GET', '/v1/console/live');
      expect(live.protocol).toEqual([expect.objectContaining({ eventId: r.eventId, attendeeId: 'vip-hub-1', note: NOTE, host: HOST, stationName: 'Desk A' })]);
      await demo.reg.admin('PATCH', '/v1/admin/attendees/vip-hub-1', { protocolAck: { eventId: r.eventId, at: r.at } });
      expect((await demo.reg.admin<LiveSnapshot>('GET', '/v1/console/live')).protocol).toEqual([]);
      for (const s of everyone) {
        await s.client.syncNow();
        expect(openProtocolAlerts(s.station), s.name).toEqual([]);
      }
    } finally {
      await hub.close();
      await proxy.close();
    }
  });
});

describe('LAN hub: data retention', () => {
  it("a hub whose station deleted personal data takes nobody's pushes any more (they would stay there for good)", async () => {
    const proxy = await startFaultProxy(() => demo.reg.port, 6);
    const [h, a] = await Promise.all([behindProxy(proxy, 'Hub Kept'), behindProxy(proxy, 'Gate K')]);
    const hub = await startHub({ station: h.station, port: 0, host: '127.0.0.1' });
    try {
      for (let round = 0; round < 2; round++) for (const s of [h, a]) await s.client.syncNow();
      (a.client.o as { hubUrl: string | null }).hubUrl = hub.url;
      proxy.partition(true);
      // The hub station's retention day has come (its own clock, no network needed).
      h.station.db.sqlite.prepare('update event set retention_date = ?').run(dayInZone(Date.now(), h.station.eventInfo().timeZone));
      h.station.invalidate();
      expect(applyRetention(h.station, Date.now())).not.toBeNull();
      registerWalkin(a.station, WalkinForm.parse({ givenName: 'Latecomer', familyName: 'Aftertheday', category: 'ngo' }), Date.now(), { checkIn: true });
      await a.client.syncNow();
      const held = h.station.db.sqlite.prepare("select count(*) n from events where payload like '%Aftertheday%'").get();
      expect(held).toEqual({ n: 0 });
      expect(outboxCount(a.station)).toBeGreaterThan(0); // still queued at the gate, nothing lost
    } finally {
      await hub.close();
      await proxy.close();
    }
  });
});

// The fault-schedule suite (testkit/sync-scenario.ts) with hubs, compact: six stations in this
// process, the registry behind a fault proxy (so "registry down" is a pulled cable, not a slow
// PGlite restart), two hubs each serving one side of a split network, a hub killed mid-cycle and
// restarted (new certificate, sessions forgotten), a station whose clock runs 3 min ahead and one
// 4 min behind, and a station revoked mid-schedule that then tries to use a hub and to be one.
// After healing: nothing acknowledged lost, nothing twice on the registry, every station holding
// the registry's events and the same derived state, rebuilt from the log or not.
const HUB_SEEDS = (process.env.FOYER_HUB_SEEDS ?? '1').split(',').map(Number);
describe('LAN hub: seeded fault schedule with hubs', () => {
  for (const seed of HUB_SEEDS) {
    it(`seed ${seed}: registry down/up, hub killed and restarted, two hubs healed, clock skew, a revoked station — 0 lost, 0 twice, one derived state`, async () => {
      const rnd = prng(seed * 104_729 + 7);
      const proxy = await startFaultProxy(() => demo.reg.port, seed);
      const MIN = 60_000;
      const make = (name: string, skewMs = 0) => behindProxy(proxy, name, { skewMs });
      const [h1, h2, a, b, ahead, behind, rogue] = await Promise.all([
        make('Hub North'),
        make('Hub South'),
        make('East door'),
        make('West door'),
        make('Desk ahead', 3 * MIN),
        make('Desk behind', -4 * MIN),
        make('Side door (to be revoked)'),
      ]);
      const all = [h1!, h2!, a!, b!, ahead!, behind!, rogue!];
      for (let round = 0; round < 2; round++) for (const s of all) await s.client.syncNow(); // everyone has everyone's key
      const running: (RunningHub | null)[] = [await startHub({ station: h1!.station, port: 0, host: '127.0.0.1' }), await startHub({ station: h2!.station, port: 0, host: '127.0.0.1' })];
      const ports = running.map((h) => h!.port);
      const hubOf = new Map([
        [a!, 0],
        [ahead!, 0],
        [rogue!, 0],
        [b!, 1],
        [behind!, 1],
      ]);
      for (const [s, i] of hubOf) (s.client.o as { hubUrl: string | null }).hubUrl = running[i]!.url;
      const codes = demoCodes(a!.station, 64).slice(48, 60).map((c) => c.code); // people no earlier case scanned
      const acked = new Set<string>();
      let registryDown = false;
      let revokedAt: number | null = null;
      const afterRevocation: string[] = [];
      const viaSeen = new Set<string>();
      const live = all.filter((s) => s !== rogue);
      try {
        for (let step = 0; step < 36; step++) {
          const r = rnd();
          const s = all[Math.floor(rnd() * all.length)]!;
          if (step === 18) {
            // Revocation, with the registry in reach: the side door uploaded what it had, the hubs learn of it.
            proxy.partition(false);
            proxy.setFaults(NO_FAULTS);
            registryDown = false;
            await rogue!.client.syncNow();
            expect(outboxCount(rogue!.station)).toBe(0);
            await demo.reg.admin('POST', `/v1/admin/stations/${rogue!.station.id}/revoke`, {});
            revokedAt = step;
            for (const h of [h1!, h2!]) await h.client.syncNow();
            for (const [i, h] of running.entries()) if (!h) running[i] = await startHub({ station: [h1!, h2!][i]!.station, port: ports[i], host: '127.0.0.1' });
            // It scans on, cannot use a hub, and cannot serve as one to stations that know of the revocation.
            const late = checkIn(rogue!.station, codes[0]!, rogue!.now());
            afterRevocation.push(late.eventId!);
            await expect(openHubSession(rogue!.station, running[0]!.url, { timeoutMs: 3_000, now: Date.now })).rejects.toThrow(/revoked|does not know that station key/);
            const rogueHub = await startHub({ station: rogue!.station, port: 0, host: '127.0.0.1' });
            await a!.client.syncNow(); // East learns of the revocation too
            await expect(openHubSession(a!.station, rogueHub.url, { timeoutMs: 3_000, now: Date.now })).rejects.toThrow(/does not trust the hub.*revoked/);
            await rogueHub.close();
            continue;
          }
          if (revokedAt !== null && s === rogue) {
            const late = checkIn(rogue!.station, codes[Math.floor(rnd() * codes.length)]!, rogue!.now());
            afterRevocation.push(late.eventId!);
            await rogue!.client.syncNow();
            continue;
          }
          if (r < 0.45) {
            const res = checkIn(s.station, codes[Math.floor(rnd() * codes.length)]!, s.now());
            if (res.eventId) acked.add(res.eventId);
          } else if (r < 0.75) {
            await s.client.syncNow();
            if (s.client.via) viaSeen.add(s.client.via.name);
          } else if (r < 0.85) {
            registryDown = !registryDown;
            proxy.partition(registryDown);
            proxy.setFaults(registryDown ? NO_FAULTS : { dropRequest: rnd() * 0.1, dropResponse: rnd() * 0.1, duplicate: rnd() * 0.1, delay: rnd() * 0.1, cut: 0, maxDelayMs: 100 });
          } else if (r < 0.93) {
            // A hub killed while a station syncs through it, and back (new certificate, sessions forgotten).
            const i = Math.floor(rnd() * 2);
            const user = [...hubOf].find(([, k]) => k === i)![0];
            const cycle = user.client.syncNow();
            await new Promise((x) => setTimeout(x, rnd() * 30));
            await running[i]?.close();
            running[i] = null;
            await cycle;
            if (rnd() < 0.7) running[i] = await startHub({ station: [h1!, h2!][i]!.station, port: ports[i], host: '127.0.0.1' });
          } else {
            for (const x of live) await x.client.syncNow();
          }
        }
        // A hub was in use at some point of the schedule (else it tested the registry alone).
        expect(viaSeen.size).toBeGreaterThan(0);

        // Heal: the cable back, no faults; everyone syncs until nothing moves.
        proxy.partition(false);
        proxy.setFaults(NO_FAULTS);
        let quiet = 0;
        for (let round = 0; round < 12 && quiet < 2; round++) {
          let moved = 0;
          let failed = false;
          for (const s of live) {
            const rep = await s.client.syncNow();
            failed ||= !rep.ok;
            moved += rep.pushed + rep.pulled;
          }
          quiet = !failed && moved === 0 ? quiet + 1 : 0;
        }
        expect(quiet, 'stations converge after healing').toBe(2);

        const regEvents: { id: string }[] = [];
        for (let after = 0; ; ) {
          const page = await demo.reg.admin<{ id: string; seq: number }[]>('GET', `/v1/admin/events?after=${after}&limit=5000`);
          regEvents.push(...page);
          if (page.length < 5000) break;
          after = page.at(-1)!.seq;
        }
        const regIds = new Set(regEvents.map((e) => e.id));
        expect(regIds.size, 'nothing twice on the registry').toBe(regEvents.length);
        expect([...acked].filter((id) => !regIds.has(id)), 'acknowledged scans missing on the registry').toEqual([]);
        const idsOf = (s: Station) => new Set(s.db.orm.select({ id: events.id }).from(events).all().map((e) => e.id));
        const reference = snapshotDerived(a!.station.db.sqlite);
        for (const s of live) {
          const ids = idsOf(s.station);
          expect([...regIds].filter((id) => !ids.has(id)), `${s.name} lacks registry events`).toEqual([]);
          expect([...ids].filter((id) => !regIds.has(id)), `${s.name} holds events the registry does not`).toEqual([]);
          expect(unsent(s.station), `${s.name}'s outbox`).toEqual([]);
          expect(snapshotDerived(s.station.db.sqlite), `${s.name}'s derived state`).toBe(reference);
          expect(rebuiltSnapshot(s.station.db.sqlite), `${s.name}'s derived state rebuilt from its log`).toBe(reference);
          // The revoked station's later scans reached nobody.
          for (const id of afterRevocation) expect(ids.has(id), `${s.name} holds a revoked station's scan`).toBe(false);
        }
        for (const id of afterRevocation) expect(regIds.has(id)).toBe(false);
      } finally {
        for (const h of running) await h?.close();
        await proxy.close();
      }
    }, 60_000);
  }
});
