// A registry with a smaller body limit than ours answers 413: the station halves its batch, and an
// event still too large on its own goes up as a stub that the registry records as rejected — kept
// here with its reason, never retried forever (docs/sync-protocol.md, "Oversized events").
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setSetting } from '../../db/settings';
import { events } from '../../db/schema/index';
import { eq } from 'drizzle-orm';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { LINK } from '../../station/sync/link';
import { outboxCount, rejectedEvents } from '../../station/sync/outbox';
import { demoCodes, freshStation } from '../helpers/station';

let station: Station;
beforeEach(() => {
  ({ station } = freshStation());
  station.write(() => setSetting(station.db.orm, LINK, { url: 'http://registry.invalid', token: 't'.repeat(43), eventId: null, pairedAt: 1 }));
});
afterEach(() => station.close());

/** A registry that stores up to 20 kB per request; anything bigger is a 413. */
function smallRegistry(log: { sizes: number[] }): typeof fetch {
  const stored = new Set<number>();
  const rejected = new Map<number, { id: string; seq: number; reason: string }>();
  const acked = () => {
    let n = 0;
    while (stored.has(n + 1) || rejected.has(n + 1)) n++;
    return n;
  };
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (!url.includes('/v1/sync/push')) return json(200, { protocol: 1, changes: [], nextCursor: '1:0', hasMore: false, acked: acked(), serverTime: Date.now() });
    const text = String(init?.body ?? '');
    log.sizes.push(text.length);
    if (text.length > 20_000) return json(413, { error: { code: 'too_large', message: 'The request is larger than 20 kB; send smaller batches.' } });
    const out: { id: string; seq: number; reason: string }[] = [];
    for (const e of (JSON.parse(text) as { events: { id: string; seq: number; oversize?: number }[] }).events) {
      if (e.oversize) {
        const r = { id: e.id, seq: e.seq, reason: `too large to upload (${Math.ceil(e.oversize / 1024)} kB)` };
        rejected.set(e.seq, r);
        out.push(r);
      } else stored.add(e.seq);
    }
    return json(200, { protocol: 1, acked: acked(), stored: 0, duplicates: 0, rejected: out, serverTime: Date.now() });
  }) as typeof fetch;
}

it('413: batches shrink until they fit; a single event that never fits is kept as rejected with the reason, and the rest upload', async () => {
  const now = Date.parse(`${station.eventInfo().days[0]}T10:00:00Z`);
  const codes = demoCodes(station, 40);
  for (const [i, c] of codes.entries()) checkIn(station, c.code, now + i);
  // One event (from before the cap) is larger than this registry accepts on its own.
  const big = checkIn(station, 'x', now + 100).eventId!;
  station.db.orm.update(events).set({ payload: { blob: 'y'.repeat(30_000) } }).where(eq(events.id, big)).run();
  checkIn(station, codes[0]!.code, now + 200);

  const log = { sizes: [] as number[] };
  const client = newSyncClient(station, { live: false, fetch: smallRegistry(log) });
  const rep = await client.syncNow();
  expect(rep.state, client.lastError?.message).toBe('online');
  expect(outboxCount(station)).toBe(0);
  expect(rejectedEvents(station).map((r) => [r.id, r.reason])).toEqual([[big, 'too large to upload (30 kB)']]);
  expect(log.sizes.some((s) => s > 20_000)).toBe(true); // it did hit the limit…
  const again = await client.syncNow();
  expect(again.ok).toBe(true);
  expect(again.pushed).toBe(0); // …and does not keep trying
});
