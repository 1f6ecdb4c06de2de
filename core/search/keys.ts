// Search keys: how a name is written into the search index and how a typed query
// is read, so that every spelling a volunteer might type meets the registered one.
//
//   Müller = Mueller = MULLER      any-ascii fold + German ue/oe/ae ⇄ ü/ö/ä
//   Łukasz = Lukasz, Ελένη = Eleni any-ascii fold
//   Иванов = Ivanov = Iwanow       every published romanisation of a Cyrillic word is indexed
//   Юлия = Iuliia = Yuliya = Julija = Ioulia = Julia   (core/search/romanize.ts), and the key
//                                  folds y/j→i, x→ks and doubled letters
//   محمد / أحمد / 佐藤花子         native-script tokens (Arabic letter variants unified,
//                                  CJK split into single characters)
//
// Both sides go through the same functions, so the (deliberately lossy) rules only
// ever add matches; ranking (core/search/rank.ts) puts the closest ones first.
// Changing a rule changes stored keys: bump SEARCH_KEY_VERSION and db/search.ts recomputes
// every row on the next start.
import anyAscii from 'any-ascii';
import { hasCyrillic, latinReadingCyrillic, romanisations } from './romanize';

/** The version of the key rules below; stations rebuild their search index when it changes. */
export const SEARCH_KEY_VERSION = 3; // 3: a chosen name is searchable with the given name

/** One word of a name or a query, as the index sees it. Empty when nothing searchable is left. */
export function latinKey(word: string): string {
  return anyAscii(greekDigraphs(word.normalize('NFC')))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .replace(/x/g, 'ks') // Alexei / Aleksei (кс)
    .replace(/([aou])e/g, '$1') // Mueller → muller = Müller (any-ascii turns ü into u)
    .replace(/[ck]h/g, 'h') // Zachariou / Zahariou, Khrushchev / Hrushchev
    .replace(/ph/g, 'f') // Philippos / Filippos
    .replace(/[yj]/g, 'i') // the glide: Yuliya / Iuliia / Julija, Dmitriy / Dmitrii, Sergej / Sergei
    .replace(/([a-z])\1+/g, '$1'); // Matthias = Mathias, Weiss = Weis, Iuliia = Iulia
}

// any-ascii reads Greek letter by letter (Παπαδόπουλος → Papadopoylos); passports and
// people write the digraphs as sounds (Papadopoulos, Evangelos, Bakoyianni, Dora).
const GREEK_DIGRAPHS: [RegExp, string][] = [
  [/ου/g, 'ou'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
  [/ηυ/g, 'iv'],
  [/γγ/g, 'ng'],
  [/γκ/g, 'g'],
  [/γξ/g, 'nx'],
  [/γχ/g, 'nch'],
  [/^μπ/g, 'b'],
  [/μπ/g, 'mb'],
  [/^ντ/g, 'd'],
  [/ντ/g, 'nt'],
];

function greekDigraphs(word: string): string {
  if (!/\p{Script=Greek}/u.test(word)) return word;
  let w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const [re, to] of GREEK_DIGRAPHS) w = w.replace(re, to);
  return w;
}

// Scripts whose names volunteers may type natively: a native token is kept beside
// the Latin key so "محمد" finds محمد, not every name whose transliteration starts with m.
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
// Written without spaces between characters: each character becomes its own token.
const SPLIT_CHARS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
// Combining marks that vary between spellings of the same name: Greek/Cyrillic accents
// (after NFD), Arabic harakat and tatweel, Hebrew niqqud.
const VARIANT_MARKS = /[\u0300-\u036f\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05c7]/g;
const ARABIC_LETTERS: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ؤ': 'و', 'ئ': 'ي', 'ك': 'ك', 'ی': 'ي', 'ک': 'ك' };

/** Native-script tokens of a word (none for Latin-script words). */
export function nativeTokens(word: string): string[] {
  if (!NON_LATIN.test(word)) return [];
  const cleaned = word
    .normalize('NFD')
    .replace(VARIANT_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[أإآٱةىؤئیک]/g, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(SPLIT_CHARS, ' $1 ');
  return cleaned
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((t) => t.length > 0 && NON_LATIN.test(t));
}

/**
 * Splits text into the words a person would type separately. Apostrophes join
 * (O'Brien → OBrien); hyphens and spaces separate, but a hyphenated word is also
 * kept whole (Anna-Lena finds "annalena" and "anna lena").
 */
export function words(text: string, keepJoined = true): string[] {
  const out: string[] = [];
  for (const w of text.normalize('NFC').replace(/['’ʼ`´]/g, '').split(/[\s,;:/()[\]{}"“”„«»|.]+/u)) {
    if (!w) continue;
    const parts = w.split(/[-‐‑–—_]+/).filter(Boolean);
    out.push(...parts);
    if (keepJoined && parts.length > 1) out.push(parts.join(''));
  }
  return out;
}

// Names, organisations and delegations repeat a lot across an attendee list (and the
// folding costs ~10 µs per word): remember recent fields. Bounded, so it cannot grow.
const FIELD_CACHE_MAX = 20_000;
const fieldCache = new Map<string, string>();

/** All index tokens of a field (Latin keys first, then native tokens), space-separated. */
export function fieldTokens(text: string): string {
  let out = fieldCache.get(text);
  if (out === undefined) {
    out = computeFieldTokens(text);
    if (fieldCache.size >= FIELD_CACHE_MAX) fieldCache.clear();
    fieldCache.set(text, out);
  }
  return out;
}

function computeFieldTokens(text: string): string {
  const seen = new Set<string>();
  for (const w of words(text)) for (const k of keysOfWord(w)) seen.add(k);
  return [...seen].join(' ');
}

/** Every key the index holds for one word: its Latin key, its romanisations' keys, its native tokens. */
function keysOfWord(w: string): string[] {
  const out = new Set<string>();
  const k = latinKey(w);
  if (k) out.add(k);
  // A Cyrillic name is found by its spelling in every romanisation system, not only any-ascii's.
  if (hasCyrillic(w)) for (const r of romanisations(w)) {
    const rk = latinKey(r);
    if (rk) out.add(rk);
  }
  for (const n of nativeTokens(w)) out.add(n);
  return [...out];
}

/**
 * The words of a name, each with every key the search index holds for it ("Юлия Соколова" →
 * [[iulia, …], [sokolova, …]]): two spellings of a word are the same word when their keys meet.
 * Zoom participants are matched to registrations with it (core/hybrid/match.ts), so a name
 * matches there exactly when search would find it.
 */
export function nameWordKeys(text: string): string[][] {
  return words(text, false)
    .map(keysOfWord)
    .filter((k) => k.length > 0);
}

// Scripts with one standard letter-for-letter Latin reading. Arabic, Hebrew (no vowels
// written) and Chinese/Japanese/Korean (readings depend on the language) get none: a wrong
// reading beside a name is worse than none.
const READABLE = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}]/u;

/**
 * The Latin reading shown beside a name written in another alphabet ("Юлия Соколова" →
 * "Iuliia Sokolova", the passport spelling); null for a Latin name or a script without one.
 */
export function latinReading(text: string): string | null {
  if (!READABLE.test(text)) return null;
  const out = latinReadingCyrillic(text).replace(/[\p{L}\p{M}]+/gu, (w) => {
    if (!READABLE.test(w)) return w;
    const r = anyAscii(greekDigraphs(w.normalize('NFC')));
    const first = [...w][0]!;
    return first !== first.toLowerCase() ? r.charAt(0).toUpperCase() + r.slice(1) : r.toLowerCase();
  });
  return out === text ? null : out;
}

export interface SearchFields {
  givenName: string;
  familyName: string;
  organisation: string;
  delegation: string;
  /** What a protected person goes by (docs/safeguarding.md): found like a given name. */
  chosenName?: string;
}

/**
 * The attendee's `search_text` column: family | given (and chosen) | organisation + delegation.
 * The desk finds a protected person by the name they go by as well as by their legal name.
 * SQL triggers split it into the FTS5 columns (db/migrations/*_search_fts.sql),
 * so any writer that keeps this column right keeps the index right.
 */
export function encodeSearchText(a: SearchFields): string {
  const given = a.chosenName ? `${a.givenName} ${a.chosenName}` : a.givenName;
  return [fieldTokens(a.familyName), fieldTokens(given), fieldTokens(`${a.organisation} ${a.delegation}`)].join('|');
}

export function decodeSearchText(s: string): { family: string[]; given: string[]; org: string[] } {
  const [family = '', given = '', org = ''] = s.split('|');
  const split = (x: string) => x.split(' ').filter(Boolean);
  return { family: split(family), given: split(given), org: split(org) };
}

/**
 * One typed word. It matches when every token of one of its alternatives matches
 * (alternatives: its Latin key, a spelling still being typed, its native tokens).
 */
export interface QueryWord {
  raw: string;
  alts: string[][];
}

const MAX_WORDS = 6;
const TRANSLITERABLE = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Common}\p{Script=Inherited}]+$/u;

/**
 * The key rules fold some letter pairs (ch → h, ph → f); a word that stops halfway
 * through such a pair ("Sc" on the way to "Schröder") must still match as a prefix.
 */
function unfinished(key: string): string[] {
  const last = key.at(-1);
  if (last === 'c' || last === 'k') return [`${key.slice(0, -1)}h`];
  if (last === 'p') return [`${key.slice(0, -1)}f`];
  return [];
}

export function parseQuery(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  // The parts of a hyphenated query word are enough to match (the index has both forms).
  for (const raw of words(query.slice(0, 200), false)) {
    // "Иванов" must find "Ivanov"; but "محمد" or "佐藤" typed natively mean exactly that,
    // not every Latin name whose key starts like their transliteration.
    const latin = TRANSLITERABLE.test(raw) ? latinKey(raw) : '';
    const native = nativeTokens(raw);
    // 佐藤花子 is typed without spaces: each character is a word of its own, so the
    // family name (佐藤) and the given name (花子) are scored where they belong.
    const ws: QueryWord[] =
      !latin && native.length > 1
        ? native.map((n) => ({ raw: n, alts: [[n]] }))
        : [{ raw, alts: [...(latin ? [[latin], ...unfinished(latin).map((k) => [k])] : []), ...(native.length ? [native] : [])] }];
    for (const w of ws) {
      const id = w.alts.map((a) => a.join(' ')).join('|');
      if (w.alts.length === 0 || seen.has(id)) continue;
      seen.add(id);
      out.push(w);
    }
  }
  return out.slice(0, MAX_WORDS);
}
