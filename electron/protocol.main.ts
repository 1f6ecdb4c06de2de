// Serves the built renderer (dist/renderer) on app://foyer/ for protocol.handle.
// Plain Node + web-standard Request/Response, so it is unit-tested without Electron.
// Only files inside the renderer folder are served: no traversal, no symlink escape,
// no other host, no methods other than GET/HEAD; every response carries the CSP.
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, RESPONSE_SECURITY_HEADERS } from './security';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app URL to a file path inside `root`, or null when it must not be served:
 * wrong scheme or host, encoded NUL or backslash, or a path that leaves `root`.
 * "/" and extension-less paths (client-side routes) map to index.html.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0 || !path.extname(segments[segments.length - 1]!)) segments.splice(0, segments.length, 'index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...RESPONSE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The protocol.handle handler body: `protocol.handle('app', (req) => serveAppRequest(req, root))`. */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveAppPath(root, request.url);
  if (!file) return textResponse(404, 'Not found');
  try {
    // Resolve symlinks too: the real file must still be inside the real root.
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    const rel = path.relative(realRoot, realFile);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return textResponse(404, 'Not found');
    const body = await fs.readFile(realFile);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...RESPONSE_SECURITY_HEADERS,
        'Content-Type': mimeTypeFor(realFile),
        'Content-Length': String(body.byteLength),
        'Cache-Control': 'no-cache',
      },
    });
  } catch {
    return textResponse(404, 'Not found');
  }
}
