// The event's badge signing keys on this station. Whoever issues badges holds the
// private key: the registry, or — standalone — this console. A new demo station
// gets the demo event's published key pair, so the demo's printed badges (and
// `npm run badges -- --demo`) scan at every demo station.
import { DEMO_EVENT_ID } from '../../resources/demo/generate';
import type { Orm } from '../../db/connection';
import { listSigningKeys, upsertSigningKey } from '../../db/badges';
import { event as eventTable } from '../../db/schema/index';
import { DEMO_KEY_ID } from '../../node-shared/badges/demo';
import { demoKeyPair, generateEd25519 } from '../../node-shared/ed25519';

/**
 * Seeds a signing key when the station has none (first run, standalone): the demo
 * key for the demo event, a random one otherwise. Idempotent. A station paired with
 * a registry receives the registry's keys by sync instead (registry keys win).
 */
export function ensureSigningKey(orm: Orm, now: number, opts: { demoOnly?: boolean } = {}): void {
  if (listSigningKeys(orm).length > 0) return;
  const ev = orm.select({ id: eventTable.id }).from(eventTable).get();
  if (!ev || (opts.demoOnly && ev.id !== DEMO_EVENT_ID)) return;
  const kp = ev.id === DEMO_EVENT_ID ? demoKeyPair(ev.id) : generateEd25519();
  upsertSigningKey(orm, { keyId: DEMO_KEY_ID, publicKey: kp.publicKey, privateKey: kp.privateKey, createdAt: now });
}
