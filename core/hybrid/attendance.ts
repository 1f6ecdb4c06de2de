// The hybrid attendance report's numbers, from who was in each session's room (door scans) and
// who was in its Zoom report: per session in person, remote and both, by category and by
// delegation (participating State or Partner), and the totals a conference's final report
// needs. Pure: the registry gathers the facts (registry/hybrid/report-data.ts), the PDF and XLSX
// only lay these numbers out. Every rule is written in docs/hybrid-attendance.md.
import { CATEGORIES, type Category } from '../model';

export interface PersonFacts {
  category: Category;
  /** The delegation (a participating State's or Partner's name), or ''. */
  delegation: string;
}

/** One person of a session's Zoom report as the registry stored them. */
export interface RemoteFacts {
  attendeeId: string | null;
  /** Stable across sessions for the unmatched (their e-mail, else their name). */
  key: string;
  role: 'host' | 'panelist' | 'attendee' | 'participant';
}

export interface SessionFacts {
  id: string;
  title: string;
  roomName: string;
  startsAt: number;
  endsAt: number;
  /** Registered people scanned inside the room during the session. */
  inPerson: ReadonlySet<string>;
  /** The session's Zoom report, or null when none was imported. */
  remote: readonly RemoteFacts[] | null;
}

/** In person and remote numbers of one group. */
export interface Split {
  inPerson: number;
  remote: number;
  /** Distinct people (someone both in the room and on Zoom counts once). */
  total: number;
}

/** Remote people the registry could not name: they have no category or delegation. */
export const UNIDENTIFIED = 'unidentified';

export interface SessionAttendanceReport {
  id: string;
  title: string;
  roomName: string;
  startsAt: number;
  endsAt: number;
  hasZoomReport: boolean;
  all: Split;
  /** Registered people both in the room and on Zoom. */
  both: number;
  /** Remote people not matched to a registration. */
  unidentified: number;
  byCategory: Record<Category | typeof UNIDENTIFIED, Split>;
  /** Delegations with anyone present, by name (sorted). */
  byDelegation: { delegation: string; category: Category; split: Split }[];
}

export interface AttendanceTotals {
  /** Distinct people who attended anything: admitted at the venue, in a room, or on Zoom. */
  participants: number;
  inPerson: number;
  /** Attended only remotely (registered, or unidentified counted once per e-mail or name). */
  remoteOnly: number;
  unidentified: number;
  /** Participating States (category delegation) and Partners with at least one person present. */
  states: number;
  partners: number;
  byCategory: Record<Category | typeof UNIDENTIFIED, number>;
  /** Share of participants (0..1) per category, for "share of NGOs, IOs, media". */
  share: Record<Category | typeof UNIDENTIFIED, number>;
}

export interface AttendanceReport {
  sessions: SessionAttendanceReport[];
  totals: AttendanceTotals;
}

const emptySplit = (): Split => ({ inPerson: 0, remote: 0, total: 0 });
const GROUPS = [...CATEGORIES, UNIDENTIFIED] as const;
const perGroup = <T>(make: () => T) => Object.fromEntries(GROUPS.map((g) => [g, make()])) as Record<Category | typeof UNIDENTIFIED, T>;

/**
 * Remote people who count: everyone in the Zoom report except a host account nobody registered
 * (the conference's own Zoom login, not a person attending).
 */
export function countedRemote(remote: readonly RemoteFacts[]): RemoteFacts[] {
  return remote.filter((r) => r.attendeeId !== null || r.role !== 'host');
}

export function sessionAttendance(s: SessionFacts, people: ReadonlyMap<string, PersonFacts>): SessionAttendanceReport {
  const remote = countedRemote(s.remote ?? []);
  const remoteIds = new Set(remote.flatMap((r) => (r.attendeeId && people.has(r.attendeeId) ? [r.attendeeId] : [])));
  const inPerson = new Set([...s.inPerson].filter((id) => people.has(id)));
  const unidentified = remote.length - remote.filter((r) => r.attendeeId && people.has(r.attendeeId)).length;
  const byCategory = perGroup(emptySplit);
  const delegations = new Map<string, { delegation: string; category: Category; split: Split }>();
  const add = (id: string, where: 'inPerson' | 'remote' | 'both') => {
    const p = people.get(id)!;
    const bump = (x: Split) => {
      if (where !== 'remote') x.inPerson++;
      if (where !== 'inPerson') x.remote++;
      x.total++;
    };
    bump(byCategory[p.category]);
    if (p.delegation) {
      const k = `${p.category}\u0000${p.delegation}`;
      let d = delegations.get(k);
      if (!d) delegations.set(k, (d = { delegation: p.delegation, category: p.category, split: emptySplit() }));
      bump(d.split);
    }
  };
  let both = 0;
  for (const id of inPerson) {
    const also = remoteIds.has(id);
    if (also) both++;
    add(id, also ? 'both' : 'inPerson');
  }
  for (const id of remoteIds) if (!inPerson.has(id)) add(id, 'remote');
  byCategory[UNIDENTIFIED] = { inPerson: 0, remote: unidentified, total: unidentified };
  return {
    id: s.id,
    title: s.title,
    roomName: s.roomName,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    hasZoomReport: s.remote !== null,
    all: { inPerson: inPerson.size, remote: remoteIds.size + unidentified, total: inPerson.size + remoteIds.size - both + unidentified },
    both,
    unidentified,
    byCategory,
    byDelegation: [...delegations.values()].sort((a, b) => a.delegation.localeCompare(b.delegation) || a.category.localeCompare(b.category)),
  };
}

/**
 * The whole report. `venue` is everyone admitted at a desk or scanned at a door on any day (in
 * person even without a session); the totals count each person once however many sessions they attended.
 */
export function attendanceReport(sessions: readonly SessionFacts[], venue: ReadonlySet<string>, people: ReadonlyMap<string, PersonFacts>): AttendanceReport {
  const inPerson = new Set<string>();
  for (const id of venue) if (people.has(id)) inPerson.add(id);
  for (const s of sessions) for (const id of s.inPerson) if (people.has(id)) inPerson.add(id);
  const remoteIds = new Set<string>();
  const unknown = new Set<string>();
  for (const s of sessions) {
    for (const r of countedRemote(s.remote ?? [])) {
      if (r.attendeeId && people.has(r.attendeeId)) remoteIds.add(r.attendeeId);
      else unknown.add(r.key);
    }
  }
  const present = new Set([...inPerson, ...remoteIds]);
  const byCategory = perGroup(() => 0);
  const states = new Set<string>();
  const partners = new Set<string>();
  for (const id of present) {
    const p = people.get(id)!;
    byCategory[p.category]++;
    if (p.delegation && p.category === 'delegation') states.add(p.delegation);
    if (p.delegation && p.category === 'partner') partners.add(p.delegation);
  }
  byCategory[UNIDENTIFIED] = unknown.size;
  const participants = present.size + unknown.size;
  const share = perGroup(() => 0);
  for (const g of GROUPS) share[g] = participants === 0 ? 0 : byCategory[g] / participants;
  return {
    sessions: sessions.map((s) => sessionAttendance(s, people)),
    totals: {
      participants,
      inPerson: inPerson.size,
      remoteOnly: [...remoteIds].filter((id) => !inPerson.has(id)).length + unknown.size,
      unidentified: unknown.size,
      states: states.size,
      partners: partners.size,
      byCategory,
      share,
    },
  };
}
