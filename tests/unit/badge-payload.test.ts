// The signed badge payload on its own: encoding, strict decoding, signatures.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from '../../core/badge/base32';
import { decodeBody, encodeBody, eventTag, maskToDays, type BadgeFields } from '../../core/badge/payload';
import { BADGE_PREFIX, readSignedBadge, signBadge, signBadgeBytes, verifyBadgeBytes, type VerifyContext } from '../../core/badge/signed';
import { CATEGORIES } from '../../core/model';
import { generateEd25519, nodeEd25519 } from '../../node-shared/ed25519';

const DAYS = ['2023-04-18', '2023-04-19'];
const key = generateEd25519();
const other = generateEd25519();
const ctx: VerifyContext = { eventId: 'atip-23', publicKey: (k) => (k === 3 ? key.publicKey : undefined), ed25519: nodeEd25519 };

const fieldsArb: fc.Arbitrary<Omit<BadgeFields, 'keyId'>> = fc.record({
  eventId: fc.constant('atip-23'),
  attendeeId: fc.oneof(fc.uuid().map((u) => u.toLowerCase()), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => new TextEncoder().encode(s).length <= 64)),
  badgeVersion: fc.integer({ min: 1, max: 100_000 }),
  validDays: fc.constantFrom(null, [DAYS[0]!], [DAYS[1]!], DAYS),
  category: fc.constantFrom(...CATEGORIES),
});

describe('base32', () => {
  it('round-trips any bytes and refuses non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const t = base32Encode(b);
        expect(t).toMatch(/^[A-Z2-7]*$/);
        expect(base32Decode(t)).toEqual(b);
      }),
    );
    expect(base32Decode('MZXW6')).toEqual(new TextEncoder().encode('foo'));
    expect(base32Decode('MZXW7')).toBeNull(); // trailing bits set
    expect(base32Decode('mzxw6')).toBeNull(); // lower case is the caller's business
    expect(base32Decode('MZXW6===')).toBeNull();
  });
});

describe('signed badge payload', () => {
  it('packs a UUID attendee in 16 bytes: 90 bytes, 148 characters in all', () => {
    const t = signBadge({ eventId: 'atip-23', attendeeId: crypto.randomUUID(), badgeVersion: 1, validDays: null, category: 'delegation' }, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
    expect(t.startsWith(BADGE_PREFIX)).toBe(true);
    expect(base32Decode(t.slice(BADGE_PREFIX.length))!.length).toBe(26 + 64);
    expect(t.length).toBe(148);
    expect(t).toMatch(/^[0-9A-Z $%*+\-./:]+$/); // QR alphanumeric set only
  });

  it('any payload the encoder makes round-trips and verifies', () => {
    fc.assert(
      fc.property(fieldsArb, (f) => {
        const text = signBadge(f, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
        const r = readSignedBadge(text, ctx);
        expect(r).toMatchObject({ ok: true });
        if (!r?.ok) return;
        expect(r.body).toMatchObject({ keyId: 3, attendeeId: f.attendeeId, badgeVersion: f.badgeVersion, category: f.category, eventTag: eventTag('atip-23') });
        expect(maskToDays(r.body.dayMask, DAYS)).toEqual(f.validDays);
        // lower case (scanner with Caps Lock) reads the same
        expect(readSignedBadge(text.toLowerCase(), ctx)).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });

  it('any single-bit flip of a signed payload is refused', () => {
    fc.assert(
      fc.property(fieldsArb, fc.nat(), (f, n) => {
        const bytes = signBadgeBytes(f, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
        const bit = n % (bytes.length * 8);
        const flipped = Uint8Array.from(bytes);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const r = verifyBadgeBytes(flipped, ctx);
        expect(r.ok).toBe(false);
        expect(readSignedBadge(BADGE_PREFIX + base32Encode(flipped), ctx)?.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('every bit of one payload, flipped in turn, is refused', () => {
    const bytes = signBadgeBytes({ eventId: 'atip-23', attendeeId: crypto.randomUUID(), badgeVersion: 2, validDays: [DAYS[1]!], category: 'media' }, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = Uint8Array.from(bytes);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expect(verifyBadgeBytes(flipped, ctx).ok, `bit ${bit}`).toBe(false);
    }
  });

  it('any truncation (of bytes or of the text) is refused', () => {
    fc.assert(
      fc.property(fieldsArb, fc.nat(), (f, n) => {
        const text = signBadge(f, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
        const cut = BADGE_PREFIX.length + 1 + (n % (text.length - BADGE_PREFIX.length - 1));
        expect(readSignedBadge(text.slice(0, cut), ctx)?.ok).toBe(false);
        const bytes = signBadgeBytes(f, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
        expect(verifyBadgeBytes(bytes.subarray(0, n % bytes.length), ctx).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('says why: another event, an unknown key, a forged signature', () => {
    const f = { attendeeId: crypto.randomUUID(), badgeVersion: 1, validDays: null, category: 'ngo' as const };
    const otherEvent = signBadge({ ...f, eventId: 'another-event' }, DAYS, { keyId: 3, privateKey: key.privateKey }, nodeEd25519);
    expect(readSignedBadge(otherEvent, ctx)).toEqual({ ok: false, reason: 'not_this_event' });
    const unknownKey = signBadge({ ...f, eventId: 'atip-23' }, DAYS, { keyId: 9, privateKey: key.privateKey }, nodeEd25519);
    expect(readSignedBadge(unknownKey, ctx)).toEqual({ ok: false, reason: 'unknown_key' });
    const forged = signBadge({ ...f, eventId: 'atip-23' }, DAYS, { keyId: 3, privateKey: other.privateKey }, nodeEd25519);
    expect(readSignedBadge(forged, ctx)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(readSignedBadge('A23-ABCDEF', ctx)).toBeNull(); // not this format: another matcher's business
  });

  it('decodes only canonical bodies (one byte string per badge)', () => {
    const body = encodeBody({ keyId: 1, eventId: 'e', attendeeId: 'walkin-7', badgeVersion: 1, validDays: null, category: 'staff' }, DAYS);
    expect(decodeBody(body)).toMatchObject({ attendeeId: 'walkin-7', category: 'staff' });
    expect(decodeBody(Uint8Array.from([...body, 0]))).toBeNull(); // trailing byte
    const padded = Uint8Array.from([...body.slice(0, body.length - 3), 0x81, 0x00, ...body.slice(body.length - 2)]);
    expect(decodeBody(padded)).toBeNull(); // non-minimal varint
    const asText = encodeBody({ keyId: 1, eventId: 'e', attendeeId: 'x', badgeVersion: 1, validDays: null, category: 'staff' }, DAYS);
    expect(decodeBody(Uint8Array.from([...asText.slice(0, 6), 0x24, ...new TextEncoder().encode(crypto.randomUUID()), ...asText.slice(8)]))).toBeNull();
  });
});
