// LAN hub figures (issue #15, docs/lan-hub.md), with the registry unreachable (killed) and the
// hub on loopback: a scan at one entrance visible at another through the hub (p50/p95, target
// ≤ 2 s p95); a hub relaying 20 stations × 10 scans/s (5 stations for 3 s with --quick): how far
// behind the stations it is once they stop (target: caught up within 2 s, i.e. not falling
// behind); and after the registry returns, how long until it stores every event (target ≤ 10 s).
// Prints figures; asserts nothing.
import path from 'node:path';
import { checkIn } from '../station/checkin';
import { startHub } from '../station/hub/server';
import { openStation, type Station } from '../station/station';
import { newSyncClient, type SyncClient } from '../station/sync/index';
import { pairStation } from '../station/sync/pair';
import { startRegistryProc, type RegistryProc } from '../testkit/registry-proc';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const A = 'hub';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function paired(reg: RegistryProc, dir: string, name: string): Promise<{ station: Station; client: SyncClient }> {
  const station = openStation(dir, { stationName: name });
  const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name });
  const r = await pairStation(station, reg.url, code);
  if (!r.paired) throw new Error(r.message);
  return { station, client: newSyncClient(station, { live: false, pollMs: 1_000, probeMs: 500 }) };
}

const count = (s: Station) => (s.db.sqlite.prepare('select count(*) as n from events').get() as { n: number }).n;

const bench: BenchModule = async ({ quick, tmp }) => {
  const rows: BenchRow[] = [];
  const n = quick ? 5 : 20;
  const seconds = quick ? 3 : 10;
  const reg = await startRegistryProc({ dataDir: path.join(tmp, 'reg') });
  const all: { station: Station; client: SyncClient }[] = [];
  let hub: Awaited<ReturnType<typeof startHub>> | null = null;
  try {
    await reg.admin('POST', '/v1/admin/demo', {});
    const hubSt = await paired(reg, path.join(tmp, 'hub'), 'Hub');
    all.push(hubSt);
    for (let i = 0; i < n; i++) all.push(await paired(reg, path.join(tmp, `s${i}`), `Entrance ${i + 1}`));
    for (let round = 0; round < 2; round++) for (const s of all) await s.client.syncNow(); // everyone knows everyone's key
    hub = await startHub({ station: hubSt.station, port: 0, host: '127.0.0.1' });
    for (const s of all.slice(1)) (s.client.o as { hubUrl: string | null }).hubUrl = hub.url;

    await reg.kill('SIGKILL');
    for (const s of all) s.client.start();
    const [a, b] = [all[1]!, all[2]!];
    for (let i = 0; i < 100 && !(a.client.via && b.client.via); i++) await sleep(100);
    if (!a.client.via || !b.client.via) throw new Error(`stations did not turn to the hub: ${a.client.hubProblem ?? b.client.hubProblem ?? 'no reason'}`);

    // 1. A scan at one entrance visible at another, through the hub.
    const codes = (a.station.db.sqlite.prepare('select code from badge_codes limit 200').all() as { code: string }[]).map((r) => r.code);
    const has = b.station.db.sqlite.prepare('select 1 from events where id = ?');
    const lat: number[] = [];
    for (let i = 0; i < (quick ? 10 : 40); i++) {
      const t = performance.now();
      const r = checkIn(a.station, codes[i]!, Date.now());
      a.station.emit('scan');
      while (!has.get(r.eventId) && performance.now() - t < 10_000) await sleep(5);
      lat.push(performance.now() - t);
      await sleep(150);
    }
    lat.sort((x, y) => x - y);
    rows.push({ area: A, name: 'scan visible at another entrance via the hub, p50', value: round(percentile(lat, 50), 1), unit: 'ms', ratio: round(percentile(lat, 50) / 2000, 3), vs: 'target 2 s' });
    rows.push({
      area: A,
      name: 'scan visible at another entrance via the hub, p95',
      value: round(percentile(lat, 95), 1),
      unit: 'ms',
      ratio: round(percentile(lat, 95) / 2000, 3),
      vs: 'target 2 s',
      target: { bound: 'max', limit: 2000, on: 'value' },
      note: 'registry killed; stations poll the hub every second',
    });

    // 2. n stations × 10 scans/s for `seconds`: how far behind is the hub when they stop?
    const before = count(hubSt.station);
    const t0 = Date.now();
    let made = 0;
    for (let tick = 0; tick < seconds * 10; tick++) {
      for (const s of all.slice(1)) {
        s.station.write(() => s.station.append({ kind: 'scan', attendeeId: null, roomId: null, sessionId: null, verdict: 'refused', reason: 'unknown_code', operator: null, payload: { code: `B${tick}` } }, Date.now()));
        s.station.emit('scan');
        made++;
      }
      const wait = t0 + (tick + 1) * 100 - Date.now();
      if (wait > 0) await sleep(wait);
    }
    const stopAt = performance.now();
    while (count(hubSt.station) - before < made && performance.now() - stopAt < 60_000) await sleep(20);
    const behind = performance.now() - stopAt;
    const rate = made / ((Date.now() - t0) / 1000);
    rows.push({
      area: A,
      name: `hub relaying ${n} stations × 10 scans/s: caught up after the last scan`,
      value: round(behind, 0),
      unit: 'ms',
      ratio: round(behind / 2000, 3),
      vs: 'target 2 s (not falling behind)',
      target: { bound: 'max', limit: 2000, on: 'value' },
      note: `${made} scans in ${seconds} s (${round(rate, 0)}/s offered)${count(hubSt.station) - before < made ? '; NOT all arrived in 60 s' : ''}`,
    });

    // 3. The registry returns: every event stored there within …
    const ids = new Set<string>();
    for (const s of all) for (const r of s.station.db.sqlite.prepare('select id from events').all() as { id: string }[]) ids.add(r.id);
    const total = ids.size;
    const tRestart = performance.now();
    await reg.start(); // returns once the registry listens: "returns" is from then on
    const restartS = (performance.now() - tRestart) / 1000;
    const tBack = performance.now();
    let onRegistry = 0;
    while (performance.now() - tBack < 120_000) {
      const st = await reg.admin<{ events?: number }>('GET', '/v1/admin/status').catch(() => ({}) as { events?: number });
      onRegistry = st.events ?? 0;
      if (onRegistry >= total) break;
      await sleep(100);
    }
    const backS = (performance.now() - tBack) / 1000;
    rows.push({
      area: A,
      name: 'after the registry returns: every event stored there',
      value: round(backS, 1),
      unit: 's',
      ratio: round(backS / 10, 3),
      vs: 'target 10 s',
      target: { bound: 'max', limit: 10, on: 'value' },
      note: `${onRegistry} of ${total} events; from when it listens again (its restart took ${round(restartS, 1)} s more)`,
    });
  } finally {
    for (const s of all) s.client.stop();
    await hub?.close();
    for (const s of all) s.station.close();
    await reg.kill('SIGTERM').catch(() => {});
  }
  return rows;
};

export default bench;
