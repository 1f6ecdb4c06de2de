// Registry authorisation matrix: every route × {no token, wrong token, revoked station,
// station, admin} → the expected status; plus malformed input is always a 4xx, never a 500,
// and tokens are stored only as hashes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { tempDir } from '../helpers/station';

let reg: RegistryProc;
const tokens: Record<'station' | 'revoked', { id: string; token: string }> = {} as never;
let spareStation = '';

async function pair(id: string): Promise<string> {
  const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: id });
  const res = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: id, name: id }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  reg = await startRegistryProc({ dataDir: tempDir('foyer-reg-auth-') });
  await reg.admin('POST', '/v1/admin/demo', { attendees: 50 });
  tokens.station = { id: 'station-ok', token: await pair('station-ok') };
  tokens.revoked = { id: 'station-gone', token: await pair('station-gone') };
  await reg.admin('POST', '/v1/admin/stations/station-gone/revoke', {});
  spareStation = 'station-spare';
  await pair(spareStation);
}, 120_000);

afterAll(async () => {
  await reg?.kill('SIGTERM');
});

type Role = 'none' | 'wrong' | 'revoked' | 'station' | 'admin';
const ROLES: Role[] = ['none', 'wrong', 'revoked', 'station', 'admin'];

function bearer(role: Role): Record<string, string> {
  switch (role) {
    case 'none':
      return {};
    case 'wrong':
      return { authorization: 'Bearer ThisIsNotAValidTokenAtAll0123456789abcdef' };
    case 'revoked':
      return { authorization: `Bearer ${tokens.revoked.token}` };
    case 'station':
      return { authorization: `Bearer ${tokens.station.token}` };
    case 'admin':
      return { authorization: `Bearer ${reg.adminToken}` };
  }
}

const event = (seq: number) => ({
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  stationId: 'station-ok',
  seq,
  hlc: '2026-11-29T09:14:03.120Z-0000-3f2a9c1d00b4e781',
  wallTime: 1,
  kind: 'scan',
  attendeeId: null,
  roomId: null,
  sessionId: null,
  verdict: 'refused',
  reason: 'malformed',
  operator: null,
  payload: {},
  day: '2026-11-29',
});
const csv = Buffer.from('id,given name,family name,category\nx1,Ana,Ruiz,NGO\n').toString('base64');

interface Route {
  method: string;
  path: string;
  body?: () => unknown;
  /** Who may use it: 'station' routes answer 403 to the admin, 'admin' routes 403 to a station. */
  who: 'station' | 'admin';
}
const ROUTES: Route[] = [
  { method: 'POST', path: '/v1/sync/push', who: 'station', body: () => ({ protocol: 1, stationId: 'station-ok', events: [event(1)] }) },
  { method: 'GET', path: '/v1/sync/pull?cursor=1:0&limit=10', who: 'station' },
  { method: 'GET', path: '/v1/sync/live', who: 'station' },
  { method: 'GET', path: '/v1/admin/status', who: 'admin' },
  { method: 'PUT', path: '/v1/admin/event', who: 'admin', body: () => ({ id: 'atip-23', name: 'Renamed conference', venue: 'Hofburg', timeZone: 'Europe/Vienna', days: ['2026-11-29'], description: '' }) },
  { method: 'POST', path: '/v1/admin/attendees/import', who: 'admin', body: () => ({ format: 'csv', fileBase64: csv }) },
  { method: 'POST', path: '/v1/admin/attendees/rows', who: 'admin', body: () => ({ profile: 'pretix', rows: [{ orderCode: 'ZZ9QQ', positionId: '1', givenName: 'Ana', familyName: 'Ruiz', badgeCodes: ['zz9qqsecret'] }] }) },
  { method: 'GET', path: '/v1/admin/attendees', who: 'admin' },
  {
    method: 'PUT',
    path: '/v1/admin/attendees/a-1',
    who: 'admin',
    body: () => ({ id: 'a-1', givenName: 'A', familyName: 'B', organisation: '', delegation: '', country: '', category: 'ngo', validDays: null, status: 'active', badgeVersion: 1, notes: '', badgeCodes: [] }),
  },
  { method: 'PATCH', path: '/v1/admin/attendees/a-1', who: 'admin', body: () => ({ notes: 'VIP' }) },
  { method: 'PUT', path: '/v1/admin/rooms/r-1', who: 'admin', body: () => ({ id: 'r-1', name: 'Room', capacity: 10, warnPct: 80, criticalPct: 95, fullPolicy: 'refuse', allowedCategories: null, floor: '' }) },
  { method: 'PUT', path: '/v1/admin/sessions/s-x', who: 'admin', body: () => ({ id: 's-x', roomId: 'r-1', title: 'Talk', startsAt: 1, endsAt: 2, allowedCategories: null }) },
  { method: 'GET', path: '/v1/admin/keys', who: 'admin' },
  { method: 'POST', path: '/v1/admin/keys', who: 'admin', body: () => ({}) },
  { method: 'POST', path: '/v1/admin/keys/1/deactivate', who: 'admin', body: () => ({}) },
  { method: 'POST', path: '/v1/admin/revocations', who: 'admin', body: () => ({ attendeeId: 'a-1', badgeVersion: 1 }) },
  { method: 'POST', path: '/v1/admin/pairing-codes', who: 'admin', body: () => ({ name: 'New desk' }) },
  { method: 'GET', path: '/v1/admin/stations', who: 'admin' },
  { method: 'GET', path: '/v1/admin/tokens', who: 'admin' },
  { method: 'POST', path: '/v1/admin/tokens', who: 'admin', body: () => ({ label: 'matrix' }) },
  { method: 'POST', path: '/v1/admin/stations/station-spare/revoke', who: 'admin', body: () => ({}) },
  { method: 'GET', path: '/v1/admin/events', who: 'admin' },
  { method: 'GET', path: '/v1/admin/export/checkins.csv', who: 'admin' },
  { method: 'POST', path: '/v1/admin/demo', who: 'admin', body: () => ({ attendees: 20 }) },
];

function expected(route: Route, role: Role): number {
  if (role === 'none' || role === 'wrong' || role === 'revoked') return 401;
  return route.who === role ? 200 : 403;
}

async function send(route: Route, headers: Record<string, string>, body?: string) {
  const ctl = new AbortController();
  const res = await fetch(reg.url + route.path, {
    method: route.method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: body ?? (route.body ? JSON.stringify(route.body()) : undefined),
    signal: ctl.signal,
  });
  const status = res.status;
  ctl.abort(); // the live route streams forever
  await res.body?.cancel().catch(() => {});
  return status;
}

describe('registry authorisation matrix', () => {
  for (const route of ROUTES) {
    for (const role of ROLES) {
      it(`${route.method} ${route.path.split('?')[0]} as ${role} → ${expected(route, role)}`, async () => {
        expect(await send(route, bearer(role))).toBe(expected(route, role));
      });
    }
  }

  it('public routes: health answers anyone; pairing needs a valid one-time code', async () => {
    expect((await fetch(`${reg.url}/v1/health`)).status).toBe(200);
    const bad = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code: 'AAAAA-BBBBB', stationId: 'x', name: 'x' }) });
    expect(bad.status).toBe(403);
    const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', {});
    const once = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: 'once', name: 'once' }) });
    expect(once.status).toBe(200);
    const twice = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: 'twice', name: 'twice' }) });
    expect(twice.status).toBe(403);
  });

  it('a station cannot push events of another station', async () => {
    const res = await fetch(`${reg.url}/v1/sync/push`, {
      method: 'POST',
      headers: bearer('station'),
      body: JSON.stringify({ protocol: 1, stationId: 'station-spare', events: [] }),
    });
    expect(res.status).toBe(403);
    const sneaky = await fetch(`${reg.url}/v1/sync/push`, {
      method: 'POST',
      headers: bearer('station'),
      body: JSON.stringify({ protocol: 1, stationId: 'station-ok', events: [{ ...event(2), stationId: 'station-spare' }] }),
    });
    const body = (await sneaky.json()) as { stored: number; rejected: { reason: string }[] };
    expect(body.stored).toBe(0);
    expect(body.rejected[0]?.reason).toMatch(/another station/);
  });

  it('malformed input gets a 4xx with a message, never a 500', async () => {
    const junk = ['', 'null', '[]', '{', '"x"', '{"protocol":2}', JSON.stringify({ protocol: 1, stationId: 'station-ok', events: 'x' }), '\u0000\u0001', '{"a":'.repeat(5000)];
    // Routes that take a body (deactivate/revoke carry everything in the path).
    for (const route of ROUTES.filter((r) => r.method !== 'GET' && !/deactivate|revoke$/.test(r.path))) {
      for (const body of junk) {
        const status = await send(route, bearer(route.who), body);
        expect(status, `${route.method} ${route.path} with ${JSON.stringify(body.slice(0, 20))}`).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }
    }
    const huge = JSON.stringify({ protocol: 1, stationId: 'station-ok', events: Array.from({ length: 400 }, (_, i) => ({ ...event(i + 10), payload: { pad: 'x'.repeat(8000) } })) });
    expect(await send(ROUTES[0]!, bearer('station'), huge)).toBe(413);
    const badQuery = await fetch(`${reg.url}/v1/sync/pull?cursor=DROP%20TABLE&limit=-5`, { headers: bearer('station') });
    expect(badQuery.status).toBe(400);
    const body = (await badQuery.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/cursor/);
  });

  it('stores tokens only as hashes (no token text anywhere in the database files)', () => {
    const needle = [tokens.station.token, reg.adminToken];
    const files = fs.readdirSync(path.join(reg.dataDir, 'pgdata'), { recursive: true, encoding: 'utf8' });
    for (const f of files) {
      const full = path.join(reg.dataDir, 'pgdata', f);
      if (!fs.statSync(full).isFile()) continue;
      const data = fs.readFileSync(full);
      for (const n of needle) expect(data.includes(Buffer.from(n)), `${f} contains a token`).toBe(false);
    }
  });
});
