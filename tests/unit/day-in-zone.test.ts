// dayInZone remembers the last day per time zone for a quarter hour (core/time.ts): it must give
// exactly what Intl gives, in zones with odd offsets and across DST changes, in any call order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';

const ZONES = ['Europe/Vienna', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'America/Los_Angeles'];
const fresh = (millis: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(millis));

describe('dayInZone', () => {
  it('equals a fresh Intl format for any moment and zone, whatever was asked before', () => {
    const near = (base: number) => fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }).map((d) => base + d);
    // Moments around local midnights and DST changes (Vienna: 30 Mar and 26 Oct 2025), and anywhere.
    // Within 20 minutes of a Kathmandu or Chatham midnight: calls that share a cached hour or quarter.
    const close = (base: number) => fc.integer({ min: -1_200_000, max: 1_200_000 }).map((d) => base + d);
    const moment = fc.oneof(
      near(Date.UTC(2025, 2, 30, 1)),
      near(Date.UTC(2025, 9, 26, 1)),
      close(Date.UTC(2026, 3, 19, 18, 15)),
      close(Date.UTC(2026, 3, 19, 11, 15)),
      fc.integer({ min: 0, max: 4_102_444_800_000 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(moment, fc.constantFrom(...ZONES)), { minLength: 1, maxLength: 30 }), (calls) => {
        for (const [m, z] of calls) expect(dayInZone(m, z), `${new Date(m).toISOString()} ${z}`).toBe(fresh(m, z));
      }),
      { numRuns: 300 },
    );
  });

  it('changes day exactly at local midnight (Kathmandu, UTC+5:45)', () => {
    const midnight = Date.UTC(2026, 3, 19, 18, 15); // 2026-04-20 00:00 in Kathmandu
    expect(dayInZone(midnight - 1, 'Asia/Kathmandu')).toBe('2026-04-19');
    expect(dayInZone(midnight, 'Asia/Kathmandu')).toBe('2026-04-20');
    expect(dayInZone(midnight - 1, 'Asia/Kathmandu')).toBe('2026-04-19');
  });
});
