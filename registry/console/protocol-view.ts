// The console's open protocol (VIP) alerts (core/checkin/protocol-alert.ts), from the merged log
// and the people who carry one — the same rule every station applies, so the console and the
// stations list the same arrivals. Named as shared screens name people (a protected person by
// their chosen name): the live view is often on a wall. Host and note are the organiser's own.
import { and, inArray, isNotNull } from 'drizzle-orm';
import { ADMITTING_KINDS } from '../../core/checkin/admission';
import { hasAlert, openAlerts, type AdmissionEvent } from '../../core/checkin/protocol-alert';
import type { LiveProtocolAlert } from '../../core/console/live';
import { publicName } from '../../core/sync/visibility';
import type { RegistryOrm } from '../db';
import { attendees, events } from '../schema';

export async function liveProtocolAlerts(orm: RegistryOrm, stationName: ReadonlyMap<string, string>): Promise<LiveProtocolAlert[]> {
  const rows = await orm
    .select({ id: attendees.id, givenName: attendees.givenName, familyName: attendees.familyName, protected: attendees.protected, chosenName: attendees.chosenName, protocol: attendees.protocol, protocolAck: attendees.protocolAck })
    .from(attendees)
    .where(isNotNull(attendees.protocol));
  const people = new Map(rows.filter((p) => hasAlert(p.protocol)).map((p) => [p.id, p]));
  if (people.size === 0) return [];
  const ids = [...people.keys()];
  const admissions = (await orm
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, wallTime: events.wallTime, kind: events.kind, reason: events.reason, attendeeId: events.attendeeId })
    .from(events)
    .where(and(inArray(events.attendeeId, ids), inArray(events.kind, [...ADMITTING_KINDS])))) as AdmissionEvent[];
  const undos = await orm.select({ payload: events.payload }).from(events).where(and(inArray(events.attendeeId, ids), inArray(events.kind, ['undo'])));
  const undone = new Set(undos.map((u) => (u.payload as { target?: unknown }).target).filter((x): x is string => typeof x === 'string'));
  return openAlerts(admissions, undone, people).map((a) => {
    const p = people.get(a.attendeeId)!;
    return { ...a, name: publicName(p), stationName: stationName.get(a.stationId) ?? a.stationId, host: p.protocol!.host, note: p.protocol!.note, room: p.protocol!.room };
  });
}
