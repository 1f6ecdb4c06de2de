// One real station's first download, in a process of its own (bench/registry.bench.ts runs one,
// then ten at once): the station's own database (SQLite, WAL, synchronous=FULL), pairing and
// sync client, as a desk or the headless host runs them. Prints one JSON line: the wall and CPU
// time until the station can search and admit everyone (every attendee stored and name-indexed,
// the event's badge keys in), and its resident memory.
// Usage: tsx bench/station-download.ts REGISTRY_URL PAIRING_CODE DATA_DIR EXPECTED_ATTENDEES
import { openStation } from '../station/station';
import { newSyncClient } from '../station/sync/index';
import { pairStation } from '../station/sync/pair';

const [url, code, dir, expected] = process.argv.slice(2);
const station = openStation(dir!, { stationName: 'Bench desk' });
const paired = await pairStation(station, url!, code!);
if (!paired.paired) throw new Error(paired.message);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const rep = await newSyncClient(station, { live: false }).syncNow();
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
if (!rep.ok) throw new Error(`first download failed: ${rep.message}`);
const db = station.db.sqlite;
const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
const ready = {
  attendees: count('select count(*) as n from attendees'),
  searchable: count('select count(*) as n from attendees_fts'),
  // Badges are checked against the event's signing keys.
  keys: count('select count(*) as n from signing_keys'),
};
if (ready.attendees < Number(expected) || ready.searchable < ready.attendees || ready.keys < 1) {
  throw new Error(`not ready for everyone after the first download: ${JSON.stringify(ready)}`);
}
station.close();
console.log(JSON.stringify({ seconds, cpu: (cpu.user + cpu.system) / 1e6, pulled: rep.pulled, rssMb: process.memoryUsage().rss / 2 ** 20, ...ready }));
