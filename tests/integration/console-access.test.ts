// The organiser console's authorisation matrix: every admin and console route × every role
// (organiser, logistics, viewer, an admin token) and nobody, against a real registry process —
// the roles of issue #18 written out here, not read back from the table under test; notes and
// badge codes only for organisers; no person's name in any byte a viewer receives; sessions,
// cookies, CSRF and login limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROLES, type ConsoleRole } from '../../core/console/access';
import type { LiveSnapshot } from '../../core/console/live';
import { checkIn } from '../../station/checkin';
import { markSafe, setEvacuation } from '../../station/evacuation';
import { createApp } from '../../registry/app';
import { ACCESS } from '../../registry/console/access';
import type { RegistryContext } from '../../registry/context';
import { consoleLogin, type ConsoleClient } from '../../testkit/console-client';
import { useDemoRegistry } from '../helpers/demo-registry';

const demo = useDemoRegistry('foyer-console-access-');
const PASSWORD = 'correct horse battery';
const sessions = {} as Record<ConsoleRole, ConsoleClient>;
let names: string[] = [];
/** Admitted twice too, and marked protected (#16) with a chosen name: never named by the legal name outside the organiser's own list. */
let guarded: Person;
const CHOSEN = 'Mira';
type Person = { id: string; givenName: string; familyName: string; status: string; validDays: string[] | null; badgeCodes: string[]; protected: boolean; notes: string };

async function account(username: string, role: ConsoleRole): Promise<ConsoleClient> {
  await demo.reg.admin('POST', '/v1/console/accounts', { username, role, password: PASSWORD });
  return consoleLogin(demo.reg.url, { username, password: PASSWORD });
}

beforeAll(async () => {
  for (const role of CONSOLE_ROLES) sessions[role] = await account(`${role}-1`, role);
  // Two entrances, offline from each other, each admit the same two people: "admitted twice"
  // with names the live view shows organisers and must not show viewers; the second of them is
  // protected, so not even organisers see that one's legal name there.
  const a = await demo.pairedStation('North entrance', { syncNow: true });
  const b = await demo.pairedStation('South entrance', { syncNow: true });
  const people = await demo.reg.admin<Person[]>('GET', '/v1/admin/attendees?limit=1000');
  const usable = people.filter((p) => p.status === 'active' && !p.validDays && !p.protected && !p.notes && p.familyName.length >= 4);
  const person = usable[0]!;
  // A family name nobody else has, so "it is not in the answer" means what it says.
  guarded = usable.find((p) => p !== person && people.filter((q) => q.familyName === p.familyName || q.givenName === p.givenName).length === 1)!;
  names = people.filter((p) => p !== guarded).flatMap((p) => [p.givenName, p.familyName]).filter((n) => n.length >= 3);
  const t = Date.now();
  for (const p of [person, guarded]) {
    expect(checkIn(a.station, p.badgeCodes[0]!, t).verdict).toBe('admitted');
    expect(checkIn(b.station, p.badgeCodes[0]!, t + 1000).verdict).toBe('admitted');
  }
  await demo.reg.admin('PATCH', `/v1/admin/attendees/${guarded.id}`, { protected: true, chosenName: CHOSEN });
  await a.client.syncNow();
  await b.client.syncNow();
  // A drill, started at the north entrance; the first person is marked safe at the south
  // entrance's assembly point (it learnt of the drill by syncing); the protected one is still inside.
  setEvacuation(a.station, 'start', true, Date.now(), null);
  await a.client.syncNow();
  await b.client.syncNow();
  expect(markSafe(b.station, { attendeeId: person.id }, false, Date.now(), null).outcome).toBe('marked');
  await b.client.syncNow();
}, 120_000);

afterAll(async () => {
  for (const s of Object.values(sessions)) await s.call('POST', '/v1/console/logout').catch(() => {});
});

/** What issue #18 says each role may do, route by route (organisers may do everything). */
const PUBLIC = ['POST /v1/console/login', 'GET /v1/console/me'];
const LOGISTICS_MAY = [
  'POST /v1/console/logout', 'GET /v1/console/me', 'POST /v1/console/password', 'GET /v1/console/live', 'GET /v1/console/live/stream',
  'GET /v1/admin/event', 'GET /v1/admin/rooms', 'GET /v1/admin/sessions', 'GET /v1/admin/stations', 'GET /v1/admin/attendees',
];
const VIEWER_MAY = ['POST /v1/console/logout', 'GET /v1/console/me', 'POST /v1/console/password', 'GET /v1/console/live', 'GET /v1/console/live/stream'];
const may = (role: ConsoleRole | 'token', route: string) =>
  PUBLIC.includes(route) || role === 'organiser' || role === 'token' || (role === 'logistics' ? LOGISTICS_MAY : VIEWER_MAY).includes(route);

/** A concrete request for a route: ids that exist nowhere, and bodies no route accepts (nothing changes). */
function request(route: string): { method: string; path: string; body?: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern.replace(':what', 'checkins.csv').replace(':id', '00000000-0000-4000-8000-000000000000');
  return { method, path, body: method === 'GET' ? undefined : '{"matrix":"not a valid body"}' };
}

async function status(who: ConsoleRole | 'token' | 'nobody', route: string): Promise<number> {
  const { method, path, body } = request(route);
  const ctl = new AbortController();
  const headers: Record<string, string> = { origin: new URL(demo.reg.url).origin, ...(body ? { 'content-type': 'application/json' } : {}) };
  if (who === 'token') headers.authorization = `Bearer ${demo.reg.adminToken}`;
  else if (who !== 'nobody') headers.cookie = sessions[who].cookie;
  const res = await fetch(demo.reg.url + path, { method, headers, body, signal: ctl.signal });
  ctl.abort(); // the live stream never ends by itself
  await res.body?.cancel().catch(() => {});
  return res.status;
}

describe('every route × every role', () => {
  it('the access table lists every admin and console route the registry has, and no other', () => {
    const app = createApp({ now: Date.now, publicUrl: '', tls: false, consoleDir: null } as unknown as RegistryContext);
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && /^\/v1\/(admin|console)\//.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual(Object.keys(ACCESS).sort());
  });

  // Logging out ends the session the rest of the matrix uses: it is tried last, on its own session.
  const routes = Object.keys(ACCESS).filter((r) => r !== 'POST /v1/console/logout');
  for (const who of [...CONSOLE_ROLES, 'token', 'nobody'] as const) {
    it(`as ${who}`, async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        const got = await status(who, route);
        const allowed = who === 'nobody' ? PUBLIC.includes(route) : may(who, route);
        const ok = allowed ? got !== 401 && got !== 403 && got < 500 : got === (who === 'nobody' ? 401 : 403);
        if (!ok) wrong.push(`${route} → ${got} (expected ${allowed ? 'allowed' : who === 'nobody' ? 401 : 403})`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('logging out ends the session for every route', async () => {
    const s = await consoleLogin(demo.reg.url, { username: 'organiser-1', password: PASSWORD });
    expect((await s.call('GET', '/v1/console/me')).status).toBe(200);
    expect((await s.call('POST', '/v1/console/logout')).status).toBe(200);
    expect(await s.json('GET', '/v1/console/me')).toEqual({ user: null });
    expect((await s.call('GET', '/v1/admin/attendees')).status).toBe(401);
  });
});

describe('what each role reads', () => {
  it('organisers get notes and badge codes; logistics get the list without them', async () => {
    const full = await sessions.organiser.json<Record<string, unknown>[]>('GET', '/v1/admin/attendees?limit=5');
    const reduced = await sessions.logistics.json<Record<string, unknown>[]>('GET', '/v1/admin/attendees?limit=5');
    expect(full[0]).toHaveProperty('notes');
    expect(full[0]).toHaveProperty('badgeCodes');
    expect(reduced.map((r) => r.id)).toEqual(full.map((r) => r.id));
    for (const r of reduced) {
      expect(r).not.toHaveProperty('notes');
      expect(r).not.toHaveProperty('badgeCodes');
      expect(r).toHaveProperty('familyName');
    }
  });

  it('the live view names the people admitted twice, with both entrances, to organisers and logistics; a protected one only by the chosen name', async () => {
    for (const role of ['organiser', 'logistics'] as const) {
      const r = await sessions[role].call('GET', '/v1/console/live');
      const body = await r.text();
      const live = JSON.parse(body) as { conflicts: { count: number; people?: { attendeeId: string; name: string; protected: boolean; admissions: { stationName: string }[] }[] } };
      expect(live.conflicts.count).toBe(2);
      for (const p of live.conflicts.people!) expect(p.admissions.map((a) => a.stationName).sort()).toEqual(['North entrance', 'South entrance']);
      const [open, prot] = [live.conflicts.people!.find((p) => p.attendeeId !== guarded.id)!, live.conflicts.people!.find((p) => p.attendeeId === guarded.id)!];
      expect(names.some((n) => open.name.includes(n))).toBe(true);
      expect(prot).toMatchObject({ name: CHOSEN, protected: true });
      expect(body).not.toContain(guarded.familyName);
    }
  });

  it('during a drill the live view counts inside, safe and unaccounted from every station’s marks; the missing by name (a protected one by the chosen name) for organisers and logistics', async () => {
    for (const role of ['organiser', 'logistics'] as const) {
      const body = await (await sessions[role].call('GET', '/v1/console/live')).text();
      const e = (JSON.parse(body) as LiveSnapshot).evacuation!;
      // Started at one station, the mark made at another: only the registry holds both.
      expect(e).toMatchObject({ drill: true, stationName: 'North entrance', inside: 2, safe: 1, unaccounted: 1 });
      expect(e.rooms).toEqual([{ roomId: '', name: '', floor: '', safe: 1, unaccounted: 1 }]);
      expect(e.people).toEqual([{ attendeeId: guarded.id, name: CHOSEN, protected: true, roomId: '' }]);
      expect(body).not.toContain(guarded.familyName);
    }
  });

  it('logistics see a protected person by the chosen name only, and cannot find them by the legal name; organisers see the legal name, marked', async () => {
    const listed = (await sessions.logistics.json<Record<string, unknown>[]>('GET', '/v1/admin/attendees?limit=1000')).find((r) => r.id === guarded.id)!;
    expect(listed).toMatchObject({ givenName: CHOSEN, familyName: '', organisation: '', delegation: '', country: '' });
    const everything = await (await sessions.logistics.call('GET', '/v1/admin/attendees?limit=1000')).text();
    expect(everything).not.toContain(guarded.familyName);
    // Nor through the registry-only e-mail (given.family@…, for Zoom matching) or the import's picture cell.
    const own = (await demo.reg.admin<{ id: string; email: string | null }[]>('GET', '/v1/admin/attendees?limit=1000')).find((r) => r.id === guarded.id)!;
    expect(listed).not.toHaveProperty('email');
    expect(listed).not.toHaveProperty('photoRef');
    if (own.email) expect(everything).not.toContain(own.email);
    expect(everything.toLowerCase()).not.toContain(guarded.familyName.toLowerCase());
    const byLegal = await sessions.logistics.json<{ id: string }[]>('GET', `/v1/admin/attendees?q=${encodeURIComponent(guarded.familyName)}`);
    expect(byLegal.map((r) => r.id)).not.toContain(guarded.id);
    const byChosen = await sessions.logistics.json<{ id: string }[]>('GET', `/v1/admin/attendees?q=${CHOSEN}`);
    expect(byChosen.map((r) => r.id)).toContain(guarded.id);
    const organiser = await sessions.organiser.json<{ id: string }[]>('GET', `/v1/admin/attendees?q=${encodeURIComponent(guarded.familyName)}`);
    expect(organiser.find((r) => r.id === guarded.id)).toMatchObject({ familyName: guarded.familyName, protected: true, chosenName: CHOSEN });
  });

  it('no byte a viewer can receive holds a person’s name (every route a viewer may GET)', async () => {
    const bodies: string[] = [];
    for (const route of VIEWER_MAY.filter((r) => r.startsWith('GET ') && !r.endsWith('/stream'))) {
      const r = await sessions.viewer.call('GET', route.slice(4));
      expect(r.status, route).toBe(200);
      bodies.push(await r.text());
    }
    const organiserLive = await (await sessions.organiser.call('GET', '/v1/console/live')).text();
    // The same request an organiser makes does carry names: the viewer's lack of them is not an accident of the data.
    expect(names.filter((n) => organiserLive.includes(n)).length).toBeGreaterThan(0);
    const leaked = names.filter((n) => bodies.some((b) => b.includes(n)));
    expect(leaked).toEqual([]);
    const live = JSON.parse(bodies[1]!) as LiveSnapshot;
    expect(live.conflicts).toEqual({ count: 2 });
    // The drill in numbers only.
    expect(live.evacuation).toMatchObject({ drill: true, inside: 2, safe: 1, unaccounted: 1 });
    expect(live.evacuation).not.toHaveProperty('people');
    expect(bodies.join('')).not.toContain(guarded.familyName);
  });
});

describe('sessions, cookies, cross-site requests and login limits', () => {
  it('the session cookie is HttpOnly and SameSite=Strict, and not Secure over plain loopback HTTP', () => {
    const c = sessions.organiser.setCookie;
    expect(c).toMatch(/^foyer_console=[A-Za-z0-9_-]{43};/);
    expect(c).toMatch(/; HttpOnly/);
    expect(c).toMatch(/; SameSite=Strict/);
    expect(c).not.toMatch(/Secure/);
  });

  it('a change carried by the cookie is refused from another origin, or with no origin at all', async () => {
    const body = { username: 'csrf-test', role: 'viewer', password: PASSWORD };
    const evil = await sessions.organiser.call('POST', '/v1/console/accounts', body, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
    const none = await fetch(`${demo.reg.url}/v1/console/accounts`, { method: 'POST', headers: { cookie: sessions.organiser.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(none.status).toBe(403);
    const accounts = await sessions.organiser.json<{ username: string }[]>('GET', '/v1/console/accounts');
    expect(accounts.map((a) => a.username)).not.toContain('csrf-test');
    // The same request from the console's own page goes through.
    expect((await sessions.organiser.call('POST', '/v1/console/accounts', body)).status).toBe(200);
  });

  it('a role change applies on the next request; a disabled account is out at once', async () => {
    const accounts = await sessions.organiser.json<{ id: string; username: string }[]>('GET', '/v1/console/accounts');
    const s = await consoleLogin(demo.reg.url, { username: 'csrf-test', password: PASSWORD });
    const id = accounts.find((a) => a.username === 'csrf-test')!.id;
    expect((await s.call('GET', '/v1/admin/rooms')).status).toBe(403);
    await sessions.organiser.json('PATCH', `/v1/console/accounts/${id}`, { role: 'logistics' });
    expect((await s.call('GET', '/v1/admin/rooms')).status).toBe(200);
    await sessions.organiser.json('PATCH', `/v1/console/accounts/${id}`, { disabled: true });
    expect((await s.call('GET', '/v1/admin/rooms')).status).toBe(401);
    expect(await s.json('GET', '/v1/console/me')).toEqual({ user: null });
    await expect(consoleLogin(demo.reg.url, { username: 'csrf-test', password: PASSWORD })).rejects.toThrow(/401/);
  });

  it('an organiser cannot lock themselves out', async () => {
    const me = (await sessions.organiser.json<{ id: string; username: string }[]>('GET', '/v1/console/accounts')).find((a) => a.username === 'organiser-1')!;
    const r = await sessions.organiser.call('PATCH', `/v1/console/accounts/${me.id}`, { role: 'viewer' });
    expect(r.status).toBe(409);
    expect((await sessions.organiser.call('GET', '/v1/admin/keys')).status).toBe(200);
  });

  it('a session made with an admin token ends when the token is revoked', async () => {
    const made = await demo.reg.admin<{ id: string; token: string }>('POST', '/v1/admin/tokens', { label: 'for the console' });
    const s = await consoleLogin(demo.reg.url, { token: made.token });
    expect(((await s.json<{ user: { role: string; kind: string } }>('GET', '/v1/console/me')).user)).toMatchObject({ role: 'organiser', kind: 'token' });
    await demo.reg.admin('POST', `/v1/admin/tokens/${made.id}/revoke`, {});
    expect((await s.call('GET', '/v1/console/live')).status).toBe(401);
    expect(await s.json('GET', '/v1/console/me')).toEqual({ user: null });
  });

  it('five wrong passwords lock that account name for a while (the right one too); other accounts and admin tokens still log in', async () => {
    await demo.reg.admin('POST', '/v1/console/accounts', { username: 'target', role: 'viewer', password: PASSWORD });
    const attempt = (password: string) =>
      fetch(`${demo.reg.url}/v1/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(demo.reg.url).origin }, body: JSON.stringify({ username: 'TARGET', password }) });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess number ${i}`)).status).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    await expect(consoleLogin(demo.reg.url, { username: 'logistics-1', password: PASSWORD })).resolves.toBeTruthy();
    await expect(consoleLogin(demo.reg.url, { token: demo.reg.adminToken })).resolves.toBeTruthy();
  });

  it('a login from another site is refused before any password is tried', async () => {
    const r = await fetch(`${demo.reg.url}/v1/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ username: 'organiser-1', password: PASSWORD }) });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});
