// Stations: one-time pairing codes → bearer tokens; lookup on every request; revocation.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { toWire } from '../core/records/fields';
import { DEFAULT_RULES, type RegistryRules } from '../core/checkin/desk-rules';
import { StationFields, type StationRecord } from '../core/records/station';
import type { AuthorKey } from '../core/sync/event-signature';
import type { StationReport } from '../core/sync/protocol';
import type { RegistryOrm } from './db';
import { pairingCodes, signingKeys, stations } from './schema';
import { KeyIdsUsedUp, insertSigningKey, writeTx } from './store';
import { hashSecret, newPairingCode, newToken, normalisePairingCode, sameHash } from './tokens';

const nextChangeNo = sql`nextval('change_seq')`;
export const PAIRING_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface PairingCodeOptions {
  name?: string | null;
  role?: 'desk' | 'door';
  roomId?: string | null;
  doorMode?: 'entry' | 'exit' | 'toggle' | null;
  ttlMs?: number;
  /** Issue the code for this existing station only (a new token for a laptop that lost its own). */
  stationId?: string;
  /** Allow that station back in if it was revoked (never implied). */
  restore?: boolean;
}

export type PairingCodeOutcome =
  | { ok: true; code: string; expiresAt: number; stationId: string | null }
  | { ok: false; status: 404 | 409; code: string; message: string };

export async function createPairingCode(orm: RegistryOrm, o: PairingCodeOptions, now: number): Promise<PairingCodeOutcome> {
  let existing: typeof stations.$inferSelect | undefined;
  if (o.stationId) {
    existing = (await orm.select().from(stations).where(eq(stations.id, o.stationId)))[0];
    if (!existing) return { ok: false, status: 404, code: 'not_found', message: `No station ${o.stationId}. A new station needs a pairing code without --station.` };
    if (existing.revokedAt !== null && !o.restore) {
      return {
        ok: false,
        status: 409,
        code: 'station_revoked',
        message: `Station ${o.stationId} (${existing.name}) was revoked. To let it back in, ask for the code again with --restore.`,
      };
    }
  }
  const code = newPairingCode();
  const expiresAt = now + (o.ttlMs ?? PAIRING_CODE_TTL_MS);
  await orm.insert(pairingCodes).values({
    codeHash: hashSecret(normalisePairingCode(code)),
    stationId: o.stationId ?? null,
    // A code for an existing station keeps its name, role and room unless new ones are given.
    name: o.name ?? existing?.name ?? null,
    role: o.role ?? (existing?.role === 'door' ? 'door' : 'desk'),
    roomId: o.roomId ?? existing?.roomId ?? null,
    doorMode: o.doorMode ?? existing?.doorMode ?? null,
    restore: o.restore ?? false,
    createdAt: now,
    expiresAt,
  });
  return { ok: true, code, expiresAt, stationId: o.stationId ?? null };
}

export type PairOutcome =
  | { ok: true; token: string; keyId: number | null; keyMessage: string | null }
  | { ok: false; reason: 'bad_code' | 'station_exists' | 'other_station' | 'revoked' };

export const PAIR_REFUSALS: Record<Exclude<PairOutcome, { ok: true }>['reason'], { status: 403 | 409; message: string }> = {
  bad_code: { status: 403, message: 'This pairing code is wrong, was already used, or has expired. Ask for a new one.' },
  station_exists: {
    status: 409,
    message: 'A station with this id is already paired. To give it a new token, the operator issues a code for it: registry:admin pair --station ID.',
  },
  other_station: { status: 403, message: 'This pairing code was issued for another station. Ask the operator for a code for this one.' },
  revoked: { status: 403, message: 'This station was revoked. The operator can let it back in with: registry:admin pair --station ID --restore.' },
};

/**
 * Redeems a pairing code for the station's own id (a station creates its id, and its
 * first events, before it ever sees the registry). The code is spent atomically:
 * two stations racing with one code get one token between them. A plain code only ever
 * creates a new station; a code issued for a station (`pair --station ID`) only replaces
 * that station's token. So nobody takes over another station's id (ids travel in every
 * pull), and a revoked station comes back only when the operator asked for that.
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
    const live = and(eq(pairingCodes.codeHash, codeHash), isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, now));
    const pc = (await tx.select().from(pairingCodes).where(live))[0];
    if (!pc) return { ok: false, reason: 'bad_code' } as const;
    // Refusals below leave the code unspent: the right station can still use it.
    if (pc.stationId !== null && pc.stationId !== stationId) return { ok: false, reason: 'other_station' } as const;
    const existing = (await tx.select({ revokedAt: stations.revokedAt }).from(stations).where(eq(stations.id, stationId)))[0];
    if (pc.stationId === null && existing) return { ok: false, reason: 'station_exists' } as const;
    if (existing && existing.revokedAt !== null && !pc.restore) return { ok: false, reason: 'revoked' } as const;
    const spent = await tx.update(pairingCodes).set({ usedAt: now, usedBy: stationId }).where(live).returning({ h: pairingCodes.codeHash });
    if (spent.length === 0) return { ok: false, reason: 'bad_code' } as const;
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
    // A new token for an existing station keeps its acknowledgement mark (its events are stored).
    const { id: _id, ...rest } = values;
    await tx.insert(stations).values(values).onConflictDoUpdate({ target: stations.id, set: { ...rest, changeNo: nextChangeNo } });
    // The station's own signing key: a re-paired station's earlier key stops being trusted.
    await tx.update(signingKeys).set({ active: false, changeNo: nextChangeNo }).where(and(eq(signingKeys.stationId, stationId), eq(signingKeys.active, true)));
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
  ackedStationSeq: number;
  /** Its role here decides what it may pull (core/sync/visibility.ts). */
  role: string;
}

/** Finds the station a bearer token belongs to (null = no such token). */
export async function stationForToken(orm: RegistryOrm, token: string): Promise<AuthedStation | null> {
  const h = hashSecret(token);
  const r = await orm
    .select({ id: stations.id, tokenHash: stations.tokenHash, revokedAt: stations.revokedAt, ackedStationSeq: stations.ackedStationSeq, role: stations.role })
    .from(stations)
    .where(eq(stations.tokenHash, h))
    .limit(1);
  const row = r[0];
  if (!row || !row.tokenHash || !sameHash(row.tokenHash, h)) return null;
  return { id: row.id, revoked: row.revokedAt !== null, ackedStationSeq: row.ackedStationSeq, role: row.role };
}

/** The columns that say a station reached us at `now`, and what it said about itself (StationReport). */
export function seenColumns(report: StationReport | null, now: number) {
  return { lastSeenAt: now, ...(report ? { outbox: report.outbox, clockAheadMs: report.clockAheadMs, reportedAt: now } : {}) };
}

/** A station reached us (a pull; a push keeps this with its acknowledgement mark: ingest.ts). */
export async function noteStationSeen(orm: RegistryOrm, stationId: string, report: StationReport | null, now: number): Promise<void> {
  await orm.update(stations).set(seenColumns(report, now)).where(eq(stations.id, stationId));
}

export async function revokeStation(orm: RegistryOrm, id: string, now: number): Promise<boolean> {
  return writeTx(orm, async (tx) => {
    const r = await tx.update(stations).set({ revokedAt: now, changeNo: nextChangeNo }).where(eq(stations.id, id)).returning({ id: stations.id });
    // Its signing key goes with it: every station refuses its badges after the next sync.
    await tx.update(signingKeys).set({ active: false, changeNo: nextChangeNo }).where(and(eq(signingKeys.stationId, id), eq(signingKeys.active, true)));
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
    ackedStationSeq: s.ackedStationSeq,
    outbox: s.outbox,
    clockAheadMs: s.clockAheadMs,
    reportedAt: s.reportedAt,
  }));
}

/**
 * The organiser's admission rules for one station (registry:admin station-rules): what is not
 * given keeps its current value. They travel in the station record, stamped with the registry's
 * time, and the station applies them when newer than what it applied before.
 */
export async function setStationRules(
  orm: RegistryOrm,
  id: string,
  change: Partial<Pick<RegistryRules, 'repeatPolicy' | 'allowedCategories'>>,
  now: number,
): Promise<RegistryRules | null> {
  return writeTx(orm, async (tx) => {
    const row = (await tx.select({ rules: stations.rules, allowedCategories: stations.allowedCategories }).from(stations).where(eq(stations.id, id)))[0];
    if (!row) return null;
    const rules: RegistryRules = {
      repeatPolicy: change.repeatPolicy ?? row.rules?.repeatPolicy ?? DEFAULT_RULES.repeatPolicy,
      allowedCategories: change.allowedCategories !== undefined ? change.allowedCategories : (row.rules?.allowedCategories ?? DEFAULT_RULES.allowedCategories),
      setAt: now,
    };
    await tx.update(stations).set({ rules, allowedCategories: rules.allowedCategories, changeNo: nextChangeNo }).where(eq(stations.id, id));
    return rules;
  });
}

export function toStationRecord(s: typeof stations.$inferSelect): StationRecord {
  return toWire(StationFields, { ...s, revoked: s.revokedAt !== null });
}

/**
 * Every paired station's active signing keys, for checking author signatures on events
 * (core/sync/event-signature.ts). Revoking a station deactivates its keys, and so does pairing
 * it again (its earlier key): only a current, unrevoked station's key verifies.
 */
export async function stationKeys(orm: RegistryOrm): Promise<AuthorKey> {
  const rows = await orm
    .select({ keyId: signingKeys.keyId, stationId: signingKeys.stationId, publicKey: signingKeys.publicKey })
    .from(signingKeys)
    .innerJoin(stations, eq(stations.id, signingKeys.stationId))
    .where(and(eq(signingKeys.active, true), isNull(stations.revokedAt)));
  const keys = new Map(rows.map((r) => [`${r.stationId}\n${r.keyId}`, new Uint8Array(Buffer.from(r.publicKey, 'base64url'))]));
  return (stationId, keyId) => keys.get(`${stationId}\n${keyId}`) ?? null;
}
