// Sync area of the station API: pairing with a registry, "sync now", status, conflicts.
import { z } from 'zod';
import type { Notice } from './notice';

export const syncMethods = {
  'sync.status': z.object({}),
  // `url` may be a whole pairing link (it carries the code and the certificate fingerprint): then `code` may be empty.
  'sync.pair': z.object({ url: z.string().trim().min(1).max(500), code: z.string().trim().max(64).default('') }),
  'sync.now': z.object({}),
  /** People admitted as a first entry at two stations that did not know of each other. */
  'sync.conflicts': z.object({ limit: z.number().int().min(1).max(500).default(100) }),
  /** The LAN hub (docs/lan-hub.md): read; switch this station's hub on/off; set (or clear) a hub address to use. */
  'sync.hub': z.object({ enabled: z.boolean().optional(), address: z.string().trim().max(300).nullable().optional() }),
} as const;

export interface HubInfo {
  /** This station serves the other stations as a hub (the Settings switch). */
  enabled: boolean;
  /** Its address for the other stations, while serving. */
  url: string | null;
  /** The hub address typed in here (where multicast is blocked), or null: found on the network. */
  address: string | null;
  /** The hub this station syncs through now, by name (the registry is out of reach). */
  via: string | null;
  /** A sentence when something is wrong (not serving although switched on, an address refused, a hub not trusted); `notice` says it in the desk's language. */
  message: string | null;
  notice: Notice | null;
}

export interface SyncStatusInfo {
  paired: boolean;
  registryUrl: string | null;
  state: 'standalone' | 'online' | 'offline' | 'error';
  /** True while the live channel (pokes) is connected. */
  live: boolean;
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  /** Own events waiting to upload. */
  outbox: number;
  /** Events the registry refused, with its reason (kept here, never dropped). */
  rejected: { eventId: string; seq: number | null; reason: string; at: number }[];
  /** Records of the registry this station could not accept (left out, the download went on), with why. */
  skipped: { type: string; id: string | null; reason: string; at: number }[];
  /** One sentence for people (English), or null when all is well; `notice` says it in the desk's language. */
  message: string | null;
  notice: Notice | null;
  /** Registry clock − station clock, ms. */
  clockSkewMs: number;
  /** Station clock off by more than 2 minutes. */
  clockWarning: boolean;
  conflicts: number;
  /** The LAN hub this station syncs through while the registry is out of reach (null: none). */
  via: string | null;
}

export interface SyncConflict {
  attendeeId: string;
  name: string;
  day: string;
  admissions: number;
  first: { stationName: string; at: number };
}

export interface SyncResults {
  'sync.status': SyncStatusInfo;
  'sync.pair': { paired: boolean; message: string; notice: Notice | null; eventName: string | null };
  'sync.now': { ok: boolean; state: SyncStatusInfo['state']; pushed: number; pulled: number; message: string | null; notice: Notice | null };
  'sync.conflicts': SyncConflict[];
  'sync.hub': HubInfo;
}
