// HTTP to the registry, with every failure sorted into the classes the sync loop acts on
// (after PowerSync): network and 5xx → retry with backoff; 401 → pair again; other 4xx →
// rejected, kept and shown; a response that fails validation → treated like a 5xx.
import type { z } from 'zod';
import { notice, noticeText, type Notice } from '../../core/api/notice';
import { ErrorBody } from '../../core/sync/protocol';
import { CERT_MISMATCH } from '../../node-shared/pinned-fetch';

const UNTRUSTED_CERT = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED']);

export type FailureKind = 'network' | 'server' | 'unauthorized' | 'rejected' | 'protocol' | 'bad_response';

/**
 * What went wrong: `notice` says it in words (the renderer's language), `message` in English. An
 * English sentence is accepted for words not in the catalog yet (then `notice` is null).
 */
export class SyncError extends Error {
  readonly notice: Notice | null;
  constructor(
    readonly kind: FailureKind,
    said: Notice | string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(typeof said === 'string' ? said : noticeText(said));
    this.notice = typeof said === 'string' ? null : said;
  }
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'bad_response';
  }
}

export interface TransportOptions {
  baseUrl: string;
  token: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Gives up the request early (a long poll no longer wanted). */
  signal?: AbortSignal;
}

export async function request<S extends z.ZodType>(
  o: TransportOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
): Promise<{ data: z.output<S>; bytes: number }> {
  const f = o.fetch ?? fetch;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), o.timeoutMs ?? 20_000);
  const giveUp = () => ctl.abort();
  o.signal?.addEventListener('abort', giveUp, { once: true });
  let res: Response;
  let text: string;
  try {
    res = await f(o.baseUrl + path, {
      method,
      headers: {
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: ctl.signal,
    });
    text = await res.text();
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code === CERT_MISMATCH) {
      // Someone on the network answers in the registry's place (or its certificate was replaced):
      // nothing was sent. Retried with backoff; the operator can pair again with a new link.
      throw new SyncError('server', notice('certMismatch'), null, 'cert_mismatch');
    }
    if (cause?.code && UNTRUSTED_CERT.has(cause.code)) {
      throw new SyncError('rejected', notice('certUntrusted'), null, 'cert_untrusted');
    }
    const why = ctl.signal.aborted ? 'timed out' : (cause?.code ?? (err as Error).message);
    throw new SyncError('network', notice('networkFailed', { why }));
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', giveUp);
  }
  if (!res.ok) {
    const parsed = safeJson(text);
    const e = ErrorBody.safeParse(parsed);
    const msg = e.success ? notice('registrySays', { reason: e.data.error.message }) : notice('registryAnswered', { status: res.status });
    const code = e.success ? e.data.error.code : null;
    if (res.status === 401) throw new SyncError('unauthorized', msg, 401, code);
    if (res.status === 426) throw new SyncError('protocol', msg, 426, code);
    if (res.status >= 500) throw new SyncError('server', notice('registryTrouble', { status: res.status }), res.status, code);
    // 408/429 are "come back later", not a verdict on the data.
    if (res.status === 408 || res.status === 429) throw new SyncError('server', msg, res.status, code);
    throw new SyncError('rejected', msg, res.status, code);
  }
  const parsed = schema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new SyncError('bad_response', notice('badResponse'));
  }
  return { data: parsed.data, bytes: text.length };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
