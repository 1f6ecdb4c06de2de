// Sizes are counted the same way everywhere: UTF-8 bytes of the JSON that travels (jsonBytes).
// A station saves exactly the events the registry will store, and never sends a request
// larger than the registry accepts, however many accented or Cyrillic letters the text holds.
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventProblem } from '../../core/sync/event-rules';
import { MAX_EVENT_JSON, MAX_PUSH_BYTES, jsonBytes, type WireEvent } from '../../core/sync/protocol';
import { events } from '../../db/schema/index';
import { setSetting } from '../../db/settings';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { LINK } from '../../station/sync/link';
import { outboxCount } from '../../station/sync/outbox';
import { freshStation } from '../helpers/station';

let station: Station;
beforeEach(() => {
  ({ station } = freshStation());
});
afterEach(() => station.close());

const note = (notes: string, now: number): WireEvent =>
  station.write(() => station.append({ kind: 'note', attendeeId: 'a-1', roomId: null, sessionId: null, verdict: null, reason: null, operator: null, payload: { notes } }, now));
const logSize = () => station.db.orm.select({ n: count() }).from(events).get()!.n;

describe('the 64 kB event limit', () => {
  it('an event of exactly 64 kB is saved and the registry takes it; one byte more (é for e) is refused before anything is stored', () => {
    const now = Date.now();
    const probe = note('e', now);
    const text = 'e'.repeat(MAX_EVENT_JSON - (jsonBytes(probe) - 1));
    const atLimit = note(text, now + 1);
    expect(jsonBytes(atLimit)).toBe(MAX_EVENT_JSON);
    expect(eventProblem(atLimit, now + 1, 60_000)).toBeNull();

    const before = logSize();
    // The same number of characters, one byte more in UTF-8.
    const over = `é${text.slice(1)}`;
    expect(over.length).toBe(text.length);
    expect(() => note(over, now + 2)).toThrow(/too long to save/);
    expect(logSize()).toBe(before);
    // No sequence number was spent: the next event follows the last one stored.
    expect(note('wheelchair access', now + 3).seq).toBe(atLimit.seq + 1);
    // And the registry measures the refused one the same way.
    expect(eventProblem({ ...atLimit, payload: { notes: over } }, now + 2, 60_000)).toMatch(/too large/);
  });
});

describe('upload batches', () => {
  it('a registry that drops any request over its limit (no 413) still receives every event of Cyrillic text', async () => {
    station.write(() => setSetting(station.db.orm, LINK, { url: 'http://registry.invalid', token: 't'.repeat(43), eventId: null, pairedAt: 1 }));
    const now = Date.now();
    // 40 notes of 30,000 Cyrillic letters: 1.2 million characters, 2.4 MB as UTF-8.
    for (let i = 0; i < 40; i++) note('Ж'.repeat(30_000), now + i);
    const stored = new Set<number>();
    const sizes: number[] = [];
    const registry = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      const acked = () => {
        let n = 0;
        while (stored.has(n + 1)) n++;
        return n;
      };
      if (!String(input).includes('/v1/sync/push')) return json({ protocol: 1, changes: [], nextCursor: '1:0', hasMore: false, acked: acked(), serverTime: Date.now() });
      const body = String(init?.body ?? '');
      sizes.push(Buffer.byteLength(body));
      if (Buffer.byteLength(body) > MAX_PUSH_BYTES) throw new TypeError('fetch failed'); // the connection is cut
      for (const e of (JSON.parse(body) as { events: { seq: number }[] }).events) stored.add(e.seq);
      return json({ protocol: 1, acked: acked(), stored: 0, duplicates: 0, rejected: [], serverTime: Date.now() });
    }) as typeof fetch;
    const client = newSyncClient(station, { live: false, fetch: registry });
    const rep = await client.syncNow();
    expect(rep.state, client.lastError?.message).toBe('online');
    expect(outboxCount(station)).toBe(0);
    expect(stored.size).toBe(40);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    expect(station.db.orm.select({ n: count() }).from(events).where(eq(events.kind, 'note')).get()!.n).toBe(40);
  });
});
