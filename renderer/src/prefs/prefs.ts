// This desk's display preferences (language, theme, sound), kept in localStorage so
// they survive a reload or restart. Nothing here is personal data.
import { useSyncExternalStore } from 'react';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';

export { LANGUAGES, type Language };
export type Theme = 'light' | 'dark';
export interface Prefs {
  /** null = follow the browser/OS language. */
  language: Language | null;
  /** null = follow prefers-color-scheme. */
  theme: Theme | null;
  muted: boolean;
}

const KEY = 'foyer.prefs';
const DEFAULTS: Prefs = { language: null, theme: null, muted: false };
const LANGS: readonly Language[] = LANGUAGES;

function read(): Prefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    return {
      language: LANGS.includes(raw.language as Language) ? (raw.language as Language) : null,
      theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : null,
      muted: raw.muted === true,
    };
  } catch {
    return DEFAULTS; // storage blocked or garbage: defaults, never a crash
  }
}

let current = read();
const listeners = new Set<() => void>();

export function getPrefs(): Prefs {
  return current;
}

export function setPrefs(change: Partial<Prefs>): void {
  current = { ...current, ...change };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Not persisted (private mode): still applies for this session.
  }
  for (const l of listeners) l();
}

export function subscribePrefs(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function usePrefs(): Prefs {
  return useSyncExternalStore(subscribePrefs, getPrefs);
}

/** The first supported language the browser asks for, else English. */
export function browserLanguage(): Language {
  if (typeof navigator === 'undefined') return 'en';
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0] as Language;
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}
