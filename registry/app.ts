// The registry HTTP app (Hono): station routes, admin and console routes behind one access check,
// the organiser console's files at `/`, one error format.
// Malformed input of any kind is a 4xx with a sentence; a 500 is a bug and is logged.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { PROTOCOL_VERSION } from '../core/sync/protocol';
import { requireAccess } from './auth';
import { consoleRoutes } from './console/routes';
import { consoleFiles } from './console/static';
import type { RegistryContext } from './context';
import { HttpError, errorJson } from './http';
import { adminRoutes } from './routes/admin';
import { demoRoutes } from './routes/demo';
import { hybridRoutes } from './routes/hybrid';
import { photoRoutes } from './routes/photos';
import { syncRoutes } from './routes/sync';

export function createApp(ctx: RegistryContext): Hono {
  const app = new Hono();
  app.get('/v1/health', (c) => c.json({ ok: true as const, protocol: PROTOCOL_VERSION, serverTime: ctx.now() }));
  app.route('/', syncRoutes(ctx) as unknown as Hono);
  // Before any admin or console route: who is asking, and may they (registry/console/access.ts).
  const access = requireAccess(ctx) as unknown as Parameters<Hono['use']>[1];
  app.use('/v1/admin/*', access);
  app.use('/v1/console/*', access);
  app.route('/', adminRoutes(ctx) as unknown as Hono);
  // After the admin routes, so their body-size limit covers it too.
  app.route('/', demoRoutes(ctx));
  app.route('/', hybridRoutes(ctx));
  app.route('/', photoRoutes(ctx));
  app.route('/', consoleRoutes(ctx) as unknown as Hono);
  app.route('/', consoleFiles(ctx.consoleDir, { tls: ctx.tls }));
  app.notFound((c) => c.json(errorJson('not_found', `No such request: ${c.req.method} ${c.req.path.slice(0, 100)}`), 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      // The rest of a too-large body is never read: close the connection instead of leaving
      // the unread bytes to be taken for the client's next request on it.
      if (err.status === 413) c.header('Connection', 'close');
      return c.json(errorJson(err.code, err.message), err.status);
    }
    if (err instanceof HTTPException) return c.json(errorJson('http', err.message || 'Bad request.'), err.status);
    if (err instanceof URIError || err instanceof SyntaxError) return c.json(errorJson('bad_request', 'The request could not be read.'), 400);
    console.error('[registry] unexpected error', c.req.method, c.req.path, err);
    return c.json(errorJson('internal', 'The registry hit an unexpected error; nothing was changed. Try again.'), 500);
  });
  return app;
}
