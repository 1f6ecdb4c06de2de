// POST /v1/admin/demo (organiser: registry/console/access.ts): loads the demo event into the registry — the generated
// attendees, rooms and sessions, and the demo's published signing key — so stations can be
// paired and tried without real data. The only registry code that loads the demo generator.
// `seed` loads another generated event instead (other people, badge codes and event id): one
// that a station seeded with the standard demo does not hold, so its download can be seen.
// The registry alone also gets the people's e-mail addresses and the opening session's sample
// Zoom report (resources/demo/zoom-report.ts), so the attendance report has an online side.
import { count, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { dayInZone } from '../../core/time';
import { demoKeyPair } from '../../resources/demo/badges';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { DEMO_ZOOM_SESSION, demoEmails, demoZoomReport } from '../../resources/demo/zoom-report';
import { importZoomReport } from '../hybrid/import';
import type { RegistryContext } from '../context';
import { jsonBody } from '../http';
import { addSigningKey, lastChangeNo, setEvent, upsertAttendees, upsertRoom, upsertSession } from '../store';

export function demoRoutes(ctx: RegistryContext): Hono {
  const { orm, live, now } = ctx;
  const app = new Hono();
  app.post('/v1/admin/demo', async (c) => {
    const body = await jsonBody(
      c,
      z.object({ firstDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), attendees: z.number().int().min(1).max(200_000).optional(), seed: z.number().int().min(1).max(2 ** 31).optional() }).strict(),
    );
    const generated = generateDemoEvent(body.firstDay ?? dayInZone(now(), DEMO_TIME_ZONE), { attendees: body.attendees, seed: body.seed });
    const demo = body.seed === undefined ? generated : { ...generated, event: { ...generated.event, id: `${generated.event.id}-seed-${body.seed}`, name: `${generated.event.name} (seed ${body.seed})` } };
    await setEvent(orm, demo.event);
    for (const r of demo.rooms) await upsertRoom(orm, { ...r, warnPct: 80, criticalPct: 95, fullPolicy: 'refuse' });
    for (const s of demo.sessions) await upsertSession(orm, s);
    const emails = demoEmails(demo);
    await upsertAttendees(
      orm,
      demo.attendees.map(({ badgeCode, ...a }) => ({ ...a, badgeVersion: 1, badgeCodes: [badgeCode], source: 'registry' as const, email: emails.get(a.id) })),
      now(),
    );
    const zoom = await importZoomReport(orm, DEMO_ZOOM_SESSION, Buffer.from(demoZoomReport(demo, emails), 'utf8'), { fileName: 'participants_demo_opening.csv' }, now());
    const [k] = await orm.select({ n: count() }).from(sql`signing_keys`);
    if (!k?.n) {
      // The demo event's published key pair (resources/demo/badges.ts), the one every standalone demo
      // station holds: badges printed before pairing keep scanning after the first sync.
      const kp = demoKeyPair(demo.event.id);
      await addSigningKey(orm, { publicKey: Buffer.from(kp.publicKey).toString('base64url'), privateKey: Buffer.from(kp.privateKey).toString('base64url'), active: true }, now());
    }
    live.changed(await lastChangeNo(orm));
    return c.json({ ok: true, event: demo.event.id, attendees: demo.attendees.length, zoomParticipants: zoom.ok ? zoom.people : 0 });
  });

  return app;
}
