// The two door posts of the roll call (docs/evacuation.md), as the person at them meets them: the
// venue exit takes people off "inside now" (a departure; a second scan of the same passage counts
// once; a scan at the desk brings them back), the assembly point marks badges safe during an
// evacuation or drill; both are a laptop's own setting, and so is "media staff work this door".
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToMillis } from '../../core/time';
import { attendees, badgeCodes, events } from '../../db/schema/index';
import { createHandlers } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { freshStation } from '../helpers/station';
import { stationCall } from '../helpers/station-call';

let station: Station;
let now: number;
const handlers = createHandlers({ now: () => now });

const call = stationCall(handlers, () => station);

function people(n: number, where: (a: { noPhoto: boolean; protected: boolean }) => boolean = (a) => !a.protected) {
  return station.db.orm
    .select({ code: badgeCodes.code, id: attendees.id, status: attendees.status, validDays: attendees.validDays, noPhoto: attendees.noPhoto, protected: attendees.protected, givenName: attendees.givenName })
    .from(badgeCodes)
    .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
    .all()
    .filter((a) => a.status === 'active' && a.validDays === null && where(a))
    .slice(0, n);
}

const departures = () => station.db.orm.select().from(events).where(eq(events.kind, 'departure')).all();

beforeEach(() => {
  ({ station } = freshStation());
  now = localToMillis(station.eventInfo().days[0]!, '10:00', 'Europe/Vienna');
});
afterEach(() => station.close());

describe('the venue exit', () => {
  it('takes people off "inside now"; the same passage counts once; a desk scan brings them back', async () => {
    const [a, b, c] = people(3);
    for (const p of [a!, b!, c!]) expect((await call('checkin.scan', { text: p.code })).verdict).toBe('admitted');
    const set = await call('door.configure', { roomId: null, mode: null, post: 'venue_exit', name: 'Main exit' });
    expect(set.station).toMatchObject({ role: 'door', post: 'venue_exit', roomId: null, name: 'Main exit', deskName: 'Front desk 1' });

    now += 60_000;
    expect(await call('evacuation.depart', { text: a!.code })).toMatchObject({ outcome: 'left', inside: 2, attendee: { id: a!.id } });
    now += 5_000; // the scanner read the badge twice
    expect(await call('evacuation.depart', { text: a!.code })).toMatchObject({ outcome: 'again', inside: 2 });
    expect(departures()).toHaveLength(1);
    const view = await call('evacuation.view');
    expect(view.inside).toBe(2);
    expect(view.floors.flatMap((f: any) => f.rooms.flatMap((r: any) => r.people.map((p: any) => p.attendeeId)))).not.toContain(a!.id);

    // An unknown badge takes nobody off the list and records nothing.
    expect(await call('evacuation.depart', { text: 'NOT-A-BADGE-123' })).toMatchObject({ outcome: 'unknown', attendee: null, inside: 2 });
    expect(departures()).toHaveLength(1);
    // Leaving is never refused: someone not on the list is recorded too (minutes later, not a double read).
    now += 120_000;
    expect(await call('evacuation.depart', { text: a!.code })).toMatchObject({ outcome: 'not_inside', inside: 2 });
    expect(departures()).toHaveLength(2);

    // A room door scan is not what this post does: nothing is counted into a room.
    expect(await call('door.scan', { text: b!.code })).toMatchObject({ verdict: 'refused', reason: 'not_configured', eventId: null });

    // Back in through the front desk (a repeat scan warns, and admits): inside again.
    const desk = await call('door.configure', { roomId: null, mode: null });
    expect(desk.station).toMatchObject({ role: 'desk', post: 'room', name: 'Front desk 1' });
    now += 60_000;
    expect((await call('checkin.scan', { text: a!.code })).verdict).toBe('warning');
    expect((await call('evacuation.view')).inside).toBe(3);
  });
});

describe('the assembly point', () => {
  it('marks scanned badges safe only during an evacuation or drill, and the top bar knows one runs', async () => {
    const [a, b] = people(2);
    for (const p of [a!, b!]) await call('checkin.scan', { text: p.code });
    await call('door.configure', { roomId: 'festsaal', mode: 'entry', post: 'assembly' });
    expect((await call('door.status')).station).toMatchObject({ role: 'door', post: 'assembly', roomId: null, mode: null });
    expect((await call('station.status')).evacuation).toBeNull();

    expect(await call('evacuation.safe', { text: a!.code })).toMatchObject({ outcome: 'no_evacuation', unaccounted: 2 });
    now += 1000;
    await call('evacuation.start', { drill: true });
    expect((await call('station.status')).evacuation).toEqual({ drill: true, startedAt: now });
    now += 1000;
    expect(await call('evacuation.safe', { text: a!.code })).toMatchObject({ outcome: 'marked', unaccounted: 1, attendee: { id: a!.id } });
    expect(await call('evacuation.safe', { text: a!.code })).toMatchObject({ outcome: 'already', unaccounted: 1 });
    now += 1000;
    await call('evacuation.end');
    expect((await call('station.status')).evacuation).toBeNull();
  });
});

describe('media staff at a door', () => {
  it('is a setting of the laptop that survives changing the door, until unticked', async () => {
    await call('door.configure', { roomId: 'festsaal', mode: 'entry', mediaStaff: true });
    expect((await call('door.status')).station).toMatchObject({ mediaStaff: true, post: 'room', roomId: 'festsaal' });
    await call('door.configure', { roomId: 'festsaal', mode: 'exit' }); // a change that does not say
    expect((await call('door.status')).station.mediaStaff).toBe(true);
    // A "no photography" badge scanned at this door carries the mark the screen shows.
    const [np] = people(1, (a) => a.noPhoto && !a.protected);
    await call('door.configure', { roomId: 'festsaal', mode: 'entry' });
    expect((await call('door.scan', { text: np!.code })).attendee).toMatchObject({ noPhoto: true });
    await call('door.configure', { roomId: 'festsaal', mode: 'entry', mediaStaff: false });
    expect((await call('door.status')).station.mediaStaff).toBe(false);
  });
});
