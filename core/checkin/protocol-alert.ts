// Protocol (VIP) arrivals: a person can carry an alert — the host or protocol officer to notify,
// a note ("Minister — escort to the Neuer Saal"), the room they are heading to. On their first
// admission of a day every station and the console show it until the host acknowledges it from
// the console. The alert is no event of its own: it is read from the log (that person's
// admissions) and the person's record (the alert, the acknowledgement), so stations that hold
// the same events and records show the same alerts, offline or not. Pure.
import { z } from 'zod';
import { compareEvents } from '../hlc';
import { isFirstAdmission } from './admission';

export const ProtocolAlert = z.object({
  /** Who to notify: the host or protocol officer ("Protocol office, M. Huber +43 …"). */
  host: z.string().max(200),
  /** For desks and the console: who they are and what to do. Never sent to door stations. */
  note: z.string().max(300),
  /** The room they are heading to, by id or name as the organiser wrote it ('' = none): its doors are warned. */
  room: z.string().max(200),
});
export type ProtocolAlert = z.infer<typeof ProtocolAlert>;

/** The acknowledged arrival: that admission and any earlier one (by wall time) are done with. */
export const ProtocolAck = z.object({ eventId: z.string().max(64), at: z.number().int() });
export type ProtocolAck = z.infer<typeof ProtocolAck>;

/** True when the alert says anything (an empty one is no alert). */
export function hasAlert(p: ProtocolAlert | null | undefined): p is ProtocolAlert {
  return !!p && (p.host.trim() !== '' || p.note.trim() !== '' || p.room.trim() !== '');
}

/** One admission as either log holds it. */
export interface AdmissionEvent {
  id: string;
  stationId: string;
  hlc: string;
  wallTime: number;
  kind: string;
  reason: string | null;
  attendeeId: string | null;
}

export interface OpenAlert {
  /** The admission that raised it (the acknowledgement names it). */
  eventId: string;
  attendeeId: string;
  stationId: string;
  at: number;
}

/** Whether an acknowledgement covers this admission. */
export function acknowledged(ack: ProtocolAck | null | undefined, e: { id: string; wallTime: number }): boolean {
  return !!ack && (e.id === ack.eventId || e.wallTime < ack.at);
}

/**
 * Alerts still open: per person, their first admissions of a day (re-entries raise none) that are
 * not undone and not acknowledged; newest first. `people` holds those with an alert.
 */
export function openAlerts(
  admissions: readonly AdmissionEvent[],
  undone: ReadonlySet<string>,
  people: ReadonlyMap<string, { protocol: ProtocolAlert | null | undefined; protocolAck: ProtocolAck | null | undefined }>,
): OpenAlert[] {
  const out: OpenAlert[] = [];
  for (const e of [...admissions].sort(compareEvents)) {
    const p = e.attendeeId ? people.get(e.attendeeId) : undefined;
    if (!p || !hasAlert(p.protocol) || !isFirstAdmission(e) || undone.has(e.id) || acknowledged(p.protocolAck, e)) continue;
    out.push({ eventId: e.id, attendeeId: e.attendeeId!, stationId: e.stationId, at: e.wallTime });
  }
  return out.reverse();
}
