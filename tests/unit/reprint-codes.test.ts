// The rule both the registry and the stations apply to a person's badge codes when reprints
// arrive (core/records/attendee.ts foldReprint), and the shape of a reprint's short code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, reprintCodeShape, shortCode } from '../../core/badge/short-code';
import { foldReprint, type BadgeCodes, type ReprintPayload } from '../../core/records/attendee';

const sorted = (s: BadgeCodes) => ({
  badgeVersion: s.badgeVersion,
  badgeCodes: [...s.badgeCodes].sort(),
  retiredBadgeCodes: [...s.retiredBadgeCodes].sort((a, b) => a.code.localeCompare(b.code)),
});

describe('foldReprint', () => {
  const start: BadgeCodes = { badgeVersion: 1, badgeCodes: ['A23-FIRST1'], retiredBadgeCodes: [] };

  it('a newer version makes its code current and retires the replaced ones at their version', () => {
    const s = foldReprint(foldReprint(start, { oldVersion: 1, newVersion: 2, code: 'A23-SECND2' }), { oldVersion: 2, newVersion: 3, code: 'A23-THIRD3' });
    expect(s).toEqual({
      badgeVersion: 3,
      badgeCodes: ['A23-THIRD3'],
      retiredBadgeCodes: [
        { code: 'A23-FIRST1', badgeVersion: 1 },
        { code: 'A23-SECND2', badgeVersion: 2 },
      ],
    });
  });

  it('gives the same codes whatever order the reprints arrive in, and a replay changes nothing', () => {
    // Reprint chains as desks make them: each replaces the version it saw; two desks may reprint the same version at once.
    const reprints = fc.array(fc.record({ oldVersion: fc.integer({ min: 1, max: 5 }), code: fc.stringMatching(/^[A-Z]{4}$/) }), { minLength: 1, maxLength: 6 }).map((rs) =>
      rs.map((r, i): ReprintPayload => ({ oldVersion: r.oldVersion, newVersion: r.oldVersion + 1, code: `${r.code}${i}` })),
    );
    fc.assert(
      fc.property(reprints, fc.func(fc.integer()), (rs, rank) => {
        const shuffled = [...rs].sort((a, b) => rank(a.code) - rank(b.code));
        const one = rs.reduce(foldReprint, start);
        const two = shuffled.reduce(foldReprint, start);
        expect(sorted(two)).toEqual(sorted(one));
        expect(sorted(rs.reduce(foldReprint, one))).toEqual(sorted(one));
        // No code is both current and retired: an old badge is never admitted.
        for (const c of one.badgeCodes) expect(one.retiredBadgeCodes.some((r) => r.code === c)).toBe(false);
      }),
    );
  });
});

describe('reprint code shape', () => {
  it.each([
    ['A23-V22JDF', 'A23-', 6],
    ['W-K7P2MX9Q', 'W-', 8],
    ['a23-v22jdf', 'A23-', 6],
    ['1f0c8a9e-5b2d-4c1e-9a3f-7d6e5c4b3a21', 'R-', 8], // a ticket UUID: too long to type
    ['fsxmbdr3xvf5xdutngvgu2hzvxgsy2kp', 'R-', 8], // a pretix secret
    ['X-12', 'R-', 8], // too few symbols to be safe
    [undefined, 'R-', 8],
  ])('%s → %s + %i symbols', (old, prefix, length) => {
    expect(reprintCodeShape(old)).toEqual({ prefix, length });
  });

  it('uses only symbols nobody misreads (no I, O, 0, 1)', () => {
    const code = shortCode('A23-', 200, (n) => new Uint8Array(Array.from({ length: n }, (_, i) => i)));
    expect(code).toMatch(/^A23-[A-HJ-NP-Z2-9]{200}$/);
    expect(new Set(code.slice(4)).size).toBe(CODE_ALPHABET.length);
  });
});
