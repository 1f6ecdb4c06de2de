// Operator routes (admin token): event, attendees and their import, rooms, sessions,
// badge keys and revocations, stations and pairing codes, exports.
import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { and, asc, count, desc, eq, gt, ilike, or } from 'drizzle-orm';
import { can } from '../../core/console/access';
import { attendeeFor } from '../../core/sync/visibility';
import { toWire } from '../../core/records/fields';
import { RoomFields } from '../../core/records/room';
import { SessionFields } from '../../core/records/session';
import { z } from 'zod';
import { AttendeeFields } from '../../core/records/attendee';
import { patchSchema } from '../../core/records/fields';
import { pairingLink } from '../../core/sync/pairing-link';
import { AttendeeRecord, EventInfoRecord, RoomRecord, SessionRecord } from '../../core/sync/protocol';
import { createAdminToken, listAdminTokens, revokeAdminToken } from '../admin-tokens';
import type { ConsoleEnv } from '../auth';
import type { RegistryContext } from '../context';
import { eventRowOut, exportCsv, EXPORTS } from '../exports';
import { HttpError, check, jsonBody } from '../http';
import { ImportOptions, RowsImport } from '../import';
import { ImportStopped, runImport, warmImportWorker, type ImportJob } from '../import/run';
import { attendees, events, revocations, rooms, sessions } from '../schema';
import { createPairingCode, listStations, revokeStation, setStationRules } from '../stations';
import { DeskRules } from '../../core/checkin/desk-rules';
import { ZOOM_REPORT_PATH } from './hybrid';
import { PHOTO_UPLOAD_PATH } from './photos';
import { retentionProblem } from '../../core/retention';
import { applyRegistryRetention, registryRetentionDone } from '../retention';
import {
  addRevocation,
  addSigningKey,
  KeyIdsUsedUp,
  MAX_KEY_ID,
  lastChangeNo,
  getEvent,
  importAttendees,
  cancelMissing,
  keyOwner,
  listSigningKeys,
  patchAttendee,
  setEvent,
  setInvitations,
  setSigningKeyActive,
  upsertAttendees,
  upsertRoom,
  upsertSession,
} from '../store';

const IdParam = z.string().min(1).max(64);
/** An organiser's edit of a person: only the fields sent change (core/records/fields.ts patchSchema). */
const AttendeePatch = patchSchema(AttendeeFields, ['id', 'source', 'noteHlc', 'noPhotoHlc']);

export function adminRoutes(ctx: RegistryContext): Hono<ConsoleEnv> {
  const { orm, live, now } = ctx;
  const app = new Hono<ConsoleEnv>();
  void warmImportWorker();
  const limit = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: () => {
        throw new HttpError(413, 'too_large', `The request is larger than ${Math.round(max / 1024 / 1024)} MB.`);
      },
    });
  // Default size limit for admin bodies; the import routes allow files and connector rows up to 64 MB, Zoom reports 8 MB (routes/hybrid.ts).
  const big = new Set(['/v1/admin/attendees/import', '/v1/admin/attendees/rows']);
  app.use('/v1/admin/*', async (c, next) => (big.has(c.req.path) || ZOOM_REPORT_PATH.test(c.req.path) || PHOTO_UPLOAD_PATH.test(c.req.path) ? next() : limit(1024 * 1024)(c, next)));
  const poke = async () => live.changed(await lastChangeNo(orm));

  app.get('/v1/admin/status', async (c) => {
    const [a] = await orm.select({ n: count() }).from(attendees);
    const [e] = await orm.select({ n: count() }).from(events);
    return c.json({ event: await getEvent(orm), attendees: a?.n ?? 0, events: e?.n ?? 0, seq: await lastChangeNo(orm), liveConnections: live.connected, database: ctx.db.kind });
  });

  app.get('/v1/admin/event', async (c) => c.json(await getEvent(orm)));

  app.get('/v1/admin/rooms', async (c) => c.json((await orm.select().from(rooms).orderBy(asc(rooms.name))).map((r) => toWire(RoomFields, r))));

  app.get('/v1/admin/sessions', async (c) =>
    c.json((await orm.select().from(sessions).orderBy(asc(sessions.startsAt), asc(sessions.title))).map((s) => ({ ...toWire(SessionFields, s), invited: s.invited }))),
  );

  app.put('/v1/admin/event', async (c) => {
    const body = await jsonBody(c, EventInfoRecord);
    const done = await registryRetentionDone(ctx);
    if (done && body.retentionDate !== done.date) throw new HttpError(409, 'retention_done', `Personal data was deleted on ${done.date} per the retention setting; the retention day can no longer change.`);
    const problem = retentionProblem(body.retentionDate, body.days);
    if (problem) throw new HttpError(422, 'retention_day', problem);
    await setEvent(orm, body);
    await poke();
    // A day already reached deletes at once (registry/retention.ts); stations do on their own clocks.
    await applyRegistryRetention(ctx, now());
    return c.json({ ok: true });
  });

  /** The retention day and whether personal data is deleted (the console's event page says so). */
  app.get('/v1/admin/retention', async (c) => {
    const ev = await getEvent(orm);
    return c.json({ retentionDate: ev?.retentionDate ?? null, done: await registryRetentionDone(ctx) });
  });

  /**
   * Stores an import's records (one transaction) and answers its report. The worker has read and
   * validated the whole input before the first record arrives; nothing is stored for a refusal.
   */
  async function storeImport(c: Context<ConsoleEnv>, job: ImportJob, dryRun: boolean, after?: (ids: Set<string>) => Promise<number>) {
    const run = await runImport(job);
    const report = run.report;
    const ids = new Set<string>();
    if (report.imported > 0) {
      async function* tracked() {
        for await (const b of run.batches) {
          for (const id of b.ids) ids.add(id);
          yield b;
        }
      }
      try {
        await importAttendees(ctx.db, tracked(), now());
      } catch (err) {
        if (!(err instanceof ImportStopped)) throw err;
        const failed = { ...report, imported: 0, summary: err.message, errors: [{ row: 0, column: '', reason: err.message }] };
        return c.json(failed, 422);
      }
      if (after) report.cancelledMissing = await after(ids);
      await poke();
    }
    return c.json(report, report.errors.length > 0 && report.imported === 0 && !dryRun ? 422 : 200);
  }

  /**
   * A registration export, as the file's bytes (`?options=<JSON ImportOptions>`), or as JSON
   * with the file in base64 (small files). Read and checked in a worker thread.
   */
  app.post('/v1/admin/attendees/import', limit(64 * 1024 * 1024), async (c) => {
    const raw = !(c.req.header('content-type') ?? '').includes('json');
    let options: ImportOptions;
    let file: ArrayBuffer;
    if (raw) {
      let o: unknown;
      try {
        o = JSON.parse(c.req.query('options') ?? '{}');
      } catch {
        throw new HttpError(400, 'bad_json', 'The options parameter is not valid JSON.');
      }
      options = check(ImportOptions, o, 'options');
      file = await c.req.arrayBuffer();
    } else {
      options = await jsonBody(c, ImportOptions);
      const b = Buffer.from(options.fileBase64 ?? '', 'base64');
      file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      delete options.fileBase64;
    }
    if (file.byteLength === 0) throw new HttpError(400, 'empty', 'The file is empty.');
    return storeImport(c, { kind: 'file', file, options }, options.dryRun);
  });

  /** Rows from a connector (registry/connectors): same rules as files; a full refresh cancels who is gone. */
  app.post('/v1/admin/attendees/rows', limit(64 * 1024 * 1024), async (c) => {
    const input = await jsonBody(c, RowsImport);
    const scope = input.replaceScope;
    return storeImport(c, { kind: 'rows', input }, input.dryRun, scope ? (ids) => cancelMissing(orm, scope, ids, now()) : undefined);
  });

  app.get('/v1/admin/attendees', async (c) => {
    const q = check(
      z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100), after: z.string().max(64).default('') }),
      c.req.query(),
      'query',
    );
    // Notes and badge codes are the organiser's: logistics read the list without them, and see a
    // protected person as a door station does (chosen name only, core/sync/visibility.ts) — nor can
    // they find one by the legal name, which would tie it to the chosen name.
    const full = can(c.get('user')?.role, 'manage');
    const like = `%${q.q}%`;
    const byLegalName = or(ilike(attendees.familyName, like), ilike(attendees.givenName, like));
    const byName = full ? byLegalName : or(and(eq(attendees.protected, false), byLegalName), and(eq(attendees.protected, true), ilike(attendees.chosenName, like)));
    const where = q.q ? and(gt(attendees.id, q.after), byName) : gt(attendees.id, q.after);
    const rows = await orm.select().from(attendees).where(where).orderBy(asc(attendees.id)).limit(q.limit);
    return c.json(
      rows.map(({ changeNo: _c, updatedAt: _u, notes, noteHlc, badgeCodes, email, photoRef, ...r }) => {
        if (full) return { ...r, notes, noteHlc, badgeCodes, email, photoRef };
        // The e-mail (for Zoom matching) and the import's picture file name are the organiser's too: both often spell the legal name.
        const { notes: _n, ...seen } = attendeeFor('door', { ...r, notes: '' });
        return seen;
      }),
    );
  });

  app.put('/v1/admin/attendees/:id', async (c) => {
    const id = check(IdParam, c.req.param('id'), 'attendee id');
    const body = await jsonBody(c, AttendeeRecord.omit({ source: true, noteHlc: true, noPhotoHlc: true }));
    if (body.id !== id) throw new HttpError(400, 'id_mismatch', 'The id in the path and in the body differ.');
    await upsertAttendees(orm, [body], now());
    await poke();
    return c.json({ ok: true });
  });

  app.patch('/v1/admin/attendees/:id', async (c) => {
    const id = check(IdParam, c.req.param('id'), 'attendee id');
    const body = await jsonBody(c, AttendeePatch);
    if (!(await patchAttendee(orm, id, body, now()))) throw new HttpError(404, 'not_found', `No attendee with id ${id}.`);
    await poke();
    return c.json({ ok: true });
  });

  app.put('/v1/admin/rooms/:id', async (c) => {
    const body = await jsonBody(c, RoomRecord);
    if (body.id !== c.req.param('id')) throw new HttpError(400, 'id_mismatch', 'The id in the path and in the body differ.');
    await upsertRoom(orm, body);
    await poke();
    return c.json({ ok: true });
  });

  /** The session's invitation list: `{ attendeeIds: [...] }`, or `{ attendeeIds: null }` to open it to all. */
  app.put('/v1/admin/sessions/:id/invitations', async (c) => {
    const id = check(IdParam, c.req.param('id'), 'session id');
    const body = await jsonBody(c, z.object({ attendeeIds: SessionRecord.shape.invited.unwrap() }).strict());
    if (!(await setInvitations(orm, id, body.attendeeIds))) throw new HttpError(404, 'not_found', `No session ${id}.`);
    await poke();
    return c.json({ ok: true, invited: body.attendeeIds?.length ?? null });
  });

  app.put('/v1/admin/sessions/:id', async (c) => {
    const body = await jsonBody(c, SessionRecord);
    if (body.id !== c.req.param('id')) throw new HttpError(400, 'id_mismatch', 'The id in the path and in the body differ.');
    if (body.endsAt <= body.startsAt) throw new HttpError(400, 'invalid', 'A session must end after it starts.');
    await upsertSession(orm, body);
    await poke();
    return c.json({ ok: true });
  });

  app.get('/v1/admin/keys', async (c) => c.json(await listSigningKeys(orm)));

  app.post('/v1/admin/keys', async (c) => {
    // Either the registry makes the key pair (it then signs batch badges), or the operator
    // supplies a public key whose private half lives elsewhere. Raw 32 bytes, base64url.
    const body = await jsonBody(c, z.object({ publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional() }).strict());
    let publicKey = body.publicKey;
    let privateKey: string | null = null;
    if (!publicKey) {
      const kp = crypto.generateKeyPairSync('ed25519');
      publicKey = kp.publicKey.export({ format: 'jwk' }).x!;
      privateKey = kp.privateKey.export({ format: 'jwk' }).d!;
    }
    const keyId = await addSigningKey(orm, { publicKey, privateKey, active: true }, now()).catch((err: unknown) => {
      if (err instanceof KeyIdsUsedUp) throw new HttpError(409, 'key_ids_used_up', err.message);
      throw err;
    });
    await poke();
    return c.json({ keyId, publicKey });
  });

  app.post('/v1/admin/keys/:id/deactivate', async (c) => {
    const id = check(z.coerce.number().int().min(1).max(MAX_KEY_ID), c.req.param('id'), 'key id');
    // A station's own key signs its events: switching it off here would silently get every upload
    // of that station refused. Revoking (or pairing again) is how a station's key is retired.
    const owner = await keyOwner(orm, id);
    if (owner) throw new HttpError(409, 'station_key', `Key ${id} is the signing key of station ${owner}: revoke that station (or pair it again) instead.`);
    if (owner === undefined || !(await setSigningKeyActive(orm, id, false))) throw new HttpError(404, 'not_found', `No key ${id}.`);
    await poke();
    return c.json({ ok: true });
  });

  app.get('/v1/admin/revocations', async (c) => c.json(await orm.select({ attendeeId: revocations.attendeeId, badgeVersion: revocations.badgeVersion, reason: revocations.reason, revokedAt: revocations.revokedAt }).from(revocations).orderBy(desc(revocations.revokedAt))));

  app.post('/v1/admin/revocations', async (c) => {
    const body = await jsonBody(c, z.object({ attendeeId: IdParam, badgeVersion: z.number().int().min(1), reason: z.string().min(1).max(64).default('reprint') }).strict());
    await addRevocation(orm, body, now());
    await poke();
    return c.json({ ok: true });
  });

  app.post('/v1/admin/pairing-codes', async (c) => {
    const body = await jsonBody(
      c,
      z.object({
        name: z.string().min(1).max(120).optional(),
        role: z.enum(['desk', 'door']).optional(),
        roomId: IdParam.optional(),
        doorMode: z.enum(['entry', 'exit', 'toggle']).optional(),
        ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
        /** A new token for this existing station only (its laptop lost its own); never a new station. */
        stationId: IdParam.optional(),
        /** Needed to let a revoked station back in: un-revoking is never an accident. */
        restore: z.boolean().default(false),
      }).strict(),
    );
    const r = await createPairingCode(orm, { ...body, ttlMs: body.ttlMinutes * 60_000 }, now());
    if (!r.ok) throw new HttpError(r.status, r.code, r.message);
    const { ok: _ok, ...out } = r;
    return c.json({ ...out, url: ctx.publicUrl, fingerprint: ctx.fingerprint, link: pairingLink(ctx.publicUrl, r.code, ctx.fingerprint) });
  });

  app.get('/v1/admin/tokens', async (c) => c.json(await listAdminTokens(orm)));

  /** A new admin token (shown once): one per organiser, for the CLI or the web console. */
  app.post('/v1/admin/tokens', async (c) => {
    const body = await jsonBody(c, z.object({ label: z.string().max(100).default('') }).strict());
    return c.json(await createAdminToken(orm, body.label, now()));
  });

  app.post('/v1/admin/tokens/:id/revoke', async (c) => {
    const id = check(IdParam, c.req.param('id'), 'token id');
    if (!(await revokeAdminToken(orm, id, now()))) throw new HttpError(404, 'not_found', `No live admin token ${id}.`);
    return c.json({ ok: true });
  });

  app.get('/v1/admin/stations', async (c) => c.json(await listStations(orm)));

  /** The organiser's admission rules for one station: repeat scans warn|refuse, the categories its desk admits (null = all). */
  app.put('/v1/admin/stations/:id/rules', async (c) => {
    const id = check(IdParam, c.req.param('id'), 'station id');
    const body = await jsonBody(c, DeskRules.partial().strict());
    const rules = await setStationRules(orm, id, body, now());
    if (!rules) throw new HttpError(404, 'not_found', `No station ${id}.`);
    await poke();
    return c.json(rules);
  });

  app.post('/v1/admin/stations/:id/revoke', async (c) => {
    const id = check(IdParam, c.req.param('id'), 'station id');
    if (!(await revokeStation(orm, id, now()))) throw new HttpError(404, 'not_found', `No station ${id}.`);
    live.kick(id);
    await poke();
    return c.json({ ok: true });
  });

  /** Every stored event, in server order (for audits and the convergence tests). */
  app.get('/v1/admin/events', async (c) => {
    const q = check(z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(10000).default(5000) }), c.req.query(), 'query');
    const rows = await orm.select().from(events).where(gt(events.changeNo, q.after)).orderBy(asc(events.changeNo)).limit(q.limit);
    return c.json(rows.map(eventRowOut));
  });

  app.get('/v1/admin/export/:what', async (c) => {
    const what = check(z.enum(EXPORTS), c.req.param('what'), 'export name');
    const csv = await exportCsv(orm, what);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${what}"`);
    return c.body(csv);
  });

  return app;
}
