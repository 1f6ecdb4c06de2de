// Hybrid attendance (admin token or console session; registry/console/access.ts says who may): a session's Zoom participant report in (the file's bytes,
// `?options=<JSON>`), what it matched, and the attendance report out as PDF or XLSX in the
// reader's language. docs/hybrid-attendance.md.
import { count, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { LANGUAGES } from '../../core/i18n';
import type { RegistryContext } from '../context';
import { HttpError, check } from '../http';
import { importZoomReport, knownTimeZone, listRemote, reportsOf, SessionNotFound } from '../hybrid/import';
import { attendanceFacts } from '../hybrid/report-data';
import { attendancePdf } from '../hybrid/report-pdf';
import { attendanceXlsx } from '../hybrid/report-xlsx';
import { MAX_ZOOM_BYTES, ZOOM_FIELDS } from '../hybrid/zoom-report';
import { remoteAttendance, zoomReports } from '../schema';
import { writeTx } from '../store';

/** The path of a session's Zoom report (the admin routes' 1 MB body limit leaves it to this file's). */
export const ZOOM_REPORT_PATH = /^\/v1\/admin\/sessions\/[^/]+\/zoom-report$/;

const ZoomOptions = z
  .object({
    timeZone: z.string().max(64).refine(knownTimeZone, 'is not a time zone name like Europe/Vienna').optional(),
    mapping: z.partialRecord(z.enum(ZOOM_FIELDS), z.string().min(1).max(200)).optional(),
    dryRun: z.boolean().optional(),
    fileName: z.string().max(300).optional(),
  })
  .strict();
const Id = z.string().min(1).max(64);

export function hybridRoutes(ctx: RegistryContext): Hono {
  const { orm, now } = ctx;
  const app = new Hono();

  app.post(
    '/v1/admin/sessions/:id/zoom-report',
    bodyLimit({
      maxSize: MAX_ZOOM_BYTES,
      onError: () => {
        throw new HttpError(413, 'too_large', `The file is larger than ${MAX_ZOOM_BYTES / 1024 / 1024} MB; a Zoom participant report is far smaller.`);
      },
    }),
    async (c) => {
      const sessionId = check(Id, c.req.param('id'), 'session id');
      let raw: unknown;
      try {
        raw = JSON.parse(c.req.query('options') ?? '{}');
      } catch {
        throw new HttpError(400, 'bad_json', 'The options parameter is not valid JSON.');
      }
      const options = check(ZoomOptions, raw, 'options');
      const file = Buffer.from(await c.req.arrayBuffer());
      if (file.length === 0) throw new HttpError(400, 'empty', 'The file is empty.');
      try {
        const report = await importZoomReport(orm, sessionId, file, options, now());
        return c.json(report, report.ok ? 200 : 422);
      } catch (err) {
        if (err instanceof SessionNotFound) throw new HttpError(404, 'not_found', err.message);
        throw err;
      }
    },
  );

  /** What a session's imported report holds: its file, and every person with their match (e-mails included: admin only). */
  app.get('/v1/admin/sessions/:id/zoom-report', async (c) => {
    const sessionId = check(Id, c.req.param('id'), 'session id');
    const reports = await reportsOf(orm, sessionId);
    if (reports.length === 0) throw new HttpError(404, 'not_found', 'No Zoom report was imported for this session.');
    return c.json({ report: reports.at(-1), reports, people: await listRemote(orm, sessionId) });
  });

  /** Which sessions have Zoom reports (the console's Online attendance page): files, when, how many people. */
  app.get('/v1/admin/zoom-reports', async (c) => {
    const reports = await reportsOf(orm);
    const people = await orm.select({ sessionId: remoteAttendance.sessionId, n: count() }).from(remoteAttendance).groupBy(remoteAttendance.sessionId);
    const bySession = new Map<string, { sessionId: string; people: number; reports: typeof reports }>();
    for (const r of reports) {
      const s = bySession.get(r.sessionId) ?? { sessionId: r.sessionId, people: 0, reports: [] };
      s.reports.push(r);
      bySession.set(r.sessionId, s);
    }
    for (const p of people) {
      const s = bySession.get(p.sessionId);
      if (s) s.people = p.n;
    }
    return c.json({ sessions: [...bySession.values()] });
  });

  app.delete('/v1/admin/sessions/:id/zoom-report', async (c) => {
    const sessionId = check(Id, c.req.param('id'), 'session id');
    await writeTx(orm, async (tx) => {
      await tx.delete(remoteAttendance).where(eq(remoteAttendance.sessionId, sessionId));
      await tx.delete(zoomReports).where(eq(zoomReports.sessionId, sessionId));
    });
    return c.json({ ok: true });
  });

  app.get('/v1/admin/reports/:file', async (c) => {
    const file = check(z.enum(['attendance.pdf', 'attendance.xlsx']), c.req.param('file'), 'report');
    const lang = check(z.enum(LANGUAGES).optional(), c.req.query('lang') || undefined, 'language');
    const input = await attendanceFacts(orm, now());
    const pdf = file.endsWith('.pdf');
    const data = pdf ? await attendancePdf(input, lang) : await attendanceXlsx(input, lang);
    c.header('content-type', pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="${file}"`);
    return c.body(new Uint8Array(data));
  });

  return app;
}
