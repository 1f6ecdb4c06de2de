// Request-level safety for the headless host: the per-run token, the headers every
// response carries, and the Host check that stops DNS-rebinding pages from
// talking to 127.0.0.1 through a name they control.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The renderer loads only its own files and talks only to this host. */
export const CSP = [
  "default-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self'",
  // 'wasm-unsafe-eval' lets the camera's QR decoder (zxing-wasm, a same-origin .wasm file) compile;
  // it allows WebAssembly only, never JS eval. Workers take their CSP from this header.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 512) return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
  return m ? m[1]! : null;
}

/** Only loopback names are accepted in the Host header (DNS rebinding defence). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A WebSocket from a browser must come from a page this host served. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // non-browser clients (tests, tools) still need the token
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
