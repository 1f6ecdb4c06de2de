// One seeded fault schedule against a real registry process and several station
// processes behind a fault-injecting proxy; then heal, converge and check the invariants.
// Used by tests/integration/sync-faults.test.ts (a few seeds) and bench/sync.bench.ts (many).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openStationDb } from '../db/connection';
import { prng } from '../resources/demo/generate';
import { rebuiltSnapshot, snapshotDerived } from './derived';
import { NO_FAULTS, startFaultProxy, type FaultRates } from './fault-proxy';
import { publishOtherEvent, registryAttendees } from './registry-event';
import { startRegistryProc } from './registry-proc';
import { startStationProc } from './station-proc';

export interface ScheduleOptions {
  seed: number;
  dir: string;
  databaseUrl?: string;
  stations?: number;
  steps?: number;
  log?: (line: string) => void;
}

export interface ScheduleResult {
  seed: number;
  violations: string[];
  acked: number;
  registryEvents: number;
  conflicts: number;
  kills: { station: number; registry: number };
  proxy: Record<string, number>;
}

const MIN = 60_000;

export async function runFaultSchedule(o: ScheduleOptions): Promise<ScheduleResult> {
  const rnd = prng(o.seed * 7919 + 13);
  const log = o.log ?? (() => {});
  const n = o.stations ?? 3;
  fs.mkdirSync(o.dir, { recursive: true });
  log('start registry and stations');
  // Clocks off by minutes are normal; beyond MAX_CLOCK_AHEAD_MS (5 min) ahead of the registry a
  // station's events are refused by design, which the hostile station below exercises.
  const skews = [-5 * MIN, 0, 4 * MIN];
  // Start everything at once: process start-up dominates a schedule's run time.
  const [reg, ...stations] = await Promise.all([
    startRegistryProc({ dataDir: path.join(o.dir, 'registry'), databaseUrl: o.databaseUrl }),
    ...Array.from({ length: n }, (_, i) =>
      startStationProc({ dir: path.join(o.dir, `s${i}`), name: `Door ${i + 1}`, skewMs: skews[(i + o.seed) % skews.length] }),
    ),
  ]);
  const proxy = await startFaultProxy(() => reg!.port, o.seed);
  const violations: string[] = [];
  const kills = { station: 0, registry: 0 };
  const acked = new Set<string>();
  try {
    log('registry up');
    // An event the stations (seeded with the standard demo) do not hold: what they know of it
    // afterwards, they downloaded.
    const { attendees: published } = await publishOtherEvent(reg, { seed: 77 });
    log('event published');
    // A small pool of badges, so the same person is often scanned at several doors.
    const codes = published.filter((p) => p.status === 'active' && !p.validDays).slice(0, 12).map((p) => p.badgeCodes[0]!);
    for (const [i, s] of stations.entries()) {
      const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: `Door ${i + 1}` });
      const p = await s.call<{ paired: boolean; message: string }>('pair', { url: proxy.url, code });
      if (!p.paired) throw new Error(`pairing failed: ${p.message}`);
      await s.call('relink');
      log(`station ${i} paired`);
    }
    // Everyone has the attendee list before the faults start (not required, but it makes scans meaningful).
    for (const s of stations) await s.call('sync');
    log('initial sync done');

    // A hostile paired station, straight over HTTP: far-future clocks, text the database cannot
    // hold, a walk-in claiming a printed badge, an oversized event. Each is refused on its own;
    // nothing it sends may stop, slow or corrupt the others (its one valid event is kept).
    const rogue = await pairRogue(reg.url, await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Rogue' }).then((c) => c.code));
    let rogueSeq = 0;
    const hostile = async () => {
      const r = await rogue.push(hostileBatch(rogue.id, () => ++rogueSeq, codes[0]!));
      if (r.status !== 200) violations.push(`a hostile push was answered ${r.status}`);
      else if (r.body.stored !== 1 || r.body.acked !== rogueSeq) violations.push(`hostile push: stored ${r.body.stored}, acked ${r.body.acked} of ${rogueSeq}`);
    };
    await hostile();

    const rates = (): FaultRates => ({
      dropRequest: rnd() * 0.15,
      dropResponse: rnd() * 0.15,
      duplicate: rnd() * 0.15,
      delay: rnd() * 0.2,
      cut: rnd() * 0.1,
      maxDelayMs: 300,
    });
    proxy.setFaults(rates());
    let partitioned = false;
    const steps = o.steps ?? 40;
    for (let step = 0; step < steps; step++) {
      const r = rnd();
      const i = Math.floor(rnd() * n);
      const s = stations[i]!;
      if (r < 0.05) {
        // An undo is a compensating event; it may reach other stations before its target.
        if (!s.alive()) await s.start();
        await s.call('undo');
      } else if (r < 0.6) {
        if (!s.alive()) await s.start();
        const code = codes[Math.floor(rnd() * codes.length)]!;
        const res = await s.call<{ eventId: string | null }>('scan', { code });
        if (res.eventId) acked.add(res.eventId);
      } else if (r < 0.68) {
        proxy.setFaults(rates());
      } else if (r < 0.76) {
        partitioned = !partitioned;
        proxy.partition(partitioned);
        log(`step ${step}: network ${partitioned ? 'unplugged' : 'back'}`);
      } else if (r < 0.86) {
        // SIGKILL mid-flight: whatever was acknowledged must survive.
        const code = codes[Math.floor(rnd() * codes.length)]!;
        if (s.alive()) {
          const pending = s.call<{ eventId: string | null }>('scan', { code }).then(
            (x) => x.eventId && acked.add(x.eventId),
            () => {},
          );
          await new Promise((x) => setTimeout(x, rnd() * 20));
          await s.kill();
          await pending;
          kills.station++;
          log(`step ${step}: station ${i} killed`);
        }
        await s.start();
      } else if (r < 0.88) {
        if (reg.proc) await hostile().catch(() => {});
      } else if (r < 0.91) {
        await reg.kill('SIGKILL');
        kills.registry++;
        log(`step ${step}: registry killed`);
        await new Promise((x) => setTimeout(x, rnd() * 300));
        await reg.start();
      } else {
        await new Promise((x) => setTimeout(x, 50 + rnd() * 400));
      }
    }

    // Heal: plug the cable back, stop the faults, let every station sync until nothing moves.
    proxy.partition(false);
    proxy.setFaults(NO_FAULTS);
    for (const s of stations) if (!s.alive()) await s.start();
    let quiet = 0;
    for (let round = 0; round < 40 && quiet < 2; round++) {
      let moved = 0;
      let failed = false;
      for (const s of stations) {
        const rep = await s.call<{ ok: boolean; pushed: number; pulled: number; message: string | null }>('sync');
        if (!rep.ok) failed = true;
        moved += rep.pushed + rep.pulled;
      }
      quiet = !failed && moved === 0 ? quiet + 1 : 0;
    }
    if (quiet < 2) violations.push('stations did not converge within 40 sync rounds after healing');

    // ---- invariants ---------------------------------------------------------
    const regEvents: { id: string; stationId: string; stationSeq: number }[] = [];
    for (let after = 0; ; ) {
      const page = await reg.admin<{ id: string; stationId: string; stationSeq: number; seq: number }[]>('GET', `/v1/admin/events?after=${after}&limit=5000`);
      regEvents.push(...page);
      if (page.length < 5000) break;
      after = page[page.length - 1]!.seq;
    }
    const regIds = new Set(regEvents.map((e) => e.id));
    if (regIds.size !== regEvents.length) violations.push('registry stores an event twice');
    const regSeqs = new Set(regEvents.map((e) => `${e.stationId}#${e.stationSeq}`));
    if (regSeqs.size !== regEvents.length) violations.push('registry has two events with one station sequence number');
    for (const id of acked) if (!regIds.has(id)) violations.push(`acknowledged scan ${id} is missing on the registry`);

    // The organiser's attendee list reached every station (paged first download, no row skipped).
    const regPeople = await registryAttendees(reg);

    for (const s of stations) await s.close();
    let reference: string | null = null;
    let conflicts = 0;
    for (const [i, s] of stations.entries()) {
      const db = openStationDb(path.join(s.dir, 'foyer.sqlite'), { create: false });
      try {
        const rows = db.sqlite.prepare('select id, station_id as stationId, seq, pushed_at as pushedAt from events').all() as {
          id: string;
          stationId: string;
          seq: number;
          pushedAt: number | null;
        }[];
        const ids = new Set(rows.map((r) => r.id));
        if (ids.size !== regIds.size || [...ids].some((id) => !regIds.has(id))) {
          violations.push(`station ${i} holds ${ids.size} events, the registry ${regIds.size} (sets differ)`);
        }
        for (const id of acked) if (!ids.has(id)) violations.push(`acknowledged scan ${id} is missing on station ${i}`);
        const own = rows.filter((r) => r.stationId === s.stationId).map((r) => r.seq).sort((a, b) => a - b);
        if (own.some((q, k) => q !== k + 1)) violations.push(`station ${i}'s own sequence has holes`);
        if (rows.some((r) => r.stationId === s.stationId && r.pushedAt === null)) violations.push(`station ${i} still has events in its outbox`);
        const people = new Map(
          (db.sqlite.prepare('select id, given_name as givenName, badge_version as badgeVersion from attendees').all() as { id: string; givenName: string; badgeVersion: number }[]).map((p) => [p.id, p]),
        );
        const missing = regPeople.filter((p) => people.get(p.id)?.givenName !== p.givenName || people.get(p.id)?.badgeVersion !== p.badgeVersion);
        if (missing.length > 0) violations.push(`station ${i} lacks or differs on ${missing.length} of the registry's attendees`);
        const derived = snapshotDerived(db.sqlite);
        // Derived state must equal a rebuild from the log (no drift from arrival order).
        const rebuilt = rebuiltSnapshot(db.sqlite);
        if (derived !== rebuilt) violations.push(`station ${i}: derived state differs from a rebuild from its log`);
        if (reference === null) reference = derived;
        else if (derived !== reference) violations.push(`station ${i}: derived state differs from station 0`);
        conflicts = (db.sqlite.prepare('select count(*) as n from admissions where conflict = 1').get() as { n: number }).n;
      } finally {
        db.sqlite.close();
      }
    }
    return { seed: o.seed, violations, acked: acked.size, registryEvents: regEvents.length, conflicts, kills, proxy: proxy.stats };
  } finally {
    for (const s of stations) await s.kill().catch(() => {});
    await proxy.close();
    await reg.kill('SIGTERM').catch(() => {});
  }
}

/** A paired station speaking raw HTTP, to push what no honest station would. */
async function pairRogue(url: string, code: string) {
  const id = `rogue-${Math.random().toString(36).slice(2, 8)}`;
  const res = await fetch(`${url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: id, name: 'Rogue' }) });
  const { token } = (await res.json()) as { token: string };
  return {
    id,
    push: async (events: unknown[]) => {
      const r = await fetch(`${url}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: 1, stationId: id, events }),
      });
      return { status: r.status, body: (await r.json().catch(() => ({}))) as { stored: number; acked: number } };
    },
  };
}

/** Six events the registry must refuse one by one, then one valid scan. */
function hostileBatch(stationId: string, nextSeq: () => number, takenCode: string): unknown[] {
  const now = Date.now();
  const ev = (over: Record<string, unknown>) => ({
    id: crypto.randomUUID(),
    stationId,
    seq: nextSeq(),
    hlc: `${new Date(now).toISOString()}-0000-0123456789abcdef`,
    wallTime: now,
    kind: 'scan',
    attendeeId: null,
    roomId: null,
    sessionId: null,
    verdict: 'refused',
    reason: 'unknown_code',
    operator: null,
    payload: { code: 'NOPE' },
    day: new Date(now).toISOString().slice(0, 10),
    ...over,
  });
  return [
    ev({ hlc: '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff' }),
    ev({ hlc: `${new Date(now + 86_400_000).toISOString()}-0000-0123456789abcdef` }),
    ev({ operator: 'Ann\u0000' }),
    ev({ payload: { code: '\ud800' } }),
    ev({
      kind: 'walkin',
      attendeeId: crypto.randomUUID(),
      verdict: null,
      reason: null,
      payload: { attendee: { givenName: 'Walk', familyName: 'In', organisation: '', delegation: '', country: '', category: 'ngo', validDays: null, notes: '', badgeCodes: [takenCode] } },
    }),
    ev({ payload: { code: 'x'.repeat(70 * 1024) } }),
    ev({}),
  ];
}
