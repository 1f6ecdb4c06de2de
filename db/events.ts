// The append-only event log and the state derived from it.
//
// Every write goes through insertEvent(), which stores the row *and* updates the
// derived tables in the caller's transaction. Own events and events pulled from
// other stations take the same path, and the derived state depends only on the
// set of events (ordered by HLC, station, id), never on arrival order.
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { ADMITTING_KINDS, ADMITTING_VERDICTS, FIRST_ADMISSION_REASONS, admittedTwice, isAdmitting } from '../core/checkin/admission';
import { toColumns, toWire } from '../core/records/fields';
import { LogEventFields, type WireEvent } from '../core/records/log-event';
import { fromExcluded } from '../node-shared/record-columns';
import type { Orm } from './connection';
import { prepared } from './prepared';
import { admissions, events, undone } from './schema/index';

export type EventRow = typeof events.$inferSelect;

/** Keeps one derived table in step with the log: runs on every newly stored event, in its transaction. */
export type DerivedHook = (orm: Orm, e: EventRow) => void;
let hooks: readonly DerivedHook[] | null = null;
/** Set once at start-up with the list in db/derived-hooks.ts (openStation does it). */
export function setDerivedHooks(list: readonly DerivedHook[]): void {
  hooks = list;
}

/**
 * Stores an event (idempotent on its UUID) and updates derived state.
 * Returns false when the event was already there (a replayed sync batch).
 */
export function insertEvent(orm: Orm, e: WireEvent, receivedAt: number, pushedAt: number | null = null): boolean {
  const row: EventRow = { ...toColumns(LogEventFields, e), pushedAt, receivedAt };
  const res = prepared(orm, 'events.insert', () =>
    orm
      .insert(events)
      .values(Object.fromEntries(Object.keys(row).map((k) => [k, sql.placeholder(k)])) as unknown as EventRow)
      .onConflictDoNothing()
      .prepare(),
  ).run(row);
  if (res.changes === 0) return false;
  applyDerived(orm, row);
  return true;
}

function applyDerived(orm: Orm, e: EventRow): void {
  if (e.kind === 'undo') {
    const target = typeof e.payload.target === 'string' ? e.payload.target : null;
    if (target) {
      orm.insert(undone).values({ eventId: target, undoEventId: e.id }).onConflictDoNothing().run();
      const t = orm.select({ attendeeId: events.attendeeId, day: events.day }).from(events).where(eq(events.id, target)).get();
      if (t?.attendeeId) recomputeAdmission(orm, t.attendeeId, t.day);
    }
  } else if (e.attendeeId && isAdmitting(e)) {
    recomputeAdmission(orm, e.attendeeId, e.day);
  }
  // Storing an event without its derived state would leave tables that disagree with the log.
  if (!hooks) throw new Error('Derived hooks are not set: call setDerivedHooks(DERIVED_HOOKS) at start-up.');
  for (const h of hooks) h(orm, e);
}

/** Rebuilds one attendee-day admission from the log: earliest non-undone admitting event wins. */
export function recomputeAdmission(orm: Orm, attendeeId: string, day: string): void {
  const rows = prepared(orm, 'admissions.candidates', () =>
    orm
      .select({ id: events.id, hlc: events.hlc, stationId: events.stationId, wallTime: events.wallTime, reason: events.reason })
      .from(events)
      .leftJoin(undone, eq(undone.eventId, events.id))
      .where(
        and(
          eq(events.attendeeId, sql.placeholder('attendeeId')),
          eq(events.day, sql.placeholder('day')),
          inArray(events.kind, ADMITTING_KINDS),
          inArray(events.verdict, ADMITTING_VERDICTS),
          isNull(undone.eventId),
        ),
      )
      .orderBy(asc(events.hlc), asc(events.stationId), asc(events.id))
      .prepare(),
  ).all({ attendeeId, day });
  if (rows.length === 0) {
    prepared(orm, 'admissions.delete', () =>
      orm
        .delete(admissions)
        .where(and(eq(admissions.attendeeId, sql.placeholder('attendeeId')), eq(admissions.day, sql.placeholder('day'))))
        .prepare(),
    ).run({ attendeeId, day });
    return;
  }
  const first = rows[0]!;
  const value = {
    attendeeId,
    day,
    eventId: first.id,
    hlc: first.hlc,
    stationId: first.stationId,
    wallTime: first.wallTime,
    admitCount: rows.length,
    conflict: admittedTwice(rows.map((r) => r.reason)),
  };
  prepared(orm, 'admissions.upsert', () => {
    const ph = Object.fromEntries(Object.keys(value).map((k) => [k, sql.placeholder(k)])) as unknown as typeof value;
    return orm
      .insert(admissions)
      .values(ph)
      .onConflictDoUpdate({ target: [admissions.attendeeId, admissions.day], set: fromExcluded(admissions, ['attendeeId', 'day']) })
      .prepare();
  }).run(value);
}

export function admissionsOf(orm: Orm, attendeeId: string) {
  return prepared(orm, 'admissions.of', () =>
    orm
      .select()
      .from(admissions)
      .where(eq(admissions.attendeeId, sql.placeholder('attendeeId')))
      .orderBy(asc(admissions.day))
      .prepare(),
  ).all({ attendeeId });
}

/** One attendee's admission on one day, if any (search results show check-in state). */
export function admissionOn(orm: Orm, attendeeId: string, day: string) {
  return prepared(orm, 'admissions.on', () =>
    orm
      .select()
      .from(admissions)
      .where(and(eq(admissions.attendeeId, sql.placeholder('attendeeId')), eq(admissions.day, sql.placeholder('day'))))
      .prepare(),
  ).get({ attendeeId, day });
}

export function getEvent(orm: Orm, id: string): EventRow | undefined {
  return orm.select().from(events).where(eq(events.id, id)).get();
}

export function isUndone(orm: Orm, eventId: string): boolean {
  return !!orm.select({ id: undone.eventId }).from(undone).where(eq(undone.eventId, eventId)).get();
}

/**
 * This station's last first admission of someone (reasons in FIRST_ADMISSION_REASONS) that
 * has not been undone; with `operator`, only that operator's. Repeat-scan warnings and
 * refusals are never a target of undo.
 */
export function lastAdmissionEvent(orm: Orm, stationId: string, operator: string | null = null): EventRow | undefined {
  return orm
    .select({ e: events })
    .from(events)
    .leftJoin(undone, eq(undone.eventId, events.id))
    .where(
      and(
        eq(events.stationId, stationId),
        inArray(events.kind, ADMITTING_KINDS),
        inArray(events.reason, FIRST_ADMISSION_REASONS),
        operator === null ? undefined : eq(events.operator, operator),
        isNull(undone.eventId),
      ),
    )
    .orderBy(desc(events.seq))
    .limit(1)
    .get()?.e;
}

/**
 * This station's admitting events for one person and day from `fromSeq` on that are not
 * undone: the admission itself and any repeat scans after it, which undo takes back together
 * so the person is no longer counted as admitted by this station.
 */
export function ownAdmittingEventsSince(orm: Orm, stationId: string, attendeeId: string, day: string, fromSeq: number): EventRow[] {
  return orm
    .select({ e: events })
    .from(events)
    .leftJoin(undone, eq(undone.eventId, events.id))
    .where(
      and(
        eq(events.stationId, stationId),
        eq(events.attendeeId, attendeeId),
        eq(events.day, day),
        gte(events.seq, fromSeq),
        inArray(events.kind, ADMITTING_KINDS),
        inArray(events.verdict, ADMITTING_VERDICTS),
        isNull(undone.eventId),
      ),
    )
    .orderBy(asc(events.seq))
    .all()
    .map((r) => r.e);
}

/** Recent scans at one station, newest first, with whether each was later undone. */
export function recentEvents(orm: Orm, stationId: string, limit: number) {
  return orm
    .select({ e: events, undoneBy: undone.undoEventId })
    .from(events)
    .leftJoin(undone, eq(undone.eventId, events.id))
    .where(and(eq(events.stationId, stationId), inArray(events.kind, ['scan', 'manual', 'undo'])))
    .orderBy(desc(events.seq))
    .limit(limit)
    .all();
}

/** The stamp of a station's newest event (its highest sequence number), if it has any. */
export function lastOwnStamp(orm: Orm, stationId: string): string | undefined {
  return orm.select({ hlc: events.hlc }).from(events).where(eq(events.stationId, stationId)).orderBy(desc(events.seq)).limit(1).get()?.hlc;
}

export function maxSeq(orm: Orm, stationId: string): number {
  return orm.select({ m: sql<number | null>`max(${events.seq})` }).from(events).where(eq(events.stationId, stationId)).get()?.m ?? 0;
}

export function toLogEvent(r: EventRow): WireEvent {
  return toWire(LogEventFields, r);
}

/** Rebuilds every derived admission from the log (used by tests and after repairs). */
export function rebuildAdmissions(orm: Orm): void {
  orm.delete(admissions).run();
  orm.delete(undone).run();
  const undos = orm.select().from(events).where(eq(events.kind, 'undo')).all();
  for (const u of undos) {
    const target = typeof u.payload.target === 'string' ? u.payload.target : null;
    if (target) orm.insert(undone).values({ eventId: target, undoEventId: u.id }).onConflictDoNothing().run();
  }
  const pairs = orm
    .selectDistinct({ attendeeId: events.attendeeId, day: events.day })
    .from(events)
    .where(and(inArray(events.kind, ADMITTING_KINDS), inArray(events.verdict, ADMITTING_VERDICTS)))
    .all();
  for (const p of pairs) if (p.attendeeId) recomputeAdmission(orm, p.attendeeId, p.day);
}
