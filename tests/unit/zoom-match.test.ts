// Who a Zoom participant is: e-mail first, then the name with search's spelling rules, and
// nobody (listed, never guessed) when the name is unknown or fits two people.
import { describe, expect, it } from 'vitest';
import { makeMatcher, type Registered } from '../../core/hybrid/match';
import { parseZoomReport } from '../../registry/hybrid/zoom-report';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { demoEmails, demoZoomReport } from '../../resources/demo/zoom-report';

const people: Registered[] = [
  { id: 'a1', givenName: 'Юлия', familyName: 'Соколова', email: null },
  { id: 'a2', givenName: 'Jürgen', familyName: 'Müller', email: 'J.Mueller@BMEIA.example' },
  { id: 'a3', givenName: 'Jean', familyName: 'Dupont', email: 'jean@ngo.example' },
  { id: 'a4', givenName: 'Marie', familyName: 'Dupont', email: null },
  { id: 'a5', givenName: 'Li', familyName: 'Wei', email: 'delegation@mfa.example' },
  { id: 'a6', givenName: 'Chen', familyName: 'Jie', email: 'delegation@mfa.example' },
  { id: 'a7', givenName: 'Ahmed', familyName: 'Hassan', email: null },
  { id: 'a8', givenName: 'Ahmed', familyName: 'Hassan', email: null },
  { id: 'a9', givenName: 'Madonna', familyName: '', email: null },
];
const match = makeMatcher(people);
const one = (names: string[], email = '') => match({ names, email });

describe('matching Zoom participants to registrations', () => {
  it('finds a registration by its e-mail, whatever the case and spaces, before any name', () => {
    expect(one(['iPad'], ' j.mueller@bmeia.EXAMPLE ')).toEqual({ attendeeId: 'a2', how: 'email' });
    // The name would say Marie; the address says Jean.
    expect(one(['Marie Dupont'], 'jean@ngo.example')).toEqual({ attendeeId: 'a3', how: 'email' });
  });

  it('lets the name decide among registrations that share one address', () => {
    expect(one(['Chen Jie (MFA)'], 'delegation@mfa.example')).toEqual({ attendeeId: 'a6', how: 'email' });
    expect(one(['Wei Li'], 'delegation@mfa.example')).toEqual({ attendeeId: 'a5', how: 'email' });
  });

  it('finds a name written in another script or spelling, in any order, as search would', () => {
    expect(one(['Yulia Sokolova'])).toEqual({ attendeeId: 'a1', how: 'name' });
    expect(one(['SOKOLOVA Iuliia'])).toEqual({ attendeeId: 'a1', how: 'name' });
    expect(one(['Juergen Mueller'])).toEqual({ attendeeId: 'a2', how: 'name' });
    expect(one(['Dr. Jürgen Müller – BMEIA'])).toEqual({ attendeeId: 'a2', how: 'name' });
  });

  it('tries every name the participant used (a rename keeps the original)', () => {
    expect(one(['iPhone 13', 'Jean Dupont'])).toEqual({ attendeeId: 'a3', how: 'name' });
  });

  it('does not guess: a family name alone, two equal people, or an unknown name stay unmatched', () => {
    expect(one(['Dupont'])).toMatchObject({ attendeeId: null, why: 'no_match' });
    expect(one(['Ahmed Hassan'])).toEqual({ attendeeId: null, why: 'ambiguous', candidates: 2 });
    expect(one(['Guest 7'])).toMatchObject({ attendeeId: null, why: 'no_match' });
    // A one-word registration matches only that one word, not every "Madonna Smith".
    expect(one(['Madonna Smith'])).toMatchObject({ attendeeId: null });
    expect(one(['Madonna'])).toEqual({ attendeeId: 'a9', how: 'name' });
  });

  it('prefers the registration the name fits most closely', () => {
    const m = makeMatcher([
      { id: 'x1', givenName: 'Anna', familyName: 'Berg', email: null },
      { id: 'x2', givenName: 'Anna Maria', familyName: 'Berg', email: null },
    ]);
    expect(m({ names: ['Anna Maria Berg'], email: '' })).toEqual({ attendeeId: 'x2', how: 'name' });
    expect(m({ names: ['Anna Berg'], email: '' })).toEqual({ attendeeId: 'x1', how: 'name' });
  });
});

describe('the demo’s sample Zoom report of the opening session', () => {
  it('is read as Zoom writes it and matched: e-mails, a renamed tablet, a romanised guest; two strangers and the host kept', () => {
    const bundle = generateDemoEvent('2026-11-30');
    const emails = demoEmails(bundle);
    const parsed = parseZoomReport(Buffer.from(demoZoomReport(bundle, emails), 'utf8'), { timeZone: DEMO_TIME_ZONE, sessionDay: '2026-11-30' });
    if (!parsed.ok) throw new Error(parsed.problem.text);
    const m = makeMatcher(bundle.attendees.map((a) => ({ id: a.id, givenName: a.givenName, familyName: a.familyName, email: emails.get(a.id) ?? null })));
    const results = parsed.report.participants.map((p) => ({ p, r: m(p) }));
    const how = (h: string) => results.filter((x) => x.r.attendeeId !== null && x.r.how === h).length;
    expect(parsed.report.warnings).toEqual([]);
    expect(how('email')).toBeGreaterThan(15);
    expect(how('name')).toBeGreaterThanOrEqual(6); // renamed tablets, romanised guests, people without an address
    expect(results.filter((x) => x.r.attendeeId === null).map((x) => x.p.names[0]).sort()).toEqual(['Guest 7', 'OSCE Conference Zoom', 'iPhone']);
    expect(parsed.report.participants.some((p) => p.rows === 2)).toBe(true); // a rejoin
  });
});
