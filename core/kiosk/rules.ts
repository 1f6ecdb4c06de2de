// Self check-in at a kiosk (docs/kiosk.md): who may print their own badge here, and how the
// surname typed beside a registration code is compared. A kiosk is a hostile input surface:
// it never lists people, never says why someone is sent to a staffed desk (a safeguarding flag,
// a badge already collected, a refusal, a withdrawn registration all read the same), and it
// prints only a badge nobody has collected yet. Pure: station/kiosk.ts gathers the facts.
import { latinKey, words } from '../search/keys';

/** What the kiosk knows about the person a code (and surname) pointed at. */
export interface KioskFacts {
  status: string;
  protected: boolean;
  /** 'badge': known only from a signed badge, not yet synced (nothing to compare a name with). */
  source: string;
  /** A desk note is for staff to read to the person: the kiosk cannot. */
  notes: string;
  /** The scanned badge is an older version than the person's current one (a reprint exists). */
  staleBadge: boolean;
  /** Anything in the collection log: handed over, printed again, reprinted, refused after an ID check. */
  collectionSteps: number;
}

/** 'print': the kiosk may ask "Is this you?" and print; 'desk': a staffed desk must see them (reason never shown). */
export type KioskVerdict = 'print' | 'desk';

export function kioskVerdict(f: KioskFacts): KioskVerdict {
  if (f.protected) return 'desk';
  if (f.status !== 'active' || f.source === 'badge') return 'desk';
  if (f.staleBadge || f.collectionSteps > 0) return 'desk';
  if (f.notes.trim() !== '') return 'desk';
  return 'print';
}

/** The folded keys of a name's words ("García-López" → garcia, lopez, garcialopez). */
function keys(name: string): string[] {
  return words(name).map(latinKey).filter((k) => k.length > 0);
}

/**
 * Whether a typed surname is the person's, "exactly enough": the same words in any letter case,
 * with or without accents, spaces or hyphens (Müller = MUELLER, García López = garcialopez), or —
 * for a surname of several words — one of its words of three letters or more (Cruz for
 * "de la Cruz"). Never a prefix or a near miss: the code is the secret, the surname the check.
 * Someone registered under one name only (no family name) types that name.
 */
export function surnameMatches(typed: string, person: { familyName: string; givenName: string }): boolean {
  const t = words(typed, false).map(latinKey).join('');
  if (t.length === 0) return false;
  const family = person.familyName.trim() !== '' ? person.familyName : person.givenName;
  const whole = words(family, false).map(latinKey).join('');
  if (t === whole) return true;
  return keys(family).some((k) => k.length >= 3 && k === t);
}
