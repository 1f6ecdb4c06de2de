// Author signatures on the station side (core/sync/event-signature.ts): this station signs its
// own events as they leave (push to the registry, to a hub, or served by its hub), and checks
// the signature of every event a hub hands it. The keys are the ones the registry published:
// this station's own (made at pairing, private half kept here) and every other station's.
import { signEvent, signatureProblem, type AuthorKey } from '../../core/sync/event-signature';
import type { WireEvent } from '../../core/sync/protocol';
import { ownStationKey, stationPublicKey } from '../../db/badges';
import { nodeEd25519 } from '../../node-shared/ed25519';
import type { Station } from '../station';

/**
 * The events with this station's signature on its own unsigned ones (others' are left as they
 * came). Without a station key (standalone, or a registry that gave no key id) nothing is signed:
 * the registry still takes them directly, a hub does not relay them.
 */
export function signOwn(station: Station, events: WireEvent[]): WireEvent[] {
  if (!events.some((e) => e.stationId === station.id && !e.sig)) return events;
  const key = ownStationKey(station.db.orm, station.id);
  if (!key) return events;
  return events.map((e) => (e.stationId === station.id && !e.sig ? { ...e, sig: signEvent(e, key, nodeEd25519) } : e));
}

/** Station keys as this station knows them (published by the registry, active). */
export function authorKeys(station: Station): AuthorKey {
  return (stationId, keyId) => stationPublicKey(station.db.orm, stationId, keyId);
}

/** Why an event relayed by a hub cannot be taken (null: its author's signature holds). */
export function relayedEventProblem(station: Station, e: WireEvent): string | null {
  return signatureProblem(e, authorKeys(station), nodeEd25519, true);
}
