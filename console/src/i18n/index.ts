// The console's languages (English, Deutsch, Français, Русский) through i18next, set up as the
// station's screens are (renderer/src/i18n): one word file per page group per language
// (catalog.ts), bundled and initialised synchronously so t() works at module load. The language
// is this browser's choice (kept in localStorage), else the browser's own; names of people,
// rooms and stations are never translated. App re-renders everything on a change (useLanguage).
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { LANGUAGES, LOCALES, type KeysOf, type Language } from '../../../core/i18n';
import { resources, type English } from './catalog';

export type MessageKey = KeysOf<English>;
export { LANGUAGES, resources, type Language };

const KEY = 'foyer.console.language';

function stored(): Language | null {
  try {
    const v = localStorage.getItem(KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language {
  if (typeof navigator === 'undefined') return 'en';
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0] as Language;
    if ((LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])),
  lng: (typeof localStorage !== 'undefined' && stored()) || browserLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text itself; escaping here would show &amp; in names.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return i18n.t(key, params ?? {}) as string;
}

/** True when `key` exists, as a word or as plural forms (keys built from data: error codes, problem codes). */
export function hasMessage(key: string): key is MessageKey {
  return i18n.exists(key, { lng: 'en' }) || i18n.exists(`${key}_other`, { lng: 'en' });
}

export function currentLanguage(): Language {
  return (i18n.language as Language) ?? 'en';
}

export function locale(): string {
  return LOCALES[currentLanguage()] ?? 'en-GB';
}

const listeners = new Set<() => void>();
i18n.on('languageChanged', () => {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage();
  for (const l of listeners) l();
});
if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage();

export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    // storage blocked: the choice lasts until the page is closed
  }
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
