// A durable check-in with 100,000 attendees (10,000 with --quick), 3,000 scans (500), half first
// admissions and half repeats, each committed (WAL, synchronous=FULL) before its verdict, against
// a bare fsync'd single-row INSERT on the same disk, interleaved one for one (bench/durable.ts).
// Also: CPU time per scan (the part that is not the disk), WAL pages per commit (what each fsync
// flushes), GC pauses. Where the time goes: docs/performance.md.
import path from 'node:path';
import { loadEventBundle } from '../db/event-bundle';
import { generateDemoEvent } from '../resources/demo/generate';
import { dayInZone } from '../core/time';
import { checkIn } from '../station/checkin';
import { openStation } from '../station/station';
import { bareInsert, interleaved, walPagesPerCommit } from './durable';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const bench: BenchModule = async ({ quick, tmp }) => {
  const n = quick ? 10_000 : 100_000;
  const scans = quick ? 500 : 3_000;
  const station = openStation(path.join(tmp, 'station'));
  // In a function of its own, so the generated event (100k objects) is garbage before the scans:
  // a station that loaded its list does not keep the import in memory either, and a heap that
  // holds it makes every major GC during the scans longer.
  const { loadS, codes } = (() => {
    const now = Date.now();
    const bundle = generateDemoEvent(dayInZone(now, 'Europe/Vienna'), { attendees: n, seed: 7 });
    const t = performance.now();
    station.write(() => loadEventBundle(station.db.orm, bundle, now));
    return { loadS: (performance.now() - t) / 1000, codes: bundle.attendees.filter((a) => a.status === 'active').map((a) => a.badgeCode) };
  })();
  const anchor = bareInsert(tmp);

  // Half first admissions, half repeats (the "already checked in" path reads more).
  const half = Math.floor(scans / 2);
  const r = await interleaved(scans, (i) => checkIn(station, codes[i % half]!, Date.now()), anchor);
  const pages = walPagesPerCommit(station.db.sqlite, station.db.file, 100, (i) => checkIn(station, codes[half + i]!, Date.now()));
  const barePages = walPagesPerCommit(anchor.db, anchor.file, 100, () => anchor.insert());
  station.close();
  anchor.close();

  const label = `(${scans.toLocaleString('en')} scans, ${n.toLocaleString('en')} attendees)`;
  const p = (xs: number[], q: number) => percentile(xs, q);
  const rows: BenchRow[] = [
    { area: 'checkin', name: `load ${n.toLocaleString('en')} attendees`, value: round(loadS, 2), unit: 's' },
    { area: 'checkin', name: `durable check-in p50 ${label}`, value: round(p(r.scan, 50)), unit: 'ms', ratio: round(p(r.scan, 50) / p(r.bare, 50), 2), vs: 'bare fsync insert p50', target: { bound: 'max', limit: 2, on: 'ratio' } },
    { area: 'checkin', name: `durable check-in p99 ${label}`, value: round(p(r.scan, 99)), unit: 'ms', ratio: round(p(r.scan, 99) / p(r.bare, 99), 2), vs: 'bare fsync insert p99', target: { bound: 'max', limit: 2, on: 'ratio' } },
    { area: 'checkin', name: `durable check-in p99, absolute ${label}`, value: round(p(r.scan, 99)), unit: 'ms', target: { bound: 'max', limit: 1, on: 'value' } },
    { area: 'checkin', name: 'bare fsync insert p50 (anchor)', value: round(p(r.bare, 50)), unit: 'ms' },
    { area: 'checkin', name: 'bare fsync insert p99 (anchor)', value: round(p(r.bare, 99)), unit: 'ms' },
    { area: 'checkin', name: 'check-in CPU time p50 (not waiting for the disk)', value: round(p(r.scanCpu, 50)), unit: 'ms', note: `p99 ${round(p(r.scanCpu, 99))} ms` },
    { area: 'checkin', name: 'WAL pages per check-in commit', value: round(pages, 1), unit: 'pages', ratio: round(pages / barePages, 1), vs: 'bare insert', note: `bare insert ${round(barePages, 1)}; 4 KiB each, all flushed by the commit's fsync` },
    { area: 'checkin', name: `GC pauses during ${scans.toLocaleString('en')} scans`, value: r.gc.count, unit: 'pauses', note: `longest ${round(r.gc.maxMs)} ms, total ${round(r.gc.totalMs)} ms` },
  ];
  return rows;
};
export default bench;
