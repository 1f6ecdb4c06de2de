// Reads for protocol alerts (core/checkin/protocol-alert.ts): the admissions of people who carry
// an alert, and which of them were undone. Few people carry one, so the join stays small.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { ADMITTING_KINDS } from '../core/checkin/admission';
import type { AdmissionEvent, ProtocolAck, ProtocolAlert } from '../core/checkin/protocol-alert';
import type { Orm } from './connection';
import { attendees, events, undone } from './schema/index';

export interface ProtocolPerson {
  id: string;
  givenName: string;
  familyName: string;
  protected: boolean;
  chosenName: string;
  protocol: ProtocolAlert | null;
  protocolAck: ProtocolAck | null;
}

/** People who carry an alert (possibly an empty one); `onlyId`: just that person (a key lookup, for the scan path). */
export function protocolPeople(orm: Orm, onlyId?: string): ProtocolPerson[] {
  return orm
    .select({
      id: attendees.id,
      givenName: attendees.givenName,
      familyName: attendees.familyName,
      protected: attendees.protected,
      chosenName: attendees.chosenName,
      protocol: attendees.protocol,
      protocolAck: attendees.protocolAck,
    })
    .from(attendees)
    .where(onlyId === undefined ? isNotNull(attendees.protocol) : and(eq(attendees.id, onlyId), isNotNull(attendees.protocol)))
    .all();
}

/** Their admitting events, and the ids of those undone. */
export function protocolAdmissions(orm: Orm, ids: readonly string[]): { admissions: AdmissionEvent[]; undone: Set<string> } {
  if (ids.length === 0) return { admissions: [], undone: new Set() };
  const admissions = orm
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, wallTime: events.wallTime, kind: events.kind, reason: events.reason, attendeeId: events.attendeeId })
    .from(events)
    .where(and(inArray(events.attendeeId, [...ids]), inArray(events.kind, [...ADMITTING_KINDS])))
    .all();
  const taken = admissions.length
    ? orm.select({ id: undone.eventId }).from(undone).where(inArray(undone.eventId, admissions.map((a) => a.id))).all()
    : [];
  return { admissions, undone: new Set(taken.map((u) => u.id)) };
}
