// Named console accounts: a user name, a role and a scrypt password hash (passwords.ts). The
// console's Accounts page (organiser only) makes and changes them; disabling an account or
// setting a new password ends its sessions at once.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ConsoleRole } from '../../core/console/access';
import type { RegistryOrm } from '../db';
import { consoleAccounts } from '../schema';
import { hashPassword, passwordProblem } from './passwords';
import { endSessionsOf } from './sessions';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}._@+-]{2,64}$/u);

export const NewAccount = z
  .object({
    username: Username,
    displayName: z.string().trim().max(100).default(''),
    role: ConsoleRole,
    password: z.string().max(1000),
  })
  .strict();

export const AccountChange = z
  .object({
    displayName: z.string().trim().max(100).optional(),
    role: ConsoleRole.optional(),
    disabled: z.boolean().optional(),
    password: z.string().max(1000).optional(),
  })
  .strict();

/** The sentence for each refusal (the console says it in the organiser's language, by code). */
export const ACCOUNT_PROBLEMS: Record<string, string> = {
  password_short: 'The password needs at least 10 characters.',
  password_long: 'The password is too long (at most 200 characters).',
  password_is_name: 'The password cannot be the user name.',
  username_taken: 'There is already an account with this user name.',
  not_found: 'There is no such account.',
  not_yourself: 'You cannot disable your own account or change your own role.',
};

export type AccountOutcome = { ok: true; id: string } | { ok: false; code: string; status: 400 | 404 | 409 };

export async function listAccounts(orm: RegistryOrm) {
  const rows = await orm.select().from(consoleAccounts).orderBy(consoleAccounts.username);
  return rows.map(({ passwordHash: _h, ...a }) => a);
}

export async function findAccount(orm: RegistryOrm, username: string) {
  const name = Username.safeParse(username);
  if (!name.success) return null;
  return (await orm.select().from(consoleAccounts).where(eq(consoleAccounts.username, name.data)))[0] ?? null;
}

export async function createAccount(orm: RegistryOrm, a: z.output<typeof NewAccount>, now: number): Promise<AccountOutcome> {
  const problem = passwordProblem(a.password, a.username);
  if (problem) return { ok: false, code: problem, status: 400 };
  const id = crypto.randomUUID();
  const inserted = await orm
    .insert(consoleAccounts)
    .values({ id, username: a.username, displayName: a.displayName, role: a.role, passwordHash: await hashPassword(a.password), createdAt: now, passwordChangedAt: now })
    .onConflictDoNothing()
    .returning({ id: consoleAccounts.id });
  return inserted.length ? { ok: true, id } : { ok: false, code: 'username_taken', status: 409 };
}

/** `self`: the account making the change may not lock itself out (disable itself or give up organiser). */
export async function changeAccount(orm: RegistryOrm, id: string, c: z.output<typeof AccountChange>, now: number, self: boolean): Promise<AccountOutcome> {
  const cur = (await orm.select().from(consoleAccounts).where(eq(consoleAccounts.id, id)))[0];
  if (!cur) return { ok: false, code: 'not_found', status: 404 };
  if (self && (c.disabled === true || (c.role && c.role !== cur.role))) return { ok: false, code: 'not_yourself', status: 409 };
  const set: Partial<typeof consoleAccounts.$inferInsert> = {};
  if (c.displayName !== undefined) set.displayName = c.displayName;
  if (c.role) set.role = c.role;
  if (c.disabled !== undefined) set.disabledAt = c.disabled ? (cur.disabledAt ?? now) : null;
  if (c.password !== undefined) {
    const problem = passwordProblem(c.password, cur.username);
    if (problem) return { ok: false, code: problem, status: 400 };
    set.passwordHash = await hashPassword(c.password);
    set.passwordChangedAt = now;
  }
  if (Object.keys(set).length) await orm.update(consoleAccounts).set(set).where(eq(consoleAccounts.id, id));
  // A new password or a disabled account: whoever held a session with the old one is out.
  if (c.password !== undefined || c.disabled === true) await endSessionsOf(orm, { accountId: id });
  return { ok: true, id };
}
