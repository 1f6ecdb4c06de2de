// The facts of the hybrid attendance report from the registry's merged log: who was in each
// session's room (the occupancy model of core/occupancy over every station's door events, the
// same rules the stations count by), who was admitted at the venue, who was in each session's
// Zoom report, and each person's category and delegation. core/hybrid/attendance.ts does the sums.
import { asc, inArray, sql } from 'drizzle-orm';
import { attendanceReport, type AttendanceReport, type PersonFacts, type RemoteFacts, type SessionFacts } from '../../core/hybrid/attendance';
import { computeOccupancy } from '../../core/occupancy/model';
import { sessionStats } from '../../core/occupancy/sessions';
import type { OccEvent, Stay } from '../../core/occupancy/types';
import type { EventInfoRecord } from '../../core/sync/protocol';
import { query, type RegistryOrm } from '../db';
import { ADMITTED } from '../exports';
import { attendees, events, remoteAttendance, rooms, sessions } from '../schema';
import { getEvent } from '../store';

export interface ReportInput {
  event: EventInfoRecord | null;
  report: AttendanceReport;
  /** When the report was made (the newest event it counts is older). */
  madeAt: number;
  /** Sessions whose Zoom report was imported. */
  zoomSessions: number;
}

/** Delegations stand for a State or Partner; one without a name is known by its country code. */
function personFacts(a: { category: PersonFacts['category']; delegation: string; country: string }): PersonFacts {
  const official = a.category === 'delegation' || a.category === 'partner';
  return { category: a.category, delegation: a.delegation.trim() || (official ? a.country.trim().toUpperCase() : '') };
}

export async function attendanceFacts(orm: RegistryOrm, now: number): Promise<ReportInput> {
  const event = await getEvent(orm);
  const people = new Map<string, PersonFacts>();
  for (const a of await orm.select({ id: attendees.id, category: attendees.category, delegation: attendees.delegation, country: attendees.country }).from(attendees)) {
    people.set(a.id, personFacts(a));
  }
  const roomNames = new Map((await orm.select({ id: rooms.id, name: rooms.name }).from(rooms)).map((r) => [r.id, r.name]));
  const agenda = await orm.select().from(sessions).orderBy(asc(sessions.startsAt), asc(sessions.title));

  // Door events of every station, once each: the stays they make are the stations' own.
  const doorRows = await orm
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, kind: events.kind, attendeeId: events.attendeeId, roomId: events.roomId, verdict: events.verdict, payload: events.payload, day: events.day })
    .from(events)
    .where(inArray(events.kind, ['room_entry', 'room_exit', 'sweep', 'counter']));
  const model = computeOccupancy(doorRows as OccEvent[]);
  const staysByRoom = new Map<string, Stay[]>();
  for (const s of model.stays) {
    const list = staysByRoom.get(s.roomId);
    if (list) list.push(s);
    else staysByRoom.set(s.roomId, [s]);
  }

  const remoteRows = await orm.select({ sessionId: remoteAttendance.sessionId, attendeeId: remoteAttendance.attendeeId, key: remoteAttendance.key, role: remoteAttendance.role }).from(remoteAttendance);
  const remoteBySession = new Map<string, RemoteFacts[]>();
  for (const r of remoteRows) {
    const list = remoteBySession.get(r.sessionId);
    // Unmatched people are the same person across sessions when their e-mail or name is.
    const fact = { attendeeId: r.attendeeId, key: r.key.replace(/#\d+$/, ''), role: r.role };
    if (list) list.push(fact);
    else remoteBySession.set(r.sessionId, [fact]);
  }
  const zoomIds = new Set(await query<{ session_id: string }>(orm, sql`select session_id from zoom_reports`).then((r) => r.map((x) => x.session_id)));

  const facts: SessionFacts[] = agenda.map((s) => {
    const st = sessionStats(staysByRoom.get(s.roomId) ?? [], [], s, 1, now);
    return {
      id: s.id,
      title: s.title,
      roomName: roomNames.get(s.roomId) ?? s.roomId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      inPerson: new Set(st.attendees.map((a) => a.attendeeId)),
      remote: zoomIds.has(s.id) ? (remoteBySession.get(s.id) ?? []) : null,
    };
  });
  const venue = new Set<string>(model.stays.map((s) => s.attendeeId));
  for (const r of await query<{ attendee_id: string }>(orm, sql`select distinct e.attendee_id from events e where e.attendee_id is not null and ${ADMITTED}`)) venue.add(r.attendee_id);
  return { event, report: attendanceReport(facts, venue, people), madeAt: now, zoomSessions: zoomIds.size };
}
