// Registry secrets: tokens and pairing codes are random, stored as sha-256 only, and compared
// in constant time (crypto.timingSafeEqual), so response timing says nothing about how much
// of a guessed token was right. (tests/integration/registry-auth.test.ts checks that no token
// text reaches the database files.)
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashSecret, newPairingCode, newToken, sameHash } from '../../registry/tokens';

afterEach(() => vi.restoreAllMocks());

describe('registry tokens', () => {
  it('are 256-bit random values, never repeated, stored as a 64-hex sha-256', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    expect(new Set(tokens).size).toBe(200);
    for (const t of tokens) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(hashSecret(tokens[0]!)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(tokens[0]!)).not.toContain(tokens[0]!);
    expect(newPairingCode()).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
  });

  it('are compared with crypto.timingSafeEqual, every time, whatever the input', () => {
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    const a = hashSecret(newToken());
    expect(sameHash(a, a)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    // A hash differing only in its last character is compared in full, not stopped early.
    const b = a.slice(0, -1) + (a.endsWith('0') ? '1' : '0');
    expect(sameHash(a, b)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('never match across different secrets, empty or malformed hashes (fast-check)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        expect(sameHash(hashSecret(x), hashSecret(y))).toBe(x === y);
        expect(sameHash('', hashSecret(y))).toBe(false);
        expect(sameHash('', '')).toBe(false);
        expect(sameHash(x, hashSecret(y))).toBe(false); // a raw token is never accepted as its hash
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
