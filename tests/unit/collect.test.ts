// The badge desk as a volunteer meets it: find the person from the code they bring, hand the
// badge over once after the ID check, refuse with a reason, reprint only with one; and two desks
// that both handed over while offline each flag the second badge once their logs meet.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CollectTallies, CollectView, FindResult } from '../../core/api/collect';
import { collectionState } from '../../core/checkin/collection';
import { attendees, badgeCodes, events } from '../../db/schema/index';
import type { Station } from '../../station/station';
import { exchange, ok, useTwoDesks } from '../helpers/two-desks';

const desks = useTwoDesks();
const eventCount = (s: Station) => s.db.orm.select({ n: count() }).from(events).get()!.n;

/** An active person with a plain badge code, the same on both demo stations. */
function person(s: Station, skip = 0) {
  const row = s.db.orm
    .select({ id: attendees.id, code: badgeCodes.code, givenName: attendees.givenName })
    .from(attendees)
    .innerJoin(badgeCodes, eq(badgeCodes.attendeeId, attendees.id))
    .where(and(eq(attendees.status, 'active'), eq(attendees.source, 'registry')))
    .orderBy(attendees.id)
    .limit(1)
    .offset(skip)
    .get();
  return row!;
}

describe('badge desk', () => {
  it('finds the person from the code they read aloud (any letter case) without recording anything', async () => {
    const p = person(desks.a);
    const before = eventCount(desks.a);
    const r = await ok<FindResult>(desks.callA, 'collect.find', { text: p.code.toLowerCase() });
    expect(r).toMatchObject({ found: true, view: { attendee: { id: p.id }, handedOver: null, canHandOver: true } });
    const none = await ok<FindResult>(desks.callA, 'collect.find', { text: 'https://example.org/not-a-ticket' });
    expect(none).toMatchObject({ found: false, reason: 'not_a_badge' });
    expect(eventCount(desks.a)).toBe(before);
  });

  it('hands the badge over once: a second hand-over says where and when, and stores nothing', async () => {
    const p = person(desks.a);
    const v = await ok<CollectView>(desks.callA, 'collect.handOver', { attendeeId: p.id, operator: 'Vera' });
    expect(v).toMatchObject({ handedOver: { stationName: 'Desk North', badgeVersion: 1, at: desks.now }, canHandOver: false, printedAgain: [] });
    const stored = eventCount(desks.a);
    desks.now += 60_000;
    const again = await desks.callA('collect.handOver', { attendeeId: p.id });
    expect(again.ok).toBe(false);
    expect(again.error).toMatchObject({ code: 'already_collected' });
    expect(again.error!.message).toMatch(/already handed over at Desk North .*reprint/);
    expect(eventCount(desks.a)).toBe(stored);
  });

  it('refuses after the ID check with a reason; the registration stands and the badge can be handed over later', async () => {
    const p = person(desks.a, 1);
    expect((await desks.callA('collect.refuse', { attendeeId: p.id, reason: 'other', note: '' })).error?.code).toBe('invalid_args');
    const v = await ok<CollectView>(desks.callA, 'collect.refuse', { attendeeId: p.id, reason: 'photo_mismatch', note: 'Passport photo differs' });
    expect(v.refusals).toEqual([expect.objectContaining({ reason: 'photo_mismatch', note: 'Passport photo differs', stationName: 'Desk North' })]);
    expect(v).toMatchObject({ attendee: { status: 'active' }, canHandOver: true, handedOver: null });
    // Back with the right passport: the other desk, after sync, sees the refusal and hands over.
    exchange(desks.a, desks.b, desks.now);
    const atB = await ok<CollectView>(desks.callB, 'collect.person', { attendeeId: p.id });
    expect(atB.refusals).toHaveLength(1);
    expect((await ok<CollectView>(desks.callB, 'collect.handOver', { attendeeId: p.id })).handedOver?.stationName).toBe('Desk South');
  });

  it('hands over no badge to a cancelled registration, and stores nothing', async () => {
    const p = person(desks.a, 2);
    desks.a.db.orm.update(attendees).set({ status: 'cancelled' }).where(eq(attendees.id, p.id)).run();
    const before = eventCount(desks.a);
    const r = await desks.callA('collect.handOver', { attendeeId: p.id });
    expect(r.error?.code).toBe('not_active');
    expect(eventCount(desks.a)).toBe(before);
  });

  it('a second badge needs a reprint with a reason, which the log keeps and the desk shows', async () => {
    const p = person(desks.a, 3);
    await ok(desks.callA, 'collect.handOver', { attendeeId: p.id });
    await ok(desks.callA, 'badges.reprint', { attendeeId: p.id, reason: 'Lost in the cloakroom' });
    const v = await ok<CollectView>(desks.callA, 'collect.person', { attendeeId: p.id });
    expect(v.reprints).toEqual([expect.objectContaining({ newVersion: 2, reason: 'Lost in the cloakroom', stationName: 'Desk North' })]);
    expect(v.printedAgain).toEqual([]);
  });

  it('two desks offline at once both hand over: after sync both flag the later one as a second badge', async () => {
    const p = person(desks.a, 4);
    await ok(desks.callA, 'collect.handOver', { attendeeId: p.id });
    desks.now += 5_000;
    await ok(desks.callB, 'collect.handOver', { attendeeId: p.id }); // B has not heard of A's hand-over
    exchange(desks.a, desks.b, desks.now);
    exchange(desks.a, desks.b, desks.now); // a replayed batch changes nothing
    for (const c of [desks.callA, desks.callB]) {
      const v = await ok<CollectView>(c, 'collect.person', { attendeeId: p.id });
      expect(v.handedOver?.stationName).toBe('Desk North');
      expect(v.printedAgain).toEqual([expect.objectContaining({ stationName: 'Desk South' })]);
      const t = await ok<CollectTallies>(c, 'collect.tallies', {});
      expect(t.handedOver).toBe(1);
      expect(t.printedTwice).toEqual([{ attendee: expect.objectContaining({ id: p.id }), stations: ['Desk North', 'Desk South'] }]);
    }
  });
});

describe('collectionState', () => {
  const ev = (id: string, hlc: string, kind: string, payload: unknown) => ({ id, stationId: 's', hlc, wallTime: 0, kind, payload });
  it('is the same whatever order the events arrive in; unreadable events change nothing', () => {
    const list = [
      ev('3', 'c', 'collect', { badgeVersion: 1 }),
      ev('1', 'a', 'collect', { badgeVersion: 'x' }),
      ev('2', 'b', 'collect', { badgeVersion: 1 }),
      ev('4', 'd', 'collect_refused', { reason: 'no_id' }),
    ];
    const one = collectionState(list);
    expect(collectionState([...list].reverse())).toEqual(one);
    expect(one.handedOver?.eventId).toBe('2');
    expect(one.printedAgain.map((s) => s.eventId)).toEqual(['3']);
    expect(one.refusals).toEqual([expect.objectContaining({ reason: 'no_id', note: '' })]);
  });
});
