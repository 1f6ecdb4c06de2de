// Front-desk search as you type over 100,000 attendees (20,000 with --quick), anchored on the 20 ms target
// (issue 6). Each query is what a volunteer's keystrokes send: prefixes of 1–6 letters of
// real family names, whole names in another spelling or script, two-word queries and
// hand-typed badge codes — measured through the station's 'attendees.search' handler
// (zod validation, FTS5 candidates, ranking, today's check-in state).
import path from 'node:path';
import { dayInZone } from '../core/time';
import { loadEventBundle } from '../db/event-bundle';
import { repairSearchIndex } from '../db/search';
import { generateDemoEvent } from '../resources/demo/generate';
import { createHandlers, dispatch } from '../station/handlers/index';
import { openStation } from '../station/station';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const TARGET_MS = 20;

// Spellings a volunteer might type for names in the demo pools (resources/demo/names.ts).
const RESPELLED = ['Mueller', 'MULLER', 'Schroeder', 'Koehler', 'Lukasz', 'Wojcik', 'Ivanov', 'Иванов', 'Kuznetsov', 'Eleni', 'Papadopoulos', 'Dvorak', 'Lefevre', 'Weiss', 'Jurgen', 'Zolkiewska'];
const NATIVE = ['محمد', 'الحسيني', '佐藤', '佐藤花子', '김민준', 'Ελένη', 'Кузнецов', 'כהן'];
const TWO_WORDS = ['anna muller', 'mueller kathe', 'lukasz nowak', 'ivanov dmitri', 'eleni georgiou', 'delegation austria'];

const bench: BenchModule = async ({ quick, tmp }) => {
  const n = quick ? 20_000 : 100_000;
  const station = openStation(path.join(tmp, 'station'));
  const now = Date.now();
  const bundle = generateDemoEvent(dayInZone(now, 'Europe/Vienna'), { attendees: n, seed: 11 });
  const tLoad = performance.now();
  station.write(() => loadEventBundle(station.db.orm, bundle, now));
  const loadS = (performance.now() - tLoad) / 1000;
  const tCheck = performance.now();
  repairSearchIndex(station.db.orm); // the once-per-connection consistency check, timed on its own
  const checkMs = performance.now() - tCheck;

  const families = [...new Set(bundle.attendees.map((a) => a.familyName))];
  const prefixes: string[] = [];
  for (let i = 0; prefixes.length < (quick ? 120 : 600); i++) {
    const name = families[(i * 7919) % families.length]!;
    const len = 1 + (i % 6);
    prefixes.push(name.slice(0, len));
  }
  const codes = bundle.attendees.slice(0, 40).map((a, i) => (i % 2 ? a.badgeCode : a.badgeCode.slice(0, 6)));
  const classes: Record<string, string[]> = {
    'typed prefix 1–6 letters': prefixes,
    'other spelling / script': RESPELLED,
    'native script': NATIVE,
    'two words': TWO_WORDS,
    'badge code': codes,
  };

  const handlers = createHandlers({ now: () => now });
  const rounds = quick ? 2 : 5;
  const times: Record<string, number[]> = {};
  // CPU time of the calling thread's process: on a machine shared with other work it
  // shows the cost of a search apart from time spent waiting for a core.
  const cpuTimes: number[] = [];
  let empty = 0;
  for (const q of [...prefixes.slice(0, 20), ...RESPELLED]) await dispatch(handlers, station, 'attendees.search', { query: q }); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [cls, queries] of Object.entries(classes)) {
      for (const q of queries) {
        const t = performance.now();
        const c = process.cpuUsage();
        const res = await dispatch(handlers, station, 'attendees.search', { query: q, limit: 20 });
        const cpu = process.cpuUsage(c);
        (times[cls] ??= []).push(performance.now() - t);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
        if (!res.ok) throw new Error(res.error.message);
        if (r === 0 && (res.value as { hits: unknown[] }).hits.length === 0) empty++;
      }
    }
  }

  // The replaced placeholder, for scale: a LIKE scan over the folded names.
  const like = station.db.sqlite.prepare("SELECT id FROM attendees WHERE search_text LIKE ? ORDER BY family_name LIMIT 20");
  const likeTimes = RESPELLED.map((q) => {
    const t = performance.now();
    like.all(`%${q.toLowerCase()}%`);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  station.close();

  const all = Object.values(times).flat().sort((a, b) => a - b);
  const rows: BenchRow[] = [
    { area: 'search', name: `load ${n.toLocaleString('en')} attendees (FTS triggers on)`, value: round(loadS, 2), unit: 's' },
    { area: 'search', name: 'index consistency check at open', value: round(checkMs, 1), unit: 'ms' },
    { area: 'search', name: `search p50, all queries, ${n.toLocaleString('en')} attendees`, value: round(percentile(all, 50)), unit: 'ms', ratio: round(percentile(all, 50) / TARGET_MS, 3), vs: `target ${TARGET_MS} ms` },
    { area: 'search', name: `search p95, all queries, ${n.toLocaleString('en')} attendees`, value: round(percentile(all, 95)), unit: 'ms', ratio: round(percentile(all, 95) / TARGET_MS, 3), vs: `target ${TARGET_MS} ms` },
    { area: 'search', name: `search max, all queries, ${n.toLocaleString('en')} attendees`, value: round(all[all.length - 1]!), unit: 'ms', ratio: round(all[all.length - 1]! / TARGET_MS, 3), vs: `target ${TARGET_MS} ms`, note: `${all.length} searches` },
  ];
  cpuTimes.sort((a, b) => a - b);
  rows.push(
    { area: 'search', name: `search CPU p50, all queries, ${n.toLocaleString('en')} attendees`, value: round(percentile(cpuTimes, 50)), unit: 'ms', ratio: round(percentile(cpuTimes, 50) / TARGET_MS, 3), vs: `target ${TARGET_MS} ms` },
    { area: 'search', name: `search CPU p95, all queries, ${n.toLocaleString('en')} attendees`, value: round(percentile(cpuTimes, 95)), unit: 'ms', ratio: round(percentile(cpuTimes, 95) / TARGET_MS, 3), vs: `target ${TARGET_MS} ms` },
  );
  for (const [cls, ts] of Object.entries(times)) {
    const s = ts.sort((a, b) => a - b);
    rows.push({ area: 'search', name: `p95 ${cls}`, value: round(percentile(s, 95)), unit: 'ms', ratio: round(percentile(s, 95) / TARGET_MS, 3), vs: `target ${TARGET_MS} ms`, note: `p50 ${round(percentile(s, 50))} ms` });
  }
  rows.push({ area: 'search', name: 'replaced LIKE scan p50 (for scale)', value: round(percentile(likeTimes, 50)), unit: 'ms', ratio: round(percentile(likeTimes, 50) / TARGET_MS, 3), vs: `target ${TARGET_MS} ms` });
  if (empty > 0) rows.push({ area: 'search', name: 'queries with no result', value: empty, unit: 'queries', note: 'every benchmark query should find someone' });
  return rows;
};
export default bench;
