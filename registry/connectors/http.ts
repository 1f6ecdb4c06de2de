// Reading a registration system's API: JSON only, bounded in size and time, every failure a
// sentence that names the system and what to check (a connector is run by an organiser, not a
// developer). The token goes in the Authorization header the system expects.
export class SourceError extends Error {}

export interface SourceHttp {
  /** Base URL of the system, without a trailing slash. */
  base: string;
  authorization: string;
  system: string;
  fetch?: typeof fetch;
}

const MAX_BYTES = 64 * 1024 * 1024;

/** Whether `url` is on the system's own origin and under its path (a prefix test alone lets
 *  https://indico.example.org.evil.test through). */
export function within(src: SourceHttp, url: URL): boolean {
  const base = new URL(src.base + '/');
  return url.origin === base.origin && (url.pathname === base.pathname.slice(0, -1) || url.pathname.startsWith(base.pathname));
}

export async function getJson<T>(src: SourceHttp, pathOrUrl: string, timeoutMs = 60_000): Promise<{ data: T; headers: Headers }> {
  const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : src.base + pathOrUrl;
  if (!within(src, new URL(url))) throw new SourceError(`${src.system} pointed to ${new URL(url).origin}, outside ${src.base}; not followed.`);
  let res: Response;
  try {
    res = await (src.fetch ?? fetch)(url, { headers: { authorization: src.authorization, accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new SourceError(`Cannot reach ${src.system} at ${src.base}: ${(err as Error).message}.`);
  }
  if (res.status === 401 || res.status === 403) throw new SourceError(`${src.system} refused the token (${res.status}): check that it is valid and may read registrations of this event.`);
  if (res.status === 404) throw new SourceError(`${src.system} has no ${new URL(url).pathname} (404): check the URL and the event.`);
  if (!res.ok) throw new SourceError(`${src.system} answered ${res.status} for ${new URL(url).pathname}; try again later.`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new SourceError(`${src.system} sent ${Math.round(declared / 1e6)} MB for one page; refused.`);
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new SourceError(`${src.system} sent more than 64 MB for one page; refused.`);
  try {
    return { data: JSON.parse(text) as T, headers: res.headers };
  } catch {
    throw new SourceError(`${src.system} did not answer with JSON at ${new URL(url).pathname}: is ${src.base} the right address?`);
  }
}

/** Runs `fn` over `items`, `n` at a time. */
export async function inParallel<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
    }),
  );
  return out;
}
