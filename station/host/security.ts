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

/** The headers every response carries (a frozen object: the API path passes it to writeHead whole). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest();
/** The expected key's digest, computed once per key (every API call compares against it). */
let expectedDigest: { token: string; digest: Buffer } | null = null;

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 512) return false;
  if (expectedDigest?.token !== expected) expectedDigest = { token: expected, digest: sha256(expected) };
  return crypto.timingSafeEqual(sha256(given), expectedDigest.digest);
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
