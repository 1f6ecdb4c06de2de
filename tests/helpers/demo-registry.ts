// A real registry process holding the demo event, plus stations paired with it, for
// integration tests. Registers its own beforeAll/afterAll in the calling file.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Station } from '../../station/station';
import { SyncClient } from '../../station/sync/client';
import { pairStation } from '../../station/sync/pair';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { freshStation, tempDir } from './station';

type ClientOptions = NonNullable<ConstructorParameters<typeof SyncClient>[1]>;

export interface DemoRegistry {
  /** The running registry (set once beforeAll has run). */
  reg: RegistryProc;
  /** Stations the test opened itself; closed after the file. */
  opened: Station[];
  /** SyncClients the test made itself; stopped after the file. */
  clients: SyncClient[];
  /** A fresh station paired with the registry (fast back-off, no live stream unless asked). */
  pairedStation(name: string, opts?: ClientOptions & { syncNow?: boolean }): Promise<{ station: Station; client: SyncClient }>;
}

export function useDemoRegistry(tmpPrefix: string): DemoRegistry {
  const ctx: DemoRegistry = {
    reg: undefined as unknown as RegistryProc,
    opened: [],
    clients: [],
    async pairedStation(name, opts = {}) {
      const { syncNow, ...clientOpts } = opts;
      const { station } = freshStation({ stationName: name });
      ctx.opened.push(station);
      const { code } = await ctx.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name });
      const r = await pairStation(station, ctx.reg.url, code, { now: clientOpts.now });
      expect(r.paired, r.message).toBe(true);
      const client = new SyncClient(station, { live: false, backoffBaseMs: 10, backoffMaxMs: 50, ...clientOpts });
      ctx.clients.push(client);
      if (syncNow) await client.syncNow();
      return { station, client };
    },
  };
  beforeAll(async () => {
    ctx.reg = await startRegistryProc({ dataDir: tempDir(tmpPrefix) });
    await ctx.reg.admin('POST', '/v1/admin/demo', {});
  }, 120_000);
  afterAll(async () => {
    for (const c of ctx.clients) c.stop();
    for (const s of ctx.opened) s.close();
    await ctx.reg?.kill('SIGTERM');
  });
  return ctx;
}
