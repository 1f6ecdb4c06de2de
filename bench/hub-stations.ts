// A child process of bench/hub.bench.ts running a few simulated entrance stations, so the bench
// offers the hub its full load (20 stations × 10 scans/s) from several processes instead of one
// event loop that could not keep up. Each station is a real station folder with its own sync
// client (registry first, then the hub), exactly as at the venue. Commands arrive over IPC.
import path from 'node:path';
import { checkIn } from '../station/checkin';
import { openStation, type Station } from '../station/station';
import { newSyncClient, type SyncClient } from '../station/sync/index';
import { pairStation } from '../station/sync/pair';

type Msg = { id: number; cmd: string; args: Record<string, unknown> };
const stations: { station: Station; client: SyncClient }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (s: Station) => (s.db.sqlite.prepare('select count(*) as n from events').get() as { n: number }).n;

const commands: Record<string, (a: Record<string, unknown>) => Promise<unknown> | unknown> = {
  /** Opens and pairs stations: { dir, names: string[], url, codes: string[] }. */
  async open(a) {
    const names = a.names as string[];
    const codes = a.codes as string[];
    for (const [i, name] of names.entries()) {
      const station = openStation(path.join(String(a.dir), `s${stations.length}`), { stationName: name });
      const r = await pairStation(station, String(a.url), codes[i]!);
      if (!r.paired) throw new Error(r.message);
      stations.push({ station, client: newSyncClient(station, { live: false, pollMs: 1_000, probeMs: 500 }) });
    }
    return stations.length;
  },
  async syncAll() {
    for (const s of stations) await s.client.syncNow();
    return true;
  },
  /** Points every station at the hub, starts their background sync, and waits until all use it. */
  async useHub(a) {
    for (const s of stations) {
      (s.client.o as { hubUrl: string | null }).hubUrl = String(a.url);
      s.client.start();
    }
    for (let i = 0; i < 200 && stations.some((s) => !s.client.via); i++) await sleep(100);
    const lost = stations.find((s) => !s.client.via);
    if (lost) throw new Error(`a station did not turn to the hub: ${lost.client.hubProblem ?? 'no reason given'}`);
    return true;
  },
  codes(a) {
    return (stations[0]!.station.db.sqlite.prepare('select code from badge_codes limit ?').all(Number(a.n)) as { code: string }[]).map((r) => r.code);
  },
  /** A badge scanned at station i, as the desk does it (the client uploads at once). */
  scan(a) {
    const s = stations[Number(a.i)]!;
    const r = checkIn(s.station, String(a.code), Date.now());
    s.station.emit('scan');
    return r.eventId;
  },
  /** Resolves once station i holds event `id` (checked every 5 ms), or after 10 s. */
  async waitFor(a) {
    const has = stations[Number(a.i)]!.station.db.sqlite.prepare('select 1 from events where id = ?');
    const t = performance.now();
    while (!has.get(String(a.id)) && performance.now() - t < 10_000) await sleep(5);
    return !!has.get(String(a.id));
  },
  /** Every station makes `rate` scans a second for `seconds`; returns how many were made. */
  async burst(a) {
    const rate = Number(a.rate);
    const ticks = Number(a.seconds) * rate;
    const t0 = Date.now() + Number(a.startInMs ?? 0);
    let made = 0;
    await sleep(Math.max(0, t0 - Date.now()));
    for (let tick = 0; tick < ticks; tick++) {
      for (const s of stations) {
        s.station.write(() => s.station.append({ kind: 'scan', attendeeId: null, roomId: null, sessionId: null, verdict: 'refused', reason: 'unknown_code', operator: null, payload: { code: `B${tick}` } }, Date.now()));
        s.station.emit('scan');
        made++;
      }
      const wait = t0 + ((tick + 1) * 1000) / rate - Date.now();
      if (wait > 0) await sleep(wait);
    }
    return made;
  },
  ids() {
    const ids: string[] = [];
    for (const s of stations) for (const r of s.station.db.sqlite.prepare('select id from events').all() as { id: string }[]) ids.push(r.id);
    return ids;
  },
  counts() {
    return stations.map((s) => count(s.station));
  },
  close() {
    for (const s of stations) s.client.stop();
    for (const s of stations) s.station.close();
    return true;
  },
};

process.on('message', async (m: Msg) => {
  try {
    const value = await commands[m.cmd]!(m.args ?? {});
    process.send!({ id: m.id, ok: true, value });
  } catch (err) {
    process.send!({ id: m.id, ok: false, error: String((err as Error)?.stack ?? err) });
  }
});
process.send!({ id: 0, ok: true, value: 'ready' });
