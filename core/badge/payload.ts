// The signed badge payload: a compact binary record, byte by byte as documented
// in docs/badge-format.md. Pure TypeScript (runs in station, registry, browser).
import { CATEGORIES, type Category } from '../model';

export const BADGE_FORMAT_VERSION = 1;
export const SIGNATURE_LENGTH = 64;
/** Ed25519 signs this context string followed by the body, so a Foyer key's signature means "a Foyer badge" only. */
export const SIGNATURE_CONTEXT = new TextEncoder().encode('foyer-badge');
const MAX_ID_BYTES = 64;

export interface BadgeFields {
  /** Which of the event's signing keys signed it (1–255). */
  keyId: number;
  /** The event id; only its 32-bit tag travels (see eventTag). */
  eventId: string;
  attendeeId: string;
  /** 1 for the first badge; a reprint increments it and revokes the previous one. */
  badgeVersion: number;
  /** Days the badge is valid, as 'YYYY-MM-DD' of the event; null = every event day. */
  validDays: string[] | null;
  category: Category;
}

/** What a decoded body tells before anything is looked up. */
export interface BadgeBody {
  version: number;
  keyId: number;
  eventTag: number;
  attendeeId: string;
  badgeVersion: number;
  /** Bit i = the i-th event day; 0 = every day. */
  dayMask: number;
  category: Category;
}

export class BadgeEncodeError extends Error {}

/** FNV-1a 32-bit hash of the event id's UTF-8 bytes: enough to say "this badge is for another event". */
export function eventTag(eventId: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(eventId)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function daysToMask(validDays: string[] | null, eventDays: string[]): number {
  if (validDays === null) return 0;
  let mask = 0;
  for (const d of validDays) {
    const i = eventDays.indexOf(d);
    if (i < 0 || i > 31) throw new BadgeEncodeError(`Valid day ${d} is not a day of this event.`);
    mask = (mask | (1 << i)) >>> 0;
  }
  if (mask === 0) throw new BadgeEncodeError('A badge must be valid on at least one day.');
  return mask;
}

export function maskToDays(mask: number, eventDays: string[]): string[] | null {
  if (mask === 0) return null;
  return eventDays.filter((_, i) => i < 32 && (mask >>> i) & 1);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A canonical lower-case UUID as its 16 bytes, else null (then the id travels as UTF-8). */
export function uuidToBytes(id: string): Uint8Array | null {
  if (!UUID_RE.test(id)) return null;
  const hex = id.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToUuid(b: Uint8Array): string {
  let hex = '';
  for (const x of b) hex += x.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function pushVarint(out: number[], v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new BadgeEncodeError(`Value out of range: ${v}`);
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
}

/** Encodes the body that is signed (everything but the signature). */
export function encodeBody(f: BadgeFields, eventDays: string[]): Uint8Array {
  if (!Number.isInteger(f.keyId) || f.keyId < 1 || f.keyId > 255) throw new BadgeEncodeError('Key id must be 1–255.');
  if (!Number.isInteger(f.badgeVersion) || f.badgeVersion < 1) throw new BadgeEncodeError('Badge version must be ≥ 1.');
  const cat = CATEGORIES.indexOf(f.category);
  if (cat < 0) throw new BadgeEncodeError(`Unknown category ${f.category}.`);
  const out: number[] = [BADGE_FORMAT_VERSION, f.keyId];
  const tag = eventTag(f.eventId);
  out.push(tag >>> 24, (tag >>> 16) & 0xff, (tag >>> 8) & 0xff, tag & 0xff);
  const uuid = uuidToBytes(f.attendeeId);
  if (uuid) {
    out.push(0, ...uuid);
  } else {
    const id = new TextEncoder().encode(f.attendeeId);
    if (id.length < 1 || id.length > MAX_ID_BYTES) throw new BadgeEncodeError('Attendee id must be 1–64 bytes.');
    out.push(id.length, ...id);
  }
  pushVarint(out, f.badgeVersion);
  pushVarint(out, daysToMask(f.validDays, eventDays));
  out.push(cat);
  return Uint8Array.from(out);
}

class Reader {
  i = 0;
  constructor(readonly b: Uint8Array) {}
  byte(): number | null {
    return this.i < this.b.length ? this.b[this.i++]! : null;
  }
  bytes(n: number): Uint8Array | null {
    if (this.i + n > this.b.length) return null;
    const s = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return s;
  }
  /** Minimal-form LEB128 up to 32 bits; null on overflow, truncation or a redundant zero byte. */
  varint(): number | null {
    let v = 0;
    for (let k = 0; k < 5; k++) {
      const b = this.byte();
      if (b === null) return null;
      v += (b & 0x7f) * 2 ** (7 * k);
      if ((b & 0x80) === 0) {
        if (k > 0 && b === 0) return null;
        return v <= 0xffffffff ? v : null;
      }
    }
    return null;
  }
}

/** Parses a body strictly; null when it is not a well-formed version-1 body (no trailing bytes allowed). */
export function decodeBody(b: Uint8Array): BadgeBody | null {
  const r = new Reader(b);
  const version = r.byte();
  if (version !== BADGE_FORMAT_VERSION) return null;
  const keyId = r.byte();
  if (!keyId) return null;
  const t = r.bytes(4);
  if (!t) return null;
  const eventTag = ((t[0]! << 24) | (t[1]! << 16) | (t[2]! << 8) | t[3]!) >>> 0;
  const idLen = r.byte();
  if (idLen === null || idLen > MAX_ID_BYTES) return null;
  let attendeeId: string;
  if (idLen === 0) {
    const u = r.bytes(16);
    if (!u) return null;
    attendeeId = bytesToUuid(u);
  } else {
    const raw = r.bytes(idLen);
    if (!raw) return null;
    try {
      attendeeId = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return null;
    }
    if (uuidToBytes(attendeeId)) return null; // a UUID must use the 16-byte form (one encoding per badge)
  }
  const badgeVersion = r.varint();
  if (!badgeVersion) return null;
  const dayMask = r.varint();
  if (dayMask === null) return null;
  const cat = r.byte();
  if (cat === null || cat >= CATEGORIES.length) return null;
  if (r.i !== b.length) return null;
  return { version, keyId, eventTag, attendeeId, badgeVersion, dayMask, category: CATEGORIES[cat]! };
}
