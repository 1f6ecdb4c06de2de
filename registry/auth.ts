// Who is asking. Stations: a bearer token looked up (hashed) on every request, so a revoked
// station is refused at once, by every registry process. Admin and console requests: an admin
// token (the CLI; stored hashed, registry/admin-tokens.ts) or a console session cookie
// (registry/console/sessions.ts), then the permission the route needs (registry/console/access.ts).
// A request carried by the cookie that changes anything must come from the console's own page:
// the cookie is SameSite=Strict, and its Origin (or Sec-Fetch-Site) is checked too.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { can } from '../core/console/access';
import { findAdminToken, isAdminToken } from './admin-tokens';
import { accessFor } from './console/access';
import { SESSION_COOKIE, sessionUser, type ConsoleUser } from './console/sessions';
import type { RegistryContext } from './context';
import type { RegistryOrm } from './db';
import { HttpError } from './http';
import { stationForToken, type AuthedStation } from './stations';

export type Env = { Variables: { station: AuthedStation } };
/** Admin and console routes: `user` is whoever passed requireAccess (null only on public routes). */
export type ConsoleEnv = { Variables: { user: ConsoleUser | null } };

export function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})\s*$/.exec(header);
  return m ? m[1]! : null;
}

const REVOKED =
  'This station was revoked or must be paired again. Ask the registry operator for a new pairing code.';

export function requireStation(orm: RegistryOrm): MiddlewareHandler<Env> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token) throw new HttpError(401, 'no_token', 'This request needs a station token. Pair the station first.');
    const st = await stationForToken(orm, token);
    if (!st) {
      if (await isAdminToken(orm, token)) throw new HttpError(403, 'not_a_station', 'The admin token cannot push or pull as a station.');
      throw new HttpError(401, 'bad_token', REVOKED);
    }
    if (st.revoked) throw new HttpError(401, 'station_revoked', REVOKED);
    c.set('station', st);
    await next();
  };
}

/** Admin and console routes: authenticate (admin token or session), check the origin, then the role. */
export function requireAccess(ctx: RegistryContext): MiddlewareHandler<ConsoleEnv> {
  const { orm } = ctx;
  return async (c, next) => {
    // Personal data: never kept by a browser cache or a proxy.
    c.header('Cache-Control', 'no-store');
    const need = accessFor(c.req.method, c.req.path);
    if (need === 'public') {
      c.set('user', null);
      if (!safeMethod(c.req.method)) checkOrigin(c, ctx);
      return next();
    }
    let user: ConsoleUser | null = null;
    const token = bearer(c.req.header('authorization'));
    if (token) {
      const admin = await findAdminToken(orm, token);
      if (!admin) {
        const st = await stationForToken(orm, token);
        if (st && !st.revoked) throw new HttpError(403, 'not_admin', 'A station token cannot use admin requests.');
        throw new HttpError(401, 'bad_token', 'The admin token is wrong.');
      }
      user = { role: 'organiser', kind: 'token', id: admin.id, name: admin.label, displayName: '' };
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (!cookie) throw new HttpError(401, 'no_token', 'This request needs the admin token, or logging in to the console.');
      user = await sessionUser(orm, cookie, ctx.now());
      if (!user) throw new HttpError(401, 'session_ended', 'Your console session has ended. Log in again.');
      if (!safeMethod(c.req.method)) checkOrigin(c, ctx);
    }
    if (!can(user.role, need)) throw new HttpError(403, 'forbidden', 'Your role cannot open this.');
    c.set('user', user);
    await next();
  };
}

const safeMethod = (m: string) => m === 'GET' || m === 'HEAD';

/**
 * A state-changing request carried by a browser must come from a page of this registry: its
 * Origin is this registry's own (as the browser reached it, or the public address), or — for a
 * browser that sends no Origin — Sec-Fetch-Site says same-origin. A request with neither is refused.
 */
function checkOrigin(c: Context, ctx: RegistryContext): void {
  const origin = c.req.header('origin');
  if (origin) {
    const host = c.req.header('host');
    const own = new Set([ctx.publicUrl && new URL(ctx.publicUrl).origin, host && `${ctx.tls ? 'https' : 'http'}://${host}`].filter(Boolean));
    if (own.has(origin)) return;
  } else if (c.req.header('sec-fetch-site') === 'same-origin') return;
  throw new HttpError(403, 'cross_origin', 'This request did not come from the console’s own page, so it was refused.');
}
