// Serves the built renderer (dist/renderer) read-only. Paths are resolved and
// checked to stay inside the root, so "/../", encoded dots or absolute paths
// never reach a file outside it.
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  const inside = path.relative(root, full);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return full;
}

export function serveStatic(root: string | null, req: IncomingMessage, res: ServerResponse, urlPath: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The Foyer screen has not been built yet. Run "npm run build:renderer", then reload.\n');
    return;
  }
  const file = resolveStatic(root, urlPath);
  // realpath: a symlink inside dist/ must not lead outside it either.
  let real: string | null = null;
  try {
    real = file ? fs.realpathSync(file) : null;
  } catch {
    real = null;
  }
  const realRoot = fs.realpathSync(root);
  if (!real || path.relative(realRoot, real).startsWith('..') || !fs.statSync(real).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n');
    return;
  }
  const type = TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  const body = fs.readFileSync(real);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    // index.html must be re-read after an update; hashed assets could be cached, but
    // a station serves one user on loopback, so revalidating everything costs nothing.
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
