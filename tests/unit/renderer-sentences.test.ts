// Sentences the renderer builds in the desk's language: a revoked badge says when (the time the
// same day, date and time another day) and whether it was a reprint or withdrawn; door
// sentences name the room and the person's category in the desk's language too. Checked for
// what the reader needs, not against a copy of the catalog's wording (tests/helpers/sentences.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { DoorScanResult, RoomLive } from '../../core/api/occupancy';
import type { CheckInResult } from '../../core/model';
import { setLanguage } from '../../renderer/src/i18n/index';
import { categoryName, verdictSentence } from '../../renderer/src/i18n/verdict';
import { doorSentence } from '../../renderer/src/screens/occupancy/door-sentence';
import { counterNote, sweepNote } from '../../renderer/src/screens/occupancy/notes';
import { expectSaysWhen, expectTranslated, type Lang } from '../helpers/sentences';

const TZ = 'Europe/Vienna';
const revokedAtMs = Date.parse('2023-04-18T07:14:00Z'); // 09:14 in Vienna
const revoked = (at: number, revocationReason?: string, withTime = true): CheckInResult => ({
  verdict: 'refused',
  reason: 'revoked',
  message: '',
  params: withTime ? { revokedAtMs, revokedAt: '18 Apr 09:14', revocationReason } : { revocationReason },
  attendee: null,
  firstAdmission: null,
  eventId: 'e',
  hlc: null,
  at,
});
const sameDay = Date.parse('2023-04-18T12:00:00Z');
const nextDay = Date.parse('2023-04-19T08:00:00Z');

afterEach(() => setLanguage('en'));

const LANGS: Lang[] = ['en', 'de', 'fr', 'ru'];
/** The same sentence built in each language of the UI. */
const inEvery = (f: () => string) => Object.fromEntries(LANGS.map((l) => (setLanguage(l), [l, f()]))) as Record<Lang, string>;

describe('revoked badge sentences', () => {
  it('a reprint says when in the desk\'s language: the time the same day, date and time another day', () => {
    const today = inEvery(() => verdictSentence(revoked(sameDay, 'reprint'), TZ));
    const earlier = inEvery(() => verdictSentence(revoked(nextDay, 'reprint'), TZ));
    expectTranslated(today);
    expectTranslated(earlier);
    for (const l of LANGS) {
      expectSaysWhen(today[l], revokedAtMs, TZ, l, true);
      expectSaysWhen(earlier[l], revokedAtMs, TZ, l, false);
    }
    // Results from before the reason travelled were all reprints.
    expect(inEvery(() => verdictSentence(revoked(nextDay), TZ))).toEqual(earlier);
  });

  it('a withdrawn badge (lost, cancelled, revoked) reads alike for each reason, and not like a reprint', () => {
    const reprint = inEvery(() => verdictSentence(revoked(sameDay, 'reprint'), TZ));
    const withdrawn = inEvery(() => verdictSentence(revoked(sameDay, 'lost'), TZ));
    expectTranslated(withdrawn);
    for (const reason of ['cancelled', 'revoked']) expect(inEvery(() => verdictSentence(revoked(sameDay, reason), TZ))).toEqual(withdrawn);
    for (const l of LANGS) {
      expectSaysWhen(withdrawn[l], revokedAtMs, TZ, l, true);
      expect(withdrawn[l]).not.toBe(reprint[l]);
    }
    expect(withdrawn.en).not.toMatch(/reprint/i);
    // Without a time it says so without inventing one.
    const undated = inEvery(() => verdictSentence(revoked(sameDay, 'revoked', false), TZ));
    expectTranslated(undated);
    for (const l of LANGS) expect(undated[l]).not.toMatch(/\d/);
  });
});

describe('door sentences', () => {
  const refusal: DoorScanResult = {
    verdict: 'refused',
    reason: 'room_not_allowed',
    direction: 'entry',
    message: 'Media is not admitted to Forschungssaal.',
    attendee: {
      id: 'a',
      givenName: 'Jürgen',
      familyName: 'Öztürk',
      organisation: '',
      delegation: '',
      category: 'media',
      categoryLabel: 'Media',
      status: 'active',
      badgeVersion: 1,
      notes: '',
      synced: true,
      protected: false,
      chosenName: '',
      noPhoto: false,
    },
    room: { name: 'Forschungssaal' } as DoorScanResult['room'],
    insideSince: null,
    eventId: 'e',
    at: sameDay,
  };

  it('names the room and the person\'s category in the desk\'s language', () => {
    const sentences = inEvery(() => doorSentence(refusal, TZ));
    expectTranslated(sentences);
    for (const l of LANGS) {
      setLanguage(l);
      expect(sentences[l]).toContain('Forschungssaal');
      expect(sentences[l]).toContain(categoryName('media', 'Media'));
    }
  });
});

describe('room detail notes after a manual count or a sweep', () => {
  const room = { name: 'Forschungssaal', current: 3 } as RoomLive;
  it.each([
    ['en', '−1 counted at Forschungssaal.', 'Forschungssaal shows only 3 people inside.', 'Forschungssaal swept: 1 person counted out.'],
    ['de', '−1 an Forschungssaal gezählt.', 'Forschungssaal zeigt nur 3 Personen im Raum.', 'Forschungssaal geräumt: 1 Person ausgetragen.'],
    ['fr', '−1 compté pour Forschungssaal.', 'Forschungssaal n’indique que 3 personnes à l’intérieur.', 'Forschungssaal évacuée : 1 personne comptée sortie.'],
    ['ru', '−1: учтено в зале Forschungssaal.', 'В зале Forschungssaal числятся только 3 человека.', 'Зал Forschungssaal очищен: 1 человек отмечен вышедшим.'],
  ] as const)('in %s, not the station\'s English', (lng, counted, refused, swept) => {
    setLanguage(lng);
    expect(counterNote({ applied: true, message: '−1 counted at Forschungssaal.', room }, -1)).toBe(counted);
    expect(counterNote({ applied: false, message: 'Forschungssaal shows only 3 inside.', room }, -5)).toBe(refused);
    expect(sweepNote({ cleared: 1, message: 'Forschungssaal swept: 1 counted out.', room })).toBe(swept);
  });
});
