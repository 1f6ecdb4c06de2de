// Ranking of search candidates: the family name is what a volunteer asks for first
// ("Müller? Anna Müller"), so an exact family-name word beats a prefix, which beats a
// given name, which beats organisation or delegation. Every typed word must match
// somewhere; the scores of the words add up.
import type { QueryWord } from './keys';

export interface CandidateFields {
  family: string[];
  given: string[];
  org: string[];
}

const WEIGHTS = {
  family: { exact: 100, prefix: 80 },
  given: { exact: 60, prefix: 50 },
  org: { exact: 20, prefix: 15 },
} as const;

/** A typed badge code: exact beats any name, a prefix ranks with a family-name prefix. */
export const CODE_SCORE = { exact: 200, prefix: 80 } as const;

type Level = 'exact' | 'prefix' | null;

function matchLevel(alt: string[], tokens: string[]): Level {
  if (alt.length === 0) return null;
  if (alt.every((a) => tokens.includes(a))) return 'exact';
  if (alt.every((a) => tokens.some((t) => t.startsWith(a)))) return 'prefix';
  return null;
}

function wordScore(w: QueryWord, c: CandidateFields): number {
  let best = 0;
  for (const field of ['family', 'given', 'org'] as const) {
    for (const alt of w.alts) {
      const level = matchLevel(alt, c[field]);
      if (level) best = Math.max(best, WEIGHTS[field][level]);
    }
  }
  return best;
}

/** 0 when some word matches nowhere (the candidate is not a hit). */
export function scoreCandidate(words: QueryWord[], c: CandidateFields): number {
  let total = 0;
  for (const w of words) {
    const s = wordScore(w, c);
    if (s === 0) return 0;
    total += s;
  }
  return total;
}

export interface Ranked {
  id: string;
  score: number;
  /** Tie-breakers: alphabetical by family, then given name key. */
  family: string;
  given: string;
}

export function compareRanked(a: Ranked, b: Ranked): number {
  return b.score - a.score || cmp(a.family, b.family) || cmp(a.given, b.given) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
