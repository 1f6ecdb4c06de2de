// Words the station writes itself, in the language of the desk that asked (exports: the day
// report PDF, CSV headers): the same i18next catalog the renderer merges into its own, so a
// category or room-state name is written once for both.
import i18next from 'i18next';
import { shared as de } from './de';
import { shared as en } from './en';
import { shared as fr } from './fr';
import { LANGUAGES, LOCALES, type Language } from './languages';
import { shared as ru } from './ru';

export { LANGUAGES, LOCALES, type Language };
export const sharedFiles = { en, de, fr, ru } as const;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;
/** Every key of a catalog, as t() asks for it ('rooms.flagged' for rooms.flagged_one/_other). */
export type KeysOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : KeysOf<T[K], `${P}${K}.`>;
}[keyof T & string];
export type SharedKey = KeysOf<typeof en>;

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: sharedFiles[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // PDF and CSV are not HTML
});

export interface Words {
  lang: Language;
  locale: string;
  t(key: SharedKey, params?: Record<string, string | number>): string;
  /** Whether `key` names a sentence (a plural key counts by its base name). */
  has(key: string): boolean;
}

/** The shared words in one language (English when none or an unknown one is asked for). */
export function wordsFor(lang: Language | undefined): Words {
  const l = lang && LANGUAGES.includes(lang) ? lang : 'en';
  const fixed = i18n.getFixedT(l);
  return { lang: l, locale: LOCALES[l], t: (key, params) => fixed(key, params ?? {}) as string, has: (key) => i18n.exists(key, { lng: l }) || i18n.exists(key, { lng: l, count: 2 }) };
}
