// Several registry processes on one PostgreSQL database, behind a round-robin load balancer
// (issue 12): started at the same instant on a fresh database (one migrates, the others
// wait), admin tokens shared through the database, pokes reaching stations connected to
// another process (LISTEN/NOTIFY), and one process SIGKILLed mid-push: 0 events lost, 0
// duplicated, every station ends with the same state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { SyncClient } from '../../station/sync/client';
import { newSyncClient } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { snapshotDerived } from '../../testkit/derived';
import { startPgCluster, type PgCluster } from '../../testkit/pg-cluster';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../testkit/round-robin-proxy';
import { demoCodes, freshStation, tempDir } from '../helpers/station';

let pg: PgCluster;
let regs: RegistryProc[] = [];
let lb: RoundRobinProxy;
const opened: Station[] = [];
const clients: SyncClient[] = [];

beforeAll(async () => {
  pg = await startPgCluster();
  const url = await pg.createDatabase('foyer');
  // Same instant, empty database: before the migration lock one of them died most times.
  regs = await Promise.all([0, 1, 2].map((i) => startRegistryProc({ dataDir: tempDir(`foyer-multi-${i}-`), databaseUrl: url })));
  lb = await startRoundRobinProxy(() => regs.map((r) => r.port));
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.stop();
  for (const s of opened) s.close();
  await lb?.close();
  for (const r of regs) await r.kill('SIGTERM');
  await pg?.stop();
});

async function pairedStation(name: string, url: string, opts: ConstructorParameters<typeof SyncClient>[1] = {}) {
  const { station } = freshStation({ stationName: name });
  opened.push(station);
  const { code } = await regs[0]!.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name });
  const r = await pairStation(station, url, code);
  expect(r.paired, r.message).toBe(true);
  const client = newSyncClient(station, { live: false, backoffBaseMs: 20, backoffMaxMs: 200, timeoutMs: 5000, ...opts });
  clients.push(client);
  return { station, client };
}

describe('three registry processes on one PostgreSQL', () => {
  it('started together on a fresh database, all of them come up (trial after trial)', async () => {
    // Without the migration lock two of them raced to create the same tables: most trials lost one.
    for (let trial = 0; trial < 4; trial++) {
      const url = await pg.createDatabase(`race${trial}`);
      const started = await Promise.allSettled([0, 1, 2].map((i) => startRegistryProc({ dataDir: tempDir(`foyer-race-${i}-`), databaseUrl: url })));
      for (const r of started) if (r.status === 'fulfilled') await r.value.kill('SIGTERM');
      expect(started.map((r) => r.status), `trial ${trial}`).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    }
  });

  it('all three started on the fresh database, and an admin token made on one works on every one', async () => {
    for (const r of regs) expect(r.proc?.exitCode).toBeNull();
    const made = await regs[0]!.admin<{ id: string; token: string }>('POST', '/v1/admin/tokens', { label: 'organiser' });
    for (const r of regs) {
      const res = await fetch(`${r.url}/v1/admin/status`, { headers: { authorization: `Bearer ${made.token}` } });
      expect(res.status, r.url).toBe(200);
    }
    await regs[0]!.admin('POST', '/v1/admin/demo', { attendees: 60 });
  });

  it('a poke reaches a station whose live channel is on another process (LISTEN/NOTIFY)', async () => {
    // The listener polls only every minute: only a poke can bring the scan in time.
    const listener = await pairedStation('Listener', regs[0]!.url, { live: true, pollMs: 60_000 });
    const scanner = await pairedStation('Scanner', regs[1]!.url);
    await listener.client.syncNow();
    await scanner.client.syncNow();
    listener.client.start();
    const deadline = Date.now() + 10_000;
    while (!listener.client.liveConnected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(listener.client.liveConnected).toBe(true);
    const [badge] = demoCodes(scanner.station, 1);
    const scan = checkIn(scanner.station, badge!.code, Date.now());
    await scanner.client.syncNow();
    const has = () => listener.station.db.sqlite.prepare('select 1 from events where id = ?').get(scan.eventId);
    while (!has() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(has()).toBeTruthy();
    listener.client.stop();
  });

  it('one process killed mid-push: nothing lost, nothing twice, every station identical', async () => {
    const stations = await Promise.all(['North', 'South', 'East'].map((n) => pairedStation(n, lb.url)));
    for (const s of stations) await s.client.syncNow();
    const codes = demoCodes(stations[0]!.station, 40).map((c) => c.code);
    const made = new Set<string>();
    for (const [i, s] of stations.entries()) {
      for (let k = 0; k < 400; k++) {
        const r = checkIn(s.station, codes[(k * 7 + i) % codes.length]!, Date.now() + k);
        if (r.eventId) made.add(r.eventId);
      }
    }
    // Small batches, so the kill lands between and inside pushes.
    for (const s of stations) s.client.o.pushBatch = 20;
    const pushing = stations.map((s) => s.client.syncNow());
    await new Promise((r) => setTimeout(r, 150));
    await regs[1]!.kill('SIGKILL');
    await Promise.all(pushing);
    // Heal with the two survivors, then bring the third back and check every process agrees.
    for (let round = 0; round < 20; round++) {
      let moved = 0;
      let failed = false;
      for (const s of stations) {
        const r = await s.client.syncNow();
        if (!r.ok) failed = true;
        moved += r.pushed + r.pulled;
      }
      if (!failed && moved === 0) break;
    }
    await regs[1]!.start();

    const stored: { id: string; stationId: string; stationSeq: number }[] = [];
    for (let after = 0; ; ) {
      const page = await regs[2]!.admin<{ id: string; stationId: string; stationSeq: number; seq: number }[]>('GET', `/v1/admin/events?after=${after}&limit=5000`);
      stored.push(...page);
      if (page.length < 5000) break;
      after = page[page.length - 1]!.seq;
    }
    const ids = new Set(stored.map((e) => e.id));
    expect(ids.size, 'duplicated on the registry').toBe(stored.length);
    expect(new Set(stored.map((e) => `${e.stationId}#${e.stationSeq}`)).size).toBe(stored.length);
    const lost = [...made].filter((id) => !ids.has(id));
    expect(lost, 'lost').toEqual([]);

    let reference: string | null = null;
    for (const s of stations) {
      const local = new Set((s.station.db.sqlite.prepare('select id from events').all() as { id: string }[]).map((r) => r.id));
      expect([...ids].filter((id) => !local.has(id)), `${s.station.config().name} misses events`).toEqual([]);
      expect(local.size).toBe(ids.size);
      const snap = snapshotDerived(s.station.db.sqlite);
      if (reference === null) reference = snap;
      else expect(snap === reference, `${s.station.config().name}: derived state differs`).toBe(true);
    }
    // The restarted process serves the same data as the others.
    const counts = await Promise.all(regs.map((r) => r.admin<{ events: number }>('GET', '/v1/admin/status')));
    expect(new Set(counts.map((c) => c.events)).size).toBe(1);
    expect([...lb.served.keys()].length).toBe(3);
  });
});
