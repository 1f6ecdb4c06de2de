// This station's link to its registry (settings 'sync.registry', written at pairing): where the
// registry is, this station's token (sealed at rest), the event, the pinned certificate. Also
// when the last cycle succeeded. Everything that talks to the registry starts from here.
import { getSetting, setSetting } from '../../db/settings';
import { registryFetch } from '../../node-shared/pinned-fetch';
import { openSecret } from '../secret-store';
import type { Station } from '../station';
import type { TransportOptions } from './transport';

export const LINK = 'sync.registry';
const LAST_SUCCESS = 'sync.lastSuccessAt';

export interface RegistryLink {
  url: string;
  /** Sealed in the settings (station/secret-store.ts); readLink() unseals it. */
  token: string;
  eventId: string | null;
  pairedAt: number;
  /** SHA-256 of the registry's certificate (base64url), pinned at pairing; absent: CA-checked HTTPS or HTTP. */
  fingerprint?: string | null;
}

/** The link with its token readable ('' when it cannot be unsealed here: the registry answers 401, "pair again"). */
export function readLink(station: Station): RegistryLink | undefined {
  const l = getSetting<RegistryLink>(station.db.orm, LINK);
  return l && { ...l, token: openSecret(l.token) ?? '' };
}

/** Requests to the linked registry: its pinned certificate unless a test hands in its own fetch. */
export function transportTo(link: RegistryLink, o: { fetch?: typeof fetch; timeoutMs: number }): TransportOptions {
  return { baseUrl: link.url, token: link.token, fetch: o.fetch ?? registryFetch(link.fingerprint), timeoutMs: o.timeoutMs };
}

export function lastSyncAt(station: Station): number | null {
  return getSetting<number>(station.db.orm, LAST_SUCCESS) ?? null;
}

export function markSynced(station: Station, at: number): void {
  setSetting(station.db.orm, LAST_SUCCESS, at);
}
