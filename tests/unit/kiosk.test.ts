// Self check-in at a kiosk: the rules a hostile public meets (core/kiosk/) and the station behind
// them (station/kiosk.ts) — surname + code must both fit, nothing ever names anyone else, misses
// lock the kiosk, protected/collected/refused people go to a staffed desk for a reason never
// said, a kiosk print is the collected badge (a second one anywhere is a reprint), the PIN is the
// only way out and is throttled, and while kiosk mode is on the station answers nothing else.
import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CollectView, FindResult } from '../../core/api/collect';
import type { KioskAnswer, KioskExit, KioskState } from '../../core/api/kiosk';
import { IDLE_RESET_MS, idleResetAt } from '../../core/kiosk/idle';
import { kioskVerdict, surnameMatches, type KioskFacts } from '../../core/kiosk/rules';
import { LOOKUP_POLICY, lockedFor, OPEN, PIN_POLICY, recordFailure, recordSuccess } from '../../core/kiosk/throttle';
import { attendees, badgeCodes, settings } from '../../db/schema/index';
import type { Station } from '../../station/station';
import { exchange, ok, useTwoDesks, type Call } from '../helpers/two-desks';

const printable: KioskFacts = { status: 'active', protected: false, source: 'registry', notes: '', staleBadge: false, collectionSteps: 0 };

describe('kiosk rules (pure)', () => {
  it('prints only for an active, unprotected, synced person with no badge history and no desk note', () => {
    expect(kioskVerdict(printable)).toBe('print');
    for (const f of [{ protected: true }, { status: 'revoked' }, { status: 'cancelled' }, { source: 'badge' }, { staleBadge: true }, { collectionSteps: 1 }, { notes: 'see protocol' }]) {
      expect(kioskVerdict({ ...printable, ...f }), JSON.stringify(f)).toBe('desk');
    }
  });

  it('takes a surname in any case, accents, spacing — but never a prefix or a near miss', () => {
    const p = { givenName: 'Ana', familyName: 'García-López' };
    for (const typed of ['García-López', 'garcia lopez', 'GARCIALOPEZ', 'Lopez', 'garcia']) expect(surnameMatches(typed, p), typed).toBe(true);
    for (const typed of ['Garc', 'Garcia-Lope', 'Ana', '', '  ', 'Lo']) expect(surnameMatches(typed, p), typed).toBe(false);
    expect(surnameMatches('Mueller', { givenName: 'Jo', familyName: 'Müller' })).toBe(true);
    expect(surnameMatches('Muller', { givenName: 'Jo', familyName: 'Möller' })).toBe(false);
    // Registered under one name only: that name is the one to type.
    expect(surnameMatches('Suharto', { givenName: 'Suharto', familyName: '' })).toBe(true);
    expect(surnameMatches('Иванов', { givenName: 'Olga', familyName: 'Ivanova' })).toBe(false);
  });

  it('locks after five misses in ten minutes, each lock twice as long; a success clears the count', () => {
    const t0 = 1_000_000;
    let s = OPEN;
    for (let i = 0; i < 4; i++) s = recordFailure(LOOKUP_POLICY, s, t0 + i * 1000);
    expect(lockedFor(s, t0 + 4000)).toBe(0);
    s = recordFailure(LOOKUP_POLICY, s, t0 + 4000);
    expect(lockedFor(s, t0 + 4000)).toBe(2 * 60_000);
    expect(lockedFor(s, t0 + 4000 + 2 * 60_000)).toBe(0);
    const t1 = t0 + 10 * 60_000;
    for (let i = 0; i < 5; i++) s = recordFailure(LOOKUP_POLICY, s, t1 + i);
    expect(lockedFor(s, t1 + 4)).toBe(4 * 60_000);
    // Misses spread out beyond the window never lock; a success starts the count again.
    let spread = OPEN;
    for (let i = 0; i < 20; i++) spread = recordFailure(LOOKUP_POLICY, spread, t0 + i * 3 * 60_000);
    expect(lockedFor(spread, t0 + 19 * 3 * 60_000)).toBe(0);
    let cleared = OPEN;
    for (let i = 0; i < 4; i++) cleared = recordFailure(LOOKUP_POLICY, cleared, t0 + i);
    cleared = recordFailure(LOOKUP_POLICY, recordSuccess(cleared), t0 + 10);
    expect(lockedFor(cleared, t0 + 10)).toBe(0);
    // The PIN: three wrong ones lock, never longer than the ceiling.
    let pin = OPEN;
    for (let i = 0; i < 60; i++) pin = recordFailure(PIN_POLICY, pin, t0 + i);
    expect(lockedFor(pin, t0 + 59)).toBe(PIN_POLICY.maxLockMs);
  });

  it('resets to the welcome screen 30 s after the last touch, except while printing or locked; welcome only after a language change', () => {
    for (const step of ['scan', 'type', 'confirm', 'done', 'desk', 'pin'] as const) expect(idleResetAt(step, 5000)).toBe(5000 + IDLE_RESET_MS);
    expect(IDLE_RESET_MS).toBe(30_000);
    expect(idleResetAt('printing', 5000)).toBeNull();
    expect(idleResetAt('locked', 5000)).toBeNull();
    expect(idleResetAt('welcome', 5000)).toBeNull();
    expect(idleResetAt('welcome', 5000, true)).toBe(35_000);
  });
});

const desks = useTwoDesks();

type Row = { id: string; code: string; givenName: string; familyName: string; chosenName: string };
function people(s: Station, where: ReturnType<typeof and>): Row[] {
  return s.db.orm
    .select({ id: attendees.id, code: badgeCodes.code, givenName: attendees.givenName, familyName: attendees.familyName, chosenName: attendees.chosenName })
    .from(attendees)
    .innerJoin(badgeCodes, eq(badgeCodes.attendeeId, attendees.id))
    .where(where)
    .orderBy(attendees.id)
    .all();
}
const plain = (s: Station) => people(s, and(eq(attendees.status, 'active'), eq(attendees.protected, false), eq(attendees.notes, ''), ne(attendees.familyName, ''))!);

async function startKiosk(call: Call) {
  await ok<KioskState>(call, 'kiosk.setPin', { pin: '4711' });
  return ok<KioskState>(call, 'kiosk.start', {});
}

describe('kiosk station', () => {
  it('scan → "Is this you?" (name and delegation only) → the kiosk print is the hand-over; again anywhere is a reprint', async () => {
    const [p] = plain(desks.a);
    await startKiosk(desks.callA);
    const answer = await ok<KioskAnswer>(desks.callA, 'kiosk.scan', { text: p!.code });
    expect(answer).toEqual({ kind: 'confirm', attendeeId: p!.id, name: `${p!.givenName} ${p!.familyName}`, delegation: expect.any(String) });
    expect(await ok(desks.callA, 'kiosk.confirm', { attendeeId: p!.id })).toEqual({ kind: 'printed', attendeeId: p!.id });
    // The same code again: the badge was collected, so the desk — and the sentence never says so.
    expect(await ok(desks.callA, 'kiosk.scan', { text: p!.code })).toEqual({ kind: 'desk' });
    // Another desk, after sync, sees the kiosk's hand-over: a second badge only as a reprint with a reason.
    exchange(desks.a, desks.b, desks.now);
    const seen = await ok<FindResult>(desks.callB, 'collect.find', { text: p!.code });
    expect(seen).toMatchObject({ found: true, view: { handedOver: { badgeVersion: 1 }, canHandOver: false } });
    expect((await desks.callB('collect.handOver', { attendeeId: p!.id })).error?.code).toBe('already_collected');
    expect(await ok<CollectView>(desks.callB, 'collect.person', { attendeeId: p!.id })).toMatchObject({ handedOver: expect.anything() });
  });

  it('surname + code: both must fit; a wrong surname, an unknown code or a bare surname is a miss that names nobody', async () => {
    const [p, q] = plain(desks.a);
    await startKiosk(desks.callA);
    expect(await ok(desks.callA, 'kiosk.lookup', { surname: p!.familyName.toUpperCase(), code: p!.code.toLowerCase() })).toMatchObject({ kind: 'confirm', attendeeId: p!.id });
    const misses = [
      { surname: q!.familyName, code: p!.code }, // someone else's surname
      { surname: p!.familyName, code: 'ZZZZ-0000' }, // no such code
      { surname: p!.familyName, code: '' },
      { surname: p!.familyName.slice(0, 3), code: p!.code }, // a prefix is not the surname
    ];
    for (const [i, m] of misses.entries()) {
      const r = await ok<KioskAnswer>(desks.callA, 'kiosk.lookup', m);
      expect(r, JSON.stringify(m)).toEqual({ kind: 'notFound', attemptsLeft: LOOKUP_POLICY.maxFailures - 1 - i });
      expect(JSON.stringify(r)).not.toContain(p!.familyName);
    }
  });

  it('locks after repeated misses: even the right surname and code wait, and the lock survives a restart of the screen', async () => {
    const [p] = plain(desks.a);
    await startKiosk(desks.callA);
    for (let i = 0; i < LOOKUP_POLICY.maxFailures - 1; i++) await ok(desks.callA, 'kiosk.lookup', { surname: 'Nobody', code: `X${i}` });
    expect(await ok(desks.callA, 'kiosk.scan', { text: 'not-a-code' })).toEqual({ kind: 'locked', lockedForMs: LOOKUP_POLICY.lockMs });
    // The public screen can call kiosk.start too: starting again while on does not lift the lock.
    expect(await ok<KioskState>(desks.callA, 'kiosk.start', {})).toMatchObject({ active: true, lockedForMs: LOOKUP_POLICY.lockMs });
    desks.now += 60_000;
    expect(await ok(desks.callA, 'kiosk.lookup', { surname: p!.familyName, code: p!.code })).toEqual({ kind: 'locked', lockedForMs: LOOKUP_POLICY.lockMs - 60_000 });
    expect(await ok<KioskState>(desks.callA, 'kiosk.state', {})).toMatchObject({ active: true, lockedForMs: LOOKUP_POLICY.lockMs - 60_000 });
    desks.now += LOOKUP_POLICY.lockMs;
    expect(await ok(desks.callA, 'kiosk.lookup', { surname: p!.familyName, code: p!.code })).toMatchObject({ kind: 'confirm' });
  });

  it('sends protected, refused and revoked people to the desk, and never with their name or reason', async () => {
    const [prot] = people(desks.a, and(eq(attendees.protected, true), ne(attendees.chosenName, ''))!);
    const [, , refused, revoked] = plain(desks.a);
    await ok(desks.callA, 'collect.refuse', { attendeeId: refused!.id, reason: 'no_id', note: '' });
    desks.a.db.orm.update(attendees).set({ status: 'revoked' }).where(eq(attendees.id, revoked!.id)).run();
    await startKiosk(desks.callA);
    expect(await ok(desks.callA, 'kiosk.scan', { text: prot!.code })).toEqual({ kind: 'desk' });
    expect(await ok(desks.callA, 'kiosk.lookup', { surname: prot!.familyName, code: prot!.code })).toEqual({ kind: 'desk' });
    expect(await ok(desks.callA, 'kiosk.lookup', { surname: prot!.chosenName, code: prot!.code })).toEqual({ kind: 'desk' });
    expect(await ok(desks.callA, 'kiosk.scan', { text: refused!.code })).toEqual({ kind: 'desk' });
    expect(await ok(desks.callA, 'kiosk.scan', { text: revoked!.code })).toEqual({ kind: 'desk' });
    // "Is this you?" was never offered: confirming anyone by id is refused.
    expect((await desks.callA('kiosk.confirm', { attendeeId: prot!.id })).error?.code).toBe('kiosk_expired');
  });

  it('serves nobody while an evacuation or drill runs — started at another desk, arrived by sync — and serves again once it ends', async () => {
    const [p] = plain(desks.a).slice(-1);
    await startKiosk(desks.callA);
    expect(await ok<KioskAnswer>(desks.callA, 'kiosk.scan', { text: p!.code })).toMatchObject({ kind: 'confirm' });
    await ok(desks.callB, 'evacuation.start', { drill: true, operator: 'Fire warden' });
    exchange(desks.a, desks.b, desks.now);
    // The kiosk's screen learns it from station.status (a method the kiosk may call) and shows the evacuation notice.
    expect(await ok<{ evacuation: unknown }>(desks.callA, 'station.status', {})).toMatchObject({ evacuation: { drill: true } });
    for (const [m, args] of [['kiosk.scan', { text: p!.code }], ['kiosk.lookup', { surname: p!.familyName, code: p!.code }], ['kiosk.confirm', { attendeeId: p!.id }]] as const) {
      expect((await desks.callA(m, args)).error?.code, m).toBe('kiosk_evacuation');
    }
    await ok(desks.callB, 'evacuation.end', { operator: 'Fire warden' });
    exchange(desks.a, desks.b, desks.now);
    expect(await ok<{ evacuation: unknown }>(desks.callA, 'station.status', {})).toMatchObject({ evacuation: null });
    expect(await ok<KioskAnswer>(desks.callA, 'kiosk.scan', { text: p!.code })).toMatchObject({ kind: 'confirm', attendeeId: p!.id });
  });

  it('answers only kiosk methods while on; the PIN is stored hashed, wrong PINs are throttled, the right one ends it', async () => {
    const [p, q] = plain(desks.a);
    expect((await desks.callA('kiosk.start', {})).error?.code).toBe('kiosk_no_pin');
    await startKiosk(desks.callA);
    const stored = JSON.stringify(desks.a.db.orm.select().from(settings).where(eq(settings.key, 'kiosk.pin')).get());
    expect(stored).not.toContain('4711');
    for (const [m, args] of [['attendees.search', { query: p!.familyName }], ['checkin.scan', { text: p!.code }], ['badges.pdf', { attendeeId: p!.id }], ['kiosk.setPin', { pin: '0000' }]] as const) {
      expect((await desks.callA(m, args)).error?.code, m).toBe('kiosk_mode');
    }
    // Printing: only the person the kiosk just handed over.
    await ok(desks.callA, 'kiosk.scan', { text: p!.code });
    await ok(desks.callA, 'kiosk.confirm', { attendeeId: p!.id });
    expect((await desks.callA('badges.pdf', { attendeeId: p!.id })).ok).toBe(true);
    expect((await desks.callA('badges.pdf', { attendeeId: q!.id })).error?.code).toBe('kiosk_mode');

    expect(await ok<KioskExit>(desks.callA, 'kiosk.exit', { pin: '1234' })).toEqual({ ok: false, lockedForMs: 0 });
    expect(await ok<KioskExit>(desks.callA, 'kiosk.exit', { pin: '' })).toEqual({ ok: false, lockedForMs: 0 });
    expect(await ok<KioskExit>(desks.callA, 'kiosk.exit', { pin: '9999' })).toEqual({ ok: false, lockedForMs: PIN_POLICY.lockMs });
    // Locked: even the right PIN waits.
    expect(await ok<KioskExit>(desks.callA, 'kiosk.exit', { pin: '4711' })).toEqual({ ok: false, lockedForMs: PIN_POLICY.lockMs });
    desks.now += PIN_POLICY.lockMs;
    expect(await ok<KioskExit>(desks.callA, 'kiosk.exit', { pin: '4711' })).toEqual({ ok: true });
    expect(await ok<KioskState>(desks.callA, 'kiosk.state', {})).toMatchObject({ active: false });
    expect((await desks.callA('attendees.search', { query: q!.familyName })).ok).toBe(true);
  });
});
