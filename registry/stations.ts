// Stations: one-time pairing codes → bearer tokens; lookup on every request; revocation.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { StationRecord } from '../core/sync/protocol';
import type { RegistryOrm } from './db';
import { pairingCodes, signingKeys, stations } from './schema';
import { KeyIdsUsedUp, insertSigningKey, writeTx } from './store';
import { hashSecret, newPairingCode, newToken, normalisePairingCode, sameHash } from './tokens';

const nextSeq = sql`nextval('change_seq')`;
export const PAIRING_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface PairingCodeOptions {
  name?: string | null;
  role?: 'desk' | 'door';
  roomId?: string | null;
  doorMode?: 'entry' | 'exit' | 'toggle' | null;
  ttlMs?: number;
}

export async function createPairingCode(orm: RegistryOrm, o: PairingCodeOptions, now: number): Promise<{ code: string; expiresAt: number }> {
  const code = newPairingCode();
  const expiresAt = now + (o.ttlMs ?? PAIRING_CODE_TTL_MS);
  await orm.insert(pairingCodes).values({
    codeHash: hashSecret(normalisePairingCode(code)),
    name: o.name ?? null,
    role: o.role ?? 'desk',
    roomId: o.roomId ?? null,
    doorMode: o.doorMode ?? null,
    createdAt: now,
    expiresAt,
  });
  return { code, expiresAt };
}

export type PairOutcome = { ok: true; token: string; keyId: number | null; keyMessage: string | null } | { ok: false; reason: 'bad_code' };

/**
 * Redeems a pairing code for the station's own id (a station creates its id, and its
 * first events, before it ever sees the registry). The code is spent atomically:
 * two stations racing with one code get one token between them.
 */
export async function pairStation(
  orm: RegistryOrm,
  code: string,
  stationId: string,
  name: string,
  now: number,
  publicKey?: string,
): Promise<PairOutcome> {
  const codeHash = hashSecret(normalisePairingCode(code));
  return writeTx(orm, async (tx) => {
    const spent = await tx
      .update(pairingCodes)
      .set({ usedAt: now, usedBy: stationId })
      .where(and(eq(pairingCodes.codeHash, codeHash), isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, now)))
      .returning();
    const pc = spent[0];
    if (!pc) return { ok: false, reason: 'bad_code' } as const;
    const token = newToken();
    const values = {
      id: stationId,
      name: pc.name ?? name,
      role: pc.role,
      roomId: pc.roomId,
      doorMode: pc.doorMode,
      tokenHash: hashSecret(token),
      pairedAt: now,
      revokedAt: null,
      lastSeenAt: now,
    };
    // Re-pairing (lost token, or an admin un-revoking) replaces the token and keeps the ack mark.
    const { id: _id, ...rest } = values;
    await tx.insert(stations).values(values).onConflictDoUpdate({ target: stations.id, set: { ...rest, seq: nextSeq } });
    // The station's own signing key: a re-paired station's earlier key stops being trusted.
    await tx.update(signingKeys).set({ active: false, seq: nextSeq }).where(and(eq(signingKeys.stationId, stationId), eq(signingKeys.active, true)));
    if (!publicKey) return { ok: true, token, keyId: null, keyMessage: null } as const;
    try {
      const keyId = await insertSigningKey(tx, { publicKey, privateKey: null, active: true, stationId }, now);
      return { ok: true, token, keyId, keyMessage: null } as const;
    } catch (err) {
      if (err instanceof KeyIdsUsedUp) return { ok: true, token, keyId: null, keyMessage: err.message } as const;
      throw err;
    }
  });
}

export interface AuthedStation {
  id: string;
  revoked: boolean;
  ackedSeq: number;
}

/** Finds the station a bearer token belongs to (null = no such token). */
export async function stationForToken(orm: RegistryOrm, token: string): Promise<AuthedStation | null> {
  const h = hashSecret(token);
  const r = await orm
    .select({ id: stations.id, tokenHash: stations.tokenHash, revokedAt: stations.revokedAt, ackedSeq: stations.ackedSeq })
    .from(stations)
    .where(eq(stations.tokenHash, h))
    .limit(1);
  const row = r[0];
  if (!row || !row.tokenHash || !sameHash(row.tokenHash, h)) return null;
  return { id: row.id, revoked: row.revokedAt !== null, ackedSeq: row.ackedSeq };
}

export async function revokeStation(orm: RegistryOrm, id: string, now: number): Promise<boolean> {
  return writeTx(orm, async (tx) => {
    const r = await tx.update(stations).set({ revokedAt: now, seq: nextSeq }).where(eq(stations.id, id)).returning({ id: stations.id });
    // Its signing key goes with it: every station refuses its badges after the next sync.
    await tx.update(signingKeys).set({ active: false, seq: nextSeq }).where(and(eq(signingKeys.stationId, id), eq(signingKeys.active, true)));
    return r.length > 0;
  });
}

export async function listStations(orm: RegistryOrm) {
  const rows = await orm.select().from(stations).orderBy(stations.name);
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role,
    roomId: s.roomId,
    doorMode: s.doorMode,
    pairedAt: s.pairedAt,
    revokedAt: s.revokedAt,
    lastSeenAt: s.lastSeenAt,
    ackedSeq: s.ackedSeq,
  }));
}

export function toStationRecord(s: typeof stations.$inferSelect): StationRecord {
  return {
    id: s.id,
    name: s.name,
    role: s.role === 'door' ? 'door' : 'desk',
    roomId: s.roomId,
    doorMode: (s.doorMode as StationRecord['doorMode']) ?? null,
    allowedCategories: s.allowedCategories ?? null,
    revoked: s.revokedAt !== null,
  };
}
