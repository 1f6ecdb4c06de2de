// The console's one way to talk to the registry: same-origin JSON requests carried by the session
// cookie (HttpOnly: the page never sees it). Every failure becomes an ApiError with the registry's
// code, which errorText() says in the reader's language. A 401 means the session ended: whoever
// listens (the session provider) shows the login again.
import { hasMessage, t } from '../i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const unauthorisedListeners = new Set<() => void>();
export function onUnauthorised(fn: () => void): () => void {
  unauthorisedListeners.add(fn);
  return () => unauthorisedListeners.delete(fn);
}

type Body = unknown | { raw: Blob | ArrayBuffer; type: string };
const isRaw = (b: Body): b is { raw: Blob | ArrayBuffer; type: string } => !!b && typeof b === 'object' && 'raw' in b;

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: Body): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': isRaw(body) ? body.type : 'application/json' },
      body: body === undefined ? undefined : isRaw(body) ? body.raw : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The registry cannot be reached.');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  // A 422 with a report (an import's, a Zoom report's problem) is an answer the page shows.
  if (!res.ok && !(res.status === 422 && data && typeof data === 'object' && ('profile' in data || 'problem' in data))) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    if (res.status === 401 && path !== '/v1/console/login') for (const l of unauthorisedListeners) l();
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  /** A file's bytes as the body (imports). */
  upload: <T>(path: string, file: Blob, method: 'POST' | 'PUT' = 'POST') => request<T>(method, path, { raw: file, type: 'application/octet-stream' }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** What went wrong, in the reader's language. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    if (hasMessage(key)) return t(key, { detail: err.message });
    if (err.status >= 500) return t('errors.internal');
    return t('errors.other', { detail: err.message });
  }
  return t('errors.internal');
}
