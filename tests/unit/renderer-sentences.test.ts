// Sentences the renderer builds in the desk's language: a revoked badge says when, in words
// that read naturally ("today at 09:14" / "on 18 Apr at 09:14"), and whether it was a reprint
// or withdrawn; door sentences name the person's category in the desk's language too.
import { afterEach, describe, expect, it } from 'vitest';
import type { DoorScanResult } from '../../core/api/occupancy';
import type { CheckInResult } from '../../core/model';
import { setLanguage } from '../../renderer/src/i18n/index';
import { verdictSentence } from '../../renderer/src/i18n/verdict';
import { doorSentence } from '../../renderer/src/screens/occupancy/door-sentence';

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

describe('revoked badge sentences', () => {
  it.each([
    ['en', 'This badge was replaced by a reprint today at 09:14. Ask for the new badge.', 'This badge was replaced by a reprint on 18 Apr at 09:14. Ask for the new badge.'],
    ['de', 'Dieser Ausweis wurde heute um 09:14 durch einen Neudruck ersetzt. Nach dem neuen Ausweis fragen.', 'Dieser Ausweis wurde am 18. Apr. um 09:14 durch einen Neudruck ersetzt. Nach dem neuen Ausweis fragen.'],
    ['fr', 'Ce badge a été remplacé par une réimpression aujourd’hui à 09:14. Demandez le nouveau badge.', 'Ce badge a été remplacé par une réimpression le 18 avr. à 09:14. Demandez le nouveau badge.'],
    ['ru', 'Этот бейдж заменён перепечаткой сегодня в 09:14. Попросите новый бейдж.', 'Этот бейдж заменён перепечаткой 18 апр. в 09:14. Попросите новый бейдж.'],
  ] as const)('a reprint in %s: "today at" the same day, the date another day', (lng, today, earlier) => {
    setLanguage(lng);
    expect(verdictSentence(revoked(sameDay, 'reprint'), TZ)).toBe(today);
    expect(verdictSentence(revoked(nextDay, 'reprint'), TZ)).toBe(earlier);
    // Results from before the reason travelled were all reprints.
    expect(verdictSentence(revoked(nextDay), TZ)).toBe(earlier);
  });

  it.each([
    ['en', 'This badge was withdrawn today at 09:14. Send the person to the help desk.', 'This badge was withdrawn. Send the person to the help desk.'],
    ['de', 'Dieser Ausweis wurde heute um 09:14 gesperrt. Zum Infoschalter schicken.', 'Dieser Ausweis wurde gesperrt. Zum Infoschalter schicken.'],
    ['fr', 'Ce badge a été retiré aujourd’hui à 09:14. Envoyez la personne à l’accueil.', 'Ce badge a été retiré. Envoyez la personne à l’accueil.'],
    ['ru', 'Этот бейдж отозван сегодня в 09:14. Направьте в справочную.', 'Этот бейдж отозван. Направьте в справочную.'],
  ] as const)('a withdrawn badge in %s is not called a reprint', (lng, today, noDate) => {
    setLanguage(lng);
    expect(verdictSentence(revoked(sameDay, 'lost'), TZ)).toBe(today);
    expect(verdictSentence(revoked(sameDay, 'revoked', false), TZ)).toBe(noDate);
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
    },
    room: { name: 'Forschungssaal' } as DoorScanResult['room'],
    insideSince: null,
    eventId: 'e',
    at: sameDay,
  };

  it.each([
    ['en', 'Media is not admitted to Forschungssaal.'],
    ['de', 'Medien: kein Zutritt zu Forschungssaal.'],
    ['fr', 'Médias : accès à Forschungssaal non autorisé.'],
    ['ru', 'СМИ: вход в зал Forschungssaal не разрешён.'],
  ] as const)('name the category in %s', (lng, sentence) => {
    setLanguage(lng);
    expect(doorSentence(refusal, TZ)).toBe(sentence);
  });
});
