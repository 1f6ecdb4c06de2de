// The renderer's languages (English, Deutsch, Français, Русский) through i18next, for every
// screen: t('scan.label'), t('rooms.flagged', { count: 3 }). The words live in one file per
// screen per language (catalog.ts); they are bundled and initialised synchronously, so t()
// works at module load and in tests. The language is this desk's choice (prefs), else the
// browser's; names of people are never translated. Components re-render on a change because App listens (useLanguage).
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { browserLanguage, getPrefs, setPrefs, type Language } from '../prefs/prefs';
import { LOCALES, type KeysOf } from '../../../core/i18n';
import { resources, type English } from './catalog';

/** Every key as t() asks for it: 'rooms.flagged' for rooms.flagged_one and rooms.flagged_other. */
export type MessageKey = KeysOf<English>;
export { resources };

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])),
  lng: getPrefs().language ?? browserLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text itself; escaping here would show &amp; in names.
  interpolation: { escapeValue: false },
  returnNull: false,
});
syncDocumentLanguage();

function syncDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage();
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return i18n.t(key, params ?? {}) as string;
}

/** A message in a given language, whatever this desk's language (the kiosk's four-language notices). */
export function tIn(lng: Language, key: MessageKey): string {
  return i18n.t(key, { lng }) as string;
}

/** True when `key` exists (for keys built from data, e.g. reason codes); a plural key exists for a `count`. */
export function hasMessage(key: string, params?: { count?: unknown }): key is MessageKey {
  const count = typeof params?.count === 'number' ? params.count : undefined;
  return i18n.exists(key, count === undefined ? { lng: 'en' } : { lng: 'en', count });
}

export function currentLanguage(): Language {
  return (i18n.language as Language) ?? 'en';
}

export function locale(): string {
  return LOCALES[currentLanguage()] ?? 'en-GB';
}

const listeners = new Set<() => void>();
i18n.on('languageChanged', () => {
  syncDocumentLanguage();
  for (const l of listeners) l();
});

/** Switches the UI language and remembers it for this desk. */
export function setLanguage(lng: Language): void {
  setPrefs({ language: lng });
  void i18n.changeLanguage(lng);
}

/** Re-renders the caller when the language changes; returns the current language. */
export function useLanguage(): Language {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    currentLanguage,
  );
}

/** Numbers as people at the desk read them (1,200 / 1.200 / 1 200). */
export function formatCount(n: number): string {
  return n.toLocaleString(locale());
}
