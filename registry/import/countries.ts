// Country text from registration systems → ISO 3166-1 alpha-2, through maintained data:
// i18n-iso-countries (names and aliases in 78 languages, alpha-3 codes) and the platform's
// CLDR region names (Intl.DisplayNames — the same data Indico's babel and pretix's
// django-countries draw from). Names are matched accent-, case- and punctuation-blind.
import countries from 'i18n-iso-countries';

/**
 * Languages whose CLDR region names are added: every language i18n-iso-countries has, plus the
 * national languages of OSCE participating States it lacks (Luxembourgish, Romansh, Faroese,
 * Swiss German, Montenegrin).
 */
const CLDR_LANGS = [...countries.getSupportedLanguages(), 'lb', 'rm', 'fo', 'gsw', 'cnr'];

/**
 * Words of official long forms ("Kyrgyz Republic", "Монгол Улс", "the former Yugoslav Republic
 * of Macedonia") that short names leave out; tried only when the whole name is not known.
 */
const OFFICIAL_WORDS =
  /(?<!\p{L})(the|former yugoslav|republic|republik|republique|republica|republiek|republiken|kingdom|konigreich|royaume|principality|furstentum|grand duchy|state|federation|federal|united|of|de|du|la|le|des|der|von|di|del|республика|королевство|федерация|улс)(?!\p{L})/gu;

let index: Map<string, string> | null = null;

/** Folds a country name for comparison: 'Türkiye' ≈ 'turkiye', 'Bosnia & Herzegovina' ≈ 'bosnia and herzegovina'. */
export function foldCountry(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’'`´]/g, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

function buildIndex(): Map<string, string> {
  const m = new Map<string, string>();
  const add = (name: string, code: string) => {
    const k = foldCountry(name);
    if (k && !m.has(k)) m.set(k, code);
  };
  const codes = Object.keys(countries.getAlpha2Codes());
  // English first, so a name that means different countries in two languages keeps its English sense.
  for (const lang of ['en', ...CLDR_LANGS.filter((l) => l !== 'en')]) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) for (const n of names) add(n, code);
    let dn: Intl.DisplayNames | null = null;
    try {
      dn = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    } catch {
      dn = null;
    }
    if (dn) for (const code of codes) {
      const n = dn.of(code);
      if (n) add(n, code);
    }
  }
  return m;
}

/** Alpha-2, alpha-3 or a country name in any supported language → alpha-2; null when unknown. */
export function toCountryCode(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (/^[A-Za-z]{2}$/.test(t) && countries.isValid(t.toUpperCase())) return t.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(t)) {
    const a2 = countries.alpha3ToAlpha2(t.toUpperCase());
    if (a2) return a2;
  }
  index ??= buildIndex();
  const folded = foldCountry(t);
  const exact = index.get(folded);
  if (exact) return exact;
  // UN style: "Iran (Islamic Republic of)", "Bolivia (Plurinational State of)".
  const bare = t.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (bare !== t && bare) return toCountryCode(bare);
  const core = folded.replace(OFFICIAL_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (core.length < 4) return null;
  const hit = index.get(core);
  if (hit) return hit;
  // A short form of a known name ("kyrgyz" → Kyrgyzstan) or an inflected one ("shqiperia" →
  // Shqipëri): accepted only when every candidate means the same country.
  const found = new Set<string>();
  for (const [k, code] of index) {
    if (k.startsWith(core) || (k.length >= 5 && core.startsWith(k) && core.length - k.length <= 2)) found.add(code);
    if (found.size > 1) return null;
  }
  return found.size === 1 ? [...found][0]! : null;
}
