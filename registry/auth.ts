// Bearer-token middleware. A station token is looked up (hashed) on every request, so a
// revoked station is refused at once, by every registry process. Admin tokens are looked up
// the same way (stored hashed in the database: registry/admin-tokens.ts).
import type { MiddlewareHandler } from 'hono';
import { isAdminToken } from './admin-tokens';
import type { RegistryOrm } from './db';
import { HttpError } from './http';
import { stationForToken, type AuthedStation } from './stations';

export type Env = { Variables: { station: AuthedStation } };

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

export function requireAdmin(orm: RegistryOrm): MiddlewareHandler {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token) throw new HttpError(401, 'no_token', 'This request needs the admin token.');
    if (!(await isAdminToken(orm, token))) {
      const st = await stationForToken(orm, token);
      if (st && !st.revoked) throw new HttpError(403, 'not_admin', 'A station token cannot use admin requests.');
      throw new HttpError(401, 'bad_token', 'The admin token is wrong.');
    }
    await next();
  };
}
