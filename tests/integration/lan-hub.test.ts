// The LAN hub (docs/lan-hub.md, issue #15) against a real registry process: a hub relays other
// stations' events but can neither forge nor alter one, nor make the registry acknowledge an
// event it never delivered.
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, RelayResponse, type WireEvent } from '../../core/sync/protocol';
import { events } from '../../db/schema/index';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { readLink } from '../../station/sync/link';
import { outboxBatch } from '../../station/sync/outbox';
import { signOwn } from '../../station/sync/sign';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes } from '../helpers/station';

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
