// Who a Zoom participant is: a registered attendee found by e-mail (case-insensitive, trimmed),
// else by name with the search index's own spelling rules (core/search/keys.ts nameWordKeys:
// Юлия Соколова = Yulia Sokolova = Julija Sokolowa, Müller = Mueller), else nobody — and then
// the participant stays listed as not matched, never dropped. docs/hybrid-attendance.md.
import { nameWordKeys } from '../search/keys';

export interface Registered {
  id: string;
  givenName: string;
  familyName: string;
  /** The registration's e-mail (the registry's own column), or null. */
  email: string | null;
}

/** What a report says about one participant (rows already grouped): every name they used, their e-mail. */
export interface RemoteIdentity {
  names: readonly string[];
  email: string;
}

export type MatchResult =
  | { attendeeId: string; how: 'email' | 'name' }
  | { attendeeId: null; why: 'no_match' | 'ambiguous'; candidates: number };

export const normaliseEmail = (e: string): string => e.trim().toLowerCase();

interface Person {
  id: string;
  /** Keys of each word of the registered name. */
  words: string[][];
}

/** Pairs every word of `need` with a distinct word of `have` whose keys meet; null when one is left over. */
function coverAll(need: readonly string[][], have: readonly Set<string>[]): number | null {
  const owner = new Array<number>(have.length).fill(-1);
  const meets = (i: number, j: number) => need[i]!.some((k) => have[j]!.has(k));
  // Augmenting paths (names have a handful of words): each needed word gets its own typed word.
  const place = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < have.length; j++) {
      if (seen[j] || !meets(i, j)) continue;
      seen[j] = true;
      if (owner[j] === -1 || place(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < need.length; i++) if (!place(i, new Array<boolean>(have.length).fill(false))) return null;
  return have.length - need.length;
}

/**
 * The matcher for one attendee list. A name matches a registered person when every word of
 * the registered given and family names meets its own word of the name shown in Zoom, in any
 * order ("Sokolova Yulia"); extra words (a title, an organisation, "iPad") are allowed, the
 * fewest win. A registration of one word matches only a display name of that one word. Two
 * people equally close are ambiguous: the participant is listed, not guessed.
 */
export function makeMatcher(people: Iterable<Registered>): (r: RemoteIdentity) => MatchResult {
  const byEmail = new Map<string, Person[]>();
  const byKey = new Map<string, Person[]>();
  for (const p of people) {
    const person: Person = { id: p.id, words: nameWordKeys(`${p.givenName} ${p.familyName}`) };
    if (p.email) {
      const e = normaliseEmail(p.email);
      if (e) byEmail.set(e, [...(byEmail.get(e) ?? []), person]);
    }
    if (person.words.length === 0) continue;
    // Indexed by the keys of its first word: every match must meet that word somewhere.
    for (const k of person.words[0]!) {
      const list = byKey.get(k);
      if (list) list.push(person);
      else byKey.set(k, [person]);
    }
  }

  const byName = (names: readonly string[], among: Person[] | null): { best: Person[]; extra: number } => {
    let best: Person[] = [];
    let bestExtra = Number.POSITIVE_INFINITY;
    for (const name of names) {
      const typed = nameWordKeys(name).map((k) => new Set(k));
      if (typed.length === 0) continue;
      const candidates = new Set<Person>();
      if (among) for (const p of among) candidates.add(p);
      else for (const w of typed) for (const k of w) for (const p of byKey.get(k) ?? []) candidates.add(p);
      for (const p of candidates) {
        if (p.words.length === 0) continue;
        if (p.words.length === 1 && typed.length !== 1) continue;
        const extra = coverAll(p.words, typed);
        if (extra === null) continue;
        if (extra < bestExtra) {
          bestExtra = extra;
          best = [p];
        } else if (extra === bestExtra && !best.includes(p)) best.push(p);
      }
    }
    return { best, extra: bestExtra };
  };

  return (r) => {
    const email = normaliseEmail(r.email);
    const sameEmail = email ? byEmail.get(email) : undefined;
    if (sameEmail?.length === 1) return { attendeeId: sameEmail[0]!.id, how: 'email' };
    // One address for several registrations (an assistant registering a delegation): the name decides among them.
    if (sameEmail && sameEmail.length > 1) {
      const { best } = byName(r.names, sameEmail);
      if (best.length === 1) return { attendeeId: best[0]!.id, how: 'email' };
    }
    const { best } = byName(r.names, null);
    if (best.length === 1) return { attendeeId: best[0]!.id, how: 'name' };
    if (best.length > 1) return { attendeeId: null, why: 'ambiguous', candidates: best.length };
    return { attendeeId: null, why: 'no_match', candidates: 0 };
  };
}
