// Badge signing keys, revocations and reprints.
//
// A reprint is an event in the log (kind 'reprint', payload {oldVersion, newVersion, code});
// the derived hook applyReprint (wired in db/derived-hooks.ts) turns it into a revocation row,
// the attendee's current badge version and the new badge's code (at that version only). It
// depends only on the set of reprint events (max version, earliest revocation time), so a
// reprint made at another station and pulled by sync revokes the old badge here too,
// whatever order the events arrive in.
import { and, eq, sql } from 'drizzle-orm';
import { reprintOf } from '../core/records/attendee';
import type { Orm } from './connection';
import type { EventRow } from './events';
import { prepared } from './prepared';
import { attendees, badgeCodes, revocations, signingKeys } from './schema/index';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

export function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
export function unb64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** The raw public key for a key id this station trusts, or undefined. Runs on every signed scan. */
export function trustedPublicKey(orm: Orm, keyId: number): Uint8Array | undefined {
  const row = prepared(orm, 'signingKey.trusted', () =>
    orm
      .select({ publicKey: signingKeys.publicKey })
      .from(signingKeys)
      .where(and(eq(signingKeys.keyId, sql.placeholder('keyId')), eq(signingKeys.active, true)))
      .prepare(),
  ).get({ keyId });
  return row ? unb64(row.publicKey) : undefined;
}

export function listSigningKeys(orm: Orm): SigningKeyRow[] {
  return orm.select().from(signingKeys).orderBy(signingKeys.keyId).all();
}

/** The newest active key whose private half this console holds (standalone issuing), if any. */
export function issuingKey(orm: Orm): { keyId: number; privateKey: Uint8Array } | undefined {
  const row = orm
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.active, true), sql`${signingKeys.privateKey} is not null`))
    .orderBy(sql`${signingKeys.keyId} desc`)
    .get();
  return row?.privateKey ? { keyId: row.keyId, privateKey: unb64(row.privateKey) } : undefined;
}

/** This station's own key (made at pairing, published by the registry for it): what it signs its events with. */
export function ownStationKey(orm: Orm, stationId: string): { keyId: number; privateKey: Uint8Array } | undefined {
  const row = orm
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.stationId, stationId), eq(signingKeys.active, true), sql`${signingKeys.privateKey} is not null`))
    .orderBy(sql`${signingKeys.keyId} desc`)
    .get();
  return row?.privateKey ? { keyId: row.keyId, privateKey: unb64(row.privateKey) } : undefined;
}

/**
 * The public key station `stationId` signs with under `keyId`, if this station trusts it: the
 * registry published it for that very station and it is active (the registry deactivates a
 * station's keys when it revokes the station, and its old key when it pairs again).
 */
export function stationPublicKey(orm: Orm, stationId: string, keyId: number): Uint8Array | null {
  const row = prepared(orm, 'signingKey.ofStation', () =>
    orm
      .select({ publicKey: signingKeys.publicKey })
      .from(signingKeys)
      .where(and(eq(signingKeys.keyId, sql.placeholder('keyId')), eq(signingKeys.stationId, sql.placeholder('stationId')), eq(signingKeys.active, true)))
      .prepare(),
  ).get({ keyId, stationId });
  return row ? unb64(row.publicKey) : null;
}

/** The plain code (imported list) of an attendee's current badge, if any: printed under the QR for typing by hand. */
export function plainCodeOf(orm: Orm, attendeeId: string, badgeVersion: number): string | undefined {
  return orm
    .select({ code: badgeCodes.code })
    .from(badgeCodes)
    .where(and(eq(badgeCodes.attendeeId, attendeeId), eq(badgeCodes.badgeVersion, badgeVersion)))
    .orderBy(badgeCodes.code)
    .get()?.code;
}

/** Any plain code of an attendee, newest version first (the shape of their codes, when the current version has none). */
export function anyPlainCodeOf(orm: Orm, attendeeId: string): string | undefined {
  return orm
    .select({ code: badgeCodes.code })
    .from(badgeCodes)
    .where(eq(badgeCodes.attendeeId, attendeeId))
    .orderBy(sql`${badgeCodes.badgeVersion} desc`, badgeCodes.code)
    .get()?.code;
}

export function upsertSigningKey(
  orm: Orm,
  k: { keyId: number; publicKey: Uint8Array; privateKey?: Uint8Array | null; createdAt: number; active?: boolean; stationId?: string | null },
): void {
  const row = {
    keyId: k.keyId,
    publicKey: b64(k.publicKey),
    privateKey: k.privateKey ? b64(k.privateKey) : null,
    createdAt: k.createdAt,
    active: k.active ?? true,
    stationId: k.stationId ?? null,
  };
  const { keyId: _id, ...set } = row;
  orm.insert(signingKeys).values(row).onConflictDoUpdate({ target: signingKeys.keyId, set }).run();
}

/** Records a superseded badge version; the earliest revocation time wins (order-independent). */
export function addRevocation(orm: Orm, r: { attendeeId: string; badgeVersion: number; revokedAt: number; reason?: string }): void {
  orm
    .insert(revocations)
    .values({ reason: 'reprint', ...r })
    .onConflictDoUpdate({
      target: [revocations.attendeeId, revocations.badgeVersion],
      set: { revokedAt: sql`min(${revocations.revokedAt}, excluded.revoked_at)` },
    })
    .run();
}

export function applyReprint(orm: Orm, e: EventRow): void {
  const p = reprintOf(e);
  if (!p || !e.attendeeId) return;
  // Every version below the new one is superseded (a reprint of a reprint revokes both).
  for (let v = p.oldVersion; v < p.newVersion; v++) addRevocation(orm, { attendeeId: e.attendeeId, badgeVersion: v, revokedAt: e.wallTime });
  orm
    .update(attendees)
    .set({ badgeVersion: sql`max(${attendees.badgeVersion}, ${p.newVersion})` })
    .where(eq(attendees.id, e.attendeeId))
    .run();
  // The new badge's short code admits that version only; a code someone else holds stays theirs
  // (the registry refuses such a reprint: registry/ingest.ts).
  if (p.code) orm.insert(badgeCodes).values({ code: p.code, attendeeId: e.attendeeId, badgeVersion: p.newVersion }).onConflictDoNothing().run();
}
