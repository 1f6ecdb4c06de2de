// Checks of what a person needs from a sentence on screen, without copying the product's
// wording: it is a whole sentence (no placeholder or message key left), it names the time
// (and the date when it is another day) in the event's time zone, and it is in the UI's
// language. Times and month names come from Intl, not from the product's formatters.
import { expect } from 'vitest';

export type Lang = 'en' | 'de' | 'fr' | 'ru';

/** A finished sentence: no {{placeholder}}, undefined/NaN or raw message key such as 'reason.revoked'. */
export function expectWholeSentence(s: string): void {
  expect(s, s).toMatch(/^\p{Lu}.*[.!?)]$/su);
  expect(s, s).not.toMatch(/\{\{|\}\}|\bundefined\b|\bNaN\b|\b[a-z]+\.[a-z]+[A-Z]\w*\b/);
}

/** 24-hour clock time of `ms` in `timeZone`, e.g. "09:14". */
export function clockTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}

/** The day of the month and the month's short name in `lang`, e.g. ['18', 'avr.']. */
export function dayAndMonth(ms: number, timeZone: string, lang: Lang): [string, string] {
  const parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { timeZone, day: 'numeric', month: 'short' }).formatToParts(new Date(ms));
  return [parts.find((p) => p.type === 'day')!.value, parts.find((p) => p.type === 'month')!.value];
}

/** The sentence says when: the clock time, and the date unless `today`. */
export function expectSaysWhen(s: string, ms: number, timeZone: string, lang: Lang, today: boolean): void {
  expect(s).toContain(clockTime(ms, timeZone));
  const [day, month] = dayAndMonth(ms, timeZone, lang);
  if (today) expect(s).not.toContain(month);
  else {
    expect(s).toMatch(new RegExp(`(^|\\D)${day}(\\D|$)`));
    expect(s.toLowerCase()).toContain(month.toLowerCase().replace(/\.$/, ''));
  }
}

/**
 * The same sentence in every language: each one is a whole sentence, no two languages read the
 * same (nothing left untranslated), and Russian is written in Cyrillic.
 */
export function expectTranslated(byLang: Record<Lang, string>): void {
  for (const s of Object.values(byLang)) expectWholeSentence(s);
  expect(new Set(Object.values(byLang)).size, JSON.stringify(byLang)).toBe(Object.keys(byLang).length);
  expect(byLang.ru).toMatch(/\p{Script=Cyrillic}{3}/u);
}

/**
 * The station's own (English) sentence for a revoked badge: when it happened (event time zone)
 * and the way forward — a new badge after a reprint, the help desk when it was withdrawn.
 */
export function expectRevokedSentence(s: string, revokedAt: number, timeZone: string, kind: 'reprint' | 'withdrawn'): void {
  expectWholeSentence(s);
  expectSaysWhen(s, revokedAt, timeZone, 'en', false);
  if (kind === 'reprint') expect(s).toMatch(/reprint.*new badge/i);
  else {
    expect(s).toMatch(/withdrawn.*help desk/i);
    expect(s).not.toMatch(/reprint/i);
  }
}
