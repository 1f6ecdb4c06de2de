// Signed badges across a registry and paired stations: the registry's demo event
// carries the demo key, so badges printed before pairing keep working; a station
// that admitted someone from the badge alone learns the name at the next sync;
// revocations and reprints travel so an old badge is refused everywhere. Badge collection
// (print-once) holds across desks that were cut off at the same time.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listSigningKeys } from '../../db/badges';
import { attendees, badgeCodes } from '../../db/schema/index';
import { demoBadgePrints, demoKeyPair } from '../../resources/demo/badges';
import { reprintBadge } from '../../station/badges/reprint';
import { checkIn } from '../../station/checkin';
import { collectView, handOver, tallies } from '../../station/collect';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { signedBadgeFor } from '../helpers/badges';
import { useDemoRegistry } from '../helpers/demo-registry';

// Badges here are issued with the registry's (the demo) key; a paired station's own key is in station-keys.test.ts.
const DEMO_KEY = demoKeyPair('atip-23').privateKey;

const demo = useDemoRegistry('foyer-reg-badges-');
const pairedStation = (name: string) => demo.pairedStation(name, { syncNow: true });

function activePerson(station: Station, skip: number) {
  return station.db.orm
    .select()
    .from(attendees)
    .where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''), eq(attendees.badgeVersion, 1)))
    .all()
    .filter((a) => a.validDays === null)[skip]!;
}

describe('signed badges with a registry', () => {
  it('the registry’s demo key is the demo stations’ key: a badge printed by `npm run badges -- --demo` scans after pairing', async () => {
    const { station } = await pairedStation('Desk North');
    const keys = listSigningKeys(station.db.orm);
    expect(keys.map((k) => Buffer.from(k.publicKey, 'base64').equals(Buffer.from(demoKeyPair('atip-23').publicKey)))).toContain(true);
    const printed = demoBadgePrints().find((b) => b.attendeeId === activePerson(station, 0).id)!;
    const r = checkIn(station, printed.qrText, Date.now());
    expect(r).toMatchObject({ verdict: 'admitted', attendee: { id: printed.attendeeId, synced: true } });
  });

  it('someone admitted from the badge alone gets their name at the next sync', async () => {
    const { station, client } = await pairedStation('Desk East');
    const person = activePerson(station, 1);
    // Simulate "registered after this station's last sync": the station does not have them.
    station.db.orm.delete(badgeCodes).where(eq(badgeCodes.attendeeId, person.id)).run();
    station.db.orm.delete(attendees).where(eq(attendees.id, person.id)).run();
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: person.id, category: person.category as never }, DEMO_KEY), Date.now());
    expect(r).toMatchObject({ verdict: 'admitted', reason: 'ok_unsynced', attendee: { synced: false } });
    // The organiser edits the person (any change brings them down again), the station syncs.
    await demo.reg.admin('PATCH', `/v1/admin/attendees/${person.id}`, { notes: 'Collect interpretation headset' });
    expect((await client.syncNow()).ok).toBe(true);
    const row = station.db.orm.select().from(attendees).where(eq(attendees.id, person.id)).get()!;
    expect(row).toMatchObject({ givenName: person.givenName, familyName: person.familyName, source: 'registry' });
  });

  it('a revocation made at the registry and a reprint made at another desk both refuse the old badge after sync', async () => {
    const a = await pairedStation('Desk South');
    const b = await pairedStation('Desk West');
    const p1 = activePerson(a.station, 2);
    const p2 = activePerson(a.station, 3);
    const old1 = signedBadgeFor(a.station, { attendeeId: p1.id, category: p1.category as never }, DEMO_KEY);
    const old2 = signedBadgeFor(a.station, { attendeeId: p2.id, category: p2.category as never }, DEMO_KEY);

    await demo.reg.admin('POST', '/v1/admin/revocations', { attendeeId: p1.id, badgeVersion: 1 });
    const reprint = await dispatch(createHandlers(), a.station, 'badges.reprint', { attendeeId: p2.id });
    expect(reprint.ok).toBe(true);
    expect((await a.client.syncNow()).ok).toBe(true);
    expect((await b.client.syncNow()).ok).toBe(true);

    for (const s of [a.station, b.station]) {
      expect(checkIn(s, old1, Date.now())).toMatchObject({ verdict: 'refused', reason: 'revoked' });
      const r2 = checkIn(s, old2, Date.now());
      expect(r2).toMatchObject({ verdict: 'refused', reason: 'revoked' });
      expect(r2.message).toMatch(/^This badge was replaced by a reprint on \d{1,2} \w{3} \d{2}:\d{2}\. Ask for the new badge\.$/);
    }
    // The new badge (version 2) is accepted at the other desk; the desk that reprinted signs it
    // with its own station key (tests/integration/station-keys.test.ts prints and scans one).
    const print = await dispatch(createHandlers(), a.station, 'badges.pdf', { attendeeId: p2.id });
    expect(print.ok).toBe(true);
    const fresh = signedBadgeFor(b.station, { attendeeId: p2.id, badgeVersion: 2, category: p2.category as never }, DEMO_KEY);
    expect(checkIn(b.station, fresh, Date.now()).verdict).not.toBe('refused');
  });

  it('a reprint’s short code travels: it admits at every desk, the old code is refused as replaced, at a desk paired later too (#13.7)', async () => {
    const a = await pairedStation('Desk Reprint A');
    const b = await pairedStation('Desk Reprint B');
    const p = activePerson(a.station, 6);
    const oldCode = a.station.db.orm.select().from(badgeCodes).where(eq(badgeCodes.attendeeId, p.id)).get()!.code;
    const r = await dispatch(createHandlers(), a.station, 'badges.reprint', { attendeeId: p.id });
    if (!r.ok) throw new Error(r.error.message);
    const newCode = (r.value as { code: string }).code;
    expect((await a.client.syncNow()).ok).toBe(true);
    expect((await b.client.syncNow()).ok).toBe(true);
    // A desk paired only now learns everything from the registry's attendee record.
    const c = await pairedStation('Desk Reprint C');
    for (const s of [a.station, b.station, c.station]) {
      expect(checkIn(s, newCode, Date.now())).toMatchObject({ verdict: 'admitted', attendee: { id: p.id, badgeVersion: 2 } });
      expect(checkIn(s, oldCode, Date.now())).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    }
    // The registry holds the new code as current and the old one as retired…
    const registryRow = async () =>
      (await demo.reg.admin<{ id: string; badgeCodes: string[]; retiredBadgeCodes: unknown[]; badgeVersion: number }[]>('GET', `/v1/admin/attendees?q=${encodeURIComponent(p.familyName)}&limit=1000`)).find((x) => x.id === p.id)!;
    expect(await registryRow()).toMatchObject({ badgeVersion: 2, badgeCodes: [newCode], retiredBadgeCodes: [{ code: oldCode, badgeVersion: 1 }] });
    // …and an organiser re-importing the list exported before the reprint does not undo it.
    const { retiredBadgeCodes: _r, ...exported } = await registryRow();
    await demo.reg.admin('PUT', `/v1/admin/attendees/${p.id}`, { ...exported, badgeVersion: 1, badgeCodes: [oldCode] });
    expect(await registryRow()).toMatchObject({ badgeVersion: 2, badgeCodes: [newCode], retiredBadgeCodes: [{ code: oldCode, badgeVersion: 1 }] });
    const d = await pairedStation('Desk Reprint D');
    expect(checkIn(d.station, oldCode, Date.now())).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    expect(checkIn(d.station, newCode, Date.now())).toMatchObject({ verdict: 'admitted' });
  });

  it('the registry refuses a reprint whose code another attendee holds (a forged or clashing code admits nobody)', async () => {
    const a = await pairedStation('Desk Forger');
    const victim = activePerson(a.station, 7);
    const thief = activePerson(a.station, 8);
    const victimCode = a.station.db.orm.select().from(badgeCodes).where(eq(badgeCodes.attendeeId, victim.id)).get()!.code;
    a.station.write(() =>
      a.station.append(
        { kind: 'reprint', attendeeId: thief.id, roomId: null, sessionId: null, verdict: null, reason: null, operator: null, payload: { oldVersion: 1, newVersion: 2, code: victimCode } },
        Date.now(),
      ),
    );
    expect((await a.client.syncNow()).ok).toBe(true);
    const c = await pairedStation('Desk Checker');
    expect(checkIn(c.station, victimCode, Date.now())).toMatchObject({ verdict: 'admitted', attendee: { id: victim.id } });
    const status = await dispatch(createHandlers(), a.station, 'sync.status', {});
    expect(status.ok && JSON.stringify(status.value)).toMatch(/already belongs to another attendee; reprint the badge again/);
  });
});

// Print-once through the registry: two badge desks, both cut off, hand the same person their
// badge; once each has synced, both show the second badge as printed again (a reprint in all
// but name), and a reprint's reason travels with it.
describe('badge collection across desks and a registry', () => {
  it('two desks offline at the same time: after sync the second hand-over is flagged at both', async () => {
    const north = await pairedStation('Collection North');
    const south = await pairedStation('Collection South');
    const p = activePerson(north.station, 10);
    const t0 = Date.now();
    // Neither syncs in between: as if the venue network were down.
    handOver(north.station, p.id, t0);
    handOver(south.station, p.id, t0 + 2_000);
    expect(collectView(south.station, p.id).printedAgain).toEqual([]);
    for (const c of [north, south, north]) expect((await c.client.syncNow()).ok).toBe(true);
    for (const { station } of [north, south]) {
      const v = collectView(station, p.id);
      expect(v.handedOver?.stationName).toBe('Collection North');
      expect(v.printedAgain.map((s) => s.stationName)).toEqual(['Collection South']);
      expect(tallies(station).printedTwice.map((x) => x.attendee.id)).toEqual([p.id]);
    }
  });

  it('a reprint at one desk, with its reason, is seen at the other after sync', async () => {
    const east = await pairedStation('Collection East');
    const west = await pairedStation('Collection West');
    const p = activePerson(east.station, 11);
    handOver(east.station, p.id, Date.now());
    reprintBadge(east.station, p.id, Date.now(), { reason: 'Badge left in a taxi' });
    expect((await east.client.syncNow()).ok).toBe(true);
    expect((await west.client.syncNow()).ok).toBe(true);
    const v = collectView(west.station, p.id);
    expect(v.handedOver?.stationName).toBe('Collection East');
    expect(v.reprints).toEqual([expect.objectContaining({ reason: 'Badge left in a taxi', newVersion: 2, stationName: 'Collection East' })]);
    expect(v.attendee.badgeVersion).toBe(2);
  });
});
