// One sync client per running station. The host (Electron main or the headless host) calls
// startSync(station) at start-up with the options it wants; the API handlers reach that same
// client through syncClientFor(station). A station never has two clients running at once.
import type { Station } from '../station';
import { SyncClient, type SyncOptions } from './client';

export { SyncClient, type SyncOptions } from './client';

const clients = new WeakMap<Station, SyncClient>();

/**
 * Makes the station's sync client, with exactly these options; it replaces (and stops) the
 * client the station had. Not started: startSync() starts it, syncNow() runs one cycle.
 */
export function newSyncClient(station: Station, opts: SyncOptions = {}): SyncClient {
  clients.get(station)?.stop();
  const c = new SyncClient(station, opts);
  clients.set(station, c);
  return c;
}

/** Starts background sync for a station (nothing visible until it is paired). */
export function startSync(station: Station, opts: SyncOptions = {}): SyncClient {
  const c = newSyncClient(station, opts);
  c.start();
  return c;
}

/** The station's sync client: the one made above, or, where sync was never set up, an idle one with the default options. */
export function syncClientFor(station: Station): SyncClient {
  return clients.get(station) ?? newSyncClient(station);
}
