// Signed badge text: PREFIX + base32(body ‖ Ed25519 signature).
// Signing and verifying take an injected Ed25519 implementation so this file
// stays pure (node:crypto on the station and registry: node-shared/ed25519.ts).
import { base32Decode, base32Encode } from './base32';
import { SIGNATURE_CONTEXT, SIGNATURE_LENGTH, decodeBody, encodeBody, eventTag, type BadgeBody, type BadgeFields } from './payload';

/** Marks a Foyer signed badge. Upper-case letters, digits and ':' keep the whole text in QR alphanumeric mode. */
export const BADGE_PREFIX = 'FY1:';

export interface Ed25519 {
  /** privateKey: the 32-byte seed. Returns the 64-byte signature. */
  sign(message: Uint8Array, privateKey: Uint8Array): Uint8Array;
  /** publicKey: the 32 raw bytes. Must be synchronous: it runs inside the check-in transaction. */
  verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean;
}

export interface SigningKey {
  keyId: number;
  privateKey: Uint8Array;
}

export type BadgeRefusal = 'malformed' | 'not_this_event' | 'unknown_key' | 'bad_signature';
export type BadgeRead = { ok: true; body: BadgeBody } | { ok: false; reason: BadgeRefusal };

export interface VerifyContext {
  eventId: string;
  /** The public key for a key id, if this station trusts it (several may be valid at once). */
  publicKey(keyId: number): Uint8Array | undefined;
  ed25519: Ed25519;
}

function signedMessage(body: Uint8Array): Uint8Array {
  const m = new Uint8Array(SIGNATURE_CONTEXT.length + body.length);
  m.set(SIGNATURE_CONTEXT, 0);
  m.set(body, SIGNATURE_CONTEXT.length);
  return m;
}

/** Signed payload bytes (body ‖ signature). */
export function signBadgeBytes(f: Omit<BadgeFields, 'keyId'>, eventDays: string[], key: SigningKey, ed: Ed25519): Uint8Array {
  const body = encodeBody({ ...f, keyId: key.keyId }, eventDays);
  const sig = ed.sign(signedMessage(body), key.privateKey);
  if (sig.length !== SIGNATURE_LENGTH) throw new Error('Ed25519 signature must be 64 bytes.');
  const out = new Uint8Array(body.length + SIGNATURE_LENGTH);
  out.set(body, 0);
  out.set(sig, body.length);
  return out;
}

/** The text a badge's QR code holds. */
export function signBadge(f: Omit<BadgeFields, 'keyId'>, eventDays: string[], key: SigningKey, ed: Ed25519): string {
  return BADGE_PREFIX + base32Encode(signBadgeBytes(f, eventDays, key, ed));
}

export function isSignedBadgeText(text: string): boolean {
  return text.length > BADGE_PREFIX.length && text.slice(0, BADGE_PREFIX.length).toUpperCase() === BADGE_PREFIX;
}

/** Checks signed payload bytes: structure, event, key, signature — in that order. */
export function verifyBadgeBytes(bytes: Uint8Array, ctx: VerifyContext): BadgeRead {
  if (bytes.length <= SIGNATURE_LENGTH) return { ok: false, reason: 'malformed' };
  const bodyBytes = bytes.subarray(0, bytes.length - SIGNATURE_LENGTH);
  const body = decodeBody(bodyBytes);
  if (!body) return { ok: false, reason: 'malformed' };
  if (body.eventTag !== eventTag(ctx.eventId)) return { ok: false, reason: 'not_this_event' };
  const pub = ctx.publicKey(body.keyId);
  if (!pub) return { ok: false, reason: 'unknown_key' };
  const sig = bytes.subarray(bytes.length - SIGNATURE_LENGTH);
  if (!ctx.ed25519.verify(signedMessage(bodyBytes), sig, pub)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, body };
}

/**
 * Reads a scanned text. null = not a Foyer signed badge at all (another matcher
 * may know it). Lower case is accepted: some scanners type with Caps Lock inverted.
 */
export function readSignedBadge(text: string, ctx: VerifyContext): BadgeRead | null {
  if (!isSignedBadgeText(text)) return null;
  const bytes = base32Decode(text.slice(BADGE_PREFIX.length).toUpperCase());
  if (!bytes) return { ok: false, reason: 'malformed' };
  return verifyBadgeBytes(bytes, ctx);
}
