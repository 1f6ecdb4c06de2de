// renderer/src/api/index.web.ts in Node with stand-ins for the browser globals: the
// token leaves the address bar, calls map failures to sentences, and the push
// socket reconnects by itself and re-announces every topic after a gap.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Topic } from '../../core/api/index';

class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
  // test side
  open() {
    this.onopen?.();
  }
  push(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop() {
    this.onclose?.();
  }
}

function browserGlobals(hash: string) {
  const store = new Map<string, string>();
  const loc = { href: `http://127.0.0.1:5780/${hash}`, hash, pathname: '/', search: '', host: '127.0.0.1:5780' };
  vi.stubGlobal('location', loc);
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  vi.stubGlobal('history', {
    replaceState: (_s: unknown, _t: string, url: string) => {
      loc.hash = '';
      loc.href = `http://127.0.0.1:5780${url}`;
    },
  });
  vi.stubGlobal('WebSocket', FakeSocket);
  return { loc, store };
}

async function load() {
  vi.resetModules();
  return import('../../renderer/src/api/index.web');
}

describe('web bridge', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('takes the token from #token=, keeps it for reloads and removes it from the address bar', async () => {
    const { loc, store } = browserGlobals('#token=abc%2Ddef');
    const { createWebBridge } = await load();
    const fetchMock = vi.fn(async (_url: unknown, _init?: RequestInit) => new Response(JSON.stringify({ ok: true, value: 1 }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const bridge = createWebBridge();
    expect(loc.hash).toBe('');
    expect(loc.href).not.toContain('abc');
    expect(store.get('foyer.token')).toBe('abc-def');
    await bridge.call('station.status', {});
    expect((fetchMock.mock.calls[0]![1]!.headers as Record<string, string>).Authorization).toBe('Bearer abc-def');
    // After a reload (no fragment) the stored token is used.
    createWebBridge();
    await createWebBridge().call('station.status', {});
    expect((fetchMock.mock.calls[1]![1]!.headers as Record<string, string>).Authorization).toBe('Bearer abc-def');
  });

  it('turns a dead host, a 401 and a non-JSON answer into sentences, never a throw', async () => {
    browserGlobals('#token=t');
    const { createWebBridge } = await load();
    const bridge = createWebBridge();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await bridge.call('checkin.scan', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringMatching(/nothing was saved/) } });
    vi.stubGlobal('fetch', async () => new Response('{"ok":false,"error":{"code":"unauthorised","message":"x"}}', { status: 401 }));
    expect(await bridge.call('checkin.scan', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorised', message: expect.stringMatching(/link/) } });
    vi.stubGlobal('fetch', async () => new Response('<html>proxy error</html>', { status: 502 }));
    expect(await bridge.call('checkin.scan', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('authenticates the push socket with its first message and reconnects after a drop', async () => {
    browserGlobals('#token=tok');
    const { createWebBridge } = await load();
    const bridge = createWebBridge();
    const got: Topic[] = [];
    const off = bridge.subscribe((t) => got.push(t));
    const first = FakeSocket.all[0]!;
    expect(first.url.toString()).toBe('ws://127.0.0.1:5780/api/events');
    first.open();
    expect(first.sent).toEqual([JSON.stringify({ token: 'tok' })]);
    first.push({ hello: true });
    first.push({ topic: 'scan' });
    first.push({ topic: 'not-a-topic' });
    expect(got).toEqual(['scan']);

    first.drop();
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(FakeSocket.all).toHaveLength(2);
    const second = FakeSocket.all[1]!;
    second.open();
    second.push({ hello: true });
    // Pushes may have been missed while disconnected: every topic is announced once.
    expect(got.slice(1).sort()).toEqual(['attendees', 'occupancy', 'scan', 'status', 'sync']);

    // Keeps trying with a capped backoff while the host is away.
    second.drop();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      FakeSocket.all.at(-1)!.drop();
    }
    expect(FakeSocket.all.length).toBeGreaterThanOrEqual(7);

    // The last subscriber leaving closes the socket and stops reconnecting.
    const count = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(5_000);
    off();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(FakeSocket.all.length).toBeLessThanOrEqual(count + 1);
    expect(FakeSocket.all.at(-1)!.closed).toBe(true);
  });
});
