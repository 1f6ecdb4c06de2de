// How Cyrillic names are written in Latin letters — on passports, visas, maps, badges and in
// the press — so that a volunteer typing any of those spellings finds the person registered
// in Cyrillic, and the desk can show the Latin reading beside a Cyrillic name.
//
// Each column is one published system, letter by letter:
//   icao   ICAO Doc 9303 Part 3 (machine-readable passports; Russian passports since 2014,
//          Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian letters included): Iuliia
//   bgn    BGN/PCGN (1947, Russian; Serbian/Macedonian letters from the BGN tables): Yuliya
//   gost   GOST 7.79-2000 System B (ASCII only; Russia's bibliographic standard): Yuliya
//   iso    ISO 9:1995 = GOST 7.79 System A (one letter for one letter, diacritics): Ûliâ
//   de     German (Duden; German press and German-issued documents): Julija, Chruschtschow
//   fr     French (French press; Soviet passports before 1997 followed it): Ioulia, Khrouchtchev
//   uk     Ukrainian national system (Cabinet of Ministers resolution 55, 2010): Hryhorii
//   lat    Serbian/Macedonian official Latin (Gaj's alphabet): Đoković, Šćepanović
// "a|b": a in general, b at the start of a word and after a vowel, ъ or ь (iotated vowels).
// Popular English spellings (Yuri, Natalya, Dmitry, Alexei) are BGN's with the small
// differences that search keys already fold (y/i/j, doubled letters, x/ks: core/search/keys.ts).
const SYSTEMS = ['icao', 'bgn', 'gost', 'iso', 'de', 'fr', 'uk', 'lat'] as const;
type System = (typeof SYSTEMS)[number];

// prettier-ignore
const LETTERS: Record<string, readonly [string, string, string, string, string, string, string, string]> = {
  //     icao     bgn      gost    iso   de          fr        uk        lat
  'а': ['a',     'a',     'a',    'a',  'a',        'a',      'a',      'a'],
  'б': ['b',     'b',     'b',    'b',  'b',        'b',      'b',      'b'],
  'в': ['v',     'v',     'v',    'v',  'w',        'v',      'v',      'v'],
  'г': ['g',     'g',     'g',    'g',  'g',        'g',      'h',      'g'],
  'ґ': ['g',     'g',     "g'",   'g̀',  'g',        'g',      'g',      'g'],
  'д': ['d',     'd',     'd',    'd',  'd',        'd',      'd',      'd'],
  'ђ': ['d',     'dj',    'dj',   'đ',  'dj',       'dj',     'dj',     'đ'],
  'ѓ': ['g',     'gj',    "g'",   'ǵ',  'gj',       'gj',     'gj',     'ǵ'],
  'е': ['e',     'e|ye',  'e',    'e',  'e|je',     'e',      'e',      'e'],
  'ё': ['e',     'e|ye',  'yo',   'ë',  'jo',       'io',     'io|yo',  'e'],
  'є': ['ie',    'ye',    'ye',   'ê',  'je',       'ie',     'ie|ye',  'je'],
  'ж': ['zh',    'zh',    'zh',   'ž',  'sch',      'j',      'zh',     'ž'],
  'з': ['z',     'z',     'z',    'z',  's',        'z',      'z',      'z'],
  'ѕ': ['dz',    'dz',    'dz',   'ẑ',  'dz',       'dz',     'dz',     'dz'],
  'и': ['i',     'i',     'i',    'i',  'i',        'i',      'y',      'i'],
  'і': ['i',     'i',     'i',    'ì',  'i',        'i',      'i',      'i'],
  'ї': ['i',     'yi',    'yi',   'ï',  'ji',       'ï',      'i|yi',   'ji'],
  'й': ['i',     'y',     'j',    'j',  'i',        'ï',      'i|y',    'j'],
  'ј': ['j',     'j',     'j',    'ǰ',  'j',        'j',      'j',      'j'],
  'к': ['k',     'k',     'k',    'k',  'k',        'k',      'k',      'k'],
  'л': ['l',     'l',     'l',    'l',  'l',        'l',      'l',      'l'],
  'љ': ['lj',    'lj',    'lj',   'l̂',  'lj',       'lj',     'lj',     'lj'],
  'м': ['m',     'm',     'm',    'm',  'm',        'm',      'm',      'm'],
  'н': ['n',     'n',     'n',    'n',  'n',        'n',      'n',      'n'],
  'њ': ['nj',    'nj',    'nj',   'n̂',  'nj',       'nj',     'nj',     'nj'],
  'о': ['o',     'o',     'o',    'o',  'o',        'o',      'o',      'o'],
  'п': ['p',     'p',     'p',    'p',  'p',        'p',      'p',      'p'],
  'р': ['r',     'r',     'r',    'r',  'r',        'r',      'r',      'r'],
  'с': ['s',     's',     's',    's',  's',        's',      's',      's'],
  'т': ['t',     't',     't',    't',  't',        't',      't',      't'],
  'ќ': ['k',     'kj',    "k'",   'ḱ',  'kj',       'kj',     'kj',     'ḱ'],
  'ћ': ['c',     'ć',     "c'",   'ć',  'tsch',     'tch',    'ch',     'ć'],
  'у': ['u',     'u',     'u',    'u',  'u',        'ou',     'u',      'u'],
  'ў': ['u',     'w',     "u'",   'ŭ',  'w',        'ou',     'u',      'u'],
  'ф': ['f',     'f',     'f',    'f',  'f',        'f',      'f',      'f'],
  'х': ['kh',    'kh',    'x',    'h',  'ch',       'kh',     'kh',     'h'],
  'ц': ['ts',    'ts',    'cz',   'c',  'z',        'ts',     'ts',     'c'],
  'ч': ['ch',    'ch',    'ch',   'č',  'tsch',     'tch',    'ch',     'č'],
  'џ': ['dz',    'dž',    'dh',   'd̂',  'dsch',     'dj',     'dzh',    'dž'],
  'ш': ['sh',    'sh',    'sh',   'š',  'sch',      'ch',     'sh',     'š'],
  'щ': ['shch',  'shch',  'shh',  'ŝ',  'schtsch',  'chtch',  'shch',   'šč'],
  'ъ': ['ie',    '',      '',     '',   '',         '',       '',       ''],
  'ы': ['y',     'y',     "y'",   'y',  'y',        'y',      'y',      'y'],
  'ь': ['',      '',      '',     '',   '',         '',       '',       ''],
  'э': ['e',     'e',     "e'",   'è',  'e',        'e',      'e',      'e'],
  'ю': ['iu',    'yu',    'yu',   'û',  'ju',       'iou',    'iu|yu',  'ju'],
  'я': ['ia',    'ya',    'ya',   'â',  'ja',       'ia',     'ia|ya',  'ja'],
};

const VOWELS = new Set([...'аеёиоуыэюяєіїў']);
const SOFTENERS = new Set(['ъ', 'ь']);
const SIBILANTS = new Set([...'жчшщ']);
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** True when `text` has a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** `word` written in one system; letters outside the table (Latin, digits) are kept. */
export function romanize(word: string, system: System): string {
  const col = SYSTEMS.indexOf(system);
  const lower = word.normalize('NFC').toLowerCase();
  let out = '';
  let prev = '';
  for (const ch of lower) {
    const row = LETTERS[ch];
    if (!row) {
      out += ch;
      prev = ch;
      continue;
    }
    const [plain, iotated = plain] = row[col]!.split('|') as [string, string?];
    const afterVowel = prev === '' || VOWELS.has(prev) || SOFTENERS.has(prev) || !LETTERS[prev];
    // Duden: ё after ж, ч, ш, щ is plain o (Chruschtschow, Gorbatschow).
    if (system === 'de' && ch === 'ё' && SIBILANTS.has(prev)) out += 'o';
    else out += afterVowel ? iotated : plain;
    prev = ch;
  }
  return out;
}

/** The distinct spellings of a Cyrillic word in every system (none for a word without Cyrillic). */
export function romanisations(word: string): string[] {
  if (!hasCyrillic(word)) return [];
  // Russian writes ё as е more often than not (Хрущев, Горбачев): spellings of both count.
  const forms = /ё/iu.test(word) ? [word, word.replace(/ё/g, 'е').replace(/Ё/g, 'Е')] : [word];
  return [...new Set(forms.flatMap((f) => SYSTEMS.map((s) => romanize(f, s))))];
}

/**
 * The Latin reading shown beside a Cyrillic name: the passport spelling (ICAO 9303), which is
 * what the person's passport or ID shows at the desk. Word capitals follow the original.
 */
export function latinReadingCyrillic(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (w) => {
    if (!hasCyrillic(w)) return w;
    const r = romanize(w, 'icao');
    const first = [...w][0]!;
    return first !== first.toLowerCase() ? r.charAt(0).toUpperCase() + r.slice(1) : r;
  });
}
