// A station has one sync client, made with exactly the options asked for, and every screen
// reads that client: the status bar, Settings and "Sync now" never talk to a second one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSetting } from '../../db/settings';
import { checkinHandlers } from '../../station/handlers/checkin';
import { syncHandlers } from '../../station/handlers/sync';
import type { Station } from '../../station/station';
import { newSyncClient, startSync, syncClientFor } from '../../station/sync/index';
import { LINK } from '../../station/sync/link';
import { freshStation } from '../helpers/station';

let station: Station;
beforeEach(() => {
  ({ station } = freshStation());
});
afterEach(() => {
  syncClientFor(station).stop();
  station.close();
});

/** A registry with nothing to say whose clock runs `aheadMs` ahead of this station's. */
const registryAhead = (aheadMs: number) =>
  (async (input: RequestInfo | URL) => {
    const serverTime = Date.now() + aheadMs;
    const url = String(input);
    // Anything else (photos, snapshots…) is what a registry from before that feature answers: 404.
    const body = url.includes('/v1/sync/pull')
      ? { protocol: 1, changes: [], nextCursor: '1:0', hasMore: false, acked: 0, serverTime }
      : url.includes('/v1/sync/push')
        ? { protocol: 1, acked: 0, stored: 0, duplicates: 0, rejected: [], serverTime }
        : null;
    if (!body) return new Response(JSON.stringify({ error: 'not_found', serverTime }), { status: 404, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

describe('one sync client per station', () => {
  it('sync started with options runs with them, even when a screen asked for the sync status first', async () => {
    await syncHandlers()['sync.status']({}, station); // Settings opened before sync was set up
    const early = syncClientFor(station);
    early.start();
    const c = startSync(station, { live: false, pollMs: 1234, pageSize: 77 });
    expect(syncClientFor(station)).toBe(c);
    expect([c.o.pollMs, c.o.pageSize]).toEqual([1234, 77]);
    expect(c.active).toBe(true);
    expect(early.active).toBe(false); // never two clients on one outbox
  });

  it('the status bar shows the clock of the registry this station syncs with', async () => {
    station.write(() => setSetting(station.db.orm, LINK, { url: 'http://registry.invalid', token: 't'.repeat(43), eventId: null, pairedAt: 1 }));
    const status = () => checkinHandlers()['station.status']({}, station);
    expect((await status()).sync.state).toBe('offline');
    const c = newSyncClient(station, { live: false, fetch: registryAhead(5 * 60_000) });
    expect((await c.syncNow()).ok).toBe(true);
    const s = await status();
    expect(s.sync.state).toBe('online');
    expect(Math.round(s.clockDriftMs / 60_000)).toBe(5);
    expect(s.sync.message).toMatch(/clock is 5 minutes behind the registry/);
    expect((await syncHandlers()['sync.status']({}, station)).clockWarning).toBe(true);
  });
});
