// The station's words in the desk's language. A station sends what it says as a notice (a key of
// the shared `station` section and its parameters, core/api/notice.ts) beside its English
// sentence; errors carry a notice or at least a code. The English sentence is shown only for
// what this renderer does not know (a newer station), never for what it can say itself.
import type { Notice } from '../../../core/api/notice';
import { ApiCallError } from '../../../core/api/index';
import { hasMessage, t } from './index';

const MAX_SENTENCES = 3;

/** A notice in the desk's language, or null when this renderer does not know its words. */
function said(n: Notice | null | undefined, depth = 0): string | null {
  if (!n || typeof n.key !== 'string' || depth >= MAX_SENTENCES) return null;
  const key = `station.${n.key}`;
  const params = n.params && typeof n.params === 'object' ? n.params : undefined;
  if (!hasMessage(key, params)) return null;
  const first = t(key, params);
  if (!n.then) return first;
  const then = said(n.then, depth + 1);
  return then === null ? null : `${first} ${then}`;
}

/** What the station said, in the desk's language when it sent a notice this renderer knows. */
export function stationText(x: { message: string | null; notice?: Notice | null }): string {
  return said(x.notice) ?? x.message ?? '';
}

/** A failed call in the desk's language: its notice, else its code's sentence, else the station's. */
export function errorText(err: unknown): string {
  if (!(err instanceof ApiCallError)) return t('errors.unexpected');
  const byCode = `errorsByCode.${err.error.code}`;
  return said(err.error.notice) ?? (hasMessage(byCode) ? t(byCode) : err.message);
}
