// The headless host's screens: the built renderer over HTTP, GET and HEAD only (files and
// their types: node-shared/static-files.ts, shared with the desktop app's app:// protocol).
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readStaticFile, resolveStaticPath } from '../../node-shared/static-files';

export async function serveStatic(root: string | null, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
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
  const file = resolveStaticPath(root, urlPath);
  const found = file ? await readStaticFile(root, file) : null;
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': found.type,
    'Content-Length': found.body.length,
    // index.html must be re-read after an update; hashed assets could be cached, but
    // a station serves one user on loopback, so revalidating everything costs nothing.
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : found.body);
}
