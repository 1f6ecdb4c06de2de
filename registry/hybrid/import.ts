// A session's Zoom participant reports into the registry: read one (zoom-report.ts), keep it beside
// the session's other reports (the same report imported again replaces itself, so it changes
// nothing), find each person's registration (core/hybrid/match.ts) and merge the session's people
// from every report, one entry per person (a person in two reports, or an e-mail row and a guest
// row of the same registration). Unmatched people are kept, with the reason. docs/hybrid-attendance.md.
import crypto from 'node:crypto';
import { and, asc, eq, getTableColumns, ne } from 'drizzle-orm';
import { makeMatcher, type MatchResult, type Registered } from '../../core/hybrid/match';
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
      /** The session's reports now (this one included), and which one this file is. */
      reports: number;
      reportKey: string;
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

  // The same meeting exported again (another option, a corrected file) is the same report.
  const reportKey = report.meeting?.id ? `m:${report.meeting.id}@${report.meeting.start}`.slice(0, 200) : `f:${crypto.createHash('sha256').update(file).digest('hex')}`;
  const others = await orm
    .select({ key: zoomReports.reportKey, participants: zoomReports.participants })
    .from(zoomReports)
    .where(and(eq(zoomReports.sessionId, sessionId), ne(zoomReports.reportKey, reportKey)))
    .orderBy(asc(zoomReports.importedAt), asc(zoomReports.reportKey));
  const people = await orm.select({ id: attendees.id, givenName: attendees.givenName, familyName: attendees.familyName, email: attendees.email }).from(attendees);
  const rows = sessionPeople(sessionId, [...others, { key: reportKey, participants: report.participants }], people);

  const dryRun = opts.dryRun === true;
  if (!dryRun) {
    await writeTx(orm, async (tx) => {
      await tx.delete(remoteAttendance).where(eq(remoteAttendance.sessionId, sessionId));
      await tx.delete(zoomReports).where(and(eq(zoomReports.sessionId, sessionId), eq(zoomReports.reportKey, reportKey)));
      await tx.insert(zoomReports).values({
        sessionId,
        reportKey,
        participants: report.participants,
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
    reports: others.length + 1,
    reportKey,
  };
}

/**
 * The session's people from all its reports, each once: groups matched to one registration are
 * one person (their connected times merged, so two reports never count minutes twice), and so are
 * unmatched groups with one e-mail or one name in different reports. Within one report, two
 * unmatched groups under one name stay two (two phones both called "iPhone").
 */
function sessionPeople(sessionId: string, reports: { key: string; participants: RemoteParticipant[] }[], registered: Registered[]) {
  const match = makeMatcher(registered);
  const byKey = new Map<string, { p: RemoteParticipant; m: MatchResult; from: string }>();
  for (const r of reports) {
    for (const p of r.participants) {
      const m = match(p);
      const key = m.attendeeId ? `a:${m.attendeeId}` : p.email ? `e:${p.email}` : `n:${foldHeader(p.names[0] ?? '')}`;
      const cur = byKey.get(key);
      if (cur && (m.attendeeId || cur.from !== r.key)) cur.p = mergeParticipants(cur.p, p);
      else if (cur) byKey.set(`${key}#${byKey.size}`, { p, m, from: r.key });
      else byKey.set(key, { p, m, from: r.key });
    }
  }
  return [...byKey].map(([key, { p, m }]) => {
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
}

/** A session's remote participants as stored (for the CLI's listing and the report). */
export async function listRemote(orm: RegistryOrm, sessionId?: string) {
  const q = orm.select().from(remoteAttendance);
  return sessionId ? q.where(eq(remoteAttendance.sessionId, sessionId)) : q;
}

/** The reports imported (for one session, or all), oldest first, without their people. */
export async function reportsOf(orm: RegistryOrm, sessionId?: string) {
  const { participants: _, ...columns } = getTableColumns(zoomReports);
  const q = orm.select(columns).from(zoomReports);
  return (sessionId ? q.where(eq(zoomReports.sessionId, sessionId)) : q).orderBy(asc(zoomReports.importedAt), asc(zoomReports.reportKey));
}
