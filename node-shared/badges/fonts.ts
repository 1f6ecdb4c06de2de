// Which shipped font draws which character. The Noto fonts come from @fontsource
// packages (SIL Open Font License 1.1), split by Unicode subset; each package's
// unicode.json says which file covers which code points, so a name in any mix of
// scripts is drawn from the right files (no system fonts needed on any OS).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const req = typeof require === 'function' ? require : createRequire(import.meta.url);

export interface Face {
  /** Unique name to register with the PDF writer. */
  name: string;
  file: string;
  ranges: [number, number][];
}

export type Weight = 400 | 700;
type Cjk = 'jp' | 'kr' | 'sc';

// Order matters: the first face whose ranges hold a character draws it.
const SCRIPT_FAMILIES: { pkg: string; subsets: string[] }[] = [
  { pkg: 'noto-sans', subsets: ['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'devanagari'] },
  { pkg: 'noto-sans-arabic', subsets: ['arabic'] },
  { pkg: 'noto-sans-hebrew', subsets: ['hebrew'] },
  { pkg: 'noto-sans-thai', subsets: ['thai'] },
  { pkg: 'noto-sans-georgian', subsets: ['georgian'] },
  { pkg: 'noto-sans-armenian', subsets: ['armenian'] },
];

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b ? parseInt(b, 16) : lo] as [number, number];
  });
}

function packageDir(pkg: string): string {
  return path.dirname(req.resolve(`@fontsource/${pkg}/unicode.json`));
}

function facesOf(pkg: string, subsets: string[] | 'numbered', weight: Weight): Face[] {
  const dir = packageDir(pkg);
  const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const names = subsets === 'numbered' ? Object.keys(unicode).filter((k) => /^\[\d+\]$/.test(k)) : subsets.filter((s) => s in unicode);
  return names.map((subset) => {
    const id = subset.replace(/[[\]]/g, '');
    return {
      name: `${pkg}-${id}-${weight}`,
      file: path.join(dir, 'files', `${pkg}-${id}-${weight}-normal.woff`),
      ranges: parseRanges(unicode[subset]!),
    };
  });
}

const cache = new Map<string, Face[]>();

function faces(weight: Weight, cjk: Cjk): Face[] {
  const key = `${weight}-${cjk}`;
  let list = cache.get(key);
  if (!list) {
    const order: Cjk[] = [cjk, ...(['jp', 'kr', 'sc'] as Cjk[]).filter((x) => x !== cjk)];
    list = [
      ...SCRIPT_FAMILIES.flatMap((f) => facesOf(f.pkg, f.subsets, weight)),
      ...order.flatMap((c) => facesOf(`noto-sans-${c}`, 'numbered', weight)),
    ];
    cache.set(key, list);
  }
  return list;
}

/**
 * Han characters are drawn differently in Japanese, Korean and Chinese: a name with
 * kana is Japanese, with Hangul Korean; otherwise the attendee's country decides.
 */
export function cjkPreference(text: string, country: string): Cjk {
  if (/[\u3040-\u30ff]/.test(text)) return 'jp';
  if (/[\uac00-\ud7af\u1100-\u11ff]/.test(text)) return 'kr';
  if (country === 'JP') return 'jp';
  if (country === 'KR') return 'kr';
  return 'sc';
}

export interface FontPicker {
  faceFor(codePoint: number): Face;
}

const pickers = new Map<string, FontPicker>();

/** One shared picker per weight and CJK preference: its per-character memo lasts the process. */
export function fontPicker(weight: Weight, cjk: Cjk): FontPicker {
  const key = `${weight}-${cjk}`;
  let p = pickers.get(key);
  if (!p) pickers.set(key, (p = makePicker(weight, cjk)));
  return p;
}

function makePicker(weight: Weight, cjk: Cjk): FontPicker {
  const list = faces(weight, cjk);
  const memo = new Map<number, Face>();
  const fallback = list[0]!;
  return {
    faceFor(cp) {
      let f = memo.get(cp);
      if (!f) {
        f = list.find((x) => x.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) ?? fallback;
        memo.set(cp, f);
      }
      return f;
    },
  };
}
