// One sync client per running station. The host (Electron main or the headless host)
// calls startSync(station) at start-up; the API handlers reach the same client.
import type { Station } from '../station';
import { SyncClient, type SyncOptions } from './client';

const clients = new WeakMap<Station, SyncClient>();

export function syncClientFor(station: Station, opts?: SyncOptions): SyncClient {
  let c = clients.get(station);
  if (!c) {
    c = new SyncClient(station, opts);
    clients.set(station, c);
  }
  return c;
}

/** Starts background sync for a station (does nothing visible until it is paired). */
export function startSync(station: Station, opts?: SyncOptions): SyncClient {
  const c = syncClientFor(station, opts);
  c.start();
  return c;
}

export { SyncClient } from './client';
