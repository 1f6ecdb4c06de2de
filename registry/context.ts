// What every route file needs: the database, the live hub, the clock, and how stations reach this registry.
import type { RegistryDb, RegistryOrm } from './db';
import type { LiveHub } from './live';

export interface RegistryContext {
  db: RegistryDb;
  orm: RegistryOrm;
  live: LiveHub;
  now: () => number;
  /** The address stations use (pairing links) and the certificate fingerprint they pin (null: none to pin). */
  publicUrl: string;
  fingerprint: string | null;
  /** Events stamped further ahead of this registry's clock are refused (default 5 minutes). */
  maxClockAheadMs: number;
  heartbeatMs: number;
}
