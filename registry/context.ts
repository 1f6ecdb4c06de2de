// What every route file needs: the database, the live hub, the clock and the admin token hash.
import type { RegistryDb, RegistryOrm } from './db';
import type { LiveHub } from './live';

export interface RegistryContext {
  db: RegistryDb;
  orm: RegistryOrm;
  live: LiveHub;
  now: () => number;
  adminHash: () => string;
  heartbeatMs: number;
}
