// Admin tokens, stored hashed in the database, so every registry process on one PostgreSQL
// accepts the same tokens (behind a load balancer an admin call may reach any of them).
// The first start makes one and writes it to DIR/admin-token; `registry:admin token --new`
// makes more (one per organiser, for the CLI or the web console), `token --revoke ID` ends one.
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RegistryOrm } from './db';
import { adminTokens } from './schema';
import { getMeta, writeTx } from './store';
import { hashSecret, newToken, sameHash } from './tokens';

/** The live admin token a bearer token is (its id and label), or null. */
export async function findAdminToken(orm: RegistryOrm, token: string): Promise<{ id: string; label: string } | null> {
  const h = hashSecret(token);
  const r = await orm
    .select({ h: adminTokens.tokenHash, id: adminTokens.id, label: adminTokens.label })
    .from(adminTokens)
    .where(and(eq(adminTokens.tokenHash, h), isNull(adminTokens.revokedAt)))
    .limit(1);
  return r[0] && sameHash(r[0].h, h) ? { id: r[0].id, label: r[0].label } : null;
}

/** True when the bearer token is a live admin token. */
export async function isAdminToken(orm: RegistryOrm, token: string): Promise<boolean> {
  return (await findAdminToken(orm, token)) !== null;
}

export async function createAdminToken(orm: RegistryOrm, label: string, now: number): Promise<{ id: string; token: string }> {
  const token = newToken();
  const id = crypto.randomUUID().slice(0, 8);
  await orm.insert(adminTokens).values({ id, tokenHash: hashSecret(token), label: label.slice(0, 100), createdAt: now });
  return { id, token };
}

export async function listAdminTokens(orm: RegistryOrm) {
  return orm
    .select({ id: adminTokens.id, label: adminTokens.label, createdAt: adminTokens.createdAt, revokedAt: adminTokens.revokedAt })
    .from(adminTokens)
    .orderBy(adminTokens.createdAt);
}

export async function revokeAdminToken(orm: RegistryOrm, id: string, now: number): Promise<boolean> {
  const r = await orm
    .update(adminTokens)
    .set({ revokedAt: now })
    .where(and(eq(adminTokens.id, id), isNull(adminTokens.revokedAt)))
    .returning({ id: adminTokens.id });
  return r.length > 0;
}

/**
 * At start: make sure the registry can be administered. Runs under the write lock, so of
 * several processes starting together exactly one makes the first token (and says so).
 * - `given` (FOYER_ADMIN_TOKEN): that token is accepted (added if new);
 * - `reset`: every earlier token stops working and a new one is made;
 * - otherwise a token is made only when there is none (a hash kept by older builds in `meta` is carried over).
 * Returns the new token when this process made one (to be written to DIR/admin-token).
 */
export async function ensureAdminToken(orm: RegistryOrm, o: { given?: string; reset?: boolean }, now: number): Promise<string | null> {
  return writeTx(orm, async (tx) => {
    if (o.reset) await tx.update(adminTokens).set({ revokedAt: now }).where(isNull(adminTokens.revokedAt));
    if (o.given) {
      await tx.insert(adminTokens).values({ id: `env-${hashSecret(o.given).slice(0, 8)}`, tokenHash: hashSecret(o.given), label: 'FOYER_ADMIN_TOKEN', createdAt: now }).onConflictDoNothing();
      return null;
    }
    const live = await tx.select({ n: sql<number>`count(*)::int` }).from(adminTokens).where(isNull(adminTokens.revokedAt));
    if ((live[0]?.n ?? 0) > 0) return null;
    const legacy = o.reset ? undefined : await getMeta<string>(tx, 'adminTokenHash');
    if (legacy) {
      await tx.insert(adminTokens).values({ id: 'legacy', tokenHash: legacy, label: 'first start (older version)', createdAt: now }).onConflictDoNothing();
      return null;
    }
    const made = await createAdminToken(tx, 'first start', now);
    return made.token;
  });
}
