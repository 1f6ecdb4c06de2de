// Protocol (VIP) arrivals at this station (core/checkin/protocol-alert.ts): the alerts still open,
// as this station may show them. A desk shows every alert with the host and note; a door station
// holds neither (core/sync/visibility.ts) and shows only arrivals heading to the room it watches.
import type { ProtocolAlertView } from '../core/api/protocol';
import { FIRST_ADMISSION_REASONS } from '../core/checkin/admission';
import { hasAlert, openAlerts, type ProtocolAlert } from '../core/checkin/protocol-alert';
import type { CheckInResult } from '../core/model';
import { publicName } from '../core/sync/visibility';
import { listRooms } from '../db/occupancy/read';
import { protocolAdmissions, protocolPeople } from '../db/protocol';
import { stationName } from './checkin';
import type { Station } from './station';

/** The room an alert names (by id or name, as the organiser wrote it): this event's room, if any. */
export function alertRoom(station: Station, alert: ProtocolAlert): { id: string | null; name: string } {
  const want = alert.room.trim();
  if (!want) return { id: null, name: '' };
  const r = listRooms(station.db.orm).find((x) => x.id === want || x.name.localeCompare(want, undefined, { sensitivity: 'base' }) === 0);
  return r ? { id: r.id, name: r.name } : { id: null, name: want };
}

/** Every open alert this station may show; `onlyAttendeeId`: just that person's. */
export function openProtocolAlerts(station: Station, onlyAttendeeId?: string): ProtocolAlertView[] {
  const orm = station.db.orm;
  const cfg = station.config();
  const people = new Map(protocolPeople(orm, onlyAttendeeId).filter((p) => hasAlert(p.protocol)).map((p) => [p.id, p]));
  const { admissions, undone } = protocolAdmissions(orm, [...people.keys()]);
  const out: ProtocolAlertView[] = [];
  for (const a of openAlerts(admissions, undone, people)) {
    const p = people.get(a.attendeeId)!;
    const room = alertRoom(station, p.protocol!);
    const forThisRoom = cfg.role === 'door' && room.id !== null && room.id === cfg.roomId;
    if (cfg.role === 'door' && !forThisRoom) continue;
    out.push({
      eventId: a.eventId,
      attendeeId: a.attendeeId,
      name: publicName(p),
      at: a.at,
      stationName: stationName(station, a.stationId),
      host: cfg.role === 'desk' ? p.protocol!.host : '',
      note: cfg.role === 'desk' ? p.protocol!.note : '',
      room: room.name,
      forThisRoom,
    });
  }
  return out;
}

/** A desk's verdict that raised an alert carries it, so the desk sees it discreetly beside the welcome. */
export function withProtocol(station: Station, r: CheckInResult): CheckInResult {
  if (!r.eventId || !r.attendee || station.config().role !== 'desk' || !FIRST_ADMISSION_REASONS.includes(r.reason as never)) return r;
  // Only the admitted person can carry this alert: a key lookup, not every alert of the event, on the scan path.
  const alert = openProtocolAlerts(station, r.attendee.id).find((a) => a.eventId === r.eventId);
  return alert ? { ...r, protocol: alert } : r;
}
