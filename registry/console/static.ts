// The organiser console's files (dist/console, `npm run build:console`) at `/`, GET and HEAD,
// through the one static file server (node-shared/static-files.ts), with a strict CSP: the page
// runs only its own scripts and styles and talks only to this registry.
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { readStaticFile, resolveStaticPath } from '../../node-shared/static-files';

export const CONSOLE_CSP = [
  "default-src 'self'",
  "connect-src 'self'",
  // QR codes are drawn as SVG in the page; data: only for images a browser makes itself.
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function consoleFiles(root: string | null, o: { tls: boolean }): Hono {
  const app = new Hono();
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (c.req.path.startsWith('/v1/')) return next();
    c.header('Content-Security-Policy', CONSOLE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (o.tls) c.header('Strict-Transport-Security', 'max-age=31536000');
    if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
      return c.text('The organiser console has not been built. Run "npm run build:console", then reload.\n', 503);
    }
    const file = resolveStaticPath(root, c.req.path);
    const found = file ? await readStaticFile(root, file) : null;
    if (!found) return c.text('Not found.\n', 404);
    c.header('Content-Type', found.type);
    // File names under assets/ carry a content hash; index.html must be re-read after an update.
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.req.method === 'HEAD' ? c.body(null) : c.body(new Uint8Array(found.body));
  });
  return app;
}
