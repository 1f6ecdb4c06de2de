// Registry figures (issue 14): a fresh PGlite registry's first start, with the installation's
// template and without it (initdb); an import of 100,000 attendees (20,000 with --quick) uploaded
// as an Indico registrants export, the way an organiser imports them (read and checked in the
// import worker, stored in bulk), with /v1/health probed all along, on PGlite and on PostgreSQL;
// the registry's resident memory idle, importing and serving 10 first downloads at once (the
// snapshot file, then pages to the end), next to PGlite's own floor (a bare PGlite in a script).
// docs/performance.md says where the time goes.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteStartParams } from '../registry/db';
import { startPgCluster } from '../testkit/pg-cluster';
import { cpuSeconds, peakMb, resetPeak, rssMb } from '../testkit/proc-stats';
import { ProtocolStation } from '../testkit/protocol-station';
import { pgliteTemplate, startRegistryProc, type RegistryProc } from '../testkit/registry-proc';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const A = 'registry';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An Indico registrants export (the columns Indico writes) of n people, names in several scripts. */
export function indicoExport(n: number): Buffer {
  const given = ['Zoë', 'Алексей', 'Oksana', 'Jean-Luc', 'Mariam', 'Li', 'Sofía', 'Jörg', 'Aylin', 'Nguyen'];
  const family = ['Ñúñez', 'Иванов', 'Kovalenko', "O'Brien", 'Haddad', 'Wei', 'García', 'Müller', 'Yılmaz', 'Thi Lan'];
  const countries = ['Austria', 'Russia', 'Ukraine', 'France', 'Lebanon', 'China', 'Spain', 'Germany', 'Türkiye', 'Viet Nam'];
  const tags = ['Delegation', 'NGO', 'Media', 'Speaker', 'Delegation,Observer'];
  const lines = ['ID,Name,First Name,Last Name,Email Address,Affiliation,Position,Country,Accompanying Persons,Registration date,Registration state,Tags'];
  for (let i = 1; i <= n; i++) {
    const g = `${given[i % 10]}${i % 7 === 0 ? '-Marie' : ''}`;
    const f = `${family[(i * 7) % 10]} ${i}`;
    lines.push(
      [i, `"${g} ${f.replace(/"/g, '""')}"`, g, `"${f.replace(/"/g, '""')}"`, `p${i}@example.org`, `"Ministry of Foreign Affairs, ${countries[i % 10]}"`, 'Counsellor', countries[i % 10], '', '2026-03-02 14:05:11.412077+01:00', i % 50 === 0 ? 'Pending' : 'Completed', `"${tags[i % 5]}"`].join(','),
    );
  }
  return Buffer.from('\ufeff' + lines.join('\r\n'), 'utf8');
}

/** Probes /v1/health every 25 ms until stopped; returns the answer times (ms), sorted. */
function healthProbe(url: string) {
  let on = true;
  const times: number[] = [];
  const done = (async () => {
    while (on) {
      const t = performance.now();
      await (await fetch(`${url}/v1/health`)).arrayBuffer();
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    stop: async () => {
      on = false;
      await done;
      return times.sort((a, b) => a - b);
    },
  };
}

/** Uploads the file to the import route, as `registry:admin import FILE` does. */
async function importFile(reg: RegistryProc, file: Buffer): Promise<{ imported: number; summary: string }> {
  const res = await fetch(`${reg.url}/v1/admin/attendees/import?options=${encodeURIComponent(JSON.stringify({ format: 'csv' }))}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reg.adminToken}`, 'content-type': 'text/csv' },
    body: new Uint8Array(file),
  });
  const r = (await res.json()) as { imported: number; summary: string };
  if (!res.ok) throw new Error(`import: ${res.status} ${r.summary}`);
  return r;
}

interface ImportFigures {
  seconds: number;
  cpu: number;
  healthP95: number;
  healthMax: number;
  peak: number;
}

async function timedImport(reg: RegistryProc, file: Buffer, n: number): Promise<ImportFigures> {
  const pid = reg.proc!.pid!;
  resetPeak(pid);
  const cpu0 = cpuSeconds(pid);
  const probe = healthProbe(reg.url);
  const t = performance.now();
  const r = await importFile(reg, file);
  const seconds = (performance.now() - t) / 1000;
  const health = await probe.stop();
  if (r.imported !== n) throw new Error(`imported ${r.imported} of ${n}: ${r.summary}`);
  return { seconds, cpu: cpuSeconds(pid) - cpu0, healthP95: percentile(health, 95), healthMax: health[health.length - 1] ?? NaN, peak: peakMb(pid) };
}

interface PullsFigures {
  /** Each station's whole first download (snapshot file, then pages to the end), s, sorted. */
  each: number[];
  peak: number;
  changes: number;
  /** The registry's CPU over the downloads, all threads. */
  cpu: number;
  /** The longest wait for a first byte: making the snapshot (all ten share one). */
  makeS: number;
  fileBytes: number;
}

/** Ten stations make their first download at once, the way stations do (registry/snapshot.ts). */
async function tenPulls(reg: RegistryProc): Promise<PullsFigures> {
  const stations = await Promise.all(Array.from({ length: 10 }, (_, i) => ProtocolStation.pair(reg, `Pull ${i + 1}`)));
  const pid = reg.proc!.pid!;
  resetPeak(pid);
  const cpu0 = cpuSeconds(pid);
  const got = await Promise.all(stations.map((s) => s.snapshot()));
  const cpu = cpuSeconds(pid) - cpu0;
  return {
    each: got.map((g) => g.ms / 1000).sort((a, b) => a - b),
    peak: peakMb(pid),
    changes: got[0]!.changes,
    cpu,
    makeS: Math.max(...got.map((g) => g.firstByteMs)) / 1000,
    fileBytes: got[0]!.fileBytes,
  };
}

function pullRows(pulls: PullsFigures, db: string): BenchRow[] {
  return [
    {
      area: A,
      name: `10 stations' first download of ${pulls.changes.toLocaleString('en')} changes at once, slowest (snapshot, ${db})`,
      value: round(pulls.each[9]!, 2),
      unit: 's',
      target: { bound: 'max', limit: 10, on: 'value' },
      note: `fastest ${round(pulls.each[0]!, 2)} s; registry CPU ${round(pulls.cpu, 1)} s for all ten (download only: no station database)`,
    },
    {
      area: A,
      name: `snapshot of ${pulls.changes.toLocaleString('en')} changes: made once, shared (${db})`,
      value: round(pulls.makeS, 2),
      unit: 's',
      note: `${round(pulls.fileBytes / 2 ** 20, 1)} MiB gzip; the slowest station's wait for its first byte`,
    },
  ];
}

interface StationDownload {
  seconds: number;
  cpu: number;
  pulled: number;
  rssMb: number;
  attendees: number;
}

/**
 * Real stations' first downloads (bench/station-download.ts: the station's own SQLite and sync
 * client, each in a process of its own), all started at once; each one's figures.
 */
async function stationDownloads(reg: RegistryProc, tmp: string, count: number, n: number): Promise<StationDownload[]> {
  const codes = await Promise.all(Array.from({ length: count }, (_, i) => reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: `Desk ${i + 1}` })));
  const runs = codes.map(({ code }, i) =>
    new Promise<StationDownload>((resolve, reject) => {
      const dir = path.join(tmp, `station-${count}-${i}`);
      execFile(process.execPath, ['--import', 'tsx', path.join(root, 'bench/station-download.ts'), reg.url, code, dir, String(n)], { cwd: root, maxBuffer: 1 << 20 }, (err, out, errOut) => {
        fs.rmSync(dir, { recursive: true, force: true });
        if (err) reject(new Error(`station ${i + 1}: ${(errOut || err.message).split('\n').find((l) => l.includes('Error')) ?? err.message}`));
        else resolve(JSON.parse(out.trim().split('\n').pop()!) as StationDownload);
      });
    }),
  );
  return Promise.all(runs);
}

/** Resident memory of a bare PGlite opened on a copy of the registry's empty cluster, in a script of its own. */
function pgliteFloor(tmp: string, settings: 'postgres' | 'registry'): number {
  const dir = path.join(tmp, `floor-${settings}`);
  fs.cpSync(fs.realpathSync(process.env.FOYER_BENCH_TEMPLATE!), dir, { recursive: true });
  const script = `
    import { PGlite } from '@electric-sql/pglite';
    const pg = await PGlite.create(process.argv[1], { startParams: [...PGlite.defaultStartParams, ...JSON.parse(process.argv[2])] });
    await pg.query('select count(*) from attendees');
    await new Promise((r) => setTimeout(r, 500));
    console.log(process.memoryUsage().rss);
    await pg.close();`;
  const params = settings === 'registry' ? pgliteStartParams() : [];
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, dir, JSON.stringify(params)], { cwd: root, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return Number(out.trim()) / 2 ** 20;
}

async function firstStart(dir: string, env?: Record<string, string>): Promise<{ seconds: number; cpu: number; reg: RegistryProc }> {
  const t = performance.now();
  const reg = await startRegistryProc({ dataDir: dir, env });
  // The process's whole CPU so far: loading the code (tsx), the template copy, PGlite, TLS, listening.
  return { seconds: (performance.now() - t) / 1000, cpu: cpuSeconds(reg.proc!.pid!), reg };
}

const bench: BenchModule = async ({ quick, tmp }) => {
  const rows: BenchRow[] = [];
  const n = quick ? 20_000 : 100_000;
  const file = indicoExport(n);
  process.env.FOYER_BENCH_TEMPLATE = await pgliteTemplate();

  // 1. A fresh registry's first start: with the installation's template, then without (initdb).
  const plain = await firstStart(path.join(tmp, 'no-template'), { FOYER_PGLITE_TEMPLATE: 'off' });
  const initdbPeak = peakMb(plain.reg.proc!.pid!);
  await plain.reg.kill('SIGTERM');
  const { seconds: startS, cpu: startCpu, reg } = await firstStart(path.join(tmp, 'reg'));
  rows.push({
    area: A,
    name: 'fresh PGlite registry, first start (copy of the installation template)',
    value: round(startS, 2),
    unit: 's',
    target: { bound: 'max', limit: 3, on: 'value' },
    note: `CPU ${round(startCpu, 1)} s; without the template (initdb + migrations): ${round(plain.seconds, 1)} s, CPU ${round(plain.cpu, 1)} s, peak ${Math.round(initdbPeak)} MB`,
  });

  try {
    const pid = reg.proc!.pid!;
    // An organiser sets the event up before importing its people (stations need it to open).
    await reg.admin('PUT', '/v1/admin/event', { id: 'bench-event', name: 'Bench conference', venue: 'Hofburg', timeZone: 'Europe/Vienna', days: ['2026-04-18', '2026-04-19'], description: '' });
    await new Promise((r) => setTimeout(r, 3000));
    const floorPg = pgliteFloor(tmp, 'postgres');
    const floorReg = pgliteFloor(tmp, 'registry');
    const idle = rssMb(pid);
    rows.push({
      area: A,
      name: 'PGlite registry resident memory, idle',
      value: Math.round(idle),
      unit: 'MB',
      ratio: round(idle / floorReg, 2),
      vs: `bare PGlite with the registry's settings (${Math.round(floorReg)} MB; PostgreSQL's defaults ${Math.round(floorPg)} MB)`,
      target: { bound: 'max', limit: 250, on: 'value' },
    });

    // 2. Import on PGlite, health probed all along.
    const imp = await timedImport(reg, file, n);
    rows.push({
      area: A,
      name: `import ${n.toLocaleString('en')} attendees, Indico CSV upload (PGlite)`,
      value: round(imp.seconds, 2),
      unit: 's',
      target: { bound: 'max', limit: 3, on: 'value' },
      note: `registry CPU ${round(imp.cpu, 1)} s (all threads); ${Math.round(n / imp.seconds).toLocaleString('en')} people/s`,
    });
    rows.push({
      area: A,
      name: '/v1/health p95 during that import (PGlite)',
      value: round(imp.healthP95, 1),
      unit: 'ms',
      target: { bound: 'max', limit: 100, on: 'value' },
      note: `slowest ${round(imp.healthMax, 0)} ms`,
    });
    rows.push({ area: A, name: 'PGlite registry resident memory, peak while importing', value: Math.round(imp.peak), unit: 'MB', target: { bound: 'max', limit: 500, on: 'value' } });
    const again = await timedImport(reg, file, n);
    rows.push({ area: A, name: `re-import of the same ${n.toLocaleString('en')} (every row an update, PGlite)`, value: round(again.seconds, 2), unit: 's', note: `registry CPU ${round(again.cpu, 1)} s` });

    // 3. Ten first downloads at once.
    const pulls = await tenPulls(reg);
    rows.push(...pullRows(pulls, 'PGlite'));

    // 4. Real stations: one alone, then ten at once (ten processes on this machine's cores).
    try {
      const [one] = await stationDownloads(reg, tmp, 1, n);
      rows.push({
        area: A,
        name: `a real station's first download of ${n.toLocaleString('en')}, until it can search and admit everyone (PGlite)`,
        value: round(one!.seconds, 2),
        unit: 's',
        target: { bound: 'max', limit: 3, on: 'value' },
        note: `station CPU ${round(one!.cpu, 1)} s; ${one!.pulled.toLocaleString('en')} changes; station RSS ${Math.round(one!.rssMb)} MB`,
      });
      const cpuTen0 = cpuSeconds(pid);
      const ten = (await stationDownloads(reg, tmp, 10, n)).sort((a, b) => a.seconds - b.seconds);
      const cpuTen = cpuSeconds(pid) - cpuTen0;
      rows.push({
        area: A,
        name: `10 real stations' first downloads at once, slowest (PGlite)`,
        value: round(ten[9]!.seconds, 2),
        unit: 's',
        target: { bound: 'max', limit: 10, on: 'value' },
        note: `fastest ${round(ten[0]!.seconds, 2)} s; station CPU ${round(ten.reduce((a, t) => a + t.cpu, 0) / 10, 1)} s each, registry CPU ${round(cpuTen, 1)} s for all ten; ten stations share these cores`,
      });
    } catch (err) {
      rows.push({ area: A, name: "real stations' first downloads", value: NaN, unit: '', failed: (err as Error).message.slice(0, 300) });
    }
  } finally {
    await reg.kill('SIGTERM');
  }

  // 4. The same import on a real PostgreSQL server.
  const pg = await startPgCluster();
  try {
    const regPg = await startRegistryProc({ dataDir: path.join(tmp, 'reg-pg'), databaseUrl: await pg.createDatabase('bench_import') });
    try {
      const imp = await timedImport(regPg, file, n);
      rows.push({
        area: A,
        name: `import ${n.toLocaleString('en')} attendees, Indico CSV upload (PostgreSQL)`,
        value: round(imp.seconds, 2),
        unit: 's',
        target: { bound: 'max', limit: 3, on: 'value' },
        note: `registry process CPU ${round(imp.cpu, 1)} s; /v1/health p95 ${round(imp.healthP95, 1)} ms`,
      });
      rows.push(...pullRows(await tenPulls(regPg), 'PostgreSQL'));
    } finally {
      await regPg.kill('SIGTERM');
    }
  } finally {
    await pg.stop();
  }
  return rows;
};

export default bench;
