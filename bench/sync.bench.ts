// Sync figures (issue 5): first download of 100,000 attendees (10,000 with --quick) at the
// station's own page size, upload of 10,000 queued events (2,000), registry ingest of 50
// concurrent stations' batches against the same batches inserted straight into the same
// database (PGlite, and a real PostgreSQL server), poke-to-visible latency, and seeded fault
// schedules (2 by default, 100 with --soak). Prints figures; asserts nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DEFAULT_PAGE, PROTOCOL_VERSION, type WireEvent } from '../core/sync/protocol';
import { openRegistryDb } from '../registry/db';
import { toLogRow } from '../registry/ingest';
import { events as eventsTable } from '../registry/schema';
import { checkIn } from '../station/checkin';
import { openStation, type Station } from '../station/station';
import { SyncClient } from '../station/sync/client';
import { newSyncClient } from '../station/sync/index';
import { pairStation } from '../station/sync/pair';
import { startPgCluster } from '../testkit/pg-cluster';
import { startRegistryProc, type RegistryProc } from '../testkit/registry-proc';
import { runFaultSchedule } from '../testkit/sync-scenario';
import { percentile, round, type BenchModule, type BenchRow } from './harness';

const A = 'sync';

/** fetch that counts response bodies as the station reads them (after fetch has undone any gzip). */
function countingFetch(counter: { bytes: number }): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const buf = await res.arrayBuffer();
    counter.bytes += buf.byteLength;
    return new Response(buf, { status: res.status, headers: res.headers });
  };
}

/**
 * A TCP relay in front of the registry that counts the bytes it hands the station: what the
 * station actually receives on the wire (status lines, headers and bodies, compressed or not).
 */
async function wireCounter(target: string): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  const { protocol, port } = new URL(target); // http, or https passed through untouched (TLS bytes count too)
  let received = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((down) => {
    const up = net.connect(Number(port), '127.0.0.1');
    sockets.add(down).add(up);
    up.on('data', (chunk: Buffer) => (received += chunk.byteLength));
    down.pipe(up).pipe(down);
    const end = () => (down.destroy(), up.destroy());
    down.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port: own } = server.address() as net.AddressInfo;
  return {
    url: `${protocol}//127.0.0.1:${own}`,
    received: () => received,
    close: () => new Promise((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  };
}

async function pairedStation(reg: RegistryProc, dir: string, name: string, opts: ConstructorParameters<typeof SyncClient>[1] = {}, url = reg.url) {
  const station = openStation(dir, { stationName: name });
  const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name });
  const r = await pairStation(station, url, code);
  if (!r.paired) throw new Error(r.message);
  return { station, client: newSyncClient(station, { live: false, ...opts }) };
}

function queueEvents(station: Station, n: number): void {
  const t = Date.now();
  station.write(() => {
    for (let i = 0; i < n; i++) {
      station.append({ kind: 'scan', attendeeId: null, roomId: null, sessionId: null, verdict: 'refused', reason: 'unknown_code', operator: null, payload: { code: `X${i}` } }, t + i);
    }
  });
}

async function ingestFigures(label: string, tmp: string, quick: boolean, databaseUrl?: string): Promise<BenchRow[]> {
  const reg = await startRegistryProc({ dataDir: path.join(tmp, `ingest-${label}`), databaseUrl });
  const stations = 50;
  const perStation = quick ? 200 : 1000;
  const batch = 100;
  try {
    await reg.admin('PUT', '/v1/admin/event', { id: 'bench', name: 'Bench', venue: '', timeZone: 'UTC', days: ['2026-01-01'], description: '' });
    const tokens: { id: string; token: string }[] = [];
    for (let i = 0; i < stations; i++) {
      const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', {});
      const id = crypto.randomUUID();
      const res = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: id, name: `S${i}` }) });
      tokens.push({ id, token: ((await res.json()) as { token: string }).token });
    }
    const ev = (stationId: string, seq: number): WireEvent => ({
      id: crypto.randomUUID(),
      stationId,
      seq,
      hlc: `${new Date(1_790_000_000_000 + seq).toISOString()}-0000-0123456789abcdef`,
      wallTime: 1_790_000_000_000 + seq,
      kind: 'scan',
      attendeeId: 'a1',
      roomId: null,
      sessionId: null,
      verdict: 'admitted',
      reason: 'ok',
      operator: null,
      payload: { code: 'A23-XXXXXX', format: 'plain' },
      day: '2026-01-01',
    });
    const t0 = performance.now();
    await Promise.all(
      tokens.map(async ({ id, token }) => {
        for (let s = 1; s <= perStation; s += batch) {
          const events = Array.from({ length: batch }, (_, k) => ev(id, s + k));
          const res = await fetch(`${reg.url}/v1/sync/push`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
            body: JSON.stringify({ protocol: PROTOCOL_VERSION, stationId: id, events }),
          });
          if (!res.ok) throw new Error(`push ${res.status}`);
          await res.arrayBuffer();
        }
      }),
    );
    const ingestS = (performance.now() - t0) / 1000;
    const total = stations * perStation;
    await reg.kill('SIGTERM');
    // Anchor, like for like: the same number of events in the same 100-event batches from 50
    // concurrent writers, each batch one transaction with one multi-row INSERT into the same
    // table of the same database, through the registry's own connection (openRegistryDb) —
    // without HTTP, token check, validation, duplicate handling or the acknowledgement mark.
    const db = await openRegistryDb({ dataDir: reg.dataDir, databaseUrl });
    const tb = performance.now();
    await Promise.all(
      Array.from({ length: stations }, async (_, w) => {
        const id = `bare-${w}-${crypto.randomUUID()}`;
        for (let s = 1; s <= perStation; s += batch) {
          const rows = Array.from({ length: batch }, (_, k) => toLogRow(ev(id, s + k), 0));
          await db.orm.transaction(async (tx) => {
            await tx.insert(eventsTable).values(rows);
          });
        }
      }),
    );
    const bareRate = total / ((performance.now() - tb) / 1000);
    await db.close();
    const rate = total / ingestS;
    return [
      {
        area: A,
        name: `ingest over HTTP, ${stations} stations × ${perStation.toLocaleString('en')} events, batches of ${batch} (${label})`,
        value: round(rate, 0),
        unit: 'events/s',
        ratio: round(rate / bareRate, 2),
        vs: `same batches INSERTed directly (${round(bareRate, 0)}/s)`,
      },
    ];
  } finally {
    await reg.kill('SIGKILL').catch(() => {});
  }
}

const bench: BenchModule = async ({ quick, soak, tmp }) => {
  const rows: BenchRow[] = [];
  const n = quick ? 10_000 : 100_000;

  // 1. First download of n attendees by a new station.
  const reg = await startRegistryProc({ dataDir: path.join(tmp, 'reg') });
  let wire: Awaited<ReturnType<typeof wireCounter>> | undefined;
  try {
    const tImport = performance.now();
    await reg.admin('POST', '/v1/admin/demo', { attendees: n });
    rows.push({ area: A, name: `registry import ${n.toLocaleString('en')} attendees`, value: round((performance.now() - tImport) / 1000, 2), unit: 's' });
    // The station's own page size (no pageSize option): what a real first download asks for.
    const counter = { bytes: 0 };
    wire = await wireCounter(reg.url);
    const a = await pairedStation(reg, path.join(tmp, 'a'), 'Bench A', { fetch: countingFetch(counter) }, wire.url);
    const before = wire.received(); // pairing's own bytes are not the download
    const readBefore = counter.bytes;
    const tPull = performance.now();
    const rep = await a.client.syncNow();
    const pullS = (performance.now() - tPull) / 1000;
    if (!rep.ok) throw new Error(`first download failed: ${rep.message}`);
    const onWire = wire.received() - before;
    const json = counter.bytes - readBefore;
    rows.push({
      area: A,
      name: `first download ${n.toLocaleString('en')} attendees (pages of ${DEFAULT_PAGE.toLocaleString('en')})`,
      value: round(pullS, 2),
      unit: 's',
      note: `${round(onWire / 2 ** 20, 1)} MiB received on the wire, ${round(json / 2 ** 20, 1)} MiB JSON after gunzip; ${rep.pulled} changes`,
    });

    // 2. Upload of 10,000 queued events.
    const q = quick ? 2_000 : 10_000;
    queueEvents(a.station, q);
    const tPush = performance.now();
    const rep2 = await a.client.syncNow();
    const pushS = (performance.now() - tPush) / 1000;
    if (!rep2.ok || rep2.pushed !== q) throw new Error(`upload failed: ${rep2.message} (${rep2.pushed})`);
    rows.push({ area: A, name: `upload ${q.toLocaleString('en')} queued events`, value: round(pushS, 2), unit: 's', note: `${round(q / pushS, 0)} events/s` });

    // 3. Poke-to-visible: a scan at A appears in B's database (live channel, no polling).
    a.client = newSyncClient(a.station, { live: true, pollMs: 600_000 });
    const b = await pairedStation(reg, path.join(tmp, 'b'), 'Bench B', { live: true, pollMs: 600_000 });
    await b.client.syncNow();
    a.client.start();
    b.client.start();
    for (let i = 0; i < 200 && !(a.client.liveConnected && b.client.liveConnected); i++) await new Promise((r) => setTimeout(r, 50));
    const codes = (a.station.db.sqlite.prepare('select code from badge_codes limit 200').all() as { code: string }[]).map((r) => r.code);
    const lat: number[] = [];
    const has = b.station.db.sqlite.prepare('select 1 from events where id = ?');
    for (let i = 0; i < (quick ? 10 : 40); i++) {
      const t = performance.now();
      const r = checkIn(a.station, codes[i]!, Date.now());
      a.station.emit('scan');
      while (!has.get(r.eventId) && performance.now() - t < 10_000) await new Promise((x) => setTimeout(x, 2));
      lat.push(performance.now() - t);
      await new Promise((x) => setTimeout(x, 100));
    }
    lat.sort((x, y) => x - y);
    rows.push({ area: A, name: 'scan at one door visible on another, p50', value: round(percentile(lat, 50), 1), unit: 'ms', ratio: round(percentile(lat, 50) / 2000, 3), vs: 'target 2 s' });
    rows.push({ area: A, name: 'scan at one door visible on another, p95', value: round(percentile(lat, 95), 1), unit: 'ms', ratio: round(percentile(lat, 95) / 2000, 3), vs: 'target 2 s', note: 'includes the 50 ms push debounce' });
    a.client.stop();
    b.client.stop();
    a.station.close();
    b.station.close();
  } finally {
    await wire?.close(); // A stays behind the byte-counting relay (a local TCP hop) for the whole section
    await reg.kill('SIGTERM').catch(() => {});
  }

  // 4. Ingest with 50 concurrent stations: PGlite, then PostgreSQL.
  rows.push(...(await ingestFigures('PGlite', tmp, quick)));
  try {
    const pg = await startPgCluster();
    try {
      rows.push(...(await ingestFigures('PostgreSQL', tmp, quick, await pg.createDatabase('bench_ingest'))));
    } finally {
      await pg.stop();
    }
  } catch (err) {
    // Not a skip: a missing figure fails the run (e.g. PostgreSQL not installed names the set-up step).
    rows.push({ area: A, name: 'ingest (PostgreSQL)', value: NaN, unit: '', failed: (err as Error).message });
  }

  // 5. Many seeded fault schedules (FOYER_SYNC_BENCH_SEEDS overrides the count).
  // 100 schedules (issue 5) take over an hour here: --soak; the default run keeps to 10 minutes.
  const seeds = Number(process.env.FOYER_SYNC_BENCH_SEEDS ?? (soak ? 100 : 2));
  let passed = 0;
  const failures: string[] = [];
  const tS = performance.now();
  for (let seed = 1000; seed < 1000 + seeds; seed++) {
    const dir = path.join(tmp, `sched-${seed}`);
    const r = await runFaultSchedule({ seed, dir, steps: 30 }).catch((err) => ({ violations: [String(err)], seed }));
    if (r.violations.length === 0) passed++;
    else failures.push(`seed ${seed}: ${r.violations[0]}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    area: A,
    name: `fault schedules converged (${seeds} seeds)`,
    value: passed,
    unit: `of ${seeds}`,
    note: failures.length ? failures.slice(0, 2).join(' | ').slice(0, 200) : `${round((performance.now() - tS) / 1000 / Math.max(1, seeds), 1)} s per schedule`,
  });
  return rows;
};

export default bench;
