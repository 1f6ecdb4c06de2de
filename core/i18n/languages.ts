// The four languages Foyer speaks, the locale each formats numbers and dates in, and the
// shape of a word file (nested sections of strings, {{placeholders}} as in i18next).
export const LANGUAGES = ['en', 'de', 'fr', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Locale for numbers and dates in each language (Austrian German: the first venue is in Vienna). */
export const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-AT', fr: 'fr-FR', ru: 'ru-RU' };

/** What a word file holds: sections of words, nested. */
export type Catalog = { readonly [key: string]: string | Catalog };
