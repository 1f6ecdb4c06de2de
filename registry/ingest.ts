// Push: a station's batch of events, stored exactly once (ON CONFLICT DO NOTHING on the
// UUID), then the station's contiguous acknowledgement mark is advanced.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { MAX_CLOCK_AHEAD_MS } from '../core/hlc';
import { foldNoPhoto, foldNote, foldReprint, reprintOf, walkinAttendee } from '../core/records/attendee';
import { toColumns, toWire } from '../core/records/fields';
import { LogEventFields } from '../core/records/log-event';
import { eventProblem, walkinProblem } from '../core/sync/event-rules';
import { signatureProblem } from '../core/sync/event-signature';
import { nodeEd25519 } from '../node-shared/ed25519';
import { seenColumns, stationKeys } from './stations';
import { MAX_PUSH_BYTES, OversizeStub, WireEvent, type PushResponse, type Rejection, type StationReport } from '../core/sync/protocol';
import { query, type RegistryOrm } from './db';
import { attendees, events, rejections, stations } from './schema';
import { getEvent, writeTx } from './store';

export interface IngestResult extends Omit<PushResponse, 'protocol' | 'serverTime'> {
  /** Change numbers were handed out (other stations should be poked). */
  changed: boolean;
}

/**
 * Stores a push in one transaction. `report` (the station's outbox and clock, sent with a push)
 * is kept with the acknowledgement mark, in the same statement.
 */
export async function ingest(
  orm: RegistryOrm,
  stationId: string,
  raw: unknown[],
  now: number,
  maxClockAheadMs = MAX_CLOCK_AHEAD_MS,
  report: StationReport | null = null,
): Promise<IngestResult> {
  const rejected: Rejection[] = [];
  // Signed events are stored only with a signature that holds: the registry serves them on,
  // and a hub or station that relays them checks it again.
  const signed = raw.some((r) => typeof (r as { sig?: unknown })?.sig === 'string');
  const keys = signed ? await stationKeys(orm) : null;
  let valid: WireEvent[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const p = WireEvent.safeParse(r);
    const id = typeof (r as { id?: unknown })?.id === 'string' ? String((r as { id: string }).id).slice(0, 64) : '';
    const seqRaw = (r as { seq?: unknown })?.seq;
    const seq = typeof seqRaw === 'number' && Number.isInteger(seqRaw) && seqRaw > 0 && seqRaw < 2 ** 31 ? seqRaw : null;
    const stub = p.success ? null : OversizeStub.safeParse(r);
    if (stub?.success) {
      if (stub.data.stationId !== stationId) rejected.push({ id, seq: null, reason: 'event belongs to another station' });
      else rejected.push({ id, seq, reason: `too large to upload (${Math.ceil(stub.data.oversize / 1024)} kB; the limit is ${MAX_PUSH_BYTES / 1024} kB)` });
    } else if (!p.success) {
      rejected.push({ id, seq, reason: `invalid event: ${p.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ').slice(0, 400)}` });
    } else if (p.data.stationId !== stationId) {
      rejected.push({ id, seq: null, reason: 'event belongs to another station' });
    } else if (eventProblem(p.data, now, maxClockAheadMs)) {
      rejected.push({ id, seq, reason: eventProblem(p.data, now, maxClockAheadMs)! });
    } else if (keys && signatureProblem(p.data, keys, nodeEd25519, false)) {
      rejected.push({ id, seq, reason: signatureProblem(p.data, keys, nodeEd25519, false)! });
    } else if (!seen.has(p.data.id)) {
      seen.add(p.data.id);
      valid.push(p.data);
    }
  }

  // A walk-in becomes a person every station downloads: one they would refuse is refused here.
  if (valid.some((e) => e.kind === 'walkin')) {
    const days = (await getEvent(orm))?.days ?? null;
    valid = valid.filter((e) => {
      const why = walkinProblem(e, days);
      if (why) rejected.push({ id: e.id, seq: e.seq, reason: why });
      return !why;
    });
  }

  return writeTx(orm, async (tx) => {
    let stored = 0;
    let duplicates = 0;
    // A badge code belongs to one attendee: a walk-in or reprint claiming a taken one is
    // refused (otherwise that printed badge would admit the wrong person).
    const claims = await badgeClaimProblems(tx, valid.filter((e) => codesClaimed(e).length > 0));
    if (claims.size > 0) {
      for (const [eventId, reason] of claims) {
        const e = valid.find((x) => x.id === eventId)!;
        rejected.push({ id: e.id, seq: e.seq, reason });
      }
      valid = valid.filter((e) => !claims.has(e.id));
    }
    for (let i = 0; i < valid.length; i += 250) {
      const chunk = valid.slice(i, i + 250);
      const inserted = await tx
        .insert(events)
        .values(chunk.map((e) => toLogRow(e, now)))
        .onConflictDoNothing()
        .returning({ id: events.id });
      const got = new Set(inserted.map((x) => x.id));
      stored += got.size;
      const missing = chunk.filter((e) => !got.has(e.id));
      if (missing.length > 0) {
        // Not inserted: either the same UUID is already stored (a replay — fine), or this
        // station already used that sequence number for a different event (restored backup).
        const existing = await tx
          .select({ id: events.id, stationId: events.stationId })
          .from(events)
          .where(inArray(events.id, missing.map((e) => e.id)));
        const byId = new Map(existing.map((x) => [x.id, x.stationId]));
        for (const e of missing) {
          const owner = byId.get(e.id);
          if (owner === stationId) duplicates++;
          else if (owner !== undefined) rejected.push({ id: e.id, seq: null, reason: 'this event id was already used by another station' });
          else rejected.push({ id: e.id, seq: e.seq, reason: `sequence number ${e.seq} of this station was already used by a different event` });
        }
      }
      const walkins = chunk.filter((e) => got.has(e.id) && e.kind === 'walkin' && e.attendeeId);
      for (const w of walkins) await insertWalkin(tx, w, now);
      for (const e of chunk) if (got.has(e.id)) await applyReprint(tx, e, now);
      // Desk notes travel through the attendee row (a walk-in may arrive after its note).
      const noted = new Set(chunk.filter((e) => got.has(e.id) && (e.kind === 'note' || e.kind === 'walkin') && e.attendeeId).map((e) => e.attendeeId!));
      for (const id of noted) await applyNotes(tx, id, now);
      const asked = new Set(chunk.filter((e) => got.has(e.id) && (e.kind === 'no_photo' || e.kind === 'walkin') && e.attendeeId).map((e) => e.attendeeId!));
      for (const id of asked) await applyNoPhoto(tx, id, now);
    }
    // Keep a record of settled rejections so the acknowledgement mark can pass them.
    const settle = rejected.filter((r): r is Rejection & { seq: number } => r.seq !== null && r.id !== '');
    if (settle.length > 0) {
      await tx
        .insert(rejections)
        .values(settle.map((r) => ({ stationId, stationSeq: r.seq, eventId: r.id, reason: r.reason, at: now })))
        .onConflictDoNothing();
    }
    const acked = await advanceAck(tx, stationId, now, report);
    return { acked, stored, duplicates, rejected, changed: stored > 0 };
  });
}

/** The badge codes an event gives its attendee: a walk-in's, or a reprint's new code. */
function codesClaimed(e: WireEvent): string[] {
  if (e.kind === 'walkin') return [...new Set(walkinAttendee(e)?.badgeCodes ?? [])];
  const code = reprintOf(e)?.code;
  return code ? [code] : [];
}

/**
 * Walk-ins and reprints whose badge codes another attendee already holds — on a current or a
 * replaced badge — or an earlier event of the same batch claimed, by event id → reason. A
 * replayed event (already stored) claims nothing new.
 */
async function badgeClaimProblems(tx: RegistryOrm, claiming: WireEvent[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (claiming.length === 0) return out;
  const stored = new Set((await tx.select({ id: events.id }).from(events).where(inArray(events.id, claiming.map((w) => w.id)))).map((r) => r.id));
  const claimedHere = new Map<string, string>();
  for (const w of claiming) {
    if (stored.has(w.id) || !w.attendeeId) continue;
    const codes = codesClaimed(w);
    const holders = await tx
      .select({ id: attendees.id, codes: attendees.badgeCodes, retired: attendees.retiredBadgeCodes })
      .from(attendees)
      .where(
        or(
          ...codes.flatMap((c) => [
            sql`${attendees.badgeCodes} @> ${JSON.stringify([c])}::jsonb`,
            sql`${attendees.retiredBadgeCodes} @> ${JSON.stringify([{ code: c }])}::jsonb`,
          ]),
        ),
      );
    const holds = (h: (typeof holders)[number], c: string) => h.codes.includes(c) || h.retired.some((r) => r.code === c);
    const taken = codes.find((c) => holders.some((h) => h.id !== w.attendeeId && holds(h, c)) || (claimedHere.has(c) && claimedHere.get(c) !== w.attendeeId));
    if (taken !== undefined) {
      const what = w.kind === 'walkin' ? 'register the walk-in with a new badge' : 'reprint the badge again';
      out.set(w.id, `badge code ${JSON.stringify(taken.slice(0, 40))} already belongs to another attendee; ${what}`);
      continue;
    }
    for (const c of codes) claimedHere.set(c, w.attendeeId);
  }
  return out;
}

/**
 * A reprint moves the person's codes by the one rule (core/records/attendee.ts foldReprint):
 * the new code is current, the replaced ones are kept as retired. The row gets a new change
 * number, so every station pulls it.
 */
async function applyReprint(tx: RegistryOrm, e: WireEvent, now: number): Promise<void> {
  const r = reprintOf(e);
  if (!r || !e.attendeeId) return;
  const row = (
    await tx
      .select({ badgeVersion: attendees.badgeVersion, badgeCodes: attendees.badgeCodes, retiredBadgeCodes: attendees.retiredBadgeCodes })
      .from(attendees)
      .where(eq(attendees.id, e.attendeeId))
  )[0];
  if (!row) return; // someone this registry does not know (yet): the event is kept, it changes nobody
  const next = foldReprint(row, r);
  await tx.update(attendees).set({ ...next, updatedAt: now, changeNo: sql`nextval('change_seq')` }).where(eq(attendees.id, e.attendeeId));
}

/** The registry's log row of an event: the event's `seq` (its station's number) is kept as stationSeq. */
export function toLogRow(e: WireEvent, receivedAt: number): typeof events.$inferInsert {
  const { seq, ...rest } = toColumns(LogEventFields, e);
  return { ...rest, stationSeq: seq, receivedAt };
}

/** An event as it travels again, to other stations. */
export function toLogEvent(r: typeof events.$inferSelect): WireEvent {
  return toWire(LogEventFields, { ...r, seq: r.stationSeq });
}

/** A walk-in registered at a station becomes an attendee, unless the organiser already has that id (registry edits win). */
async function insertWalkin(tx: RegistryOrm, e: WireEvent, now: number): Promise<void> {
  const a = walkinAttendee(e);
  if (!a) return; // the event is kept; it just makes nobody
  await tx.insert(attendees).values({ ...a, updatedAt: now }).onConflictDoNothing();
}

/**
 * Folds the person's desk notes into their row by the one rule (core/records/attendee.ts
 * foldNote; an organiser edit carries the registry's time). The row gets a new change
 * number, so every station pulls it.
 */
async function applyNotes(tx: RegistryOrm, attendeeId: string, now: number): Promise<void> {
  const notes = await tx
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, payload: events.payload })
    .from(events)
    .where(and(eq(events.attendeeId, attendeeId), eq(events.kind, 'note')));
  if (notes.length === 0) return;
  const row = await tx.select({ noteHlc: attendees.noteHlc }).from(attendees).where(eq(attendees.id, attendeeId));
  const fold = row[0] ? foldNote(row[0].noteHlc, notes) : null;
  if (fold) await tx.update(attendees).set({ ...fold, updatedAt: now, changeNo: sql`nextval('change_seq')` }).where(eq(attendees.id, attendeeId));
}

/** "No photography" asked or withdrawn at desks: folded into the row like notes (core/records/attendee.ts foldNoPhoto). */
async function applyNoPhoto(tx: RegistryOrm, attendeeId: string, now: number): Promise<void> {
  const asks = await tx
    .select({ id: events.id, stationId: events.stationId, hlc: events.hlc, payload: events.payload })
    .from(events)
    .where(and(eq(events.attendeeId, attendeeId), eq(events.kind, 'no_photo')));
  if (asks.length === 0) return;
  const row = await tx.select({ noPhotoHlc: attendees.noPhotoHlc }).from(attendees).where(eq(attendees.id, attendeeId));
  const fold = row[0] ? foldNoPhoto(row[0].noPhotoHlc, asks) : null;
  if (fold) await tx.update(attendees).set({ ...fold, updatedAt: now, changeNo: sql`nextval('change_seq')` }).where(eq(attendees.id, attendeeId));
}

/** Moves stations.acked_seq forward over every stored or settled sequence number. */
async function advanceAck(tx: RegistryOrm, stationId: string, now: number, report: StationReport | null): Promise<number> {
  const cur = await tx.select({ acked: stations.ackedStationSeq }).from(stations).where(eq(stations.id, stationId));
  let acked = cur[0]?.acked ?? 0;
  for (;;) {
    const rows = await query<{ s: number }>(
      tx,
      sql`select station_seq as s from events where station_id = ${stationId} and station_seq > ${acked}
          union select station_seq from rejections where station_id = ${stationId} and station_seq > ${acked}
          order by 1 limit 5000`,
    );
    let moved = false;
    for (const r of rows) {
      if (Number(r.s) !== acked + 1) break;
      acked += 1;
      moved = true;
    }
    if (!moved || rows.length < 5000) break;
  }
  await tx
    .update(stations)
    .set({ ackedStationSeq: acked, ...seenColumns(report, now) })
    .where(and(eq(stations.id, stationId)));
  return acked;
}
