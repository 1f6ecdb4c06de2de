// Console sessions: a random id in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS); the
// database keeps only its sha-256, so every registry process knows every session and a database
// dump opens none. A session ends after 12 idle hours or 3 days, at logout, or as soon as its
// account is disabled (or given a new password) or the admin token it logged in with is revoked.
// The role is read from the account on every request: a change applies at once.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { ConsoleRole } from '../../core/console/access';
import type { RegistryOrm } from '../db';
import { adminTokens, consoleAccounts, consoleSessions } from '../schema';
import { hashSecret, newToken } from '../tokens';

export const SESSION_COOKIE = 'foyer_console';
export const IDLE_MS = 12 * 3600_000;
export const LIFETIME_MS = 3 * 24 * 3600_000;
/** lastSeenAt is written at most this often (not on every request). */
const TOUCH_MS = 60_000;

export interface ConsoleUser {
  role: ConsoleRole;
  /** How they logged in: a named account, or an admin token (always organiser). */
  kind: 'account' | 'token';
  id: string;
  /** User name, or the admin token's label. */
  name: string;
  displayName: string;
}

export async function createSession(orm: RegistryOrm, owner: { accountId: string } | { adminTokenId: string }, now: number): Promise<string> {
  const raw = newToken();
  await orm.insert(consoleSessions).values({
    idHash: hashSecret(raw),
    accountId: 'accountId' in owner ? owner.accountId : null,
    adminTokenId: 'adminTokenId' in owner ? owner.adminTokenId : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + LIFETIME_MS,
  });
  // Expired sessions of anyone are of no use to keep.
  await orm.delete(consoleSessions).where(or(lt(consoleSessions.expiresAt, now), lt(consoleSessions.lastSeenAt, now - IDLE_MS)));
  return raw;
}

/** The user a session cookie belongs to, or null (unknown, expired, idle too long, owner gone). */
export async function sessionUser(orm: RegistryOrm, raw: string, now: number): Promise<ConsoleUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(raw)) return null;
  const idHash = hashSecret(raw);
  const s = (await orm.select().from(consoleSessions).where(eq(consoleSessions.idHash, idHash)))[0];
  if (!s || s.expiresAt <= now || s.lastSeenAt <= now - IDLE_MS) return null;
  let user: ConsoleUser | null = null;
  if (s.accountId) {
    const a = (await orm.select().from(consoleAccounts).where(and(eq(consoleAccounts.id, s.accountId), isNull(consoleAccounts.disabledAt))))[0];
    if (a) user = { role: a.role, kind: 'account', id: a.id, name: a.username, displayName: a.displayName };
  } else if (s.adminTokenId) {
    const t = (await orm.select().from(adminTokens).where(and(eq(adminTokens.id, s.adminTokenId), isNull(adminTokens.revokedAt))))[0];
    if (t) user = { role: 'organiser', kind: 'token', id: t.id, name: t.label, displayName: '' };
  }
  if (!user) return null;
  if (now - s.lastSeenAt > TOUCH_MS) await orm.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.idHash, idHash));
  return user;
}

export async function endSession(orm: RegistryOrm, raw: string): Promise<void> {
  await orm.delete(consoleSessions).where(eq(consoleSessions.idHash, hashSecret(raw)));
}

export async function endSessionsOf(orm: RegistryOrm, owner: { accountId: string } | { adminTokenId: string }): Promise<void> {
  await orm
    .delete(consoleSessions)
    .where('accountId' in owner ? eq(consoleSessions.accountId, owner.accountId) : eq(consoleSessions.adminTokenId, owner.adminTokenId));
}

/** The cookie header: HttpOnly, SameSite=Strict, Path=/, Secure when the registry is reached over HTTPS. */
export function sessionCookie(value: string, o: { secure: boolean; maxAgeS: number }): string {
  return [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${o.maxAgeS}`, ...(o.secure ? ['Secure'] : [])].join('; ');
}
