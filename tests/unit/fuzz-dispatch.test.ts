// Both transports' entry point under random input (fast-check): random method names and
// random arguments to every method go through dispatch() (what Electron IPC and the headless
// host call) and over the host's HTTP API. Nothing throws, nothing answers "internal", every
// refusal is a sentence, and every scan — however broken — gets a verdict with a sentence.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../core/api/index';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { startHost, type RunningHost } from '../../station/host/server';
import type { Station } from '../../station/station';
import { demoCodes, freshStation } from '../helpers/station';

// Left out: methods that reach the network (pairing, sync), wipe the station (tested in forget.test.ts)
// or turn it into a kiosk that answers nothing else (tested in kiosk.test.ts).
const SKIP = new Set(['sync.pair', 'sync.now', 'station.forget', 'kiosk.start']);
const METHODS = Object.keys(methods).filter((m) => !SKIP.has(m));
const STACK = /\n\s+at |TypeError|ReferenceError|SQLITE_|Cannot read/;

let station: Station;
let codes: string[];
const handlers = createHandlers();

beforeAll(() => {
  station = freshStation().station;
  codes = demoCodes(station, 20).map((c) => c.code);
});
afterAll(() => station.close());

function expectSentence(r: { ok: boolean; error?: { code: string; message: string } }, what: string) {
  if (r.ok) return;
  expect(r.error!.code, what).not.toBe('internal');
  expect(r.error!.message.length, what).toBeGreaterThan(5);
  expect(r.error!.message, what).not.toMatch(STACK);
}

describe('dispatch under random input', () => {
  it('random method names are unknown_method, never a throw (incl. prototype names)', async () => {
    const names = fc.sample(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'checkin.scan ', 'CHECKIN.SCAN', 'checkin', ''), fc.anything()), { numRuns: 300, seed: 11 });
    for (const m of names) {
      const r = await dispatch(handlers, station, m, {});
      if (typeof m === 'string' && Object.hasOwn(methods, m)) continue;
      expect(r, String(m)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('random arguments to every method: a result or a refusal with a sentence, never "internal"', async () => {
    const args = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.dictionary(fc.constantFrom('text', 'attendeeId', 'roomId', 'sessionId', 'limit', 'query', 'delta', 'kind', 'day', 'mode', 'template', 'form', 'notes', 'operator'), fc.anything({ maxDepth: 1 })),
    );
    const samples = fc.sample(fc.tuple(fc.constantFrom(...METHODS), args), { numRuns: 1500, seed: 12 });
    let ok = 0;
    for (const [m, a] of samples) {
      const r = await dispatch(handlers, station, m, a);
      if (r.ok) ok++;
      expectSentence(r, `${m} ${JSON.stringify(a)?.slice(0, 120)}`);
    }
    expect(ok).toBeGreaterThan(0); // some random calls are valid (status, lists…) and succeed
  });

  it('random scan text at the desk and at the door: always a verdict with a sentence, stored', async () => {
    await dispatch(handlers, station, 'door.configure', { roomId: (station.db.sqlite.prepare('select id from rooms limit 1').get() as { id: string }).id, mode: 'toggle' });
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(...codes).map((c) => c),
      fc.tuple(fc.constantFrom(...codes), fc.string({ maxLength: 5 })).map(([c, s]) => c + s),
      fc.constantFrom('\r\n', '\t', ' '.repeat(19_000), '\u0000'.repeat(50), '\u202e' + codes[0]),
    );
    for (const [method, t] of fc.sample(fc.tuple(fc.constantFrom('checkin.scan', 'door.scan'), text), { numRuns: 600, seed: 13 })) {
      const r = await dispatch(handlers, station, method, { text: t });
      expect(r.ok, `${method} ${JSON.stringify(t).slice(0, 80)} ${JSON.stringify(r).slice(0, 200)}`).toBe(true);
      if (!r.ok) continue;
      const v = r.value as { verdict: string; message: string; eventId: string | null };
      expect(['admitted', 'warning', 'refused']).toContain(v.verdict);
      expect(v.message.length).toBeGreaterThan(5);
      expect(v.message).not.toMatch(STACK);
    }
  });
});

describe('the host HTTP API under random bodies', () => {
  let host: RunningHost;
  const TOKEN = 'fuzz-token-0123456789';
  beforeAll(async () => {
    host = await startHost({ station, handlers, port: 0, host: '127.0.0.1', token: TOKEN, staticDir: null });
  });
  afterAll(async () => host?.close());

  it('any body: a JSON answer with ok:false and a sentence, or a valid result; never a 5xx', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.record({ method: fc.oneof(fc.constantFrom(...METHODS), fc.string()), args: fc.anything({ maxDepth: 2 }) }).map((v) => JSON.stringify(v)),
    );
    for (const b of fc.sample(body, { numRuns: 300, seed: 14 })) {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/call`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: b });
      expect(res.status, b.slice(0, 100)).toBeLessThan(500);
      const r = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
      expectSentence(r, b.slice(0, 100));
    }
  });
});
