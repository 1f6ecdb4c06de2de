// Turns any failure into a sentence for the person at the station. Stack traces
// go to the log (stderr), never to the screen.
import type { ApiError } from '../core/api';
import { isNoticeKey, notice, noticeText, type Notice, type NoticeKey } from '../core/api/notice';
import { DbOpenError } from '../db/connection';

/**
 * A refusal said to the person at the station (e.g. "not yet synced"). `said` is a key of the
 * catalog's `station` section (with `params`): the renderer says it in the desk's language. An
 * English sentence is accepted too, for words not in the catalog yet: it is shown as it is.
 */
export class UserError extends Error {
  readonly notice: Notice | undefined;
  constructor(
    readonly code: string,
    said: NoticeKey | (string & {}),
    params?: Record<string, string | number>,
  ) {
    const n = isNoticeKey(said) ? notice(said, params) : undefined;
    super(n ? noticeText(n) : said);
    this.notice = n;
  }
}

export function userMessageFor(err: unknown): ApiError {
  if (err instanceof UserError) return { code: err.code, message: err.message, ...(err.notice ? { notice: err.notice } : {}) };
  const code = (err as { code?: string })?.code ?? '';
  if (err instanceof DbOpenError) return { code: 'storage', message: err.message };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return {
      code: 'disk_full',
      message: 'The disk is full: this scan was NOT saved. Free some space (or call the tech desk), then scan again.',
    };
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR') || code === 'EROFS') {
    return {
      code: 'storage',
      message: 'Foyer cannot write to its database: this scan was NOT saved. Call the tech desk.',
    };
  }
  if (code === 'SQLITE_BUSY') {
    return { code: 'busy', message: 'The station database is busy. Scan again in a moment.' };
  }
  console.error('[foyer] unexpected error', err);
  return { code: 'internal', message: 'Something went wrong and nothing was saved. Try again; if it repeats, call the tech desk.' };
}
