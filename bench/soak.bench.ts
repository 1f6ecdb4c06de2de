// A conference day at 5× our size (issue 14, `npm run bench -- --soak`): 200 protocol-level
// stations (testkit/protocol-station.ts: the wire protocol, no SQLite, no UI) on one registry with
// PostgreSQL push 1,000,000 scans over a compressed day — the 08:30–09:15 entrance rush, and a
// burst at every session change — while each holds its live channel and a tenth of them pull
// what the others scanned. Reports push p50/p99, registry and PostgreSQL CPU and memory, the
// database's size, that nothing was lost, and how long a station joining late takes to catch up.
// The full run (npm run bench) and --quick play the same day at a smaller scale.
import fs from 'node:fs';
import { startPgCluster } from '../testkit/pg-cluster';
import { cpuSeconds, peakMb, resetPeak, rssMb } from '../testkit/proc-stats';
import { ProtocolStation } from '../testkit/protocol-station';
import { startRegistryProc } from '../testkit/registry-proc';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const A = 'soak';

/**
 * The day in 15-minute slots (08:00–18:00), each with its share of the day's scans: the entrance
 * rush takes ~45 % in three slots, session changes (10:30, 12:00, 14:00, 15:30) a burst each.
 */
export function daySlots(): number[] {
  const w = Array.from({ length: 40 }, () => 1);
  for (const s of [2, 3, 4]) w[s] = 30; // 08:30–09:15
  for (const s of [10, 16, 24, 30]) w[s] = 8; // session changes
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

/** CPU seconds of every process of the PostgreSQL cluster listening on `port` (postmaster and backends). */
function postgresCpu(port: number): number {
  let total = 0;
  const procs = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const postmaster = procs.find((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').includes(`-p ${port} `);
    } catch {
      return false;
    }
  });
  if (!postmaster) return NaN;
  for (const p of procs) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      if (p === postmaster || ppid === postmaster) total += cpuSeconds(Number(p));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Runs `fn` over `items` with at most `n` at once. */
async function pool<T>(items: T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

const bench: BenchModule = async ({ quick, soak }) => {
  const size = soak ? { stations: 200, scans: 1_000_000, people: 5_000 } : quick ? { stations: 20, scans: 10_000, people: 1_000 } : { stations: 50, scans: 60_000, people: 5_000 };
  const rows: BenchRow[] = [];
  const pg = await startPgCluster();
  const port = Number(/:(\d+)\//.exec(pg.url())![1]);
  try {
    const url = await pg.createDatabase('soak');
    const reg = await startRegistryProc({ dataDir: fs.mkdtempSync('/tmp/foyer-soak-'), databaseUrl: url, heartbeatMs: 15_000 });
    try {
      await reg.admin('POST', '/v1/admin/demo', { attendees: size.people });
      const people: string[] = [];
      for (let after = ''; people.length < size.people; ) {
        const page = await reg.admin<{ id: string }[]>('GET', `/v1/admin/attendees?limit=1000&after=${encodeURIComponent(after)}`);
        if (page.length === 0) break;
        people.push(...page.map((p) => p.id));
        after = page[page.length - 1]!.id;
      }
      const stations: ProtocolStation[] = [];
      await pool(Array.from({ length: size.stations }, (_, i) => i), 10, async (i) => {
        stations.push(await ProtocolStation.pair(reg, `Soak ${i + 1}`));
      });
      const live = stations.map((s) => s.live());
      await Promise.all(live.map((l) => l.opened));
      const pullers = stations.slice(0, Math.max(1, Math.round(stations.length / 10)));
      for (const p of pullers) await p.pullAll(5000);

      const pid = reg.proc!.pid!;
      resetPeak(pid);
      const cpu0 = cpuSeconds(pid);
      const pgCpu0 = postgresCpu(port);
      const pushMs: number[] = [];
      let sent = 0;
      let acked = 0;
      const rejected = new Map<string, number>();
      const day = new Date().toISOString().slice(0, 10);
      const t0 = performance.now();
      const dayStart = Date.now() - 10 * 3600_000;
      for (const [slot, share] of daySlots().entries()) {
        const inSlot = Math.round(size.scans * share);
        const per = Math.ceil(inSlot / stations.length);
        const slotAt = dayStart + slot * 15 * 60_000;
        let pulling = true;
        // A tenth of the stations keep pulling the others' scans while the slot is pushed.
        const pulls = Promise.all(pullers.map(async (p) => {
          while (pulling) await p.pullAll(5000);
        }));
        await pool(stations, stations.length, async (s) => {
          // A station pushes what it scanned in batches, as a real one does after a burst (≤ 500 a push).
          for (let done = 0; done < per; ) {
            const n = Math.min(100, per - done);
            const events = Array.from({ length: n }, (_, k) =>
              s.scan(slotAt + Math.floor(((done + k) * 900_000) / per), day, { attendeeId: people[(sent + done + k) % people.length]!, code: `C-${done + k}` }),
            );
            const t = performance.now();
            const r = await s.push(events);
            pushMs.push(performance.now() - t);
            acked += r.stored + r.duplicates;
            if (r.rejected.length > 0) rejected.set(r.rejected[0]!.reason ?? '?', (rejected.get(r.rejected[0]!.reason ?? '?') ?? 0) + r.rejected.length);
            done += n;
          }
        });
        sent += per * stations.length;
        pulling = false;
        await pulls;
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuSeconds(pid) - cpu0;
      const pgCpu = postgresCpu(port) - pgCpu0;
      const peak = peakMb(pid);
      pushMs.sort((a, b) => a - b);
      for (const l of live) l.close();

      // A station joining late: the snapshot, then pages to the end.
      const late = await ProtocolStation.pair(reg, 'Late desk');
      const tLate = performance.now();
      const snap = await fetch(`${reg.url}/v1/sync/snapshot?protocol=1`, { headers: { authorization: `Bearer ${late.token}` } });
      const snapBytes = (await snap.arrayBuffer()).byteLength;
      late.cursor = snap.headers.get('x-foyer-snapshot-cursor') ?? late.cursor;
      const rest = await late.pullAll(5000);
      const lateS = (performance.now() - tLate) / 1000;

      const { default: postgres } = await import('postgres');
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      const [{ n, size: dbBytes }] = (await sql`select (select count(*) from events)::int as n, pg_database_size(current_database())::bigint as size`) as unknown as [{ n: number; size: string }];
      await sql.end({ timeout: 2 });

      const label = `${size.stations} stations, ${sent.toLocaleString('en')} scans`;
      rows.push({ area: A, name: `push p50 (${label})`, value: round(percentile(pushMs, 50), 1), unit: 'ms', note: `${pushMs.length.toLocaleString('en')} pushes of ≤ 100 events; day played in ${round(seconds, 0)} s = ${Math.round(sent / seconds).toLocaleString('en')} scans/s` });
      rows.push({ area: A, name: `push p99 (${label})`, value: round(percentile(pushMs, 99), 1), unit: 'ms', target: { bound: 'max', limit: 500, on: 'value' }, note: `slowest ${round(pushMs[pushMs.length - 1] ?? NaN, 0)} ms` });
      rows.push({ area: A, name: 'scans stored of those pushed (nothing lost)', value: n, unit: 'scans', ratio: round(n / sent, 4), vs: `${sent.toLocaleString('en')} pushed, ${acked.toLocaleString('en')} acknowledged`, note: rejected.size ? `refused: ${[...rejected].map(([k, v]) => `${v} ${k}`).join(', ')}`.slice(0, 200) : undefined, target: { bound: 'min', limit: 1, on: 'ratio' } });
      rows.push({ area: A, name: 'registry CPU over the day (of 2 cores)', value: round(cpu, 1), unit: 's', ratio: round(cpu / seconds, 2), vs: 'cores busy on average', note: `PostgreSQL ${round(pgCpu, 1)} s (${round(pgCpu / seconds, 2)} cores)` });
      rows.push({ area: A, name: 'registry resident memory, peak over the day', value: Math.round(peak), unit: 'MB', note: `now ${Math.round(rssMb(pid))} MB` });
      rows.push({ area: A, name: 'PostgreSQL database size at the end', value: Math.round(Number(dbBytes) / 2 ** 20), unit: 'MB', note: `${n.toLocaleString('en')} scans, ${size.people.toLocaleString('en')} people` });
      rows.push({ area: A, name: 'late-joining station catches up (snapshot + pages)', value: round(lateS, 2), unit: 's', note: `snapshot ${Math.round(snapBytes / 1024)} kB gzip, then ${rest.changes.toLocaleString('en')} changes in ${rest.pages} pages (protocol client: download only, no SQLite apply)` });
    } finally {
      await reg.kill('SIGTERM');
    }
  } finally {
    await pg.stop();
  }
  return rows;
};

export default bench;
