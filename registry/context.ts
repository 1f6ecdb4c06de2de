// What every route file needs: the database, the live hub, the clock, and how stations reach this registry.
import type { RegistryDb, RegistryOrm } from './db';
import type { LiveHub } from './live';
import type { Snapshots } from './snapshot';

export interface RegistryContext {
  db: RegistryDb;
  orm: RegistryOrm;
  live: LiveHub;
  now: () => number;
  /** The address stations use (pairing links) and the certificate fingerprint they pin (null: none to pin). */
  publicUrl: string;
  fingerprint: string | null;
  /** This process serves HTTPS (console cookies are Secure then, and so when publicUrl is https). */
  tls: boolean;
  /** The built console (dist/console), served at `/`; null: not served. */
  consoleDir: string | null;
  /** Events stamped further ahead of this registry's clock are refused (default 5 minutes). */
  maxClockAheadMs: number;
  heartbeatMs: number;
  /** First downloads, prepared once per change number (snapshot.ts); absent: stations download page by page. */
  snapshots?: Snapshots;
}
