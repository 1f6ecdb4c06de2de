// The desk as a volunteer meets it: a walk-in is warned about before a duplicate is
// made, registered offline, checked in, badged, and carried to other stations by sync;
// a desk note shows on the next check-in.
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PossibleDuplicate, WalkinResult } from '../../core/api/desk';
import { WalkinPayload } from '../../core/api/desk';
import type { CheckInResult } from '../../core/model';
import { WireEvent } from '../../core/sync/protocol';
import { upsertAttendees } from '../../db/attendees';
import { insertEvent, toLogEvent } from '../../db/events';
import { attendees, events } from '../../db/schema/index';
import { searchAttendees } from '../../db/search';
import { checkIn, checkInAttendee } from '../../station/checkin';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { freshStation } from '../helpers/station';

let station: Station;
let dir: string;
let now: number;
let call: (method: string, args: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

const EXISTING = 'f0000000-0000-4000-8000-000000000001';

beforeEach(() => {
  ({ station, dir } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T08:30:00Z`);
  const handlers = createHandlers({ now: () => now });
  call = (method, args) => dispatch(handlers, station, method, args) as never;
  upsertAttendees(station.db.orm, [
    { id: EXISTING, givenName: 'Anneliese', familyName: 'Müller', organisation: 'Caritas Wien', category: 'ngo' },
  ]);
});
afterEach(() => station.close());

const form = (over: Record<string, unknown> = {}) => ({
  givenName: 'Zdeněk',
  familyName: 'Hořejší',
  organisation: 'La Strada Czech Republic',
  delegation: 'Czechia',
  country: 'cz',
  category: 'ngo',
  ...over,
});
const eventCount = () => station.db.orm.select({ n: count() }).from(events).get()!.n;
const attendeeCount = () => station.db.orm.select({ n: count() }).from(attendees).get()!.n;

async function walkin(args: Record<string, unknown>): Promise<WalkinResult> {
  const r = await call('desk.walkin', args);
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as WalkinResult;
}

describe('duplicate-name warning', () => {
  it.each([
    ['Anneliese', 'Mueller', 'same'],
    ['ANNELIESE', 'MULLER', 'same'],
    ['Anne', 'Müller', 'similar'],
    ['Müller', 'Anneliese', 'similar'], // given and family name swapped on the form
  ])('%s %s is flagged as %s before anything is saved', async (givenName, familyName, match) => {
    const before = { events: eventCount(), attendees: attendeeCount() };
    const warn = await call('desk.duplicates', { givenName, familyName });
    expect((warn.value as PossibleDuplicate[]).map((d) => [d.attendee.id, d.match])).toContainEqual([EXISTING, match]);
    const r = await walkin({ form: form({ givenName, familyName }) });
    expect(r.status).toBe('duplicates');
    expect(r.status === 'duplicates' && r.duplicates[0]?.attendee.organisation).toBe('Caritas Wien');
    expect({ events: eventCount(), attendees: attendeeCount() }).toEqual(before);
  });

  it('says whether the possible duplicate is already checked in today', async () => {
    checkInAttendee(station, EXISTING, now);
    const warn = (await call('desk.duplicates', { givenName: 'Anneliese', familyName: 'Müller' })).value as PossibleDuplicate[];
    expect(warn.find((d) => d.attendee.id === EXISTING)?.checkedInToday).toBe(true);
  });

  it('different people are not flagged', async () => {
    expect((await call('desk.duplicates', { givenName: 'Zdeněk', familyName: 'Hořejší' })).value).toEqual([]);
    expect(((await call('desk.duplicates', { givenName: 'Hans', familyName: 'Müller' })).value as PossibleDuplicate[]).map((d) => d.attendee.id)).not.toContain(EXISTING);
  });

  it('the volunteer can still register a namesake', async () => {
    const r = await walkin({ form: form({ givenName: 'Anneliese', familyName: 'Müller' }), allowDuplicates: true });
    expect(r.status).toBe('registered');
    expect(searchAttendees(station.db.orm, 'Anneliese Mueller').length).toBe(2);
  });
});

describe('walk-in registration', () => {
  it('creates the person, checks them in and makes them findable and scannable at once', async () => {
    const r = await walkin({ form: form() });
    if (r.status !== 'registered') throw new Error('expected registration');
    expect(r.attendee).toMatchObject({ givenName: 'Zdeněk', familyName: 'Hořejší', category: 'ngo', status: 'active' });
    expect(r.attendee.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.checkin?.verdict).toBe('admitted');
    expect(r.badgeCode).toMatch(/^W-[A-Z2-9]{8}$/);
    expect(searchAttendees(station.db.orm, 'Zdenek Horejsi')[0]?.attendee.id).toBe(r.attendee.id);
    const rescan = checkIn(station, r.badgeCode, now + 60_000);
    expect(rescan.attendee?.id).toBe(r.attendee.id);
    expect(rescan.reason).toBe('already_checked_in');
    const row = station.db.orm.select().from(attendees).where(eq(attendees.id, r.attendee.id)).get()!;
    expect(row).toMatchObject({ source: 'walkin', country: 'CZ', delegation: 'Czechia', validDays: null });
  });

  it('Last scans calls a walk-in a walk-in, a name search a search and a scan a badge', async () => {
    const r = await walkin({ form: form() });
    if (r.status !== 'registered') throw new Error('expected registration');
    checkInAttendee(station, EXISTING, now + 1000); // chosen in the name search
    const rescan = checkIn(station, r.badgeCode, now + 2000);
    const recent = (await call('checkin.recent', { limit: 10 })).value as { eventId: string; via: string | null; attendee: { id: string } | null }[];
    expect(recent.map((x) => [x.attendee?.id, x.via])).toEqual([
      [r.attendee.id, 'badge'],
      [EXISTING, 'search'],
      [r.attendee.id, 'walkin'],
    ]);
    expect(recent[0]!.eventId).toBe(rescan.eventId);
  });

  it('is a sync-ready walkin event in the outbox whose payload has what the registry needs', async () => {
    const r = await walkin({ form: form({ notes: 'Needs wheelchair access', days: 'today' }) });
    if (r.status !== 'registered') throw new Error('expected registration');
    const e = station.db.orm.select().from(events).where(eq(events.id, r.eventId)).get()!;
    expect(e).toMatchObject({ kind: 'walkin', attendeeId: r.attendee.id, stationId: station.id, pushedAt: null });
    expect(WireEvent.safeParse(toLogEvent(e)).success).toBe(true);
    const p = WalkinPayload.parse(e.payload);
    expect(p.attendee).toEqual({
      givenName: 'Zdeněk',
      familyName: 'Hořejší',
      organisation: 'La Strada Czech Republic',
      delegation: 'Czechia',
      country: 'CZ',
      category: 'ngo',
      validDays: [station.today(now)],
      notes: 'Needs wheelchair access',
      badgeCodes: [r.badgeCode],
      protected: false,
      chosenName: '',
      noPhoto: false,
    });
    // A desk note on a walk-in is read out at check-in.
    expect(r.checkin).toMatchObject({ verdict: 'warning', reason: 'notes' });
  });

  it('another station that pulls the event knows the person (idempotent, any order)', async () => {
    const r = await walkin({ form: form() });
    if (r.status !== 'registered') throw new Error('expected registration');
    const note = (await call('desk.note', { attendeeId: r.attendee.id, notes: 'Speaker at Panel 2' })).value as { eventId: string };
    const log = station.db.orm.select().from(events).all().map(toLogEvent);
    const walk = log.find((e) => e.id === r.eventId)!;
    const noteEvent = log.find((e) => e.id === note.eventId)!;

    const other = freshStation({ stationName: 'Door 2' });
    try {
      // The note arrives before the walk-in it belongs to, then both again (a replayed batch).
      for (const e of [noteEvent, walk, noteEvent, walk]) other.station.write(() => insertEvent(other.station.db.orm, e, now));
      const there = other.station.db.orm.select().from(attendees).where(eq(attendees.id, r.attendee.id)).all();
      expect(there).toHaveLength(1);
      expect(there[0]).toMatchObject({ familyName: 'Hořejší', notes: 'Speaker at Panel 2', source: 'walkin' });
      const v = checkIn(other.station, r.badgeCode, now + 1000);
      expect(v.attendee?.id).toBe(r.attendee.id);
      expect(v.verdict).not.toBe('refused');
      expect(searchAttendees(other.station.db.orm, 'Horejsi')[0]?.attendee.id).toBe(r.attendee.id);
    } finally {
      other.station.close();
    }
  });

  it('survives a restart', async () => {
    const r = await walkin({ form: form() });
    if (r.status !== 'registered') throw new Error('expected registration');
    station.close();
    station = openStation(dir);
    expect(searchAttendees(station.db.orm, 'Hořejší')[0]?.attendee.id).toBe(r.attendee.id);
    expect(checkIn(station, r.badgeCode, now + 5000).reason).toBe('already_checked_in');
  });

  it('prints a signed badge for the walk-in through the badges API', async () => {
    const r = await walkin({ form: form() });
    if (r.status !== 'registered') throw new Error('expected registration');
    const preview = await call('badges.preview', { attendeeId: r.attendee.id });
    expect(preview.ok).toBe(true);
    const v = preview.value as { signed: boolean; svg: string; badgeVersion: number };
    expect(v.signed).toBe(true);
    expect(v.svg).toContain('Hořejší');
  });

  it('refuses a form without a name or with a bad country, in words', async () => {
    for (const bad of [form({ givenName: ' ', familyName: '' }), form({ country: 'Austria' }), form({ category: 'vip' })]) {
      const r = await call('desk.walkin', { form: bad });
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('invalid_args');
    }
    expect(attendeeCount()).toBe(1201);
  });

  it('can register without checking in (e.g. someone arriving for tomorrow)', async () => {
    const r = await walkin({ form: form(), checkIn: false });
    expect(r.status === 'registered' && r.checkin).toBeNull();
  });
});

describe('desk notes', () => {
  it('a note is an event, shows on the verdict, and can be cleared', async () => {
    const set = await call('desk.note', { attendeeId: EXISTING, notes: 'Needs wheelchair access' });
    expect(set.ok).toBe(true);
    const e = station.db.orm.select().from(events).where(eq(events.kind, 'note')).all();
    expect(e).toHaveLength(1);
    expect(e[0]!.payload).toEqual({ notes: 'Needs wheelchair access' });
    const v = (await call('checkin.attendee', { attendeeId: EXISTING })).value as CheckInResult;
    expect(v).toMatchObject({ verdict: 'warning', reason: 'notes' });
    expect(v.message).toContain('Needs wheelchair access');
    expect(v.attendee?.notes).toBe('Needs wheelchair access');
    await call('desk.note', { attendeeId: EXISTING, notes: '' });
    await call('checkin.undo', {});
    expect(((await call('checkin.attendee', { attendeeId: EXISTING })).value as CheckInResult).reason).toBe('ok');
  });

  it('the latest note wins wherever the events arrive in another order', async () => {
    await call('desk.note', { attendeeId: EXISTING, notes: 'first' });
    now += 1000;
    await call('desk.note', { attendeeId: EXISTING, notes: 'second' });
    const notes = station.db.orm.select().from(events).where(eq(events.kind, 'note')).all().map(toLogEvent).reverse();
    const other = freshStation();
    try {
      upsertAttendees(other.station.db.orm, [{ id: EXISTING, givenName: 'Anneliese', familyName: 'Müller', category: 'ngo' }]);
      for (const n of notes) other.station.write(() => insertEvent(other.station.db.orm, n, now));
      expect(other.station.db.orm.select().from(attendees).where(eq(attendees.id, EXISTING)).get()?.notes).toBe('second');
    } finally {
      other.station.close();
    }
  });

  it('a note for someone unknown is refused in words', async () => {
    const r = await call('desk.note', { attendeeId: 'nobody', notes: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
