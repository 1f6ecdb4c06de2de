// The organiser console's own requests (/v1/console/*): log in and out, who am I, the live view
// and its pokes, accounts. Everything else the console does goes through the admin routes
// (registry/routes/admin.ts) with the session cookie; registry/console/access.ts says who may.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { can, PERMISSIONS, type Permission } from '../../core/console/access';
import { IsoDay } from '../../core/model';
import { findAdminToken } from '../admin-tokens';
import type { ConsoleEnv } from '../auth';
import type { RegistryContext } from '../context';
import { HttpError, check, jsonBody } from '../http';
import { getEvent } from '../store';
import { ACCOUNT_PROBLEMS, AccountChange, changeAccount, createAccount, findAccount, listAccounts, NewAccount } from './accounts';
import { liveSnapshot } from './live-view';
import { LIMITS, accountKey, addressKey, clearFailures, recordFailure, waitFor } from './login-limit';
import { verifyPassword } from './passwords';
import { IDLE_MS, LIFETIME_MS, SESSION_COOKIE, createSession, endSession, sessionCookie, sessionUser } from './sessions';

const Login = z.union([
  z.object({ username: z.string().max(200), password: z.string().max(1000) }).strict(),
  z.object({ token: z.string().max(300) }).strict(),
]);

export function consoleRoutes(ctx: RegistryContext): Hono<ConsoleEnv> {
  const { orm, now } = ctx;
  const app = new Hono<ConsoleEnv>();
  app.use('/v1/console/*', bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new HttpError(413, 'too_large', 'The request is too large.'); } }));
  const secure = () => ctx.tls || ctx.publicUrl.startsWith('https:');
  const user = (c: Context<ConsoleEnv>) => c.get('user')!;

  app.post('/v1/console/login', async (c) => {
    const body = await jsonBody(c, Login);
    const t = now();
    const address = addressOf(c);
    const keys = [addressKey(address)];
    if ('username' in body) keys.push(accountKey(body.username));
    // Refused before any password is checked: a locked account costs a guesser nothing but time.
    const wait = Math.max(await waitFor(orm, keys[0]!, LIMITS.address, t), keys[1] ? await waitFor(orm, keys[1], LIMITS.account, t) : 0);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'login_limited', `Too many failed logins. Try again in ${Math.ceil(wait / 60_000)} minutes, or log in with an admin token.`);
    }
    let owner: { accountId: string } | { adminTokenId: string } | null = null;
    if ('token' in body) {
      const tok = await findAdminToken(orm, body.token.trim());
      if (tok) owner = { adminTokenId: tok.id };
    } else {
      const account = await findAccount(orm, body.username);
      // The password is checked even for an unknown or disabled name: the answer takes as long.
      const ok = await verifyPassword(body.password, account?.passwordHash ?? null);
      if (ok && account && account.disabledAt === null) owner = { accountId: account.id };
    }
    if (!owner) {
      await recordFailure(orm, keys, t);
      throw new HttpError(401, 'login_failed', 'That name and password (or admin token) are not right.');
    }
    if (keys[1]) await clearFailures(orm, keys[1]);
    const sid = await createSession(orm, owner, t);
    c.header('Set-Cookie', sessionCookie(sid, { secure: secure(), maxAgeS: Math.round(LIFETIME_MS / 1000) }));
    const me = await sessionUser(orm, sid, t);
    return c.json({ ok: true, role: me!.role });
  });

  app.post('/v1/console/logout', async (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid) await endSession(orm, sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(), httpOnly: true, sameSite: 'Strict' });
    return c.json({ ok: true });
  });

  app.get('/v1/console/me', async (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    const u = sid ? await sessionUser(orm, sid, now()) : null;
    if (!u) return c.json({ user: null });
    const ev = await getEvent(orm);
    return c.json({
      user: { id: u.id, name: u.name, displayName: u.displayName, role: u.role, kind: u.kind },
      permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(u.role, p)),
      event: ev ? { id: ev.id, name: ev.name, timeZone: ev.timeZone, days: ev.days } : null,
      // What an organiser compares with the browser's certificate dialog, and what stations pin.
      registry: { url: ctx.publicUrl, fingerprint: ctx.fingerprint },
      idleMs: IDLE_MS,
      serverTime: now(),
    });
  });

  app.post('/v1/console/password', async (c) => {
    const body = await jsonBody(c, z.object({ current: z.string().max(1000), next: z.string().max(1000) }).strict());
    const u = user(c);
    if (u.kind !== 'account') throw new HttpError(400, 'not_an_account', 'You logged in with an admin token, which has no password.');
    const account = await findAccount(orm, u.name);
    if (!account || !(await verifyPassword(body.current, account.passwordHash))) throw new HttpError(403, 'wrong_password', 'The current password is not right.');
    const r = await changeAccount(orm, account.id, { password: body.next }, now(), true);
    if (!r.ok) throw new HttpError(r.status, r.code, ACCOUNT_PROBLEMS[r.code] ?? r.code);
    // Every session of the account ended with the old password: this one starts again.
    const sid = await createSession(orm, { accountId: account.id }, now());
    c.header('Set-Cookie', sessionCookie(sid, { secure: secure(), maxAgeS: Math.round(LIFETIME_MS / 1000) }));
    return c.json({ ok: true });
  });

  app.get('/v1/console/live', async (c) => {
    const q = check(z.object({ day: IsoDay.optional() }), c.req.query(), 'query');
    return c.json(await liveSnapshot(orm, { day: q.day, now: now(), names: can(user(c).role, 'names') }));
  });

  /** Pokes for open consoles: `poke` after any change, `ping` every heartbeat (then stations' staleness is redrawn). */
  app.get('/v1/console/live/stream', (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    return streamSSE(c, async (stream) => {
      let closed = false;
      let wake: (() => void) | null = null;
      const stop = () => {
        closed = true;
        wake?.();
      };
      const unsubscribe = ctx.live.subscribe({
        stationId: null,
        poke: (seq) => void stream.writeSSE({ event: 'poke', data: String(seq) }).catch(stop),
        close: stop,
      });
      stream.onAbort(stop);
      await stream.writeSSE({ event: 'hello', data: '' });
      while (!closed) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, ctx.heartbeatMs);
        });
        // A session that ended (logout elsewhere, account disabled) stops hearing anything.
        if (sid && !(await sessionUser(orm, sid, now()).catch(() => null))) break;
        if (!closed) await stream.writeSSE({ event: 'ping', data: String(now()) }).catch(stop);
      }
      unsubscribe();
      await stream.close().catch(() => {});
    });
  });

  app.get('/v1/console/accounts', async (c) => c.json(await listAccounts(orm)));

  app.post('/v1/console/accounts', async (c) => {
    const body = await jsonBody(c, NewAccount);
    const r = await createAccount(orm, body, now());
    if (!r.ok) throw new HttpError(r.status, r.code, ACCOUNT_PROBLEMS[r.code] ?? r.code);
    return c.json({ ok: true, id: r.id });
  });

  app.patch('/v1/console/accounts/:id', async (c) => {
    const id = check(z.string().uuid(), c.req.param('id'), 'account id');
    const body = await jsonBody(c, AccountChange);
    const u = user(c);
    const r = await changeAccount(orm, id, body, now(), u.kind === 'account' && u.id === id);
    if (!r.ok) throw new HttpError(r.status, r.code, ACCOUNT_PROBLEMS[r.code] ?? r.code);
    return c.json({ ok: true });
  });

  return app;
}

function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
