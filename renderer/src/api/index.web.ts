// The bridge for a plain browser: HTTP calls and a WebSocket to the headless host
// (station/host). The per-run token arrives in the URL fragment (#token=…), is kept
// in sessionStorage for reloads, and is removed from the address bar at once.
import type { ApiResponse, FoyerBridge, Topic } from '../../../core/api/index';
import { t } from '../i18n';

const TOKEN_KEY = 'foyer.token';
const ALL_TOPICS: Topic[] = ['scan', 'status', 'attendees', 'occupancy', 'sync'];

export function takeToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]!);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const failure = (code: string, message: string): ApiResponse<never> => ({ ok: false, error: { code, message } });

export function createWebBridge(base: URL = new URL('./', location.href)): FoyerBridge {
  const token = takeToken();
  const listeners = new Set<(topic: Topic) => void>();
  let socket: WebSocket | null = null;
  let retryMs = 500;
  let everOpened = false;

  const notify = (topic: Topic) => {
    for (const l of listeners) l(topic);
  };

  // One socket for all subscribers; reconnects by itself with a capped backoff. After a
  // reconnect every topic is announced, since pushes may have been missed meanwhile.
  const connect = () => {
    const url = new URL('api/events', base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ token }));
    ws.onmessage = (ev) => {
      let msg: { topic?: unknown; hello?: unknown };
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (msg.hello) {
        retryMs = 500;
        if (everOpened) ALL_TOPICS.forEach(notify);
        everOpened = true;
      } else if (typeof msg.topic === 'string' && (ALL_TOPICS as string[]).includes(msg.topic)) {
        notify(msg.topic as Topic);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (listeners.size === 0) return;
      setTimeout(() => {
        if (!socket && listeners.size > 0) connect();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };

  return {
    async call(method, args) {
      let res: Response;
      try {
        res = await fetch(new URL('api/call', base), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, args }),
          cache: 'no-store',
        });
      } catch {
        return failure('offline', t('errors.offline'));
      }
      if (res.status === 401) return failure('unauthorised', t('errors.unauthorised'));
      try {
        const body = (await res.json()) as ApiResponse<unknown>;
        if (typeof body === 'object' && body !== null && typeof body.ok === 'boolean') return body;
      } catch {
        // fall through
      }
      return failure('internal', t('errors.unexpected'));
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket) {
          const s = socket;
          socket = null;
          s.close();
        }
      };
    },
  };
}
