// The headless host's HTTP/WebSocket surface, in-process on a free port: token,
// malformed requests, static files without traversal, security headers, pushes.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHandlers } from '../../station/handlers/index';
import { startHost, type RunningHost } from '../../station/host/server';
import { mimeTypeFor } from '../../node-shared/static-files';
import type { Station } from '../../station/station';
import { demoCodes, freshStation, tempDir } from '../helpers/station';

const TOKEN = 'test-token-0123456789';

/** A raw request: fetch would normalise "/../" away before sending. */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('headless host', () => {
  let station: Station;
  let host: RunningHost;
  let root: string;
  const SECRET = 'outside-the-static-root';

  const call = (body: string, headers: Record<string, string> = {}) =>
    raw(host.port, {
      method: 'POST',
      path: '/api/call',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
      body,
    });

  beforeAll(async () => {
    station = freshStation().station;
    const dir = tempDir('foyer-static-');
    root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Foyer</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
    host = await startHost({ station, handlers: createHandlers(), port: 0, host: '127.0.0.1', token: TOKEN, staticDir: root });
  });

  afterAll(async () => {
    await host?.close();
    station?.close();
  });

  it('answers a valid call with the station status', async () => {
    const r = await call(JSON.stringify({ method: 'station.status', args: {} }));
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value.attendees).toBe(1200);
  });

  it('refuses calls without the token, or with a wrong one, with 401 and a sentence', async () => {
    const body = JSON.stringify({ method: 'station.status', args: {} });
    const none = await raw(host.port, { method: 'POST', path: '/api/call', headers: { 'Content-Type': 'application/json' }, body });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    const wrong = await call(body, { Authorization: `Bearer ${TOKEN}x` });
    expect(wrong.status).toBe(401);
    // A scan without the token stores nothing.
    const [code] = demoCodes(station, 1);
    await raw(host.port, { method: 'POST', path: '/api/call', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'checkin.scan', args: { text: code!.code } }) });
    const recent = JSON.parse((await call(JSON.stringify({ method: 'checkin.recent', args: {} }))).body);
    expect(recent.value).toEqual([]);
  });

  it('answers bad JSON, non-JSON bodies and non-objects with 4xx and a sentence', async () => {
    const bad = await call('{"method": "station.status",');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/JSON/) } });
    expect((await call('[1,2]')).status).toBe(400);
    expect((await call('null')).status).toBe(400);
    expect((await call('method=station.status', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await raw(host.port, { method: 'GET', path: '/api/call', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it('reports unknown methods and invalid arguments', async () => {
    const unknown = await call(JSON.stringify({ method: 'station.format_disk', args: {} }));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const proto = await call(JSON.stringify({ method: '__proto__', args: {} }));
    expect(JSON.parse(proto.body).error.code).toBe('unknown_method');
    const invalid = await call(JSON.stringify({ method: 'checkin.recent', args: { limit: 'ten' } }));
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = JSON.stringify({ method: 'checkin.scan', args: { text: 'x'.repeat(300_000) } });
    const r = await call(big).catch(() => ({ status: 413 })); // the server may cut the upload short
    expect(r.status).toBe(413);
  });

  it('serves the renderer with a strict CSP and nosniff on every response', async () => {
    const index = await raw(host.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.body).toContain('<title>Foyer</title>');
    for (const r of [index, await raw(host.port, { path: '/assets/app.js' }), await call('{}'), await raw(host.port, { path: '/nope' })]) {
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("'wasm-unsafe-eval'"); // the camera's QR decoder compiles WebAssembly
      expect(csp).not.toMatch(/'unsafe-/); // no 'unsafe-inline' / 'unsafe-eval'
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await raw(host.port, { path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/link.txt', // symlink pointing outside
      `/${encodeURIComponent(path.join(path.dirname(root), 'secret.txt'))}`,
      '/index.html%00.js',
      '/%E0%A4%A',
    ];
    for (const p of attempts) {
      const r = await raw(host.port, { path: p });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body, p).not.toContain(SECRET);
    }
  });

  it('serves the renderer with the same file types as the desktop app (one table: node-shared/static-files.ts)', async () => {
    for (const [file, type] of [['assets/font.woff', 'font/woff'], ['assets/photo.webp', 'image/webp'], ['assets/app.js.map', 'application/json; charset=utf-8']] as const) {
      fs.writeFileSync(path.join(root, file), 'x');
      const r = await raw(host.port, { path: `/${file}` });
      expect(r.status, file).toBe(200);
      expect(r.headers['content-type'], file).toBe(type);
      expect(mimeTypeFor(file), file).toBe(type);
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const r = await raw(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('<title>');
  });

  it('pushes data-free topics over the WebSocket once the token is sent', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    const messages: unknown[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ token: TOKEN }));
    await expect.poll(() => messages).toContainEqual({ hello: true });
    const [code] = demoCodes(station, 1);
    await call(JSON.stringify({ method: 'checkin.scan', args: { text: code!.code } }));
    await expect.poll(() => messages).toContainEqual({ topic: 'scan' });
    expect(JSON.stringify(messages)).not.toContain(code!.code);
    ws.close();
  });

  it('closes a WebSocket whose first message has a wrong token, and refuses a wrong token or foreign origin in the handshake', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ token: 'guess' }));
    const code = await new Promise<number>((r) => ws.once('close', (c) => r(c)));
    expect(code).toBe(4401);

    const status = (url: string, headers?: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const w = new WebSocket(url, { headers });
        w.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        w.once('open', () => {
          w.close();
          resolve(101);
        });
        w.once('error', () => undefined);
      });
    expect(await status(`ws://127.0.0.1:${host.port}/api/events?token=guess`)).toBe(401);
    expect(await status(`ws://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await status(`ws://127.0.0.1:${host.port}/api/events?token=${TOKEN}`, { Origin: `http://127.0.0.1:${host.port}` })).toBe(101);
  });
});
