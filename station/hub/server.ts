// A LAN hub (docs/lan-hub.md, issue #15): a paired station that also serves the sync protocol
// to the other stations of its event over HTTPS on the venue network, so they stay in step when
// the registry is out of reach. It keeps its own role (it still scans). Trusted with nothing:
// it proves it holds a station key the registry published (a statement naming its TLS
// certificate, signed with that key), takes only stations that prove the same, stores only
// events signed by their author, and hands them to the registry later (station/sync/relay.ts),
// which checks every signature again. Every request is bounded: body size, one request at a
// time per station, a capped number of nonces and sessions.
import crypto from 'node:crypto';
import https from 'node:https';
import os from 'node:os';
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { z } from 'zod';
import { notice, noticeText, type Notice } from '../../core/api/notice';
import { MAX_CLOCK_AHEAD_MS } from '../../core/hlc';
import { eventProblem } from '../../core/sync/event-rules';
import { HubAuthRequest, MAX_HUB_WAIT_MS, authValid, signHello, type HubAuthResponse, type HubStatement, type HubWaitResponse } from '../../core/sync/hub-protocol';
import {
  Cursor,
  DEFAULT_PAGE,
  INITIAL_CURSOR,
  MAX_PAGE,
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  PushRequest,
  WireEvent,
  cursorChangeNo,
  cursorFor,
  type Change,
  type PullResponse,
  type PushResponse,
  type Rejection,
} from '../../core/sync/protocol';
import { ownStationKey, stationPublicKey } from '../../db/badges';
import { hubAudience, hubPage, takeRelayed, visibleAtHub } from '../../db/hub';
import { nodeEd25519 } from '../../node-shared/ed25519';
import { HttpError, check, errorJson, jsonBody } from '../../node-shared/http-errors';
import { makeSelfSigned } from '../../node-shared/self-signed';
import { retentionDone } from '../retention';
import type { Station } from '../station';
import { readLink } from '../sync/link';
import { authorKeys, relayedEventProblem, signOwn } from '../sync/sign';
import { announceHub } from './announce';

export const DEFAULT_HUB_PORT = 8788;
const NONCE_MS = 60_000;
const MAX_NONCES = 4096;
const MAX_SESSIONS = 1024;

export interface HubOptions {
  station: Station;
  /** 0 picks a free port. */
  port?: number;
  /** Where to listen: every address by default (the venue network); tests use 127.0.0.1. */
  host?: string;
  now?: () => number;
  /** How long a station's session lasts before it proves itself again. */
  sessionMs?: number;
  /** Announce the hub with DNS-SD/mDNS (`_foyer._tcp`) so stations find it by themselves. */
  announce?: boolean;
}

export interface RunningHub {
  /** An address other stations can use (this machine's LAN address, or the host given). */
  url: string;
  port: number;
  /** SHA-256 of the hub's certificate (made at each start; stations learn it from the signed statement). */
  fingerprint: string;
  close(): Promise<void>;
}

/** A reason this station cannot be a hub, as a notice for the operator (and in English). */
export class HubStartError extends Error {
  constructor(readonly notice: Notice) {
    super(noticeText(notice));
  }
}

interface Session {
  stationId: string;
  keyId: number;
  expiresAt: number;
  busy: boolean;
  /** A long poll (GET /v1/hub/wait) is open: one at a time, beside the station's other requests. */
  waiting: boolean;
}
type Env = { Variables: { session: Session } };

const PullQuery = z.object({
  cursor: Cursor.default(INITIAL_CURSOR),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  protocol: z.coerce.number().int().default(PROTOCOL_VERSION),
});
const WaitQuery = z.object({ cursor: Cursor.default(INITIAL_CURSOR), waitMs: z.coerce.number().int().min(0).max(MAX_HUB_WAIT_MS).default(25_000) });

export async function startHub(o: HubOptions): Promise<RunningHub> {
  const { station } = o;
  const now = o.now ?? Date.now;
  const sessionMs = o.sessionMs ?? 3_600_000;
  const link = readLink(station);
  if (!link?.eventId) throw new HubStartError(notice('hubNeedsPairing'));
  if (!ownStationKey(station.db.orm, station.id)) throw new HubStartError(notice('hubNeedsKey'));
  // A door station holds what the registry redacted for doors: copies whose author signatures no
  // longer hold, so it could not relay them and the desks using it would silently miss events.
  if (hubAudience(station.db.orm, station.id) !== 'desk') throw new HubStartError(notice('hubDoorStation'));
  const eventId = link.eventId;
  const host = o.host ?? '0.0.0.0';
  const tls = await makeSelfSigned(host, 'Foyer hub', 30);
  const nonces = new Map<string, number>();
  const sessions = new Map<string, Session>();
  const orm = station.db.orm;

  const app = new Hono<Env>();
  const limit = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: () => {
        throw new HttpError(413, 'too_large', `The request is larger than ${Math.round(max / 1024)} kB; send smaller batches.`);
      },
    });
  // A session is good while it lasts and while its station's key is still active here (the
  // registry deactivates a revoked station's keys; the hub learns it on its next pull).
  const sessionOf = (c: Parameters<MiddlewareHandler<Env>>[0]): Session => {
    const m = /^Bearer\s+([A-Za-z0-9_-]{43})\s*$/.exec(c.req.header('authorization') ?? '');
    const s = m ? sessions.get(m[1]!) : undefined;
    if (!s || s.expiresAt < now() || !stationPublicKey(orm, s.stationId, s.keyId)) {
      if (m && s) sessions.delete(m[1]!);
      throw new HttpError(401, 'hub_session', 'This station must prove itself to the hub again.');
    }
    return s;
  };
  const authed: MiddlewareHandler<Env> = async (c, next) => {
    // After this station deleted personal data it stores nobody's pushes (it no longer syncs, so
    // they would stay here for good) and serves nothing.
    const gone = retentionDone(station);
    if (gone) throw new HttpError(410, 'retention_done', `This hub deleted the event's personal data on ${gone.date} under its retention setting; it serves no more.`);
    const s = sessionOf(c);
    if (s.busy) throw new HttpError(429, 'busy', 'One request at a time, please.');
    s.busy = true;
    c.set('session', s);
    try {
      await next();
    } finally {
      s.busy = false;
    }
  };

  app.get('/v1/health', (c) => c.json({ ok: true as const, protocol: PROTOCOL_VERSION, serverTime: now() }));

  app.get('/v1/hub/hello', (c) => {
    const key = ownStationKey(orm, station.id);
    if (!key) throw new HttpError(503, 'no_key', 'This hub has lost its station key; it cannot serve.');
    if (hubAudience(orm, station.id) !== 'desk') throw new HttpError(503, 'door_station', noticeText(notice('hubDoorStation')));
    const t = now();
    for (const [n, at] of nonces) if (at + NONCE_MS < t || nonces.size >= MAX_NONCES) nonces.delete(n);
    const nonce = crypto.randomBytes(32).toString('base64url');
    nonces.set(nonce, t);
    const statement: HubStatement = { stationId: station.id, name: station.config().name, eventId, keyId: key.keyId, fingerprint: tls.fingerprint, nonce, issuedAt: t };
    return c.json(signHello(statement, key, nodeEd25519));
  });

  app.post('/v1/hub/auth', limit(4096), async (c) => {
    const body = await jsonBody(c, HubAuthRequest);
    const issued = nonces.get(body.nonce);
    nonces.delete(body.nonce); // used once, whatever the outcome
    if (issued === undefined || issued + NONCE_MS < now()) throw new HttpError(403, 'stale', 'That proof is stale; ask the hub again.');
    const key = ownStationKey(orm, station.id);
    const hub = { stationId: station.id, name: '', eventId, keyId: key?.keyId ?? 0, fingerprint: tls.fingerprint, issuedAt: 0 };
    if (!authValid(body, hub, authorKeys(station), nodeEd25519)) {
      throw new HttpError(403, 'not_a_station', 'This hub does not know that station key: the station is not paired for this event, was revoked, or paired after the hub last synced.');
    }
    for (const [t, s] of sessions) if (s.expiresAt < now() || sessions.size >= MAX_SESSIONS) sessions.delete(t);
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = now() + sessionMs;
    sessions.set(token, { stationId: body.stationId, keyId: body.keyId, expiresAt, busy: false, waiting: false });
    const res: HubAuthResponse = { protocol: PROTOCOL_VERSION, token, expiresAt };
    return c.json(res);
  });

  // Group commit: the pushes that arrive together (20 stations × 10 scans/s) are stored in one
  // transaction — one fsync — and each is answered once it is on disk. Should that transaction
  // fail, each push is tried on its own, so one station's events cannot fail the others'.
  let queued: { take: WireEvent[]; done: (stored: number) => void; fail: (err: unknown) => void }[] = [];
  const storeNow = (list: WireEvent[][]): number[] => {
    const t = now();
    return station.write(() => {
      const counts = list.map((take) => takeRelayed(orm, take, t));
      const all = list.flat();
      station.receiveClock(all.reduce((m, e) => (e.hlc > m ? e.hlc : m), all[0]!.hlc), t);
      return counts;
    });
  };
  const flush = () => {
    const batch = queued;
    queued = [];
    let counts: (number | Error)[];
    try {
      counts = storeNow(batch.map((b) => b.take));
    } catch {
      counts = batch.map((b) => {
        try {
          return storeNow([b.take])[0]!;
        } catch (err) {
          return err as Error;
        }
      });
    }
    batch.forEach((b, i) => {
      const n = counts[i]!;
      if (n instanceof Error) b.fail(n);
      else b.done(n);
    });
    if (counts.some((n) => typeof n === 'number' && n > 0)) {
      station.invalidate();
      station.emit('scan');
      station.emit('occupancy');
    }
  };
  const store = (take: WireEvent[]) =>
    new Promise<number>((done, fail) => {
      queued.push({ take, done, fail });
      if (queued.length === 1) setImmediate(flush);
    });

  app.post('/v1/sync/push', limit(MAX_PUSH_BYTES), authed, async (c) => {
    const body = await jsonBody(c, PushRequest);
    const s = c.get('session');
    if (body.stationId !== s.stationId) throw new HttpError(403, 'wrong_station', 'A station can only push its own events.');
    const t = now();
    const rejected: Rejection[] = [];
    const take: WireEvent[] = [];
    let acked = 0;
    for (const raw of body.events) {
      const p = WireEvent.safeParse(raw);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 64) : '';
      if (!p.success || p.data.stationId !== s.stationId) {
        rejected.push({ id, seq: null, reason: 'not an event of this station' });
        continue;
      }
      acked = Math.max(acked, p.data.seq);
      const problem = relayedEventProblem(station, p.data) ?? eventProblem(p.data, t, MAX_CLOCK_AHEAD_MS);
      if (problem) rejected.push({ id, seq: p.data.seq, reason: problem.slice(0, 500) });
      else take.push(p.data);
    }
    const stored = take.length > 0 ? await store(take) : 0;
    // `acked` here is the hub's own: the highest sequence number of this batch it dealt with.
    // The station keeps these events queued for the registry all the same.
    const res: PushResponse = { protocol: PROTOCOL_VERSION, acked, stored, duplicates: take.length - stored, rejected, serverTime: now() };
    return c.json(res);
  });

  // Compressed only for a long catch-up: on the venue LAN, gzip of the busy stream of small pulls
  // (a poke's news) cost the hub more CPU than anything else in the bench's profile.
  app.get('/v1/sync/pull', authed, compress({ threshold: 256 * 1024 }), (c) => {
    const q = check(PullQuery, c.req.query(), 'query');
    if (q.protocol !== PROTOCOL_VERSION) throw new HttpError(426, 'protocol', `This hub speaks sync protocol ${PROTOCOL_VERSION}; update Foyer on this station.`);
    const after = cursorChangeNo(q.cursor);
    const forStation = c.get('session').stationId;
    const page = hubPage(orm, { hubId: station.id, forStation, after, limit: q.limit });
    // The station's audience from its role as the registry published it, never from its own word.
    const rows = visibleAtHub(orm, hubAudience(orm, forStation), page.rows);
    const own = signOwn(station, rows.map((r) => r.e));
    const changes: Change[] = rows.map((r, i) => ({ type: 'log', seq: r.pos, data: own[i]! }));
    // The cursor moves past the events left out too. A position past the end of this hub's log
    // (its data folder was replaced) sends the station back to the start.
    const next = page.rows.length > 0 ? page.rows[page.rows.length - 1]!.pos : Math.min(after, page.last);
    const res: PullResponse = { protocol: PROTOCOL_VERSION, changes, nextCursor: cursorFor(next), hasMore: page.rows.length === q.limit, acked: 0, serverTime: now() };
    return c.json(res);
  });

  // Live pokes (a long poll): a station waits here for news instead of asking every second.
  // Whatever the hub stores (a station's push, its own scan, a registry download) wakes the
  // waiters once per tick; each checks whether there is something for its station after its cursor.
  const waiters = new Set<{ wake: () => void; end: () => void }>();
  let wakeQueued = false;
  const unsubscribe = station.on((topic) => {
    if ((topic !== 'scan' && topic !== 'sync') || wakeQueued || waiters.size === 0) return;
    wakeQueued = true;
    setImmediate(() => {
      wakeQueued = false;
      for (const w of [...waiters]) w.wake();
    });
  });
  app.get('/v1/hub/wait', async (c) => {
    const s = sessionOf(c);
    const q = check(WaitQuery, c.req.query(), 'query');
    if (s.waiting) throw new HttpError(429, 'busy', 'One wait at a time, please.');
    const after = cursorChangeNo(q.cursor);
    const news = () => hubPage(orm, { hubId: station.id, forStation: s.stationId, after, limit: 1 }).rows.length > 0;
    let res: HubWaitResponse = { protocol: PROTOCOL_VERSION, news: news() };
    if (!res.news && q.waitMs > 0) {
      s.waiting = true;
      try {
        res = {
          protocol: PROTOCOL_VERSION,
          news: await new Promise<boolean>((resolve) => {
            const w = {
              wake: () => news() && done(true),
              end: () => done(false),
            };
            const timer = setTimeout(w.end, q.waitMs);
            const done = (v: boolean) => {
              clearTimeout(timer);
              waiters.delete(w);
              resolve(v);
            };
            waiters.add(w);
            c.req.raw.signal.addEventListener('abort', w.end, { once: true });
          }),
        };
      } finally {
        s.waiting = false;
      }
    }
    return c.json(res);
  });

  app.notFound((c) => c.json(errorJson('not_found', 'No such request on this hub.'), 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.status === 413) c.header('Connection', 'close');
      return c.json(errorJson(err.code, err.message), err.status);
    }
    console.error('[hub] unexpected error', c.req.method, c.req.path, err);
    return c.json(errorJson('internal', 'The hub hit an unexpected error; nothing was changed.'), 500);
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: o.port ?? DEFAULT_HUB_PORT, hostname: host, createServer: https.createServer, serverOptions: { key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' as const } },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (o.port ?? DEFAULT_HUB_PORT);
  const shown = ['0.0.0.0', '::'].includes(host) ? (lanAddress() ?? '127.0.0.1') : host;
  const announcement = o.announce ? announceHub({ name: station.config().name, port, eventId, stationId: station.id }) : null;
  return {
    url: `https://${shown.includes(':') ? `[${shown}]` : shown}:${port}`,
    port,
    fingerprint: tls.fingerprint,
    close: async () => {
      unsubscribe();
      for (const w of [...waiters]) w.end();
      await announcement?.stop();
      await new Promise<void>((r) => {
        sessions.clear();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => r());
      });
    },
  };
}

function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  return null;
}
