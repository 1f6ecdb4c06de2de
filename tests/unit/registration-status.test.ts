// Registrations the source has not confirmed (pending approval, unpaid, rejected, waiting
// list) are on the station's list but not admitted, at the desk (scan and name search) and at
// room doors, and the desk says why in its own language.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideDoor, type DoorFacts } from '../../core/occupancy/door';
import { NOT_ADMITTED, type CheckInResult } from '../../core/model';
import { attendees, badgeCodes } from '../../db/schema/index';
import { setLanguage } from '../../renderer/src/i18n/index';
import { verdictSentence } from '../../renderer/src/i18n/verdict';
import { doorSentence } from '../../renderer/src/screens/occupancy/door-sentence';
import { checkIn, checkInAttendee } from '../../station/checkin';
import type { Station } from '../../station/station';
import { demoCodes, freshStation } from '../helpers/station';

let station: Station;
let now: number;
beforeEach(() => {
  ({ station } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T10:00:00Z`);
});
afterEach(() => {
  station.close();
  setLanguage('en');
});

const attendeeOf = (code: string) => station.db.orm.select().from(badgeCodes).where(eq(badgeCodes.code, code)).get()!.attendeeId;

describe('registrations not (yet) confirmed by the source', () => {
  it.each(NOT_ADMITTED.map((s) => [s]))('a %s registration is refused at the desk, by scan and from search, with its own reason', (status) => {
    const codes = demoCodes(station, 2);
    const [scan, manual] = codes.map((c) => ({ code: c.code, id: attendeeOf(c.code) }));
    for (const p of [scan!, manual!]) station.db.orm.update(attendees).set({ status, notes: '' }).where(eq(attendees.id, p.id)).run();
    const byScan = checkIn(station, scan!.code, now);
    expect([byScan.verdict, byScan.reason]).toEqual(['refused', status]);
    expect(byScan.message).toMatch(/help desk/);
    const bySearch = checkInAttendee(station, manual!.id, now);
    expect([bySearch.verdict, bySearch.reason]).toEqual(['refused', status]);
    // Once the source confirms them (the next import), the same badge admits.
    station.db.orm.update(attendees).set({ status: 'active' }).where(eq(attendees.id, scan!.id)).run();
    expect(checkIn(station, scan!.code, now).verdict).toBe('admitted');
  });

  it('a room door refuses them too (leaving is never refused)', () => {
    const facts = (status: string, mode: 'entry' | 'exit' = 'entry'): DoorFacts => ({
      mode,
      today: '2026-04-18',
      eventDays: ['2026-04-18'],
      attendee: { status, category: 'ngo', validDays: null, badgeVersion: 1 },
      scannedVersion: null,
      scannedVersionRevoked: false,
      room: { capacity: 100, fullPolicy: 'refuse', allowedCategories: null },
      session: null,
      current: 0,
      insideSince: null,
      lastExitAt: null,
      now: 0,
    });
    for (const s of NOT_ADMITTED) {
      expect(decideDoor(facts(s))).toMatchObject({ verdict: 'refused', reason: s });
      expect(decideDoor(facts(s, 'exit')).verdict).toBe('admitted');
    }
    expect(decideDoor(facts('active')).verdict).toBe('admitted');
  });

  it.each([
    ['en', 'Registration pending approval. Send the person to the help desk.', 'Order not paid yet', 'Registration pending approval. Send to the help desk.'],
    ['de', 'Anmeldung noch nicht freigegeben. Zum Infoschalter schicken.', 'Bestellung noch nicht bezahlt', 'Anmeldung noch nicht freigegeben. Bitte zum Info-Schalter schicken.'],
    ['fr', 'Inscription en attente de validation. Envoyez la personne à l’accueil.', 'Commande pas encore payée', 'Inscription en attente de validation. Orientez vers l’accueil.'],
    ['ru', 'Регистрация ожидает подтверждения. Направьте в справочную.', 'Заказ ещё не оплачен', 'Регистрация ожидает подтверждения. Направьте на стойку помощи.'],
  ] as const)('the desk and the door say why in %s', (lng, pending, unpaid, door) => {
    setLanguage(lng);
    const r = (reason: CheckInResult['reason']): CheckInResult => ({ verdict: 'refused', reason, message: 'x', attendee: null, firstAdmission: null, eventId: 'e', hlc: null, at: 0 });
    expect(verdictSentence(r('pending'), 'Europe/Vienna')).toBe(pending);
    expect(verdictSentence(r('unpaid'), 'Europe/Vienna')).toMatch(new RegExp(`^${unpaid}`));
    for (const s of NOT_ADMITTED) expect(verdictSentence(r(s), 'Europe/Vienna')).not.toBe('x');
    expect(doorSentence({ verdict: 'refused', reason: 'pending', direction: 'entry', message: 'x' } as never, 'Europe/Vienna')).toBe(door);
  });
});
