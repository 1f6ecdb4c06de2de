// A hub hands the events other stations pushed to it to the registry (POST /v1/sync/relay,
// docs/lan-hub.md), each with its author's signature, which the registry checks. Runs in every
// successful registry cycle of a station that has been a hub; a no-op when nothing waits.
import { PROTOCOL_VERSION, RelayResponse } from '../../core/sync/protocol';
import { dropRelayed, relayBatch, relayCount } from '../../db/hub';
import type { Station } from '../station';
import { request, type TransportOptions } from './transport';

/** Forwards the whole relay queue; returns how many events the registry now holds that it did not. */
export async function forwardRelayed(station: Station, t: TransportOptions): Promise<number> {
  let stored = 0;
  for (let guard = 0; guard < 10_000 && relayCount(station.db.orm) > 0; guard++) {
    const batch = relayBatch(station.db.orm, 500);
    if (batch.length === 0) break;
    const { data } = await request(t, 'POST', '/v1/sync/relay', RelayResponse, { protocol: PROTOCOL_VERSION, stationId: station.id, events: batch });
    // Stored, duplicates and refusals alike leave the queue: a refused event is still with its
    // author, which uploads it to the registry itself.
    station.write(() => dropRelayed(station.db.orm, batch.map((e) => e.id)));
    stored += data.stored;
  }
  return stored;
}
