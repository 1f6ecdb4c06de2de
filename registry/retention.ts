// Data retention at the registry (docs/data-at-rest.md, "Retention"): from the event's retention
// day (its time zone) the registry deletes every person — names, e-mails, badge codes, notes,
// photos, invitation lists, Zoom reports — and keeps the log of scans for the counts, each person
// in it replaced by a random stand-in nothing links back (different-people counts stay right),
// with scanned texts, operator names and desk words emptied. Then the deletion is made to reach
// the bytes: VACUUM FULL rewrites the tables into new files, and checkpoints with WAL switches
// retire the write-ahead log that still held the old rows (PGlite runs with wal_recycle=off, so
// retired segments are deleted, not reused with their old contents). Prepared first-download
// files are deleted. Runs at start, every minute, and when the organiser sets the day.
import { sql } from 'drizzle-orm';
import { retentionDue, type RetentionDone } from '../core/retention';
import type { RegistryContext } from './context';
import { HttpError } from './http';
import { getEvent, getMeta, setMeta, writeTx } from './store';

export const RETENTION_META = 'retention.done';

export async function registryRetentionDone(ctx: Pick<RegistryContext, 'orm'>): Promise<RetentionDone | null> {
  return (await getMeta<RetentionDone>(ctx.orm, RETENTION_META)) ?? null;
}

// Once done it is done for good (the day cannot move any more): remembered per database.
const retired = new WeakSet<object>();

/**
 * After retention the registry stores nothing a station sends: a station whose clock is behind, or
 * that has not downloaded the retention day yet, pushes before it pulls, and its walk-ins' names and
 * scanned texts would otherwise be personal data again, kept for good. Scans after that day are lost
 * to the counts; the station deletes its own copy when its download brings the day.
 */
export async function refuseAfterRetention(ctx: Pick<RegistryContext, 'orm'>): Promise<void> {
  if (!retired.has(ctx.orm)) {
    if (!(await registryRetentionDone(ctx))) return;
    retired.add(ctx.orm);
  }
  const done = (await registryRetentionDone(ctx))!;
  throw new HttpError(410, 'retention_done', `This event's personal data was deleted on ${done.date} under its retention setting; the registry stores nothing more for it.`);
}

/** Deletes personal data once the day has come (null: not due, or done before). */
export async function applyRegistryRetention(ctx: Pick<RegistryContext, 'orm' | 'snapshots'>, now: number): Promise<RetentionDone | null> {
  const ev = await getEvent(ctx.orm);
  if (!ev || !retentionDue(ev.retentionDate, now, ev.timeZone)) return null;
  if (await registryRetentionDone(ctx)) return null;
  const done: RetentionDone = { date: ev.retentionDate!, at: now };
  await writeTx(ctx.orm, async (tx) => {
    await tx.execute(sql`create temp table anon on commit drop as
      select old, 'p' || substr(md5(random()::text || clock_timestamp()::text), 1, 16) as new
      from (select distinct attendee_id as old from events where attendee_id is not null) people`);
    await tx.execute(sql`update events set attendee_id = anon.new from anon where events.attendee_id = anon.old`);
    await tx.execute(sql`update events set payload = '{}'::jsonb, operator = null, sig = null`);
    await tx.execute(sql`update sessions set invited = null where invited is not null`);
    for (const table of ['attendees', 'attendee_photos', 'revocations', 'rejections', 'remote_attendance', 'zoom_reports']) {
      await tx.execute(sql.raw(`delete from ${table}`));
    }
    await setMeta(tx, RETENTION_META, done);
  });
  ctx.snapshots?.discardAll();
  // Outside any transaction: rewrite the tables, then retire the log that held the old rows.
  await ctx.orm.execute(sql`vacuum full attendees, attendee_photos, events, sessions, revocations, rejections, remote_attendance, zoom_reports`);
  for (let i = 0; i < 3; i++) {
    await ctx.orm.execute(sql`checkpoint`);
    await ctx.orm.execute(sql`select pg_switch_wal()`).catch(() => undefined); // a managed server may not allow it
  }
  await ctx.orm.execute(sql`checkpoint`);
  return done;
}
