// Handouts at the desk as a volunteer meets them: an interpretation receiver goes out with a
// number and comes back; a number still out cannot go to someone else; the end-of-day list says
// who still holds one, by delegation; two desks that were offline agree once their logs meet,
// whatever order the events arrive in; vouchers are per day and answers keep the latest.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OutList, PersonHandouts, TakeBackResult } from '../../core/api/handouts';
import { itemNumber } from '../../core/checkin/handouts';
import type { CheckInResult } from '../../core/model';
import { setLanguage } from '../../renderer/src/i18n/index';
import { verdictSentence } from '../../renderer/src/i18n/verdict';
import { attendees } from '../../db/schema/index';
import type { Station } from '../../station/station';
import { demoCodes } from '../helpers/station';
import { exchange, ok, useTwoDesks } from '../helpers/two-desks';

const desks = useTwoDesks();
/** Active people with a delegation, the same on both demo stations. */
const people = (s: Station) =>
  s.db.orm.select().from(attendees).where(and(eq(attendees.status, 'active'), eq(attendees.source, 'registry'))).orderBy(attendees.id).all().filter((p) => p.delegation);

describe('interpretation receivers', () => {
  it('go out by number and come back; a number still out is not handed to someone else', async () => {
    const [p, q] = people(desks.a);
    const r = await ok<PersonHandouts>(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'receiver', number: ' 0117' });
    expect(r.items).toEqual([expect.objectContaining({ item: expect.objectContaining({ id: 'receiver', kind: 'numbered' }), out: [{ number: '117', at: desks.now }] })]);
    const clash = await desks.callA('handouts.give', { attendeeId: q!.id, item: 'receiver', number: '117' });
    expect(clash.error?.code).toBe('already_out');
    expect(clash.error?.message).toContain(`${p!.givenName} ${p!.familyName}`);
    const out = await ok<OutList>(desks.callA, 'handouts.out', {});
    expect(out).toEqual({ total: 1, groups: [{ delegation: p!.delegation, people: [expect.objectContaining({ attendee: expect.objectContaining({ id: p!.id }), numbers: [expect.objectContaining({ number: '117', stationName: 'Desk North' })] })] }] });
    desks.now += 3_600_000;
    const back = await ok<TakeBackResult>(desks.callA, 'handouts.takeBack', { number: '117' });
    expect(back).toMatchObject({ number: '117', holder: { id: p!.id }, stillOut: 0 });
    expect((await ok<OutList>(desks.callA, 'handouts.out', {})).total).toBe(0);
    expect((await ok<PersonHandouts>(desks.callA, 'handouts.give', { attendeeId: q!.id, item: 'receiver', number: '117' })).items[0]!.out).toHaveLength(1);
    expect((await desks.callA('handouts.give', { attendeeId: q!.id, item: 'receiver' })).error?.code).toBe('number_needed');
  });

  it('two desks offline: a receiver handed out at one and taken back later at the other is back at both, in any order', async () => {
    const [p, q, r] = people(desks.a);
    await ok(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'receiver', number: '42' });
    await ok(desks.callA, 'handouts.give', { attendeeId: q!.id, item: 'receiver', number: '43' });
    desks.now += 60_000;
    // Desk South has not heard of it: the hand-back names no one, and counts all the same.
    expect(await ok<TakeBackResult>(desks.callB, 'handouts.takeBack', { number: '42' })).toMatchObject({ holder: null });
    await ok(desks.callB, 'handouts.give', { attendeeId: r!.id, item: 'receiver', number: '44' });
    exchange(desks.a, desks.b, desks.now);
    exchange(desks.a, desks.b, desks.now);
    for (const c of [desks.callA, desks.callB]) {
      const out = await ok<OutList>(c, 'handouts.out', {});
      expect(out.total).toBe(2);
      expect(out.groups.flatMap((g) => g.people.flatMap((x) => x.numbers.map((n) => `${n.number}@${n.stationName}`))).sort()).toEqual(['43@Desk North', '44@Desk South']);
    }
  });

  it('a hand-back older than the hand-out (a stale device list) does not bring it back', async () => {
    const [p] = people(desks.a);
    await ok(desks.callB, 'handouts.takeBack', { number: '7' });
    desks.now += 60_000;
    await ok(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'receiver', number: '7' });
    exchange(desks.a, desks.b, desks.now);
    for (const c of [desks.callA, desks.callB]) expect((await ok<OutList>(c, 'handouts.out', {})).total).toBe(1);
  });
});

describe('vouchers and questions', () => {
  it('a voucher is given once a day, an answer keeps the latest; items this desk does not hand out are refused', async () => {
    const [p] = people(desks.a);
    await ok(desks.callA, 'handouts.setItems', {
      items: [
        { id: 'receiver', label: '', kind: 'numbered' },
        { id: 'lunch', label: 'Lunch voucher', kind: 'item' },
        { id: 'photo-consent', label: 'Photo consent given?', kind: 'question' },
      ],
    });
    await ok(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'lunch' });
    await ok(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'photo-consent', answer: 'yes' });
    desks.now += 60_000;
    const r = await ok<PersonHandouts>(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'photo-consent', answer: 'no' });
    const byId = Object.fromEntries(r.items.map((i) => [i.item.id, i]));
    expect(byId.lunch!.latest).toMatchObject({ answer: null });
    expect(byId['photo-consent']!.latest).toMatchObject({ answer: 'no', at: desks.now });
    desks.now += 24 * 3_600_000; // the next event day: a new voucher is due
    const next = await ok<PersonHandouts>(desks.callA, 'handouts.person', { attendeeId: p!.id });
    expect(next.items.find((i) => i.item.id === 'lunch')!.latest).toBeNull();
    expect(next.items.find((i) => i.item.id === 'photo-consent')!.latest).toMatchObject({ answer: 'no' });
    expect((await desks.callA('handouts.give', { attendeeId: p!.id, item: 'parking' })).error?.code).toBe('unknown_item');
    expect((await desks.callA('handouts.setItems', { items: [{ id: 'Lunch Voucher!', label: 'x', kind: 'item' }] })).error?.code).toBe('invalid_args');
  });

  it('reads receiver numbers as people say them', () => {
    expect(['0117', ' 117 ', '１１７'].map(itemNumber)).toEqual(['117', '117', '117']);
    expect(itemNumber('a-07')).toBe('A-07');
    expect(itemNumber('000')).toBe('0');
  });

  it('a receiver’s label scanned at check-in is said to be a receiver — with who holds it — not a badge, and admits nobody', async () => {
    const [p] = people(desks.a);
    await ok(desks.callA, 'handouts.give', { attendeeId: p!.id, item: 'receiver', number: '117' });
    const out = await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: '0117' });
    expect(out).toMatchObject({ verdict: 'refused', reason: 'handout_item', attendee: null, params: { number: '117', holder: `${p!.givenName} ${p!.familyName}` } });
    expect(out.message).toMatch(/receiver no\. 117, not a badge; it is out with .*Receivers screen/);
    // Not handed out yet: still a receiver's number at a desk that hands receivers out.
    const fresh = await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: 'a-0042' });
    expect(fresh).toMatchObject({ reason: 'handout_item', params: { number: 'A-0042', holder: '' } });
    setLanguage('de');
    expect(verdictSentence(out, 'Europe/Vienna')).toBe(`Das ist Empfänger Nr. 117, kein Ausweis; er ist bei ${p!.givenName} ${p!.familyName}. Zum Zurücknehmen auf der Seite Empfänger scannen.`);
    setLanguage('en');
    // Anything else stays what it was: a URL is no badge, a badge is a badge.
    expect((await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: 'https://example.org/x' })).reason).toBe('not_a_badge');
    expect((await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: demoCodes(desks.a, 1)[0]!.code })).verdict).toBe('admitted');
    // A desk that hands no numbered item out reads a bare number as before.
    await ok(desks.callA, 'handouts.setItems', { items: [{ id: 'lunch', label: 'Lunch voucher', kind: 'item' }] });
    expect((await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: '0042' })).reason).toBe('not_a_badge');
  });
});

