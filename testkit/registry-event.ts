// An event the stations do not already hold: the registry's demo route with another seed
// (other attendee ids and badge codes, its own event id). A fresh test station is seeded with
// the standard demo (seed 23, 'atip-23'); when a test then finds this event's people on it,
// the station really downloaded them.
import type { RegistryProc } from './registry-proc';

export interface RegistryAttendee {
  id: string;
  givenName: string;
  status: string;
  validDays: string[] | null;
  notes: string;
  badgeVersion: number;
  badgeCodes: string[];
  source: string;
}

export interface PublishedEvent {
  eventId: string;
  /** The attendees as published (before any test edits them). */
  attendees: RegistryAttendee[];
}

export async function publishOtherEvent(reg: RegistryProc, opts: { seed?: number; attendees?: number } = {}): Promise<PublishedEvent> {
  const r = await reg.admin<{ event: string }>('POST', '/v1/admin/demo', { seed: opts.seed ?? 77, attendees: opts.attendees });
  return { eventId: r.event, attendees: await registryAttendees(reg) };
}

/** Every attendee the registry holds now (walk-ins and organiser edits included), page by page. */
export async function registryAttendees(reg: RegistryProc): Promise<RegistryAttendee[]> {
  const out: RegistryAttendee[] = [];
  for (let after = ''; ; ) {
    const page = await reg.admin<RegistryAttendee[]>('GET', `/v1/admin/attendees?limit=1000&after=${encodeURIComponent(after)}`);
    out.push(...page);
    if (page.length < 1000) return out;
    after = page[page.length - 1]!.id;
  }
}
