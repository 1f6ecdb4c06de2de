// Test helpers for signed badges: sign with a station's own key (or a stranger's).
import crypto from 'node:crypto';
import { signBadge } from '../../core/badge/signed';
import type { Category } from '../../core/model';
import { issuingKey } from '../../db/badges';
import { generateEd25519, nodeEd25519 } from '../../node-shared/ed25519';
import type { Station } from '../../station/station';

export interface BadgeSpec {
  attendeeId?: string;
  badgeVersion?: number;
  validDays?: string[] | null;
  category?: Category;
  eventId?: string;
  keyId?: number;
}

/**
 * A badge signed with the station's event key, as the registry or this console would issue it.
 * A paired station holds no private key: pass the issuer's (e.g. the demo key pair's).
 */
export function signedBadgeFor(station: Station, spec: BadgeSpec = {}, privateKey?: Uint8Array): string {
  const key = privateKey ? { keyId: 1, privateKey } : issuingKey(station.db.orm);
  if (!key) throw new Error('station has no issuing key');
  const info = station.eventInfo();
  return signBadge(
    {
      eventId: spec.eventId ?? info.id,
      attendeeId: spec.attendeeId ?? crypto.randomUUID(),
      badgeVersion: spec.badgeVersion ?? 1,
      validDays: spec.validDays ?? null,
      category: spec.category ?? 'ngo',
    },
    info.days,
    { keyId: spec.keyId ?? key.keyId, privateKey: privateKey ?? key.privateKey },
    nodeEd25519,
  );
}

/** Same shape, same key id, but signed by a key the event never issued. */
export function forgedBadgeFor(station: Station, spec: BadgeSpec = {}): string {
  return signedBadgeFor(station, spec, generateEd25519().privateKey);
}
