// What this desk hands out (a setting of the handouts screen), and telling a handout's own
// barcode from a badge: a receiver's label scanned into the check-in field is said to be one —
// with who holds it — instead of a confusing "not a badge". Apart from station/handouts.ts
// because the check-in engine needs it, and handouts needs the engine's station names.
import { DEFAULT_HANDOUTS, HandoutItem, itemNumber, looksLikeItemNumber, stillOut } from '../core/checkin/handouts';
import { publicName } from '../core/sync/visibility';
import { getAttendee } from '../db/attendees';
import { handoutEvents } from '../db/handouts';
import { getSetting, setSetting } from '../db/settings';
import type { Station } from './station';

const KEY = 'handouts';

/** What this desk hands out or asks (Settings of the handouts screen); receivers until chosen otherwise. */
export function handoutItems(station: Station): HandoutItem[] {
  const saved = HandoutItem.array().safeParse(getSetting(station.db.orm, KEY));
  return saved.success ? saved.data : DEFAULT_HANDOUTS;
}

export function saveHandoutItems(station: Station, items: HandoutItem[]): void {
  station.write(() => setSetting(station.db.orm, KEY, items));
}

/**
 * The numbered handout one of these readings names, when no badge matched: a number that is out
 * now (with its holder, by the name shared screens use), or — at a desk that hands numbered items
 * out — a text shaped like one that is no code of this event (`notOurShape`). Null: not a handout.
 */
export function handoutScanned(station: Station, readings: readonly string[], notOurShape: boolean): { number: string; holder: string } | null {
  const numbers = readings.filter(looksLikeItemNumber).map(itemNumber);
  if (numbers.length === 0) return null;
  const out = stillOut(handoutEvents(station.db.orm));
  for (const n of numbers) {
    const o = out.find((x) => x.number === n);
    if (!o) continue;
    const a = getAttendee(station.db.orm, o.attendeeId);
    return { number: n, holder: a ? publicName(a) || '—' : '—' };
  }
  if (notOurShape && handoutItems(station).some((i) => i.kind === 'numbered')) return { number: numbers[0]!, holder: '' };
  return null;
}
