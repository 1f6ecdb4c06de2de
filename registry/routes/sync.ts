// Station-facing routes: pairing, push, pull, live pokes (protocol in docs/sync-protocol.md).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  Cursor,
  DEFAULT_PAGE,
  INITIAL_CURSOR,
  MAX_PAGE,
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  PairRequest,
  PushRequest,
  RelayRequest,
  SNAPSHOT_CURSOR_HEADER,
  SNAPSHOT_SHA256_HEADER,
  cursorChangeNo,
  readReport,
  readReportQuery,
  type PairResponse,
  type PullResponse,
  type PushResponse,
  type RelayResponse,
} from '../../core/sync/protocol';
import { audienceOf } from '../../core/sync/visibility';
import { requireStation, type Env } from '../auth';
import { pullPage } from '../changes';
import { ingest } from '../ingest';
import { relayIngest } from '../relay';
import { HttpError, check, jsonBody } from '../http';
import type { RegistryContext } from '../context';
import { refuseAfterRetention } from '../retention';
import { PAIR_REFUSALS, noteStationSeen, pairStation, revokeStation } from '../stations';
import { lastChangeNo, getEvent } from '../store';

const SnapshotQuery = z.object({ protocol: z.coerce.number().int().default(PROTOCOL_VERSION) });

const PullQuery = z.object({
  cursor: Cursor.default(INITIAL_CURSOR),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  protocol: z.coerce.number().int().default(PROTOCOL_VERSION),
});

export function syncRoutes(ctx: RegistryContext): Hono<Env> {
  const { orm, live, now } = ctx;
  const app = new Hono<Env>();
  const station = requireStation(orm);
  const tooBig = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: () => {
        throw new HttpError(413, 'too_large', `The request is larger than ${Math.round(max / 1024)} kB; send smaller batches.`);
      },
    });

  app.post('/v1/pair', tooBig(16 * 1024), async (c) => {
    const body = await jsonBody(c, PairRequest);
    const r = await pairStation(orm, body.code, body.stationId, body.name, now(), body.publicKey);
    if (!r.ok) throw new HttpError(PAIR_REFUSALS[r.reason].status, r.reason, PAIR_REFUSALS[r.reason].message);
    const ev = await getEvent(orm);
    live.changed(await lastChangeNo(orm));
    const res: PairResponse = { protocol: PROTOCOL_VERSION, stationId: body.stationId, token: r.token, eventId: ev?.id ?? null, eventName: ev?.name ?? null, keyId: r.keyId, keyMessage: r.keyMessage };
    return c.json(res);
  });

  app.post('/v1/sync/push', tooBig(MAX_PUSH_BYTES), station, async (c) => {
    const body = await jsonBody(c, PushRequest);
    const st = c.get('station');
    if (body.stationId !== st.id) throw new HttpError(403, 'wrong_station', 'A station can only push its own events.');
    await refuseAfterRetention(ctx);
    // One transaction per push: the events, the acknowledgement mark and the station's report.
    const r = await ingest(orm, st.id, body.events, now(), ctx.maxClockAheadMs, readReport(body.report));
    if (r.changed) live.soon(() => lastChangeNo(orm));
    const res: PushResponse = {
      protocol: PROTOCOL_VERSION,
      acked: r.acked,
      stored: r.stored,
      duplicates: r.duplicates,
      rejected: r.rejected,
      serverTime: now(),
    };
    return c.json(res);
  });

  // A LAN hub forwarding other stations' signed events (registry/relay.ts). A revoked hub's
  // token is refused by requireStation like any other.
  app.post('/v1/sync/relay', tooBig(MAX_PUSH_BYTES), station, async (c) => {
    const body = await jsonBody(c, RelayRequest);
    if (body.stationId !== c.get('station').id) throw new HttpError(403, 'wrong_station', 'A hub relays under its own station id.');
    await refuseAfterRetention(ctx);
    const r = await relayIngest(orm, body.events, now(), ctx.maxClockAheadMs);
    if (r.changed) live.soon(() => lastChangeNo(orm));
    const res: RelayResponse = { protocol: PROTOCOL_VERSION, acked: r.acked, stored: r.stored, duplicates: r.duplicates, rejected: r.rejected, serverTime: now() };
    return c.json(res);
  });

  // "Forget this event" on the station: its token stops working here at once, so a copy of the
  // old data folder (or whoever finds the laptop) cannot sync any more. Its events stay.
  app.post('/v1/sync/forget', tooBig(1024), station, async (c) => {
    const st = c.get('station');
    await revokeStation(orm, st.id, now());
    live.kick(st.id);
    live.changed(await lastChangeNo(orm));
    return c.json({ ok: true as const });
  });

  // Pages are repetitive JSON: gzip cuts a first download over venue Wi-Fi several-fold.
  app.get('/v1/sync/pull', station, compress(), async (c) => {
    const q = check(PullQuery, c.req.query(), 'query');
    if (q.protocol !== PROTOCOL_VERSION) throw new HttpError(426, 'protocol', `This registry speaks sync protocol ${PROTOCOL_VERSION}; update Foyer on this station.`);
    const st = c.get('station');
    await noteStationSeen(orm, st.id, readReportQuery(c.req.query()), now());
    const page = await pullPage(orm, st.id, cursorChangeNo(q.cursor), q.limit, audienceOf(st));
    const res: PullResponse = { protocol: PROTOCOL_VERSION, ...page, acked: st.ackedStationSeq, serverTime: now() };
    return c.json(res);
  });

  // A first download as one prepared file (registry/snapshot.ts), resumable: a station that has
  // part of it asks for the rest with Range and If-Range (the file's etag); when that file is
  // gone it gets the current one whole.
  app.get('/v1/sync/snapshot', station, async (c) => {
    const q = check(SnapshotQuery, c.req.query(), 'query');
    if (q.protocol !== PROTOCOL_VERSION) throw new HttpError(426, 'protocol', `This registry speaks sync protocol ${PROTOCOL_VERSION}; update Foyer on this station.`);
    const range = /^bytes=(\d{1,15})-$/.exec(c.req.header('range') ?? '');
    const snapshots = ctx.snapshots;
    if (!snapshots) throw new HttpError(404, 'not_found', 'This registry sends first downloads page by page.');
    const audience = audienceOf(c.get('station'));
    const kept = range ? snapshots.byEtag(audience, c.req.header('if-range') ?? '') : null;
    const resume = kept && range && Number(range[1]) <= kept.bytes ? { snap: kept, start: Number(range[1]) } : null;
    const snap = resume?.snap ?? (await snapshots.current(audience));
    const start = resume?.start ?? 0;
    const headers: Record<string, string> = {
      'content-type': 'application/gzip',
      'content-length': String(snap.bytes - start),
      'accept-ranges': 'bytes',
      etag: snap.etag,
      'cache-control': 'no-store',
      [SNAPSHOT_CURSOR_HEADER]: snap.cursor,
      [SNAPSHOT_SHA256_HEADER]: snap.sha256,
    };
    if (start > 0) headers['content-range'] = `bytes ${start}-${snap.bytes - 1}/${snap.bytes}`;
    const body = start === snap.bytes ? null : (Readable.toWeb(fs.createReadStream(snap.file, { start })) as ReadableStream);
    return new Response(body, { status: start > 0 ? 206 : 200, headers });
  });

  app.get('/v1/sync/live', station, (c) => {
    const st = c.get('station');
    return streamSSE(c, async (stream) => {
      let closed = false;
      let wake: (() => void) | null = null;
      const unsubscribe = live.subscribe({
        stationId: st.id,
        poke: (changeNo) => {
          void stream.writeSSE({ event: 'poke', data: String(changeNo) }).catch(() => {});
        },
        close: () => {
          closed = true;
          wake?.();
        },
      });
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: String(await lastChangeNo(orm)) });
      // Heartbeats let both sides notice a dead connection (a cut cable sends no FIN).
      while (!closed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, ctx.heartbeatMs);
        });
        if (!closed) await stream.writeSSE({ event: 'ping', data: '' }).catch(() => (closed = true));
      }
      unsubscribe();
      await stream.close().catch(() => {});
    });
  });

  return app;
}
