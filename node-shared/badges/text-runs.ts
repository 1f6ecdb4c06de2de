// Splits one line of text into runs a PDF writer can draw left to right: each run
// has one font (fontkit shapes it, joining Arabic letters) and one bidi level; the
// runs are put in visual order by the Unicode Bidirectional Algorithm (bidi-js,
// UAX #9 rule L2). fontkit reverses runs in a right-to-left script itself, so only
// right-to-left runs of neutral characters (spaces, punctuation) are reversed here.
import bidiFactory from 'bidi-js';
import type { Face, FontPicker } from './fonts';

const bidi = bidiFactory();
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

export interface Run {
  face: Face;
  text: string;
  level: number;
}

export function visualRuns(text: string, picker: FontPicker): Run[] {
  if (!text) return [];
  const { levels } = bidi.getEmbeddingLevels(text, 'auto');
  const runs: Run[] = [];
  let i = 0;
  for (const ch of text) {
    const face = picker.faceFor(ch.codePointAt(0)!);
    const level = levels[i]!;
    const last = runs[runs.length - 1];
    if (last && last.face === face && last.level === level) last.text += ch;
    else runs.push({ face, text: ch, level });
    i += ch.length;
  }
  // L2: from the highest level down to the lowest odd one, reverse every maximal sequence at or above it.
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let lvl = max; lvl >= minOdd && lvl > 0; lvl--) {
    let k = 0;
    while (k < runs.length) {
      if (runs[k]!.level < lvl) {
        k++;
        continue;
      }
      let e = k;
      while (e < runs.length && runs[e]!.level >= lvl) e++;
      runs.splice(k, e - k, ...runs.slice(k, e).reverse());
      k = e;
    }
  }
  return runs.map((r) =>
    r.level % 2 === 1 && !RTL_SCRIPT.test(r.text) ? { ...r, text: [...r.text].reverse().map(mirror).join('') } : r,
  );
}

function mirror(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}
