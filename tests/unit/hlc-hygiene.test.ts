// HLC hygiene (issue 12): one station's year-9999 stamp was stored, pulled by everyone, and
// became every station's clock. Stamps are now parsed strictly, the registry refuses stamps
// too far ahead, a station's clock never follows one, and a poisoned clock heals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as hlc from '../../core/hlc';
import { eventProblem } from '../../core/sync/event-rules';
import { oneLine, typedLine, typedText, withoutControls } from '../../core/text';
import { deskMethods } from '../../core/api/desk';

const node = fc.stringMatching(/^[0-9a-f]{16}$/);
const wall = fc.integer({ min: Date.parse('2020-01-02'), max: Date.parse('2040-01-01') });
const MIN = 60_000;

/** Stamps an attacker or a broken peer might send. */
const HOSTILE = [
  '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff',
  'Z'.repeat(46),
  '+010000-01-01T00:00:00.000Z-0000-0123456789abcdef',
  '2099-01-01T00:00:00.000Z-0000-0123456789abcdef',
  '2026-02-30T10:00:00.000Z-0000-0123456789abcdef', // no 30 February
  '2026-13-01T10:00:00.000Z-0000-0123456789abcdef',
  '2026-11-29T24:00:00.000Z-0000-0123456789abcdef',
  '2026-11-29T10:60:00.000Z-0000-0123456789abcdef',
  '2026-11-29T10:00:00.000Z-FFFF-0123456789abcdef', // upper-case hex sorts differently
  '2026-11-29T10:00:00.000Z-0000-0123456789ABCDEF',
  '1999-12-31T23:59:59.999Z-0000-0123456789abcdef',
  '2026-11-29T10:00:00.000Z-0000-0123456789abcde\u0000',
  ' 2026-11-29T10:00:00.000Z-0000-0123456789abcde',
];

describe('strict stamps', () => {
  it('parse accepts exactly what serialize writes, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 40, maxLength: 50 }), fc.string({ unit: 'binary', minLength: 46, maxLength: 46 }), fc.constantFrom(...HOSTILE)), (text) => {
        const p = hlc.parse(text);
        if (p) expect(hlc.serialize(p)).toBe(text);
      }),
      { numRuns: 3000 },
    );
    for (const h of HOSTILE.slice(1)) if (!h.startsWith('2099')) expect(hlc.parse(h), h).toBeNull();
  });

  it('the registry refuses any stamp more than the bound ahead of its clock, and none within it', () => {
    fc.assert(
      fc.property(node, wall, fc.integer({ min: -10 * 24 * 60 * MIN, max: 10 * 24 * 60 * MIN }), fc.integer({ min: 1, max: 60 }), (n, now, offset, boundMin) => {
        const stamp = hlc.serialize({ millis: now + offset, counter: 0, node: n });
        const problem = hlc.stampProblem(stamp, now, boundMin * MIN);
        expect(problem === null).toBe(offset <= boundMin * MIN);
      }),
    );
    for (const h of HOSTILE) expect(hlc.stampProblem(h, Date.parse('2026-11-29T10:00:00Z')), h).not.toBeNull();
  });

  it('a station clock never follows a pulled stamp beyond its bound, whatever the stamp', () => {
    fc.assert(
      fc.property(node, wall, fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...HOSTILE), fc.tuple(node, fc.integer({ min: 0, max: 2 ** 46 })).map(([x, m]) => hlc.serialize({ millis: Math.min(m, 8e15), counter: 7, node: x }))), (n, now, remote) => {
        const r = hlc.receive(hlc.initialState(n), remote, now);
        expect(r.state.millis).toBeLessThanOrEqual(now + hlc.MAX_CLOCK_AHEAD_MS);
        // ... and the next local stamp is still a believable one.
        const next = hlc.send(r.state, now);
        expect(hlc.stampProblem(next.stamp, now)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('a clock already poisoned by an older build heals; a sane one is left alone', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    const poisoned = { millis: Date.parse('9999-12-31T23:59:59.999Z'), counter: 0xffff, node: 'a'.repeat(16) };
    const healed = hlc.heal(poisoned, now);
    expect(healed.millis).toBe(now);
    expect(hlc.stampProblem(hlc.send(healed, now).stamp, now)).toBeNull();
    const sane = { millis: now + 60_000, counter: 3, node: 'a'.repeat(16) };
    expect(hlc.heal(sane, now)).toBe(sane);
  });
});

describe('text the database cannot hold', () => {
  const event = (over: Record<string, unknown>) => ({
    id: '00000000-0000-4000-8000-000000000001',
    stationId: 's1',
    seq: 1,
    hlc: '2026-11-29T10:00:00.000Z-0000-0123456789abcdef',
    wallTime: 1,
    kind: 'note' as const,
    attendeeId: 'a1',
    roomId: null,
    sessionId: null,
    verdict: null,
    reason: null,
    operator: null,
    payload: { notes: 'hello' },
    day: '2026-11-29',
    ...over,
  });
  const now = Date.parse('2026-11-29T10:01:00Z');

  it('an event holding a NUL, a control character or a lone surrogate anywhere is refused with the field named', () => {
    expect(eventProblem(event({}), now, 5 * MIN)).toBeNull();
    expect(eventProblem(event({ payload: { notes: 'pasted\u0000text' } }), now, 5 * MIN)).toMatch(/field payload\.notes .*control character/);
    expect(eventProblem(event({ operator: 'Ann\u001b[31m' }), now, 5 * MIN)).toMatch(/field operator/);
    expect(eventProblem(event({ payload: { attendee: { givenName: 'A\ud800' } } }), now, 5 * MIN)).toMatch(/attendee\.givenName/);
    expect(eventProblem(event({ payload: { ['k\u0000']: 1 } }), now, 5 * MIN)).toMatch(/a key/);
    expect(eventProblem(event({ payload: { notes: 'Zoë 👩🏽‍🦽 line\nbreak\ttab' } }), now, 5 * MIN)).toBeNull();
    expect(eventProblem(event({ payload: { notes: 'é'.repeat(33_000) } }), now, 5 * MIN)).toMatch(/too large \(65 kB; the limit is 64 kB\)/);
  });

  it('typed names, notes and operators lose control characters on the way in (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        for (const cleaned of [withoutControls(s), oneLine(s)]) {
          expect(cleaned).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
          expect(eventProblem(event({ payload: { notes: cleaned }, operator: oneLine(s) }), now, 5 * MIN)).toBeNull();
        }
        expect(oneLine(s)).not.toMatch(/[\r\n\t]/);
      }),
      { numRuns: 2000 },
    );
    const note = deskMethods['desk.note'].parse({ attendeeId: 'a1', notes: ' wheel\u0000chair\naccess ', operator: 'Ann\u0007\tB' });
    expect(note).toEqual({ attendeeId: 'a1', notes: 'wheelchair\naccess', operator: 'Ann B' });
    expect(typedLine(5).safeParse('abc\u0000\u0000\u0000\u0000def').success).toBe(false); // 6 characters left: too long
    expect(typedText(10).parse('a\u0000b')).toBe('ab');
  });
});
