// The headless host: the same handler map as Electron's IPC, served over HTTP and
// a WebSocket on 127.0.0.1 with an access key (access-key.ts), plus the built renderer. This is
// how tests drive the real UI in Chromium, and how a machine without the desktop
// app can still be a station.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResponse } from '../../core/api/index';
import { dispatch, type Handlers } from '../handlers/index';
import type { Station } from '../station';
import { createEventChannel } from './events';
import { SECURITY_HEADERS, bearerToken, hostAllowed, setSecurityHeaders, tokenMatches } from './security';
import { serveStatic } from './static';

export interface HostOptions {
  station: Station;
  handlers: Handlers;
  /** 0 picks a free port. */
  port: number;
  /** Loopback only: a station's API must never be reachable from the venue Wi-Fi. */
  host?: '127.0.0.1';
  token: string;
  /** The built renderer (dist/renderer); null serves only the API. */
  staticDir: string | null;
  /** Largest accepted request body; a scan is at most 20 kB of text. */
  maxBodyBytes?: number;
}

export interface RunningHost {
  port: number;
  /** Opens the renderer with the token in the fragment (never sent to the server in requests). */
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 256 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Every API response's headers but its length, built once: writeHead takes them in one call. */
const JSON_HEADERS = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function sendJson(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const fail = (code: string, message: string): ApiResponse<never> => ({ ok: false, error: { code, message } });

/** HTTP status for transport-level refusals; handler outcomes (even errors) are 200. */
function statusFor(r: ApiResponse<unknown>): number {
  if (r.ok) return 200;
  if (r.error.code === 'unknown_method') return 404;
  if (r.error.code === 'invalid_args') return 400;
  return 200;
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const { station, handlers, token, staticDir } = opts;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let port = opts.port;

  async function handleCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    if (!tokenMatches(bearerToken(req), token)) {
      sendJson(res, 401, fail('unauthorised', 'This page has no valid access key. Open the link the station printed when it started.'));
      return;
    }
    // JSON only: a cross-site <form> cannot send this content type without a preflight.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, fail('bad_request', 'Requests must be JSON.'));
      return;
    }
    let text: string;
    try {
      text = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) sendJson(res, 413, fail('too_large', 'The request is too large.'));
      else res.destroy();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      sendJson(res, 400, fail('bad_request', 'The request is not valid JSON.'));
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(res, 400, fail('bad_request', 'The request must be an object {method, args}.'));
      return;
    }
    const { method, args } = body as { method?: unknown; args?: unknown };
    const result = await dispatch(handlers, station, method, args);
    sendJson(res, statusFor(result), result);
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req, port)) {
      setSecurityHeaders(res);
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Wrong host name.\n');
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      setSecurityHeaders(res);
      res.writeHead(400).end();
      return;
    }
    // API answers carry the security headers in their one writeHead (sendJson); the rest here.
    if (pathname !== '/api/call' || req.method !== 'POST') setSecurityHeaders(res);
    if (pathname === '/api/call') {
      handleCall(req, res).catch((err) => {
        console.error('[foyer host] request failed', err);
        if (!res.headersSent) sendJson(res, 500, fail('internal', 'Something went wrong and nothing was saved. Try again.'));
      });
      return;
    }
    if (pathname.startsWith('/api/')) {
      sendJson(res, 404, fail('not_found', 'No such address.'));
      return;
    }
    serveStatic(staticDir, req, res, pathname).catch((err) => {
      console.error('[foyer host] static file failed', err);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  const channel = createEventChannel(station, token, () => port);
  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      socket.destroy();
      return;
    }
    if (url.pathname !== '/api/events' || !hostAllowed(req, port)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    channel.handleUpgrade(req, socket, head, url.searchParams.get('token'));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#token=${encodeURIComponent(token)}`,
        close: () =>
          new Promise<void>((done) => {
            channel.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
