// Built web screens, read-only: the station's renderer (dist/renderer) for both ways a station
// shows them — the headless host over HTTP (station/host/server.ts) and the desktop app's app://
// protocol (electron/protocol.main.ts) — and the organiser console the registry serves
// (dist/console, registry/console/static.ts). One MIME table and one path check: a URL path reaches
// a file only inside the root — no "..", encoded NUL or backslash, absolute path or symlink escape.
import fs from 'node:fs/promises';
import path from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
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

const outside = (base: string, file: string) => {
  const rel = path.relative(base, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
};

/**
 * Maps a URL path (still percent-encoded, as in a URL) to a file inside `root`, or null when it
 * must not be served. "/" and extension-less paths (client-side routes) map to index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0 || !path.extname(segments[segments.length - 1]!)) segments.splice(0, segments.length, 'index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return outside(base, file) ? null : file;
}

/** A file resolveStaticPath gave, with its type; null when there is none it may serve. */
export async function readStaticFile(root: string, file: string): Promise<{ body: Buffer<ArrayBuffer>; type: string } | null> {
  try {
    // Resolve symlinks too: the real file must still be inside the real root.
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (outside(realRoot, realFile) || !(await fs.stat(realFile)).isFile()) return null;
    return { body: await fs.readFile(realFile), type: mimeTypeFor(realFile) };
  } catch {
    return null;
  }
}
