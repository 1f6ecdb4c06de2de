// GET /api/events: a WebSocket that pushes data-free topics (core/api Topic).
// The renderer re-fetches what it shows; nothing personal travels on this channel.
// Auth: ?token=… in the URL, or {"token":"…"} as the first message within 5 s.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Topic } from '../../core/api/index';
import type { Station } from '../station';
import { originAllowed, tokenMatches } from './security';

const TOPICS: ReadonlySet<string> = new Set<Topic>(['scan', 'status', 'attendees', 'occupancy', 'sync']);
const AUTH_TIMEOUT_MS = 5_000;
const PING_MS = 15_000;

export interface EventChannel {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, queryToken: string | null): void;
  close(): void;
}

export function createEventChannel(station: Station, token: string, port: () => number): EventChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const authed = new Set<WebSocket>();
  const alive = new WeakMap<WebSocket, boolean>();

  const unsubscribe = station.on((topic) => {
    if (!TOPICS.has(topic)) return;
    const msg = JSON.stringify({ topic });
    for (const ws of authed) if (ws.readyState === ws.OPEN) ws.send(msg);
  });

  // Dead peers (laptop lid closed, tab killed) are dropped so the set stays small.
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, PING_MS);
  pinger.unref();

  const admit = (ws: WebSocket) => {
    authed.add(ws);
    ws.send(JSON.stringify({ hello: true }));
  };

  wss.on('connection', (ws: WebSocket, _req: IncomingMessage, preAuthed: boolean) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('close', () => authed.delete(ws));
    ws.on('error', () => authed.delete(ws));
    if (preAuthed) {
      admit(ws);
      return;
    }
    const timer = setTimeout(() => ws.close(4401, 'unauthorised'), AUTH_TIMEOUT_MS);
    ws.once('message', (data) => {
      clearTimeout(timer);
      let given: unknown;
      try {
        given = (JSON.parse(String(data)) as { token?: unknown }).token;
      } catch {
        given = null;
      }
      if (typeof given === 'string' && tokenMatches(given, token)) admit(ws);
      else ws.close(4401, 'unauthorised');
    });
  });

  return {
    handleUpgrade(req, socket, head, queryToken) {
      if (!originAllowed(req, port())) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      // A wrong token in the URL is refused outright; no token means "send it first".
      if (queryToken !== null && !tokenMatches(queryToken, token)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, queryToken !== null));
    },
    close() {
      unsubscribe();
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
