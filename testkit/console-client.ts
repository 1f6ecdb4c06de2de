// A console session from Node, as the organiser's browser holds one: log in (name and password,
// or an admin token) and call the registry with the session cookie and the console's Origin.
// Used by the console's integration tests and the e2e set-up (accounts made before a browser opens).
import { registryFetch } from '../node-shared/pinned-fetch';

export interface ConsoleClient {
  cookie: string;
  /** The whole Set-Cookie header of the login (its flags are tested). */
  setCookie: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function consoleLogin(
  url: string,
  credentials: { username: string; password: string } | { token: string },
  o: { fingerprint?: string | null } = {},
): Promise<ConsoleClient> {
  const f = registryFetch(o.fingerprint ?? null);
  const origin = new URL(url).origin;
  const res = await f(`${url}/v1/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(credentials) });
  if (res.status !== 200) throw new Error(`login → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    f(url + path, {
      method,
      headers: { cookie, origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    cookie,
    setCookie,
    call,
    async json<T>(method: string, path: string, body?: unknown) {
      const r = await call(method, path, body);
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    },
  };
}
