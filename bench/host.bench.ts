// What the headless host's transport adds to a scan: a durable check-in sent over HTTP (POST
// /api/call, JSON, access-key check, dispatch with zod) against the same check-in called
// in-process, on the same station and disk, interleaved one for one with the event loop turning
// between scans (as bench/durable.ts). The client is fetch in this process, as in the issue's
// measurement; a browser is another process, whose scheduling this box's load would dominate.
import path from 'node:path';
import { badgeCodes } from '../db/schema/index';
import { seedDemoEvent } from '../resources/demo/seed';
import { checkIn } from '../station/checkin';
import { createHandlers } from '../station/handlers/index';
import { startHost } from '../station/host/server';
import { openStation } from '../station/station';
import { percentile, round, type BenchModule } from './harness';

const bench: BenchModule = async ({ quick, tmp }) => {
  const n = quick ? 300 : 2_000;
  const station = openStation(path.join(tmp, 'station'), { seed: seedDemoEvent });
  const codes = station.db.orm.select({ code: badgeCodes.code }).from(badgeCodes).limit(1_200).all().map((c) => c.code);
  const token = 'bench-token';
  const host = await startHost({ station, handlers: createHandlers(), port: 0, host: '127.0.0.1', token, staticDir: null });
  const url = `http://127.0.0.1:${host.port}/api/call`;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const turn = () => new Promise((r) => setImmediate(r));
  try {
    // Same mix on both paths: first admissions, then repeats of the same codes.
    const direct: number[] = [], overHttp: number[] = [];
    for (let i = 0; i < n; i++) {
      await turn();
      let t = performance.now();
      checkIn(station, codes[i % 600]!, Date.now());
      direct.push(performance.now() - t);
      await turn();
      t = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ method: 'checkin.scan', args: { text: codes[600 + (i % 600)]! } }) });
      if (!((await res.json()) as { ok: boolean }).ok) throw new Error('a scan over HTTP failed');
      overHttp.push(performance.now() - t);
    }
    direct.sort((a, b) => a - b);
    overHttp.sort((a, b) => a - b);
    const d50 = percentile(direct, 50), d99 = percentile(direct, 99);
    const h50 = percentile(overHttp, 50), h99 = percentile(overHttp, 99);
    return [
      { area: 'host', name: `scan over HTTP p50 (${n.toLocaleString('en')} scans)`, value: round(h50), unit: 'ms', ratio: round(h50 / d50, 2), vs: 'in-process check-in p50' },
      { area: 'host', name: `scan over HTTP p99 (${n.toLocaleString('en')} scans)`, value: round(h99), unit: 'ms', ratio: round(h99 / d99, 2), vs: 'in-process check-in p99', target: { bound: 'max', limit: 2, on: 'ratio' } },
      { area: 'host', name: 'in-process check-in p50 / p99 (anchor)', value: round(d50), unit: 'ms', note: `p99 ${round(d99)} ms` },
    ];
  } finally {
    await host.close();
    station.close();
  }
};
export default bench;
