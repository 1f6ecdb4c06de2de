// Signed badges across a registry and paired stations: the registry's demo event
// carries the demo key, so badges printed before pairing keep working; a station
// that admitted someone from the badge alone learns the name at the next sync;
// revocations and reprints travel so an old badge is refused everywhere.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listSigningKeys } from '../../db/badges';
import { attendees, badgeCodes } from '../../db/schema/index';
import { demoBadgePrints, demoKeyPair } from '../../resources/demo/badges';
import { checkIn } from '../../station/checkin';
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
});
