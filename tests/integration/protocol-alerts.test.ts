// Protocol (VIP) arrivals across the network: the organiser sets an alert on a protected person;
// a desk that is offline admits them; once it reaches the registry, another desk shows the alert
// with its note and host, the door of the target room shows the arrival (and holds not a byte of
// the note, the host or the legal name), the console's live view lists it; the host acknowledges
// it in the console and, at the next sync, it is gone from every station.
import { describe, expect, it } from 'vitest';
import type { ProtocolAlertView } from '../../core/api/protocol';
import type { LiveSnapshot } from '../../core/console/live';
import { checkIn } from '../../station/checkin';
import { openProtocolAlerts } from '../../station/protocol';
import { useDemoRegistry } from '../helpers/demo-registry';
import { folderBytes, pairAs, syncOnce } from '../helpers/paired-stations';

const demo = useDemoRegistry('foyer-reg-protocol-', { event: 'other' });
const VIP = { givenName: 'Evander', familyName: 'Quillfeatherova', chosenName: 'Heron' };
const NOTE = 'Deputy minister Quillfeatherova, escort personally';
const HOST = 'Protocol office Zwirnbaumer';




describe('protocol alerts through the registry', () => {
  it('offline admission → other desk, target-room door and console; the console’s acknowledgement clears it everywhere', async () => {
    await demo.reg.admin('PUT', '/v1/admin/attendees/vip-1', {
      ...{ id: 'vip-1', organisation: 'Ministry', delegation: 'Ruritania', country: 'RU', category: 'delegation', validDays: null, status: 'active', badgeVersion: 1, notes: '' },
      ...{ ...VIP, protected: true, badgeCodes: ['VIP-0001'] },
    });
    await demo.reg.admin('PATCH', '/v1/admin/attendees/vip-1', { protocol: { host: HOST, note: NOTE, room: 'festsaal' } });
    const north = await pairAs(demo, 'North entrance', 'desk');
    const south = await pairAs(demo, 'South desk', 'desk');
    const door = await pairAs(demo, 'Festsaal door', 'door');
    for (const s of [north, south, door]) await syncOnce(demo, s.station);

    // North is offline when the VIP arrives: its own verdict carries the alert at once.
    const r = checkIn(north.station, 'VIP-0001', Date.now());
    expect(r.verdict).toBe('admitted');
    expect(openProtocolAlerts(north.station)).toEqual([expect.objectContaining({ eventId: r.eventId, note: NOTE, host: HOST, stationName: 'North entrance' })]);
    expect(openProtocolAlerts(south.station)).toEqual([]);

    // Back online: the admission reaches the registry, then the others.
    await syncOnce(demo, north.station);
    await syncOnce(demo, south.station);
    await syncOnce(demo, door.station);
    expect(openProtocolAlerts(south.station)).toEqual([expect.objectContaining({ eventId: r.eventId, name: 'Heron', note: NOTE, host: HOST, stationName: 'North entrance' })]);
    const atDoor: ProtocolAlertView[] = openProtocolAlerts(door.station);
    expect(atDoor).toEqual([expect.objectContaining({ eventId: r.eventId, name: 'Heron', note: '', host: '', forThisRoom: true })]);
    const live = await demo.reg.admin<LiveSnapshot>('GET', '/v1/console/live');
    expect(live.protocol).toEqual([expect.objectContaining({ eventId: r.eventId, attendeeId: 'vip-1', name: 'Heron', note: NOTE, host: HOST, stationName: 'North entrance' })]);

    // The door's folder holds neither the note, nor the host, nor the legal name — in any file.
    const bytes = folderBytes(door.dir);
    for (const s of [NOTE, HOST, 'Quillfeatherova', 'Zwirnbaumer', VIP.givenName]) {
      expect(bytes.includes(Buffer.from(s, 'utf8')), `${s} on the door`).toBe(false);
      expect(bytes.includes(Buffer.from(s, 'utf16le')), `${s} (UTF-16) on the door`).toBe(false);
    }
    expect(folderBytes(south.dir).includes(Buffer.from(NOTE, 'utf8'))).toBe(true);

    // The host acknowledges it from the console; every station clears it at its next sync.
    await demo.reg.admin('PATCH', '/v1/admin/attendees/vip-1', { protocolAck: { eventId: r.eventId, at: r.at } });
    expect((await demo.reg.admin<LiveSnapshot>('GET', '/v1/console/live')).protocol).toEqual([]);
    for (const s of [north, south, door]) {
      await syncOnce(demo, s.station);
      expect(openProtocolAlerts(s.station), s.station.config().name).toEqual([]);
    }
  });
});
