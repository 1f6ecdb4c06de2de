// The exact bytes a signature covers: JSON with object keys sorted at every depth, so the same
// value signs the same whether it went through SQLite, PostgreSQL's jsonb (which reorders keys
// and rewrites numbers) or a hub. Plus base64url, which signatures and keys travel as.

/** JSON text with keys sorted at every depth; `undefined` in an object is left out, as JSON.stringify does. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x === undefined ? null : x)).join(',')}]`;
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

const utf8 = new TextEncoder();

/** A domain-separated message: `context` then a newline then the canonical JSON of `v`, in UTF-8. */
export function signedBytes(context: string, v: unknown): Uint8Array {
  return utf8.encode(`${context}\n${canonicalJson(v)}`);
}

export function toBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for text that is not base64url. */
export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
