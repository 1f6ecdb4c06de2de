// What a station tells the registry about itself for the organiser console (docs/sync-protocol.md,
// "Station reports"): how many events it has not uploaded yet and how far its clock is off, on
// every push and pull. Stations that do not send it, or send nonsense, still sync.
import { afterAll, describe, expect, it } from 'vitest';
import { checkIn } from '../../station/checkin';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes } from '../helpers/station';

const demo = useDemoRegistry('foyer-station-report-');
afterAll(() => {});

interface StationRow {
  id: string;
  name: string;
  lastSeenAt: number | null;
  outbox: number | null;
  clockAheadMs: number | null;
  reportedAt: number | null;
}
const row = async (id: string) => (await demo.reg.admin<StationRow[]>('GET', '/v1/admin/stations')).find((s) => s.id === id)!;

describe('station reports', () => {
  it('a station whose clock is 3 minutes fast says so, and its empty outbox, with its next pull', async () => {
    const fast = () => Date.now() + 180_000;
    const { station, client } = await demo.pairedStation('Fast clock', { now: fast });
    await client.syncNow();
    await client.syncNow(); // the first answer measures the clock; the next request carries it
    const r = await row(station.id);
    expect(r.outbox).toBe(0);
    expect(r.clockAheadMs).toBeGreaterThan(170_000);
    expect(r.clockAheadMs).toBeLessThan(190_000);
    expect(r.reportedAt).toBeGreaterThan(Date.now() - 30_000);
  });

  it('scans that cannot be uploaded are counted as the station’s outbox, and the count falls to 0 once they are', async () => {
    let pushesFail = true;
    const failingPush: typeof fetch = async (input, init) => {
      if (pushesFail && String(input).includes('/v1/sync/push')) return new Response('{"error":{"code":"x","message":"down"}}', { status: 503 });
      return fetch(input, init);
    };
    const { station, client } = await demo.pairedStation('Flaky uplink', { fetch: failingPush });
    const codes = demoCodes(station, 3);
    for (const [i, c] of codes.entries()) checkIn(station, c.code, Date.now() + i);
    await client.syncNow(); // push refused, pull still runs and reports
    expect((await row(station.id)).outbox).toBe(3);
    pushesFail = false;
    await client.syncNow();
    expect((await row(station.id)).outbox).toBe(0);
  });

  it('a station that reports nothing (older Foyer), or nonsense, still pulls; the registry keeps what it knew', async () => {
    const { station, client } = await demo.pairedStation('Old station', { syncNow: true });
    const link = client.link()!;
    const before = await row(station.id);
    for (const query of ['', '&outbox=-4&ahead=abc', '&outbox=1e99', '&outbox=2&ahead=99999999999999']) {
      const res = await fetch(`${link.url}/v1/sync/pull?cursor=1:0&limit=1&protocol=1${query}`, { headers: { authorization: `Bearer ${link.token}` } });
      expect(res.status, query).toBe(200);
    }
    const push = await fetch(`${link.url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, stationId: station.id, events: [], report: { outbox: 'many', clockAheadMs: {} } }),
    });
    expect(push.status).toBe(200);
    const after = await row(station.id);
    expect(after.outbox).toBe(before.outbox);
    expect(after.clockAheadMs).toBe(before.clockAheadMs);
    expect(after.lastSeenAt).toBeGreaterThanOrEqual(before.lastSeenAt!);
    // A push's own report is kept (with its acknowledgement mark, in the push's transaction).
    const told = await fetch(`${link.url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, stationId: station.id, events: [], report: { outbox: 7, clockAheadMs: 1500 } }),
    });
    expect(told.status).toBe(200);
    expect(await row(station.id)).toMatchObject({ outbox: 7, clockAheadMs: 1500 });
  });
});
