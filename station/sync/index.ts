// One sync client per running station. The host (Electron main or the headless host)
// calls startSync(station) at start-up; the API handlers reach the same client.
import type { Station } from '../station';
import { syncClientFor, type SyncClient, type SyncOptions } from './client';

export { SyncClient, syncClientFor } from './client';

/** Starts background sync for a station (does nothing visible until it is paired). */
export function startSync(station: Station, opts?: SyncOptions): SyncClient {
  const c = syncClientFor(station, opts);
  c.start();
  return c;
}
