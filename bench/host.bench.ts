// What the headless host's transport adds to a scan: a durable check-in called over
// HTTP (POST /api/call, JSON, token check, dispatch with zod) against the same
// check-in called in-process, on the same station and disk, in the same run.
import { badgeCodes } from '../db/schema/index';
import { checkIn } from '../station/checkin';
import { createHandlers } from '../station/handlers/index';
import { startHost } from '../station/host/server';
import { seedDemoEvent } from '../resources/demo/seed';
import { openStation } from '../station/station';
import { percentile, round, sample, type BenchModule } from './harness';
import path from 'node:path';

const bench: BenchModule = async ({ quick, tmp }) => {
  const n = quick ? 300 : 2_000;
  const station = openStation(path.join(tmp, 'station'), { seed: seedDemoEvent });
  const codes = station.db.orm.select({ code: badgeCodes.code }).from(badgeCodes).limit(1_200).all().map((c) => c.code);
  const token = 'bench-token';
  const host = await startHost({ station, handlers: createHandlers(), port: 0, host: '127.0.0.1', token, staticDir: null });
  const url = `http://127.0.0.1:${host.port}/api/call`;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };

  // Same mix on both paths: first admissions, then repeats of the same codes.
  const direct = await sample(n, (i) => checkIn(station, codes[i % 600]!, Date.now()));
  const overHttp = await sample(n, async (i) => {
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ method: 'checkin.scan', args: { text: codes[600 + (i % 600)]! } }) });
    await res.json();
  });
  await host.close();
  station.close();

  const d50 = percentile(direct, 50);
  const h50 = percentile(overHttp, 50);
  const h99 = percentile(overHttp, 99);
  return [
    { area: 'host', name: `scan over HTTP p50 (${n.toLocaleString('en')} scans)`, value: round(h50), unit: 'ms', ratio: round(h50 / d50, 2), vs: 'in-process check-in p50' },
    { area: 'host', name: `scan over HTTP p99 (${n.toLocaleString('en')} scans)`, value: round(h99), unit: 'ms', ratio: round(h99 / percentile(direct, 99), 2), vs: 'in-process check-in p99' },
    { area: 'host', name: 'in-process check-in p50 (anchor)', value: round(d50), unit: 'ms' },
  ];
};
export default bench;
