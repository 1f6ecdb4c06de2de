// Registry writes. Every write that takes change numbers runs in writeTx(), which holds
// one transaction-scoped advisory lock: change numbers are then handed out in commit
// order, so a station that pulled up to cursor N can never later miss a row with change
// number ≤ N that was still in flight (the classic "late commit" gap).
import { eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { AttendeeInput as AttendeeInputRecord } from '../core/records/attendee';
import { EventInfoFields } from '../core/records/event-info';
import { toWire } from '../core/records/fields';
import type { AttendeeRecord, EventInfoRecord, RoomRecord, SessionRecord } from '../core/sync/protocol';
import { serialize } from '../core/hlc';
import { fromExcluded } from '../node-shared/record-columns';
import { query, type RegistryDb, type RegistryOrm } from './db';
import { STAGED_COLUMNS } from './import/copy';
import { attendees, event, meta, revocations, rooms, sessions, signingKeys } from './schema';

const WRITE_LOCK = 74110002;

/**
 * The HLC an organiser's note edit carries (registry clock, the highest node id): a desk note
 * made later at a station still wins, an older one does not (docs/sync-protocol.md).
 */
export function organiserNoteHlc(now: number): string {
  return serialize({ millis: now, counter: 0, node: 'f'.repeat(16) });
}
const nextChangeNo = sql`nextval('change_seq')`;

export async function writeTx<T>(orm: RegistryOrm, fn: (tx: RegistryOrm) => Promise<T>): Promise<T> {
  return orm.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK})`);
    return fn(tx as unknown as RegistryOrm);
  });
}

export async function getMeta<T>(orm: RegistryOrm, key: string): Promise<T | undefined> {
  const r = await orm.select({ value: meta.value }).from(meta).where(eq(meta.key, key));
  return r[0]?.value as T | undefined;
}

export async function setMeta(orm: RegistryOrm, key: string, value: unknown): Promise<void> {
  await orm.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } });
}

/** The highest change number handed out so far (for pokes and status). */
export async function lastChangeNo(orm: RegistryOrm): Promise<number> {
  const r = await query<{ last_value: string | number; is_called: boolean }>(orm, sql`select last_value, is_called from change_seq`);
  const row = r[0];
  return row && row.is_called ? Number(row.last_value) : 0;
}

export async function getEvent(orm: RegistryOrm): Promise<EventInfoRecord | null> {
  const r = await orm.select().from(event).limit(1);
  return r[0] ? toWire(EventInfoFields, r[0]) : null;
}

export async function setEvent(orm: RegistryOrm, e: EventInfoRecord): Promise<void> {
  await writeTx(orm, async (tx) => {
    await tx.delete(event).where(sql`${event.id} <> ${e.id}`);
    const { id: _id, ...rest } = e;
    await tx.insert(event).values(e).onConflictDoUpdate({ target: event.id, set: { ...rest, changeNo: nextChangeNo } });
  });
}

/** A person to store: the record stations get, and the e-mail only the registry keeps (absent: the stored one stays). */
type AttendeeInput = Omit<AttendeeInputRecord, 'source'> & { source?: AttendeeRecord['source']; email?: string };

/** Inserts or replaces attendees: organiser edits win over anything a station did. */
export async function upsertAttendees(orm: RegistryOrm, rows: AttendeeInput[], now: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await writeTx(orm, (tx) => upsertAttendeeChunk(tx, rows.slice(i, i + 500), now));
  }
}

/**
 * An import's records, as the import worker hands them over (registry/import/run.ts): batches
 * of 5,000 people already written as COPY input. The worker has validated every row before the
 * first batch arrives, so storing cannot half-apply a bad file.
 *
 * Into a registry that has people already, each batch is one transaction (COPY into a staging
 * table, then one INSERT … ON CONFLICT with the same rules as upsertAttendees); rows are upserts
 * by id, so an import interrupted by a crash is completed by importing again, and other writers
 * (pushes) wait at most one batch.
 *
 * The first import (no attendee stored yet: nothing to merge with, so no rule of the upsert can
 * apply) is one transaction that COPYs straight into attendees, with the badge-code GIN indexes
 * dropped first and built once at the end: maintaining them row by row was a third of the
 * import's database time, building them afterwards costs a few per cent of it (docs/performance.md).
 * All of it commits or none does (a crash leaves an empty table and the indexes as they were);
 * pushes wait for the whole import, a second or two before anyone is checked in.
 */
export async function importAttendees(db: RegistryDb, batches: AsyncIterable<{ csv: Uint8Array }>, now: number): Promise<number> {
  const { orm } = db;
  const staged = sql.raw(STAGED_COLUMNS.map((c) => `"${c}"`).join(', '));
  // Every column of attendees in the table's order: staged, or what an insert gives it.
  const own: Record<string, SQL> = { note_hlc: sql`null`, no_photo_hlc: sql`null`, retired_badge_codes: sql`'[]'::jsonb`, updated_at: sql`${now}::bigint`, seq: nextChangeNo };
  const select = Object.values(getTableColumns(attendees)).map((c) => (STAGED_COLUMNS.includes(c.name) ? sql.identifier(c.name) : own[c.name]!));
  const it = batches[Symbol.asyncIterator]();
  let next = await it.next();
  if (next.done) return 0;
  let batchesStored = 0;
  const first = await writeTx(orm, async (tx) => {
    const any = await query<{ n: number }>(tx, sql`select count(*)::int as n from (select 1 from attendees limit 1) x`);
    if (Number(any[0]?.n) > 0) return false;
    const gin = await query<{ name: string; def: string }>(tx, sql`select indexname as name, indexdef as def from pg_indexes
      where schemaname = current_schema() and tablename = 'attendees' and indexdef like '% USING gin %'`);
    for (const g of gin) await tx.execute(sql`drop index ${sql.identifier(g.name)}`);
    // COPY fills what the staged columns do not from the columns' defaults, as the insert above
    // does; updated_at has none, so it gets this import's time for as long as the transaction lasts.
    await tx.execute(sql.raw(`alter table attendees alter column updated_at set default ${Math.trunc(now)}`));
    for (; !next.done; next = await it.next()) {
      await db.copyCsv(tx, 'attendees', STAGED_COLUMNS, next.value.csv);
      batchesStored++;
    }
    await tx.execute(sql`alter table attendees alter column updated_at drop default`);
    for (const g of gin) await tx.execute(sql.raw(g.def));
    return true;
  });
  if (!first) {
    for (; !next.done; next = await it.next()) {
      const b = next.value;
      await writeTx(orm, async (tx) => {
        await tx.execute(sql`create temp table if not exists import_stage on commit delete rows as select ${staged} from attendees with no data`);
        await db.copyCsv(tx, 'import_stage', STAGED_COLUMNS, b.csv);
        await tx
          .insert(attendees)
          .select(sql`select ${sql.join(select, sql`, `)} from import_stage`)
          .onConflictDoUpdate({ target: attendees.id, set: attendeeUpsertSet(now) });
      });
      batchesStored++;
    }
  }
  // PGlite has no autovacuum (it is one process): without this, re-imports would leave dead rows
  // behind for good, and the planner would know nothing of the table's size.
  if (batchesStored > 0 && db.kind === 'pglite') await orm.execute(sql`vacuum (analyze) attendees`);
  return batchesStored;
}

/**
 * A connector's full refresh: people of that source (ids starting with `prefix`) that the source
 * no longer lists were deleted there; they stay in Foyer's records but are no longer admitted.
 */
export async function cancelMissing(orm: RegistryOrm, prefix: string, keep: Set<string>, now: number): Promise<number> {
  const rows = await orm.select({ id: attendees.id, status: attendees.status }).from(attendees).where(sql`${attendees.id} like ${prefix.replace(/[\\%_]/g, '\\$&') + '%'}`);
  const gone = rows.filter((r) => !keep.has(r.id) && r.status !== 'cancelled').map((r) => r.id);
  for (let i = 0; i < gone.length; i += 500) {
    await writeTx(orm, (tx) =>
      tx.update(attendees).set({ status: 'cancelled', updatedAt: now, changeNo: nextChangeNo }).where(inArray(attendees.id, gone.slice(i, i + 500))).then(() => {}),
    );
  }
  return gone.length;
}

/** What an organiser's list changes in a person already stored (upserts and imports alike). */
function attendeeUpsertSet(now: number) {
  return {
    ...fromExcluded(attendees, ['id', 'changeNo']),
    // A changed note is an organiser edit at this moment (see organiserNoteHlc).
    noteHlc: sql`case when ${attendees.notes} is distinct from excluded.notes then ${organiserNoteHlc(now)} else ${attendees.noteHlc} end`,
    // Reprints made at desks outrank a list exported before them: the badge version never
    // goes back, the reprint's code stays current, and a replaced badge's code never becomes
    // current again (it would admit the old badge) — core/records/attendee.ts foldReprint.
    // Safeguarding is never lifted by an import or a list (a file without the column, or an
    // old export, must not expose someone): only an explicit edit (PATCH) lifts it. A chosen
    // name is replaced only by another one (docs/safeguarding.md).
    protected: sql`${attendees.protected} or excluded.protected`,
    chosenName: sql`case when excluded.chosen_name <> '' then excluded.chosen_name else ${attendees.chosenName} end`,
    noPhoto: sql`${attendees.noPhoto} or excluded.no_photo`,
    noPhotoHlc: sql`case when excluded.no_photo and not ${attendees.noPhoto} then ${organiserNoteHlc(now)} else ${attendees.noPhotoHlc} end`,
    badgeVersion: sql`greatest(${attendees.badgeVersion}, excluded.badge_version)`,
    retiredBadgeCodes: sql`${attendees.retiredBadgeCodes}`,
    badgeCodes: sql`case when ${attendees.badgeVersion} > excluded.badge_version then ${attendees.badgeCodes}
      else coalesce((select jsonb_agg(c) from jsonb_array_elements(excluded.badge_codes) c
                     where not ${attendees.retiredBadgeCodes} @> jsonb_build_array(jsonb_build_object('code', c))), '[]'::jsonb) end`,
    // A list without a protocol column keeps the organiser's alerts; only the console acknowledges one.
    protocol: sql`coalesce(excluded.protocol, ${attendees.protocol})`,
    protocolAck: sql`${attendees.protocolAck}`,
    // A list without e-mails (the demo, a connector) keeps the addresses an export brought.
    email: sql`coalesce(excluded.email, ${attendees.email})`,
    photoRef: sql`coalesce(excluded.photo_ref, ${attendees.photoRef})`,
    changeNo: nextChangeNo,
  };
}

async function upsertAttendeeChunk(tx: RegistryOrm, rows: AttendeeInput[], now: number): Promise<void> {
  if (rows.length === 0) return;
  const chunk = rows.map(({ noteHlc: _n, noPhotoHlc: _p, ...r }) => ({ ...r, source: r.source ?? 'registry', updatedAt: now }));
  await tx.insert(attendees).values(chunk).onConflictDoUpdate({ target: attendees.id, set: attendeeUpsertSet(now) });
}

/** A single organiser edit: only the given fields change; the row gets a new change number. */
export async function patchAttendee(
  orm: RegistryOrm,
  id: string,
  patch: Partial<Omit<AttendeeRecord, 'id' | 'source'>>,
  now: number,
): Promise<boolean> {
  return writeTx(orm, async (tx) => {
    const r = await tx
      .update(attendees)
      .set({
        ...patch,
        // An organiser's edit is stamped with the registry's clock, so a later desk request still wins (foldNote, foldNoPhoto).
        ...(patch.notes !== undefined ? { noteHlc: organiserNoteHlc(now) } : {}),
        ...(patch.noPhoto !== undefined ? { noPhotoHlc: organiserNoteHlc(now) } : {}),
        source: 'registry',
        updatedAt: now,
        changeNo: nextChangeNo,
      })
      .where(eq(attendees.id, id))
      .returning({ id: attendees.id });
    return r.length > 0;
  });
}

export async function upsertRoom(orm: RegistryOrm, r: RoomRecord): Promise<void> {
  const { id: _id, ...rest } = r;
  await writeTx(orm, (tx) => tx.insert(rooms).values(r).onConflictDoUpdate({ target: rooms.id, set: { ...rest, changeNo: nextChangeNo } }).then(() => {}));
}

export async function upsertSession(orm: RegistryOrm, s: SessionRecord): Promise<void> {
  const { id: _id, ...rest } = s;
  await writeTx(orm, (tx) =>
    tx.insert(sessions).values(s).onConflictDoUpdate({ target: sessions.id, set: { ...rest, changeNo: nextChangeNo } }).then(() => {}),
  );
}

/** The badge format stores the key id in one byte (docs/badge-format.md). */
export const MAX_KEY_ID = 255;
export const KEY_IDS_USED_UP = `All ${MAX_KEY_ID} badge signing key ids of this event are used (a badge stores the key id in one byte). Reuse the event's existing keys, or start a new event.`;

export class KeyIdsUsedUp extends Error {
  constructor() {
    super(KEY_IDS_USED_UP);
  }
}

/** Replaces a session's invitation list (null: open). False when there is no such session. */
export async function setInvitations(orm: RegistryOrm, sessionId: string, attendeeIds: string[] | null): Promise<boolean> {
  const ids = attendeeIds === null ? null : [...new Set(attendeeIds)].sort();
  return writeTx(orm, async (tx) => {
    const r = await tx.update(sessions).set({ invited: ids, changeNo: nextChangeNo }).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
    return r.length > 0;
  });
}

export async function addSigningKey(
  orm: RegistryOrm,
  k: { publicKey: string; privateKey: string | null; active: boolean; stationId?: string | null },
  now: number,
): Promise<number> {
  return writeTx(orm, (tx) => insertSigningKey(tx, k, now));
}

/** Takes the next key id (inside the caller's writeTx); throws KeyIdsUsedUp past 255. */
export async function insertSigningKey(
  tx: RegistryOrm,
  k: { publicKey: string; privateKey: string | null; active: boolean; stationId?: string | null },
  now: number,
): Promise<number> {
  const r = await query<{ m: number | null }>(tx, sql`select max(key_id) as m from signing_keys`);
  const keyId = Number(r[0]?.m ?? 0) + 1;
  if (keyId > MAX_KEY_ID) throw new KeyIdsUsedUp();
  await tx.insert(signingKeys).values({ keyId, publicKey: k.publicKey, privateKey: k.privateKey, createdAt: now, active: k.active, stationId: k.stationId ?? null });
  return keyId;
}

export async function setSigningKeyActive(orm: RegistryOrm, keyId: number, active: boolean): Promise<boolean> {
  return writeTx(orm, async (tx) => {
    const r = await tx.update(signingKeys).set({ active, changeNo: nextChangeNo }).where(eq(signingKeys.keyId, keyId)).returning({ k: signingKeys.keyId });
    return r.length > 0;
  });
}

/** The station a key belongs to (its own signing key, made at pairing), or null for a registry key; undefined: no such key. */
export async function keyOwner(orm: RegistryOrm, keyId: number): Promise<string | null | undefined> {
  const [row] = await orm.select({ stationId: signingKeys.stationId }).from(signingKeys).where(eq(signingKeys.keyId, keyId));
  return row ? (row.stationId ?? null) : undefined;
}

export async function listSigningKeys(orm: RegistryOrm) {
  return orm
    .select({ keyId: signingKeys.keyId, publicKey: signingKeys.publicKey, createdAt: signingKeys.createdAt, active: signingKeys.active, stationId: signingKeys.stationId })
    .from(signingKeys)
    .orderBy(signingKeys.keyId);
}

export async function addRevocation(
  orm: RegistryOrm,
  r: { attendeeId: string; badgeVersion: number; reason: string },
  now: number,
): Promise<void> {
  await writeTx(orm, (tx) =>
    tx
      .insert(revocations)
      .values({ ...r, revokedAt: now })
      .onConflictDoUpdate({ target: [revocations.attendeeId, revocations.badgeVersion], set: { reason: r.reason, changeNo: nextChangeNo } })
      .then(() => {}),
  );
}

export async function attendeeIdsExisting(orm: RegistryOrm, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const r = await orm.select({ id: attendees.id }).from(attendees).where(inArray(attendees.id, ids.slice(i, i + 1000)));
    for (const x of r) out.add(x.id);
  }
  return out;
}

