// The pairing link: everything a station needs to pair, in one line that an operator can paste
// or a station can scan from the QR the admin CLI prints:
//   https://192.168.1.10:8787/#pair=ABCDE-FGHJK&sha256=<certificate fingerprint, base64url>
// The fragment never reaches a server. `sha256` is the SHA-256 of the registry's certificate
// (DER); the station pins it (docs/security.md, "Registry"). A registry behind a reverse proxy
// with a CA-signed certificate has no `sha256`: the station then checks the certificate the
// usual way.

export interface PairingLink {
  url: string;
  code: string | null;
  /** base64url SHA-256 of the registry certificate, or null (plain CA checks / plain HTTP). */
  fingerprint: string | null;
}

/** The link the admin CLI prints and puts in the QR. */
export function pairingLink(url: string, code: string, fingerprint: string | null): string {
  const base = url.replace(/\/+$/, '');
  return `${base}/#pair=${encodeURIComponent(code)}${fingerprint ? `&sha256=${fingerprint}` : ''}`;
}

/**
 * Reads a fingerprint as people and tools write it: base64url (43 characters), or 64 hex digits
 * with or without colons/spaces (browsers, `openssl x509 -fingerprint -sha256`). Null: not one.
 */
export function normaliseFingerprint(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z0-9_-]{43}=?$/.test(t)) return t.slice(0, 43);
  const hex = t.replace(/^sha-?256[:= ]*/i, '').replace(/[\s:]/g, '');
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return hexToBase64Url(hex.toLowerCase());
  return null;
}

/** The fingerprint as colon-separated hex pairs, for reading aloud or comparing with a browser. */
export function fingerprintHex(b64url: string): string {
  const bin = atob(b64url.replace(/-/g, '+').replace(/_/g, '/') + '=');
  return Array.from(bin, (c) => c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Splits what was typed or scanned into the address field: a plain address or a whole pairing link. */
export function parsePairingText(text: string): PairingLink | null {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  const params = new URLSearchParams(u.hash.replace(/^#/, ''));
  const code = params.get('pair');
  const fp = params.get('sha256');
  const fingerprint = fp ? normaliseFingerprint(fp) : null;
  if (fp && !fingerprint) return null;
  return { url: `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`, code: code ? code.trim() : null, fingerprint };
}

function hexToBase64Url(hex: string): string {
  let bin = '';
  for (let i = 0; i < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
