// Who may see what (docs/safeguarding.md). One rule, used by everything that carries people to a
// station — the registry's pull, the first-download snapshot, a LAN hub — and by every screen,
// export and print that names them. A protected person's legal name reaches only the stations
// and papers that must hold it: desks (which check identity and print badges), the organiser's
// attendee export and the evacuation list for emergency services. Door stations (any door mode,
// assembly points included) never receive it: not on screen, not in their database.
import type { AttendeeRecord } from '../records/attendee';
import type { WireEvent } from '../records/log-event';
import type { Change } from './protocol';

/**
 * What a station may receive, from its role at the registry (the organiser's assignment, never
 * what a station says about itself): `desk` gets everything a station needs; `door` gets protected
 * people by their chosen name only. A role this build does not know gets the least.
 */
export type Audience = 'desk' | 'door';

export function audienceOf(station: { role: string }): Audience {
  return station.role === 'desk' ? 'desk' : 'door';
}

/** The fields of a person that can identify them: a door station gets none of these for a protected person. */
const IDENTIFYING = { familyName: '', organisation: '', delegation: '', country: '', notes: '' } as const;

/**
 * A person as this audience may hold them. A protocol alert's host and note are for desks and the
 * console (they name people, say who someone is and where they go): a door gets the target room
 * only, for anyone — enough to warn the doors of that room (core/checkin/protocol-alert.ts).
 */
export function attendeeFor<A extends Pick<AttendeeRecord, 'protected' | 'chosenName' | 'givenName' | keyof typeof IDENTIFYING> & { protocol?: AttendeeRecord['protocol'] }>(
  audience: Audience,
  a: A,
): A {
  if (audience === 'desk') return a;
  const door = a.protocol ? { ...a, protocol: { host: '', note: '', room: a.protocol.room } } : a;
  if (!a.protected) return door;
  return { ...door, ...IDENTIFYING, givenName: a.chosenName };
}

/**
 * A log event as this audience may hold it. A walk-in carries the whole registration form and a
 * desk note may name people, so for a protected person (flagged in the walk-in itself, or by the
 * organiser since: `protectedIds`) the door gets the form as attendeeFor gives it and an empty note.
 * The event keeps its id, station, sequence and stamp: every station still holds the same events.
 */
export function eventFor(audience: Audience, e: WireEvent, protectedIds: ReadonlySet<string>): WireEvent {
  if (audience === 'desk' || !e.attendeeId) return e;
  if (e.kind === 'walkin') {
    const form = (e.payload as { attendee?: unknown }).attendee;
    if (!form || typeof form !== 'object') return e;
    const f = form as Record<string, unknown>;
    if (f.protected !== true && !protectedIds.has(e.attendeeId)) return e;
    const chosenName = typeof f.chosenName === 'string' ? f.chosenName : '';
    return { ...e, payload: { ...e.payload, attendee: { ...f, ...IDENTIFYING, givenName: chosenName, chosenName, protected: true } } };
  }
  if (e.kind === 'note' && protectedIds.has(e.attendeeId)) return { ...e, payload: { notes: '' } };
  return e;
}

/** People whose log events in these changes may need hiding: look up which of them are protected, then call changeFor. */
export function peopleToCheck(changes: readonly Change[]): string[] {
  const ids = new Set<string>();
  for (const c of changes) if (c.type === 'log' && c.data.attendeeId && (c.data.kind === 'walkin' || c.data.kind === 'note')) ids.add(c.data.attendeeId);
  return [...ids];
}

/** One change of a pull page (or of a snapshot) as this audience may receive it. */
export function changeFor(audience: Audience, c: Change, protectedIds: ReadonlySet<string>): Change {
  if (audience === 'desk') return c;
  if (c.type === 'attendee') return { ...c, data: attendeeFor(audience, c.data) };
  if (c.type === 'log') return { ...c, data: eventFor(audience, c.data, protectedIds) };
  return c;
}

// ---- naming people on screens and papers ---------------------------------------------------

export interface Named {
  givenName: string;
  familyName: string;
  protected: boolean;
  chosenName: string;
}

/** A person as every shared screen and occupancy export may show them, on any station: what a door station holds. */
export function onSharedScreen<A extends Pick<AttendeeRecord, 'protected' | 'chosenName' | 'givenName' | keyof typeof IDENTIFYING>>(a: A): A {
  return attendeeFor('door', a);
}

/** The name as registered ("given family"). Only where the person must be identified: the desk, the organiser's export, emergency services. */
export function legalName(p: Pick<Named, 'givenName' | 'familyName'>): string {
  return [p.givenName, p.familyName].filter(Boolean).join(' '); // as stored: an export keeps every character
}

/**
 * The name every shared screen, occupancy export and badge shows: a protected person's chosen name,
 * or '' when they have none (the screen then says "Protected participant" in its own language).
 */
export function publicName(p: Named): string {
  return p.protected ? p.chosenName.trim() : legalName(p);
}

/** The name a verdict sentence greets someone by ("Welcome, Anna"): the chosen name of a protected person, else the given name. */
export function greetingName(p: Named): string {
  return p.protected ? p.chosenName.trim() : p.givenName || p.familyName;
}
