// The front desk's own writes: walk-in registration and desk notes. Each is one event
// in the log, appended in one transaction with its derived state (db/desk.ts).
import crypto from 'node:crypto';
import type { PossibleDuplicate, WalkinFormData, WalkinPayload, WalkinResult } from '../core/api/desk';
import { latinKey, words } from '../core/search/keys';
import type { CheckInResult } from '../core/model';
import { getAttendee, toSummary, type AttendeeRow } from '../db/attendees';
import { admissionOn } from '../db/events';
import { searchAttendees } from '../db/search';
import { newBadgeCode } from './badges/new-code';
import { checkInAttendee } from './checkin';
import { UserError } from './errors';
import type { Station } from './station';

/** The name as the index compares it: one key per word, in order. */
function nameKey(text: string): string[] {
  return words(text, false)
    .map(latinKey)
    .filter((k) => k.length > 0);
}

const same = (a: string[], b: string[]) => a.length > 0 && a.join(' ') === b.join(' ');

/**
 * People already registered under the same name in any spelling (Müller = Mueller),
 * or nearly (Alex / Alexander Müller, or given and family name swapped).
 */
export function findDuplicates(station: Station, givenName: string, familyName: string, now: number): PossibleDuplicate[] {
  const given = nameKey(givenName);
  const family = nameKey(familyName);
  if (family.length === 0 && given.length === 0) return [];
  const today = station.today(now);
  const hits = searchAttendees(station.db.orm, `${givenName} ${familyName}`, 50).map((h) => h.attendee);
  const out: PossibleDuplicate[] = [];
  for (const a of hits) {
    const g = nameKey(a.givenName);
    const f = nameKey(a.familyName);
    let match: PossibleDuplicate['match'] | null = null;
    if (same(family, f) && (same(given, g) || (given.length === 0 && g.length === 0))) match = 'same';
    else if (same(family, f) && given.length > 0 && g.length > 0 && (g.join(' ').startsWith(given.join(' ')) || given.join(' ').startsWith(g.join(' '))))
      match = 'similar';
    else if (same(given, f) && same(family, g)) match = 'similar';
    if (match) out.push({ attendee: toSummary(a), match, checkedInToday: !!admissionOn(station.db.orm, a.id, today) });
  }
  return out.sort((x, y) => (x.match === y.match ? 0 : x.match === 'same' ? -1 : 1));
}



export interface WalkinOptions {
  allowDuplicates?: boolean;
  checkIn?: boolean;
  operator?: string | null;
}

/**
 * Registers a walk-in: a new attendee (UUID made here) recorded as a 'walkin' event
 * whose payload is what the registry needs, then — usually — checked in, all in one
 * transaction. Returns the possible duplicates instead when there are some and the
 * volunteer has not confirmed yet.
 */
/** The walk-in form; the safeguarding choices may be left out (not protected, photos allowed). */
type WalkinInput = Omit<WalkinFormData, 'protected' | 'chosenName' | 'noPhoto'> & Partial<Pick<WalkinFormData, 'protected' | 'chosenName' | 'noPhoto'>>;

export function registerWalkin(station: Station, form: WalkinInput, now: number, opts: WalkinOptions = {}): WalkinResult {
  return station.write(() => {
    if (!opts.allowDuplicates) {
      const duplicates = findDuplicates(station, form.givenName, form.familyName, now);
      if (duplicates.length > 0) return { status: 'duplicates', duplicates };
    }
    const id = crypto.randomUUID();
    const badgeCode = newBadgeCode(station, 'W-', 8);
    const payload: WalkinPayload = {
      attendee: {
        givenName: form.givenName,
        familyName: form.familyName,
        organisation: form.organisation,
        delegation: form.delegation,
        country: form.country,
        category: form.category,
        validDays: form.days === 'today' ? [station.today(now)] : null,
        notes: form.notes,
        badgeCodes: [badgeCode],
        protected: form.protected ?? false,
        chosenName: form.protected ? (form.chosenName ?? '') : '',
        noPhoto: form.noPhoto ?? false,
      },
    };
    const e = station.append(
      { kind: 'walkin', attendeeId: id, roomId: null, sessionId: null, verdict: null, reason: null, operator: opts.operator ?? null, payload },
      now,
    );
    const attendee = getAttendee(station.db.orm, id);
    if (!attendee) throw new Error('walk-in was not stored'); // the derived hook did not run: never report success
    const checkin: CheckInResult | null = opts.checkIn === false ? null : checkInAttendee(station, id, now, { operator: opts.operator ?? null });
    return { status: 'registered', attendee: toSummary(getAttendee(station.db.orm, id) ?? attendee), eventId: e.id, badgeCode, checkin };
  });
}

/** Sets (or clears, with '') the desk note on a person: a 'note' event in the log. */
export function setNote(station: Station, attendeeId: string, notes: string, now: number, opts: { operator?: string | null } = {}) {
  return deskRequest(station, attendeeId, 'note', { notes }, now, opts);
}

/** "No photography" asked (or withdrawn) at the desk: a 'no_photo' event; the newest request wins everywhere. */
export function setNoPhoto(station: Station, attendeeId: string, noPhoto: boolean, now: number, opts: { operator?: string | null } = {}) {
  return deskRequest(station, attendeeId, 'no_photo', { noPhoto }, now, opts);
}

/** One desk request about a known person, in the log; the derived hooks fold it into their row in the same transaction. */
function deskRequest(station: Station, attendeeId: string, kind: 'note' | 'no_photo', payload: Record<string, unknown>, now: number, opts: { operator?: string | null }) {
  return station.write(() => {
    const a: AttendeeRow | undefined = getAttendee(station.db.orm, attendeeId);
    if (!a) throw new UserError('not_found', 'personNotFound');
    const e = station.append({ kind, attendeeId, roomId: null, sessionId: null, verdict: null, reason: null, operator: opts.operator ?? null, payload }, now);
    return { attendee: toSummary(getAttendee(station.db.orm, attendeeId)!), eventId: e.id };
  });
}
