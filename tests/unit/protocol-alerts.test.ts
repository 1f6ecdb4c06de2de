// Protocol (VIP) arrivals as desks meet them: the organiser's alert on a person; their first
// admission of the day raises it at the admitting desk (in the verdict) and, once the log has
// travelled, at every other desk; a re-entry raises nothing new; an undo or the host's
// acknowledgement (a record change from the console) clears it everywhere. A door station holds
// the target room only, never the host or the note.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ProtocolAlertView } from '../../core/api/protocol';
import type { ProtocolAck, ProtocolAlert } from '../../core/checkin/protocol-alert';
import type { CheckInResult } from '../../core/model';
import { attendeeFor } from '../../core/sync/visibility';
import { listRooms } from '../../db/occupancy/read';
import { attendees } from '../../db/schema/index';
import type { Station } from '../../station/station';
import { demoCodes } from '../helpers/station';
import { exchange, ok, useTwoDesks } from '../helpers/two-desks';

const desks = useTwoDesks();

/** What a pull from the registry does to a person's record (the organiser's alert, the host's acknowledgement). */
function setRecord(s: Station, id: string, v: { protocol?: ProtocolAlert | null; protocolAck?: ProtocolAck | null }) {
  s.write(() => s.db.orm.update(attendees).set(v).where(eq(attendees.id, id)).run());
}

describe('protocol alerts', () => {
  it('raised by the first admission, seen at the admitting desk and at the other after sync; re-entry adds none; the ack clears it at both', async () => {
    const room = listRooms(desks.a.db.orm)[0]!;
    const [vip, other] = demoCodes(desks.a, 2);
    const alert = { host: 'Protocol office, M. Huber', note: 'Minister — escort to the hall', room: room.name.toUpperCase() };
    for (const s of [desks.a, desks.b]) setRecord(s, vip!.attendeeId, { protocol: alert });

    const r = await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: vip!.code });
    expect(r.verdict).toBe('admitted');
    expect(r.protocol).toMatchObject({ host: alert.host, note: alert.note, room: room.name, stationName: 'Desk North', eventId: r.eventId });
    // Someone without an alert raises nothing.
    expect((await ok<CheckInResult>(desks.callA, 'checkin.scan', { text: other!.code })).protocol).toBeUndefined();

    expect(await ok<ProtocolAlertView[]>(desks.callB, 'protocol.open', {})).toEqual([]);
    exchange(desks.a, desks.b, desks.now);
    const atB = await ok<ProtocolAlertView[]>(desks.callB, 'protocol.open', {});
    expect(atB).toEqual([expect.objectContaining({ eventId: r.eventId, attendeeId: vip!.attendeeId, stationName: 'Desk North', note: alert.note, room: room.name })]);

    // A re-entry the same day (a warning) is no new arrival.
    desks.now += 60_000;
    expect((await ok<CheckInResult>(desks.callB, 'checkin.scan', { text: vip!.code })).verdict).toBe('warning');
    exchange(desks.a, desks.b, desks.now);
    expect(await ok<ProtocolAlertView[]>(desks.callA, 'protocol.open', {})).toHaveLength(1);

    // The host acknowledges it from the console: the record comes back with the ack.
    for (const s of [desks.a, desks.b]) setRecord(s, vip!.attendeeId, { protocolAck: { eventId: r.eventId!, at: r.at } });
    for (const c of [desks.callA, desks.callB]) expect(await ok<ProtocolAlertView[]>(c, 'protocol.open', {})).toEqual([]);

    // The next day's arrival raises it again.
    desks.now += 24 * 3_600_000;
    const next = await ok<CheckInResult>(desks.callB, 'checkin.scan', { text: vip!.code });
    expect(next.protocol).toMatchObject({ stationName: 'Desk South' });
  });

  it('an undone admission raises no alert', async () => {
    const [vip] = demoCodes(desks.a, 1);
    setRecord(desks.a, vip!.attendeeId, { protocol: { host: '', note: 'Ambassador', room: '' } });
    await ok(desks.callA, 'checkin.scan', { text: vip!.code });
    expect(await ok<ProtocolAlertView[]>(desks.callA, 'protocol.open', {})).toHaveLength(1);
    await ok(desks.callA, 'checkin.undo', {});
    expect(await ok<ProtocolAlertView[]>(desks.callA, 'protocol.open', {})).toEqual([]);
  });

  it('a door gets the target room only — no host, no note — for anyone; a desk gets all of it', () => {
    const person = { givenName: 'Ana', familyName: 'Ruiz', organisation: 'MFA', delegation: 'Spain', country: 'ES', notes: '', protected: false, chosenName: '' };
    const protocol = { host: 'Protocol office', note: 'Minister — escort to the Neuer Saal', room: 'Neuer Saal' };
    expect(attendeeFor('door', { ...person, protocol }).protocol).toEqual({ host: '', note: '', room: 'Neuer Saal' });
    expect(attendeeFor('door', { ...person, protected: true, chosenName: 'Lark', protocol })).toMatchObject({ givenName: 'Lark', familyName: '', protocol: { host: '', note: '' } });
    expect(attendeeFor('desk', { ...person, protocol }).protocol).toEqual(protocol);
  });
});
