// The registry in production (issue 12): HTTPS with a pinned certificate, pairing identity,
// "Forget this event" revoking the token, a 413 that does not poison the connection, and
// start-up problems that are one sentence and create nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePairingText } from '../../core/sync/pairing-link';
import { registryFetch } from '../../node-shared/pinned-fetch';
import { checkIn } from '../../station/checkin';
import { forgetEvent } from '../../station/forget';
import type { Station } from '../../station/station';
import { SyncClient } from '../../station/sync/client';
import { newSyncClient } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { freePort, startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { demoCodes, freshStation, tempDir } from '../helpers/station';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const opened: Station[] = [];
const clients: SyncClient[] = [];
const regs: RegistryProc[] = [];

afterAll(async () => {
  for (const c of clients) c.stop();
  for (const s of opened) s.close();
  for (const r of regs) await r.kill('SIGTERM');
});

async function registry(args: string[] = [], port?: number): Promise<RegistryProc> {
  const r = await startRegistryProc({ dataDir: tempDir('foyer-reg-prod-'), args, port });
  regs.push(r);
  return r;
}

function station(name: string): Station {
  const { station: s } = freshStation({ stationName: name });
  opened.push(s);
  return s;
}

function client(s: Station): SyncClient {
  const c = newSyncClient(s, { live: false, backoffBaseMs: 10, backoffMaxMs: 50 });
  clients.push(c);
  return c;
}

interface Issued {
  code: string;
  link: string;
  fingerprint: string | null;
  url: string;
}

describe('HTTPS with a pinned certificate', () => {
  let reg: RegistryProc;
  beforeAll(async () => {
    reg = await registry(['--tls']);
    await reg.admin('POST', '/v1/admin/demo', { attendees: 40 });
  }, 120_000);

  it('pairs from the pairing link, syncs over HTTPS, and refuses a registry with another certificate', async () => {
    expect(reg.url).toMatch(/^https:\/\//);
    expect(reg.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Plain HTTP is not spoken at all on a TLS port.
    await expect(fetch(reg.url.replace('https:', 'http:') + '/v1/health')).rejects.toThrow();

    const issued = await reg.admin<Issued>('POST', '/v1/admin/pairing-codes', { name: 'North' });
    expect(issued.fingerprint).toBe(reg.fingerprint);
    expect(parsePairingText(issued.link)).toEqual({ url: reg.url, code: issued.code, fingerprint: reg.fingerprint });

    const north = station('North');
    // The bare address without the fingerprint: a self-signed certificate is not trusted.
    const bare = await pairStation(north, reg.url, issued.code);
    expect(bare.paired).toBe(false);
    expect(bare.message).toMatch(/pairing link/);
    // The whole link (pasted, or typed by a scanner from the QR): code and fingerprint in one.
    const r = await pairStation(north, issued.link, '');
    expect(r.paired, r.message).toBe(true);
    const c = client(north);
    const [badge] = demoCodes(north, 1);
    const first = await c.syncNow();
    expect(first.ok, first.message ?? '').toBe(true);
    const scan = checkIn(north, badge!.code, Date.now());
    expect(scan.eventId).toBeTruthy();
    const up = await c.syncNow();
    expect(up.ok, up.message ?? '').toBe(true);
    const stored = await reg.admin<{ id: string }[]>('GET', '/v1/admin/events');
    expect(stored.map((e) => e.id)).toContain(scan.eventId);

    // Someone else answers on the registry's address with their own certificate.
    await reg.kill('SIGTERM');
    const impostor = await registry(['--tls'], reg.port);
    expect(impostor.fingerprint).not.toBe(reg.fingerprint);
    checkIn(north, badge!.code, Date.now() + 1000);
    const refused = await c.syncNow();
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/certificate does not match/);
    // Nothing reached the impostor: not even the token (it would have answered 401).
    expect(await impostor.admin<{ id: string }[]>('GET', '/v1/admin/events')).toEqual([]);
    expect(await impostor.admin('GET', '/v1/admin/stations')).toEqual([]);
    await impostor.kill('SIGTERM');
    await reg.start();
  });

  it('keeps its certificate across restarts (stations stay paired)', async () => {
    const before = reg.fingerprint;
    await reg.kill('SIGTERM');
    await reg.start();
    expect(reg.fingerprint).toBe(before);
    const key = fs.statSync(path.join(reg.dataDir, 'registry-key.pem'));
    expect(key.mode & 0o777).toBe(0o600);
  });

  it('off loopback it speaks HTTPS unless told --insecure-http', async () => {
    const wide = await registry(['--host', '0.0.0.0']);
    expect(wide.url).toMatch(/^https:/);
    expect(wide.fingerprint).toBeTruthy();
    const health = await registryFetch(wide.fingerprint)(`${wide.url}/v1/health`);
    expect(health.status).toBe(200);
    await wide.kill('SIGTERM');
    const proxied = await registry(['--host', '0.0.0.0', '--insecure-http', '--public-url', 'https://registry.example.org']);
    expect(proxied.url).toMatch(/^http:/);
    expect(proxied.fingerprint).toBeNull();
    const issued = await proxied.admin<Issued>('POST', '/v1/admin/pairing-codes', {});
    expect(issued.link).toBe(`https://registry.example.org/#pair=${issued.code}`);
    await proxied.kill('SIGTERM');
  });
});

describe('pairing identity', () => {
  let reg: RegistryProc;
  beforeAll(async () => {
    reg = await registry();
    await reg.admin('POST', '/v1/admin/demo', { attendees: 20 });
  }, 120_000);

  const pairRaw = async (code: string, stationId: string) => {
    const res = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId, name: stationId }) });
    const body = (await res.json()) as { token?: string; error?: { code: string; message: string } };
    return { status: res.status, ...body };
  };
  const pull = (token: string) => fetch(`${reg.url}/v1/sync/pull?cursor=1:0&limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
  const freshCode = async (body: Record<string, unknown> = {}) => (await reg.admin<Issued>('POST', '/v1/admin/pairing-codes', body)).code;

  it('a fresh code never takes over an existing station id, nor un-revokes one', async () => {
    const real = await pairRaw(await freshCode(), 'desk-a');
    expect(real.status).toBe(200);
    const hijack = await pairRaw(await freshCode(), 'desk-a');
    expect(hijack.status).toBe(409);
    expect(hijack.error?.message).toMatch(/pair --station/);
    expect(await pull(real.token!)).toBe(200); // the real station's token still works

    await reg.admin('POST', '/v1/admin/stations/desk-a/revoke', {});
    const back = await pairRaw(await freshCode(), 'desk-a');
    expect(back.status).toBe(409);
    const list = await reg.admin<{ id: string; revokedAt: number | null }[]>('GET', '/v1/admin/stations');
    expect(list.find((s) => s.id === 'desk-a')?.revokedAt).not.toBeNull();
  });

  it('pair --station ID gives that station (and only it) a new token; a revoked one needs --restore', async () => {
    const first = await pairRaw(await freshCode(), 'desk-b');
    const forB = await freshCode({ stationId: 'desk-b' });
    const wrong = await pairRaw(forB, 'desk-c');
    expect(wrong.status).toBe(403);
    expect(wrong.error?.message).toMatch(/another station/);
    const renewed = await pairRaw(forB, 'desk-b'); // the refusal above did not spend the code
    expect(renewed.status).toBe(200);
    expect(await pull(first.token!)).toBe(401);
    expect(await pull(renewed.token!)).toBe(200);

    await expect(reg.admin('POST', '/v1/admin/pairing-codes', { stationId: 'nobody' })).rejects.toThrow(/404/);
    await reg.admin('POST', '/v1/admin/stations/desk-b/revoke', {});
    await expect(reg.admin('POST', '/v1/admin/pairing-codes', { stationId: 'desk-b' })).rejects.toThrow(/409.*--restore/);
    const restore = await freshCode({ stationId: 'desk-b', restore: true });
    const restored = await pairRaw(restore, 'desk-b');
    expect(restored.status).toBe(200);
    expect(await pull(restored.token!)).toBe(200);
  });

  it('"Forget this event" revokes the station token at the registry when it is reachable', async () => {
    const s = station('Leaving desk');
    const r = await pairStation(s, reg.url, await freshCode());
    expect(r.paired).toBe(true);
    const token = client(s).link()!.token;
    const oldId = s.id;
    expect(await pull(token)).toBe(200);
    const out = await forgetEvent(s, { discardUnsynced: true });
    expect(out.forgotten).toBe(true);
    expect(out.tokenRevoked).toBe(true);
    expect(await pull(token)).toBe(401);
    const list = await reg.admin<{ id: string; revokedAt: number | null }[]>('GET', '/v1/admin/stations');
    expect(list.find((x) => x.id === oldId)?.revokedAt).not.toBeNull();
  });
});

describe('clean edges', () => {
  it('a 413 closes the connection, so the next request on a keep-alive client is answered', async () => {
    const reg = await registry();
    const { code } = await reg.admin<Issued>('POST', '/v1/admin/pairing-codes', {});
    const res = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: 'big', name: 'big' }) });
    const { token } = (await res.json()) as { token: string };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, p: string, body?: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = http.request(`${reg.url}${p}`, { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (r) => {
          r.resume();
          r.on('end', () => resolve({ status: r.statusCode ?? 0, connection: r.headers.connection }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const huge = JSON.stringify({ protocol: 1, stationId: 'big', events: [{ pad: 'x'.repeat(3 * 1024 * 1024) }] });
    const first = await send('POST', '/v1/sync/push', huge);
    expect(first).toEqual({ status: 413, connection: 'close' });
    const next = await send('GET', '/v1/sync/pull?cursor=1:0&limit=1');
    expect(next.status).toBe(200);
    agent.destroy();
  });

  const runServer = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'registry/server.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', FOYER_ADMIN_TOKEN: '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const oneSentence = (stderr: string) => {
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
  };

  it('a bad DATABASE_URL, a busy port or an unusable data folder: one sentence, nothing created', async () => {
    const base = tempDir('foyer-reg-edges-');
    const dir = path.join(base, 'registry');

    const badUrl = runServer(['--data', dir, '--port', String(await freePort())], { DATABASE_URL: 'mysql://root@localhost/foyer' });
    expect(badUrl.status).toBe(1);
    oneSentence(badUrl.stderr);
    expect(badUrl.stderr).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(fs.existsSync(dir)).toBe(false);

    const deadPort = await freePort();
    const noServer = runServer(['--data', dir, '--port', String(await freePort())], { DATABASE_URL: `postgres://foyer@127.0.0.1:${deadPort}/foyer` });
    expect(noServer.status).toBe(1);
    oneSentence(noServer.stderr);
    expect(noServer.stderr).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1/);
    expect(fs.existsSync(dir)).toBe(false);

    const busy = net.createServer();
    const port = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as net.AddressInfo).port)));
    const taken = runServer(['--data', dir, '--port', String(port)]);
    busy.close();
    expect(taken.status).toBe(1);
    oneSentence(taken.stderr);
    expect(taken.stderr).toMatch(new RegExp(`Port ${port} .* already in use`));
    expect(fs.existsSync(dir)).toBe(false);

    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, 'x');
    const notDir = runServer(['--data', file, '--port', String(await freePort())]);
    expect(notDir.status).toBe(1);
    oneSentence(notDir.stderr);
    expect(notDir.stderr).toMatch(/is a file, not a folder/);

    if (process.getuid?.() !== 0) {
      // root reads every folder whatever its mode; the check is meaningful for everyone else
      const locked = path.join(base, 'locked');
      fs.mkdirSync(locked, { mode: 0o000 });
      const unreadable = runServer(['--data', locked, '--port', String(await freePort())]);
      expect(unreadable.status).toBe(1);
      oneSentence(unreadable.stderr);
      expect(fs.readdirSync(base)).not.toContain('pgdata');
    }
  });
});
