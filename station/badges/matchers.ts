// Badge formats beyond plain codes: Foyer signed badges and Indico-style JSON QR codes.
// Both run inside the check-in transaction, synchronously.
import { isSignedBadgeText, readSignedBadge } from '../../core/badge/signed';
import { maskToDays, uuidToBytes, bytesToUuid } from '../../core/badge/payload';
import { findByBadgeCode, getAttendee, type AttendeeRow } from '../../db/attendees';
import { trustedPublicKey } from '../../db/badges';
import { attendees } from '../../db/schema/index';
import { nodeEd25519 } from '../../node-shared/ed25519';
import type { BadgeMatcher } from '../badge-matchers';

/**
 * A signed badge is trusted on its signature alone: an attendee registered after
 * this station's last sync is admitted, and a placeholder row (source 'badge',
 * no name) is written in the scan's transaction so sync can fill it in later.
 */
export const signedBadgeMatcher: BadgeMatcher = (station, text, now) => {
  if (!isSignedBadgeText(text)) return null;
  const orm = station.db.orm;
  const info = station.eventInfo();
  const read = readSignedBadge(text, { eventId: info.id, publicKey: (k) => trustedPublicKey(orm, k), ed25519: nodeEd25519 });
  if (!read) return null;
  if (!read.ok) return { kind: 'refused', reason: read.reason, format: 'signed' };
  const b = read.body;
  let a: AttendeeRow | undefined = getAttendee(orm, b.attendeeId);
  if (!a) {
    orm
      .insert(attendees)
      .values({
        id: b.attendeeId,
        givenName: '',
        familyName: '',
        category: b.category,
        validDays: maskToDays(b.dayMask, info.days),
        badgeVersion: b.badgeVersion,
        source: 'badge',
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
    a = getAttendee(orm, b.attendeeId)!;
  }
  return { kind: 'attendee', attendee: a, scannedVersion: b.badgeVersion, format: 'signed' };
};

function base64ToBytes(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return null;
  return new Uint8Array(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

/**
 * Indico's check-in QR: {"i":[2, host, base64(ticket uuid), …]}. Unsigned — the
 * random UUID is the secret — so it must match a code imported for this event.
 */
export const indicoMatcher: BadgeMatcher = (station, text) => {
  if (!text.startsWith('{"i":') && !text.startsWith('{ "i":')) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'refused', reason: 'malformed', format: 'indico' };
  }
  const i = (data as { i?: unknown })?.i;
  if (!Array.isArray(i) || i[0] !== 2 || typeof i[2] !== 'string') return { kind: 'refused', reason: 'malformed', format: 'indico' };
  const raw = base64ToBytes(i[2]);
  if (!raw || raw.length !== 16) return { kind: 'refused', reason: 'malformed', format: 'indico' };
  const uuid = bytesToUuid(raw);
  const orm = station.db.orm;
  const hit = findByBadgeCode(orm, uuid);
  if (hit) return { kind: 'attendee', attendee: hit.attendee, scannedVersion: hit.badgeVersion, format: 'indico' };
  const a = uuidToBytes(uuid) ? getAttendee(orm, uuid) : undefined;
  if (a) return { kind: 'attendee', attendee: a, scannedVersion: null, format: 'indico' };
  return { kind: 'refused', reason: 'unknown_code', format: 'indico', detail: { host: String(i[1]).slice(0, 120) } };
};
