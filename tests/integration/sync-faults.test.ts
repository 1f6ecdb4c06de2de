// Offline-first sync under faults: real registry process (PGlite, and a real PostgreSQL
// server), three station processes with their own SQLite files and clocks skewed by ±5 min,
// a proxy that drops, duplicates, delays and cuts; SIGKILLs of stations and the registry.
// After healing: every event stored exactly once everywhere, identical derived state,
// no acknowledged scan lost. More seeds run in `npm run bench` (bench/sync.bench.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../testkit/pg-cluster';
import { tempDir } from '../helpers/station';
import { runFaultSchedule } from '../../testkit/sync-scenario';

const SEEDS = (process.env.FOYER_SYNC_SEEDS ?? '1,2,3').split(',').map(Number);

describe('sync under faults (PGlite registry)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: converges with nothing lost and nothing counted twice`, async () => {
      const dir = tempDir('foyer-sync-faults-');
      const r = await runFaultSchedule({ seed, dir, steps: 40 });
      expect(r.violations).toEqual([]);
      expect(r.acked).toBeGreaterThan(0);
      expect(r.registryEvents).toBeGreaterThanOrEqual(r.acked);
      fs.rmSync(dir, { recursive: true, force: true });
    }, 240_000);
  }
});

describe('sync under faults (real PostgreSQL registry)', () => {
  let pg: PgCluster | null = null;
  beforeAll(async () => {
    pg = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });
  for (const seed of SEEDS.slice(0, 2)) {
    it(`seed ${seed}: converges with nothing lost and nothing counted twice`, async () => {
      const dir = tempDir('foyer-sync-faults-pg-');
      const url = await pg!.createDatabase(`foyer_${seed}_${Date.now() % 100000}`);
      const r = await runFaultSchedule({ seed, dir, steps: 40, databaseUrl: url });
      expect(r.violations).toEqual([]);
      expect(r.acked).toBeGreaterThan(0);
      fs.rmSync(path.join(dir), { recursive: true, force: true });
    }, 240_000);
  }
});
