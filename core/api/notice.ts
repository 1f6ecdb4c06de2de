// Words a station sends its renderer — pairing and sync results, the sync status line, the
// "forget this event" result, refusals — as a key of the shared catalog (core/i18n, section
// `station`) and its parameters, so the renderer says them in the desk's language. The English
// `message` sent beside a notice is written from the same catalog (logs, the CLI, tests, and a
// renderer that does not know the key yet): each sentence exists once.
import { wordsFor, type SharedKey } from '../i18n';

export type NoticeKey = SharedKey extends infer K ? (K extends `station.${infer N}` ? N : never) : never;
export type NoticeParams = Record<string, string | number>;

export interface Notice {
  key: NoticeKey;
  params?: NoticeParams;
  /** A second sentence said after this one (e.g. "… deleted." then "ask the operator to revoke …"). */
  then?: Notice;
}

/** Whether `key` is a sentence of the catalog's `station` section. */
export function isNoticeKey(key: string): key is NoticeKey {
  return wordsFor('en').has(`station.${key}`);
}

export function notice(key: NoticeKey, params?: NoticeParams, then?: Notice): Notice {
  return { key, ...(params ? { params } : {}), ...(then ? { then } : {}) };
}

/** "This station's clock is N minutes behind/ahead of the registry" (skew = registry − station). */
export function clockNotice(skewMs: number): Notice {
  return notice(skewMs > 0 ? 'clockBehind' : 'clockAhead', { count: Math.round(Math.abs(skewMs) / 60_000) });
}

/** The notice as an English sentence (or in `lang`). */
export function noticeText(n: Notice, lang?: Parameters<typeof wordsFor>[0]): string {
  const said = wordsFor(lang).t(`station.${n.key}` as SharedKey, n.params);
  return n.then ? `${said} ${noticeText(n.then, lang)}` : said;
}
