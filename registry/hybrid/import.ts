// A session's Zoom participant report into the registry: read it (zoom-report.ts), find each
// person's registration (core/hybrid/match.ts), fold two groups that turn out to be one person,
// and replace what the session had (importing the same report again changes nothing). Unmatched
// people are kept, with the reason. docs/hybrid-attendance.md.
import { eq } from 'drizzle-orm';
import { makeMatcher, type MatchResult } from '../../core/hybrid/match';
import { connectedMinutes, connectedSpan, mergeParticipants, type RemoteParticipant } from '../../core/hybrid/remote';
import { dayInZone } from '../../core/time';
import type { RegistryOrm } from '../db';
import { foldHeader } from '../import/fields';
import { attendees, remoteAttendance, sessions, zoomReports } from '../schema';
import { getEvent, writeTx } from '../store';
import { parseZoomReport, type ZoomField, type ZoomParsed, type ZoomProblem } from './zoom-report';

export interface ZoomImportOptions {
  /** The Zoom account's time zone; the event's when absent. */
  timeZone?: string;
  mapping?: Partial<Record<ZoomField, string>>;
  dryRun?: boolean;
  fileName?: string;
}

/** One person of the report as the organiser sees them after the import. */
export interface RemotePerson {
  names: string[];
  email: string;
  role: RemoteParticipant['role'];
  guest: boolean | null;
  minutes: number;
  attendeeId: string | null;
  match: 'email' | 'name' | 'no_match' | 'ambiguous';
}

export type ZoomImportReport =
  | { ok: false; sessionId: string; problem: ZoomProblem }
  | {
      ok: true;
      sessionId: string;
      sessionTitle: string;
      dryRun: boolean;
      kind: ZoomParsed['kind'];
      meeting: ZoomParsed['meeting'];
      timeZone: string;
      columns: ZoomParsed['columns'];
      rows: number;
      people: number;
      byEmail: number;
      byName: number;
      unmatched: number;
      ambiguous: number;
      guests: number;
      warnings: ZoomProblem[];
      /** Everyone not matched (at most 500), for the organiser to look at. */
      notMatched: RemotePerson[];
    };

export class SessionNotFound extends Error {}

/** The time zone names Intl knows (a typo'd --tz is refused, not read as UTC). */
export function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function importZoomReport(orm: RegistryOrm, sessionId: string, file: Buffer, opts: ZoomImportOptions, now: number): Promise<ZoomImportReport> {
  const [session] = await orm.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session) throw new SessionNotFound(`There is no session "${sessionId.slice(0, 64)}" at this event.`);
  const event = await getEvent(orm);
  const timeZone = opts.timeZone ?? event?.timeZone ?? 'UTC';
  const parsed = parseZoomReport(file, { timeZone, sessionDay: dayInZone(session.startsAt, event?.timeZone ?? timeZone), mapping: opts.mapping });
  if (!parsed.ok) return { ok: false, sessionId, problem: parsed.problem };
  const report = parsed.report;

  const people = await orm.select({ id: attendees.id, givenName: attendees.givenName, familyName: attendees.familyName, email: attendees.email }).from(attendees);
  const match = makeMatcher(people);
  // Two groups matched to one registration (an e-mail row and a guest row of the same person) are one person.
  const byKey = new Map<string, { p: RemoteParticipant; m: MatchResult }>();
  for (const p of report.participants) {
    const m = match(p);
    const key = m.attendeeId ? `a:${m.attendeeId}` : p.email ? `e:${p.email}` : `n:${foldHeader(p.names[0] ?? '')}`;
    const cur = byKey.get(key);
    if (cur && m.attendeeId) cur.p = mergeParticipants(cur.p, p);
    else if (cur) byKey.set(`${key}#${byKey.size}`, { p, m });
    else byKey.set(key, { p, m });
  }
  const rows = [...byKey].map(([key, { p, m }]) => {
    const span = connectedSpan(p);
    return {
      sessionId,
      key: key.slice(0, 400),
      attendeeId: m.attendeeId,
      match: m.attendeeId !== null ? m.how : m.why,
      names: p.names,
      email: p.email,
      role: p.role,
      guest: p.guest,
      minutes: connectedMinutes(p),
      firstJoin: span?.first ?? null,
      lastLeave: span?.last ?? null,
      rows: p.rows,
    } as const;
  });

  const dryRun = opts.dryRun === true;
  if (!dryRun) {
    await writeTx(orm, async (tx) => {
      await tx.delete(remoteAttendance).where(eq(remoteAttendance.sessionId, sessionId));
      await tx.delete(zoomReports).where(eq(zoomReports.sessionId, sessionId));
      await tx.insert(zoomReports).values({
        sessionId,
        fileName: (opts.fileName ?? '').slice(0, 300),
        kind: report.kind,
        meeting: report.meeting,
        timeZone,
        rows: report.rows,
        warnings: report.warnings,
        importedAt: now,
      });
      for (let i = 0; i < rows.length; i += 200) await tx.insert(remoteAttendance).values(rows.slice(i, i + 200));
    });
  }
  const count = (what: string) => rows.filter((r) => r.match === what).length;
  return {
    ok: true,
    sessionId,
    sessionTitle: session.title,
    dryRun,
    kind: report.kind,
    meeting: report.meeting,
    timeZone,
    columns: report.columns,
    rows: report.rows,
    people: rows.length,
    byEmail: count('email'),
    byName: count('name'),
    unmatched: count('no_match'),
    ambiguous: count('ambiguous'),
    guests: rows.filter((r) => r.guest === true).length,
    warnings: report.warnings,
    notMatched: rows
      .filter((r) => r.attendeeId === null)
      .slice(0, 500)
      .map((r) => ({ names: r.names, email: r.email, role: r.role, guest: r.guest, minutes: r.minutes, attendeeId: null, match: r.match })),
  };
}

/** A session's remote participants as stored (for the CLI's listing and the report). */
export async function listRemote(orm: RegistryOrm, sessionId?: string) {
  const q = orm.select().from(remoteAttendance);
  return sessionId ? q.where(eq(remoteAttendance.sessionId, sessionId)) : q;
}
