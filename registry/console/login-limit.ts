// Login rate limits of the console, kept in the database so every registry process behind a load
// balancer counts the same failures: at most 5 failed logins per account name and 20 per address
// in any 15 minutes. A locked account can still be reached with an admin token (another key), so
// a guesser cannot lock the organisers out of their own event.
import { and, count, eq, gt, lt, min } from 'drizzle-orm';
import type { RegistryOrm } from '../db';
import { loginFailures } from '../schema';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 5, address: 20 } as const;

export const accountKey = (username: string) => `account:${username.trim().toLowerCase().slice(0, 100)}`;
export const addressKey = (address: string) => `address:${address.slice(0, 100)}`;

/** Milliseconds until `key` may try again (0: now). */
export async function waitFor(orm: RegistryOrm, key: string, limit: number, now: number): Promise<number> {
  const since = now - LOGIN_WINDOW_MS;
  const [r] = await orm
    .select({ n: count(), first: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  if (!r || r.n < limit || r.first === null) return 0;
  return Math.max(1000, Number(r.first) + LOGIN_WINDOW_MS - now);
}

export async function recordFailure(orm: RegistryOrm, keys: string[], now: number): Promise<void> {
  await orm.insert(loginFailures).values(keys.map((key) => ({ key, at: now })));
  // Old failures count for nothing; keep the table small.
  await orm.delete(loginFailures).where(lt(loginFailures.at, now - LOGIN_WINDOW_MS));
}

export async function clearFailures(orm: RegistryOrm, key: string): Promise<void> {
  await orm.delete(loginFailures).where(eq(loginFailures.key, key));
}
