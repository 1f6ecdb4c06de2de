// A badge signing public key (raw Ed25519, base64url). Private halves never travel: a
// registry key's stays on the registry, a station key's on its station.
import { z } from 'zod';
import { bool, int, recordSchema, text, time } from './fields';

export const KeyFields = {
  keyId: int(z.number().int().min(0).max(255), { key: true }), // one byte in the badge format
  publicKey: text(z.string().min(1).max(200)),
  createdAt: time(z.number().int()),
  active: bool(z.boolean(), { default: true }),
  /**
   * The station this key belongs to (its own key, made at pairing); null: a registry key. Lets
   * stations check author signatures on events (core/sync/event-signature.ts) and a LAN hub's
   * proofs. Absent from older registries.
   */
  stationId: text(z.string().min(1).max(64).nullable().optional()),
};

export const KeyRecord = recordSchema(KeyFields);
export type KeyRecord = z.infer<typeof KeyRecord>;
