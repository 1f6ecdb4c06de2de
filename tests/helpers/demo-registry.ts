// A real registry process holding an event, plus stations paired with it, for integration
// tests. Registers its own beforeAll/afterAll in the calling file. The event is the demo one
// every fresh station already holds (to test what a standalone demo station keeps after
// pairing), or with { event: 'other' } one it does not hold, so a download shows.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Station } from '../../station/station';
import { newSyncClient, type SyncClient, type SyncOptions } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { publishOtherEvent, type PublishedEvent } from '../../testkit/registry-event';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { freshStation, tempDir } from './station';


export interface DemoRegistry {
  /** The running registry (set once beforeAll has run). */
  reg: RegistryProc;
  /** With { event: 'other' }: the event the registry serves (set once beforeAll has run). */
  published: PublishedEvent | null;
  /** Stations the test opened itself; closed after the file. */
  opened: Station[];
  /** SyncClients the test made itself; stopped after the file. */
  clients: SyncClient[];
  /** A fresh station paired with the registry (fast back-off, no live stream unless asked). */
  pairedStation(name: string, opts?: SyncOptions & { syncNow?: boolean }): Promise<{ station: Station; client: SyncClient }>;
}

export function useDemoRegistry(tmpPrefix: string, opts: { event?: 'demo' | 'other' } = {}): DemoRegistry {
  const ctx: DemoRegistry = {
    reg: undefined as unknown as RegistryProc,
    published: null,
    opened: [],
    clients: [],
    async pairedStation(name, opts = {}) {
      const { syncNow, ...clientOpts } = opts;
      const { station } = freshStation({ stationName: name });
      ctx.opened.push(station);
      const { code } = await ctx.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name });
      const r = await pairStation(station, ctx.reg.url, code, { now: clientOpts.now });
      expect(r.paired, r.message).toBe(true);
      const client = newSyncClient(station, { live: false, backoffBaseMs: 10, backoffMaxMs: 50, ...clientOpts });
      ctx.clients.push(client);
      if (syncNow) await client.syncNow();
      return { station, client };
    },
  };
  beforeAll(async () => {
    ctx.reg = await startRegistryProc({ dataDir: tempDir(tmpPrefix) });
    if (opts.event === 'other') ctx.published = await publishOtherEvent(ctx.reg);
    else await ctx.reg.admin('POST', '/v1/admin/demo', {});
  }, 120_000);
  afterAll(async () => {
    for (const c of ctx.clients) c.stop();
    for (const s of ctx.opened) s.close();
    await ctx.reg?.kill('SIGTERM');
  });
  return ctx;
}
