// The registry under hostile input and crashes:
//  - random JSON (fast-check) to every route that takes a body → a 4xx with a sentence, never a 500;
//  - SIGKILL in the middle of ingest (pushes in flight) → after restart every acknowledged
//    event is stored exactly once, and re-sending everything settles the rest idempotently.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../resources/demo/generate';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { tempDir } from '../helpers/station';

let reg: RegistryProc;
let station: { id: string; token: string };

async function pair(id: string): Promise<string> {
  const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: id });
  const res = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: id, name: id }) });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  reg = await startRegistryProc({ dataDir: tempDir('foyer-reg-hard-') });
  await reg.admin('POST', '/v1/admin/demo', { attendees: 20 });
  const id = crypto.randomUUID();
  station = { id, token: await pair(id) };
}, 120_000);

afterAll(async () => {
  await reg?.kill('SIGTERM');
});

const wireEvent = (stationId: string, seq: number) => ({
  id: crypto.randomUUID(),
  stationId,
  seq,
  hlc: `${new Date(1_795_000_000_000 + seq).toISOString()}-0000-0123456789abcdef`,
  wallTime: 1_795_000_000_000 + seq,
  kind: 'scan',
  attendeeId: null,
  roomId: null,
  sessionId: null,
  verdict: 'refused',
  reason: 'unknown_code',
  operator: null,
  payload: { code: `X${seq}` },
  day: '2026-11-29',
});

describe('registry endpoint bodies (fast-check)', () => {
  // Routes that read a JSON body, with who may call them.
  const routes = [
    { method: 'POST', path: '/v1/pair', who: 'none' },
    { method: 'POST', path: '/v1/sync/push', who: 'station' },
    { method: 'PUT', path: '/v1/admin/event', who: 'admin' },
    { method: 'POST', path: '/v1/admin/attendees/import', who: 'admin' },
    { method: 'PUT', path: '/v1/admin/attendees/fz-1', who: 'admin' },
    { method: 'PATCH', path: '/v1/admin/attendees/fz-1', who: 'admin' },
    { method: 'PUT', path: '/v1/admin/rooms/fz-room', who: 'admin' },
    { method: 'PUT', path: '/v1/admin/sessions/fz-session', who: 'admin' },
    { method: 'POST', path: '/v1/admin/keys', who: 'admin' },
    { method: 'POST', path: '/v1/admin/revocations', who: 'admin' },
    { method: 'POST', path: '/v1/admin/pairing-codes', who: 'admin' },
    { method: 'POST', path: '/v1/admin/demo', who: 'admin' },
  ] as const;

  // Random JSON, plus near-misses: the right keys with values of the wrong type or size.
  const keys = ['protocol', 'code', 'stationId', 'name', 'events', 'id', 'givenName', 'familyName', 'category', 'status', 'capacity', 'roomId', 'startsAt', 'endsAt', 'format', 'fileBase64', 'mapping', 'mode', 'attendeeId', 'badgeVersion', 'days', 'timeZone', 'attendees', 'validDays', 'badgeCodes'];
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(1, -1, 0, 1e308, -0, 2 ** 53 + 1, '', 'x'.repeat(5000), '\u0000', '2026-13-45', 'csv', 'xlsx', 'all', null, [], {}, true),
  );
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 60 }),
  );

  it('random bodies to every route: always a 4xx (or 200 when it happens to be valid) with a sentence, never a 500', async () => {
    const auth = (who: string): Record<string, string> => (who === 'admin' ? { authorization: `Bearer ${reg.adminToken}` } : who === 'station' ? { authorization: `Bearer ${station.token}` } : {});
    const samples = fc.sample(fc.tuple(fc.constantFrom(...routes), body), { numRuns: 400, seed: 7 });
    const statuses = new Map<number, number>();
    for (const [route, text] of samples) {
      const res = await fetch(reg.url + route.path, { method: route.method, headers: { ...auth(route.who), 'content-type': 'application/json' }, body: text });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const what = `${route.method} ${route.path} ${text.slice(0, 80)}`;
      expect(res.status, what).toBeLessThan(500);
      if (res.status >= 400) {
        const err = (await res.json()) as { error: { code: string; message: string } };
        expect(err.error.message.length, what).toBeGreaterThan(5);
        expect(err.error.message, what).not.toMatch(/\n\s+at |ZodError|TypeError|Cannot read/);
      } else await res.body?.cancel();
    }
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    // The registry is still healthy afterwards.
    expect((await fetch(`${reg.url}/v1/health`)).status).toBe(200);
  }, 240_000);
});

describe('registry crash during ingest', () => {
  it('SIGKILL with pushes in flight: every acknowledged event is stored once; a full re-send settles the rest', async () => {
    const rnd = prng(2026);
    const id = crypto.randomUUID();
    const token = await pair(id);
    const all = Array.from({ length: 3000 }, (_, i) => wireEvent(id, i + 1));
    const push = (events: unknown[]) =>
      fetch(`${reg.url}/v1/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: 1, stationId: id, events }),
      }).then(async (r) => (r.ok ? ((await r.json()) as { acked: number }).acked : null));

    let acked = 0;
    const batches = Array.from({ length: all.length / 100 }, (_, i) => all.slice(i * 100, i * 100 + 100));
    const killAt = 5 + Math.floor(rnd() * 15);
    let answered = 0;
    let cut = 0;
    // Four pushes in flight at a time; the kill lands while some are being ingested.
    await Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        for (let b = lane; b < batches.length; b += 4) {
          const a = await push(batches[b]!).catch(() => null);
          if (a === null) {
            cut++;
            continue;
          }
          acked = Math.max(acked, a);
          if (++answered === killAt) await reg.kill('SIGKILL');
        }
      }),
    );
    expect(answered).toBeGreaterThanOrEqual(killAt);
    expect(cut).toBeGreaterThan(0);
    await reg.start();

    const stored = async () => {
      const rows: { id: string; stationId: string; stationSeq: number; seq: number }[] = [];
      for (let after = 0; ; ) {
        const page = await reg.admin<typeof rows>('GET', `/v1/admin/events?after=${after}&limit=5000`);
        rows.push(...page);
        if (page.length < 5000) break;
        after = page[page.length - 1]!.seq;
      }
      return rows.filter((r) => r.stationId === id);
    };
    const after = await stored();
    const ids = new Set(after.map((r) => r.id));
    expect(ids.size).toBe(after.length);
    for (const e of all.slice(0, acked)) expect(ids.has(e.id), `acknowledged event ${e.seq}`).toBe(true);

    // The station re-sends everything not acknowledged (and some that were): all settled, no duplicates.
    for (const batch of batches) await push(batch);
    expect(await push(all.slice(-1))).toBe(all.length);
    const final = await stored();
    expect(final.length).toBe(all.length);
    expect(new Set(final.map((r) => r.stationSeq)).size).toBe(all.length);
  }, 240_000);
});
