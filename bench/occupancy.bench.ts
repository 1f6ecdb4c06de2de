// Occupancy: recompute of every room from 250,000 door events (100,000 with --quick, the
// 1,000,000 of issue 4 with --soak; pure model and the database rebuild), the incremental cost
// per scan of keeping the derived tables in step (in order, and out of order; 5,000 events,
// 2,000 with --quick) and a durable door scan (1,000 scans, 200), each against an anchor
// measured in the same run.
import path from 'node:path';
import * as hlc from '../core/hlc';
import { computeOccupancy } from '../core/occupancy/model';
import { addDays, localToMillis } from '../core/time';
import { loadEventBundle } from '../db/event-bundle';
import { insertEvent } from '../db/events';
import { client, occupancyEvents, rebuildOccupancy } from '../db/occupancy/derive';
import { generateDoorTraffic } from '../resources/demo/door-traffic';
import { generateDemoEvent } from '../resources/demo/generate';
import { doorScan, configureDoor } from '../station/door';
import { openStation } from '../station/station';
import { bareInsert, interleaved, walPagesPerCommit } from './durable';
import { percentile, round, type BenchModule } from './harness';

const DAY_MS = 86_400_000;

const bench: BenchModule = async ({ quick, soak, tmp }) => {
  // 1M events (issue 4's figure) take ~8 min to set up on a loaded 2-core box: --soak only.
  const target = quick ? 100_000 : soak ? 1_000_000 : 250_000;
  const first = '2026-04-20';
  const bundle = generateDemoEvent(first, { attendees: 1000, seed: 23 });
  const day = generateDoorTraffic(bundle, { seed: 7 });
  const station = openStation(path.join(tmp, 'station'));
  const orm = station.db.orm;
  station.write(() => loadEventBundle(orm, bundle, 0));
  station.invalidate();

  // The same realistic day replayed on consecutive days until the log holds `target` events
  // (fresh ids, shifted times, continuing sequence numbers), written straight into the log.
  const db = client(orm);
  const ins = db.prepare(
    `INSERT INTO events (id, station_id, seq, hlc, wall_time, kind, attendee_id, room_id, session_id, verdict, reason, operator, payload, day, pushed_at, received_at)
     VALUES (@id, @stationId, @seq, @hlc, @wallTime, @kind, @attendeeId, @roomId, @sessionId, @verdict, @reason, @operator, @payload, @day, NULL, @wallTime)`,
  );
  const perStation = new Map<string, number>();
  for (const e of day.events) perStation.set(e.stationId, Math.max(perStation.get(e.stationId) ?? 0, e.seq));
  let n = 0;
  let copies = 0;
  // Setting up the log is not what is measured: a big page cache and rows in key order.
  const defaultCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -524288');
  const dayRows = [...day.events].sort((a, b) => (a.id < b.id ? -1 : 1));
  const tLoad = performance.now();
  while (n < target) {
    const k = copies++;
    const d = addDays(first, k);
    db.transaction(() => {
      for (const e of dayRows) {
        if (n >= target) break;
        const st = hlc.parse(e.hlc)!;
        ins.run({
          ...e,
          id: `${e.id.slice(0, 24)}${(k * 10_000 + (n % 10_000)).toString(16).padStart(12, '0')}`,
          seq: e.seq + k * perStation.get(e.stationId)!,
          hlc: hlc.serialize({ ...st, millis: st.millis + k * DAY_MS }),
          wallTime: e.wallTime + k * DAY_MS,
          payload: JSON.stringify(e.payload),
          day: d,
        });
        n++;
      }
    })();
  }
  const loadS = (performance.now() - tLoad) / 1000;
  db.pragma(`cache_size = ${defaultCache}`); // measure with the station's own settings

  // Anchor for the recompute: just reading the events back.
  let t = performance.now();
  const evs = occupancyEvents(orm);
  const readS = (performance.now() - t) / 1000;
  t = performance.now();
  const model = computeOccupancy(evs);
  const modelS = (performance.now() - t) / 1000;
  t = performance.now();
  station.write(() => rebuildOccupancy(orm));
  const rebuildS = (performance.now() - t) / 1000;

  // Incremental: a further day's events, one at a time (batched 100 per transaction so the
  // figure is the derived-state work, not the disk's fsync), in CPU time. Anchor: the same log insert
  // of an event no derived view looks at.
  const k = copies;
  const extra = day.events.slice(0, quick ? 2000 : 5000).map((e, i) => {
    const st = hlc.parse(e.hlc)!;
    return {
      ...e,
      id: `${e.id.slice(0, 24)}${(k * 10_000 + i).toString(16).padStart(12, '0')}`,
      seq: e.seq + k * perStation.get(e.stationId)!,
      hlc: hlc.serialize({ ...st, millis: st.millis + k * DAY_MS }),
      wallTime: e.wallTime + k * DAY_MS,
      day: addDays(first, k),
    };
  });
  const inOrder = [...extra].sort((a, b) => a.wallTime - b.wallTime);
  // CPU time, not wall time: the figure is the derived-state work, and on a shared disk one
  // fsync per 100 events can still cost more than the 100 events' work.
  const timeInserts = (list: typeof extra) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < list.length; i += 100) station.write(() => list.slice(i, i + 100).forEach((e) => insertEvent(orm, e, e.wallTime)));
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / list.length;
  };
  // Each timed part starts from a checkpointed WAL (a station checkpoints between scans), so none
  // pays for another's pages.
  const checkpoint = () => station.db.sqlite.pragma('wal_checkpoint(PASSIVE)');
  // Warm the page cache (the rebuild above ran with a bigger one) before measuring.
  const warm = 200;
  timeInserts(inOrder.slice(0, warm));
  const half = warm + (inOrder.length - warm) / 2;
  checkpoint();
  const incUs = timeInserts(inOrder.slice(warm, half));
  // The second half arrives newest first: every event is older than the last one stored.
  checkpoint();
  const lateUs = timeInserts(inOrder.slice(half).reverse());
  checkpoint();
  // A refused scan of unreadable text: stored in the log, but no derived view (admissions,
  // occupancy, desk notes, badges) acts on it. ('note' events used to be that; desk notes now
  // fold them into the attendee row, which made the anchor slower than what it anchors.)
  const plain = extra.map((e, i) => ({
    ...e,
    id: e.id.replace(/^.{8}/, 'feedbeef'),
    seq: 10_000_000 + i,
    stationId: 'anchor-station',
    kind: 'scan' as const,
    verdict: 'refused' as const,
    reason: 'malformed',
    attendeeId: null,
    roomId: null,
    sessionId: null,
    payload: { why: 'binary', length: 0 },
  }));
  const anchorUs = timeInserts(plain);

  // A durable door scan end to end (decide + commit + fsync + the verdict's room view) against a
  // bare fsync'd insert, interleaved (bench/durable.ts). The scans come after the day's traffic so
  // far, a second apart, as at a real door.
  const now = Math.max(...extra.map((e) => e.wallTime)) + 60_000;
  configureDoor(station, 'festsaal', 'toggle', 'Festsaal door');
  const codes = bundle.attendees.filter((a) => a.status === 'active').map((a) => a.badgeCode);
  const scans = quick ? 200 : 1000;
  const anchor = bareInsert(tmp);
  const door = await interleaved(scans, (i) => doorScan(station, codes[i % codes.length]!, now + i * 1000), anchor);
  const doorPages = walPagesPerCommit(station.db.sqlite, station.db.file, 100, (i) => doorScan(station, codes[i % codes.length]!, now + (scans + i) * 1000));
  const barePages = walPagesPerCommit(anchor.db, anchor.file, 100, () => anchor.insert());
  station.close();
  anchor.close();
  const doorTimes = door.scan, bareTimes = door.bare;

  const label = `${(target / 1e6).toLocaleString('en')}M`;
  return [
    { area: 'occupancy', name: `load ${label} door events into the log (${copies} days)`, value: round(loadS, 2), unit: 's' },
    { area: 'occupancy', name: `read ${label} events back (anchor)`, value: round(readS, 2), unit: 's' },
    { area: 'occupancy', name: `model recompute, all rooms, ${label} events`, value: round(modelS, 2), unit: 's', ratio: round(modelS / readS, 2), vs: 'reading them', note: `${model.stays.length.toLocaleString('en')} stays` },
    { area: 'occupancy', name: `database rebuild, all rooms, ${label} events`, value: round(rebuildS, 2), unit: 's', ratio: round(rebuildS / readS, 2), vs: 'reading them' },
    { area: 'occupancy', name: `incremental update per scan, in order (${Math.floor(half) - warm} events)`, value: round(incUs, 1), unit: 'µs CPU', ratio: round(incUs / anchorUs, 2), vs: 'log insert, no derived view', target: { bound: 'max', limit: 3, on: 'ratio' } },
    { area: 'occupancy', name: `incremental update per scan, out of order (reverse, ${inOrder.length - Math.floor(half)} events)`, value: round(lateUs, 1), unit: 'µs CPU', ratio: round(lateUs / anchorUs, 2), vs: 'log insert, no derived view', target: { bound: 'max', limit: 3, on: 'ratio' }, note: 'every event older than all stored: the person’s day is re-played' },
    { area: 'occupancy', name: 'log insert, no derived view (anchor)', value: round(anchorUs, 1), unit: 'µs CPU' },
    { area: 'occupancy', name: `durable door scan p50 (${scans.toLocaleString('en')} scans)`, value: round(percentile(doorTimes, 50)), unit: 'ms', ratio: round(percentile(doorTimes, 50) / percentile(bareTimes, 50), 2), vs: 'bare fsync insert p50', target: { bound: 'max', limit: 2, on: 'ratio' } },
    { area: 'occupancy', name: `durable door scan p99 (${scans.toLocaleString('en')} scans)`, value: round(percentile(doorTimes, 99)), unit: 'ms', ratio: round(percentile(doorTimes, 99) / percentile(bareTimes, 99), 2), vs: 'bare fsync insert p99', target: { bound: 'max', limit: 3, on: 'ratio' } },
    { area: 'occupancy', name: 'bare fsync insert p50 / p99 (anchor)', value: round(percentile(bareTimes, 50)), unit: 'ms', note: `p99 ${round(percentile(bareTimes, 99))} ms` },
    { area: 'occupancy', name: 'door scan CPU time p50 (not waiting for the disk)', value: round(percentile(door.scanCpu, 50)), unit: 'ms', note: `p99 ${round(percentile(door.scanCpu, 99))} ms` },
    { area: 'occupancy', name: 'WAL pages per door scan commit', value: round(doorPages, 1), unit: 'pages', ratio: round(doorPages / barePages, 1), vs: 'bare insert', note: `bare insert ${round(barePages, 1)}` },
    { area: 'occupancy', name: `GC pauses during ${scans.toLocaleString('en')} door scans`, value: door.gc.count, unit: 'pauses', note: `longest ${round(door.gc.maxMs)} ms, total ${round(door.gc.totalMs)} ms` },
  ];
};
export default bench;
