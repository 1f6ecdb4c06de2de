// Serves the built renderer (dist/renderer) on app://foyer/ for protocol.handle.
// Plain Node + web-standard Request/Response, so it is unit-tested without Electron.
// Only files inside the renderer folder are served (node-shared/static-files.ts, shared with
// the headless host), no other host, no methods other than GET/HEAD; every response carries the CSP.
import { readStaticFile, resolveStaticPath } from '../node-shared/static-files';
import { APP_HOST, APP_SCHEME, RESPONSE_SECURITY_HEADERS } from './security';

/**
 * Maps an app URL to a file path inside `root`, or null when it must not be served:
 * wrong scheme or host, or a path resolveStaticPath refuses.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return null;
  return resolveStaticPath(root, url.pathname);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...RESPONSE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The protocol.handle handler body: `protocol.handle('app', (req) => serveAppRequest(req, root))`. */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveAppPath(root, request.url);
  const found = file ? await readStaticFile(root, file) : null;
  if (!found) return textResponse(404, 'Not found');
  return new Response(request.method === 'HEAD' ? null : found.body, {
    status: 200,
    headers: {
      ...RESPONSE_SECURITY_HEADERS,
      'Content-Type': found.type,
      'Content-Length': String(found.body.byteLength),
      'Cache-Control': 'no-cache',
    },
  });
}
