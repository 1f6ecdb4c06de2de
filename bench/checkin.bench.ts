// Check-in decision cost with 100,000 attendees (10,000 with --quick), 3,000 scans (500), each
// committed durably (WAL, synchronous=FULL), against a bare fsync'd single-row INSERT on the
// same disk as the anchor.
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadEventBundle } from '../db/event-bundle';
import { generateDemoEvent } from '../resources/demo/generate';
import { dayInZone } from '../core/time';
import { checkIn } from '../station/checkin';
import { openStation } from '../station/station';
import { percentile, round, sample, type BenchModule } from './harness';

const bench: BenchModule = async ({ quick, tmp }) => {
  const n = quick ? 10_000 : 100_000;
  const scans = quick ? 500 : 3_000;
  const station = openStation(path.join(tmp, 'station'));
  const now = Date.now();
  const bundle = generateDemoEvent(dayInZone(now, 'Europe/Vienna'), { attendees: n, seed: 7 });
  const tLoad = performance.now();
  station.write(() => loadEventBundle(station.db.orm, bundle, now));
  const loadS = (performance.now() - tLoad) / 1000;
  const codes = bundle.attendees.filter((a) => a.status === 'active').map((a) => a.badgeCode);

  // Half first admissions, half repeats (the "already checked in" path reads more).
  const times = await sample(scans, (i) => checkIn(station, codes[i % Math.floor(scans / 2)]!, Date.now()));
  station.close();

  const bare = new Database(path.join(tmp, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('create table t (id integer primary key, v text)');
  const ins = bare.prepare('insert into t (v) values (?)');
  const bareTimes = await sample(scans, (i) => ins.run(`v${i}`));
  bare.close();
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  const b50 = percentile(bareTimes, 50);
  return [
    { area: 'checkin', name: `load ${n.toLocaleString('en')} attendees`, value: round(loadS, 2), unit: 's' },
    { area: 'checkin', name: `durable check-in p50 (${scans.toLocaleString('en')} scans, ${n.toLocaleString('en')} attendees)`, value: round(p50), unit: 'ms', ratio: round(p50 / b50, 2), vs: 'bare fsync insert p50' },
    { area: 'checkin', name: `durable check-in p99 (${scans.toLocaleString('en')} scans, ${n.toLocaleString('en')} attendees)`, value: round(p99), unit: 'ms', ratio: round(p99 / percentile(bareTimes, 99), 2), vs: 'bare fsync insert p99' },
    { area: 'checkin', name: 'bare fsync insert p50 (anchor)', value: round(b50), unit: 'ms' },
  ];
};
export default bench;
