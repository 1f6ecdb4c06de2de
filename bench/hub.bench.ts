// LAN hub figures (issue #15, docs/lan-hub.md), with the registry unreachable (killed) and the
// hub on loopback: a scan at one entrance visible at another through the hub (p50/p95, target
// ≤ 2 s p95); a hub relaying 20 stations × 10 scans/s (5 stations for 3 s with --quick): how far
// behind the stations it is once they stop (target: caught up within 2 s, i.e. not falling
// behind); and after the registry returns, how long until it stores every event (target ≤ 10 s).
// The entrances run in child processes (bench/hub-stations.ts), the hub in this one.
// Prints figures; asserts nothing.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startHub } from '../station/hub/server';
import { openStation, type Station } from '../station/station';
import { newSyncClient, type SyncClient } from '../station/sync/index';
import { pairStation } from '../station/sync/pair';
import { startRegistryProc, type RegistryProc } from '../testkit/registry-proc';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const A = 'hub';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (s: Station) => (s.db.sqlite.prepare('select count(*) as n from events').get() as { n: number }).n;

/** A child process running some of the entrance stations (bench/hub-stations.ts). */
interface Entrances {
  call<T>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  proc: ChildProcess;
}

async function entrances(): Promise<Entrances> {
  const proc = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'hub-stations.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ready = new Promise<void>((resolve, reject) => {
    proc.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      if (m.id === 0) return resolve();
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.error));
    });
    proc.on('exit', (code) => {
      reject(new Error(`entrance process exited ${code}`));
      for (const p of pending.values()) p.reject(new Error('entrance process died'));
    });
  });
  await ready;
  return {
    proc,
    call: <T>(cmd: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        proc.send({ id, cmd, args });
      }),
  };
}

async function pairingCodes(reg: RegistryProc, names: string[]): Promise<string[]> {
  const codes: string[] = [];
  for (const name of names) codes.push((await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name })).code);
  return codes;
}

const bench: BenchModule = async ({ quick, tmp }) => {
  const rows: BenchRow[] = [];
  const n = quick ? 5 : 20;
  const seconds = quick ? 3 : 10;
  // The simulated entrances run in child processes (five stations each), so the bench can offer
  // the full load; the hub runs here, on its own event loop, as it would on its own laptop.
  const procs = Math.ceil(n / 5);
  const reg = await startRegistryProc({ dataDir: path.join(tmp, 'reg') });
  const kids: Entrances[] = [];
  let hubSt: { station: Station; client: SyncClient } | null = null;
  let hub: Awaited<ReturnType<typeof startHub>> | null = null;
  try {
    await reg.admin('POST', '/v1/admin/demo', {});
    const station = openStation(path.join(tmp, 'hub'), { stationName: 'Hub' });
    hubSt = { station, client: newSyncClient(station, { live: false, pollMs: 1_000, probeMs: 500 }) };
    const [hubCode] = await pairingCodes(reg, ['Hub']);
    if (!(await pairStation(station, reg.url, hubCode!)).paired) throw new Error('the hub station did not pair');
    kids.push(...(await Promise.all(Array.from({ length: procs }, () => entrances()))));
    for (const [k, kid] of kids.entries()) {
      const names = Array.from({ length: n }, (_, i) => i).filter((i) => i % procs === k).map((i) => `Entrance ${i + 1}`);
      await kid.call('open', { dir: path.join(tmp, `p${k}`), names, url: reg.url, codes: await pairingCodes(reg, names) });
    }
    // Everyone knows everyone's station key.
    for (let round = 0; round < 2; round++) {
      await hubSt.client.syncNow();
      await Promise.all(kids.map((k) => k.call('syncAll')));
    }
    hub = await startHub({ station, port: 0, host: '127.0.0.1' });

    await reg.kill('SIGKILL');
    hubSt.client.start();
    await Promise.all(kids.map((k) => k.call('useHub', { url: hub!.url })));

    // 1. A scan at one entrance (process 1) visible at another (process 2), through the hub.
    const [a, b] = [kids[0]!, kids[1 % kids.length]!];
    const bIndex = kids.length > 1 ? 0 : 1;
    const codes = await a.call<string[]>('codes', { n: 200 });
    const lat: number[] = [];
    for (let i = 0; i < (quick ? 10 : 40); i++) {
      const t = performance.now();
      const id = await a.call<string>('scan', { i: 0, code: codes[i]! });
      await b.call('waitFor', { i: bIndex, id });
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
      note: `registry killed; stations in ${procs} processes, poked by the hub (long poll)`,
    });

    // 2. n stations × 10 scans/s for `seconds`: how far behind is the hub when they stop?
    const before = count(station);
    const elu0 = nodePerformance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    const made = (await Promise.all(kids.map((k) => k.call<number>('burst', { seconds, rate: 10, startInMs: 200 })))).reduce((x, y) => x + y, 0);
    const stopAt = performance.now();
    const rate = made / ((Date.now() - t0 - 200) / 1000);
    // How busy the hub's own process was while the scans came in (it runs nothing else): under
    // 100 % it keeps up, and what lags is the stations' side of the chain.
    const elu = nodePerformance.eventLoopUtilization(elu0).utilization;
    const cpu = process.cpuUsage(cpu0);
    const cpuShare = (cpu.user + cpu.system) / 1000 / (Date.now() - t0);
    while (count(station) - before < made && performance.now() - stopAt < 60_000) await sleep(20);
    const behind = performance.now() - stopAt;
    rows.push({
      area: A,
      name: `hub relaying ${n} stations × 10 scans/s: caught up after the last scan`,
      value: round(behind, 0),
      unit: 'ms',
      ratio: round(behind / 2000, 3),
      vs: 'target 2 s (not falling behind)',
      target: { bound: 'max', limit: 2000, on: 'value' },
      note: `${made} scans in ${seconds} s (${round(rate, 0)}/s offered from ${procs} processes)${count(station) - before < made ? '; NOT all arrived in 60 s' : ''}`,
    });
    rows.push({
      area: A,
      name: `hub relaying ${n} stations × 10 scans/s: hub's event loop busy`,
      value: round(elu * 100, 0),
      unit: '%',
      note: `CPU ${round(cpuShare * 100, 0)} % of one core during the burst (group commit, prepared page query)`,
    });

    // 3. The registry returns: every event stored there within …
    const ids = new Set<string>((await Promise.all(kids.map((k) => k.call<string[]>('ids')))).flat());
    for (const r of station.db.sqlite.prepare('select id from events').all() as { id: string }[]) ids.add(r.id);
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
    await Promise.all(kids.map((k) => k.call('close').catch(() => {})));
    for (const k of kids) k.proc.kill();
    hubSt?.client.stop();
    await hub?.close();
    hubSt?.station.close();
    await reg.kill('SIGTERM').catch(() => {});
  }
  return rows;
};

export default bench;
