// The roll call's rule (core/evacuation/roll-call.ts): inside = admitted today and not departed
// since; safe = marked since the evacuation started, the newest mark winning; the same list from
// the same events in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollCall, type RollCallFacts } from '../../core/evacuation/roll-call';

const h = (n: number) => `h${String(n).padStart(4, '0')}`; // sortable like real HLC stamps

function facts(over: Partial<RollCallFacts> = {}): RollCallFacts {
  return { admitted: new Map(), departed: new Map(), inRoom: new Map(), startHlc: null, marks: [], ...over };
}

describe('evacuation roll call', () => {
  it('lists who was admitted and has not left since, in their room or nowhere known', () => {
    const list = rollCall(
      facts({
        admitted: new Map([['a', h(1)], ['b', h(2)], ['c', h(5)]]),
        departed: new Map([['b', h(3)], ['c', h(4)]]), // b left; c left, then came back in
        inRoom: new Map([['a', 'festsaal']]),
      }),
    );
    expect(list).toEqual([
      { attendeeId: 'a', roomId: 'festsaal', safe: false },
      { attendeeId: 'c', roomId: '', safe: false },
    ]);
  });

  it('counts only marks made since this evacuation started; the newest mark wins (an undo takes it back)', () => {
    const admitted = new Map([['a', h(1)], ['b', h(1)], ['c', h(1)]]);
    const marks = [
      { attendeeId: 'a', hlc: h(5), undo: false }, // an earlier drill
      { attendeeId: 'b', hlc: h(12), undo: false },
      { attendeeId: 'c', hlc: h(11), undo: false },
      { attendeeId: 'c', hlc: h(13), undo: true },
    ];
    const list = rollCall(facts({ admitted, startHlc: h(10), marks }));
    expect(Object.fromEntries(list.map((e) => [e.attendeeId, e.safe]))).toEqual({ a: false, b: true, c: false });
    // Without an evacuation in progress nobody is marked safe.
    expect(rollCall(facts({ admitted, marks })).some((e) => e.safe)).toBe(false);
  });

  it('is the same whatever order the marks arrive in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ attendeeId: fc.constantFrom('a', 'b', 'c'), hlc: fc.integer({ min: 0, max: 40 }).map(h), undo: fc.boolean() }), { maxLength: 20, selector: (m) => m.hlc }), (marks) => {
        // Stamps are unique per event in a real log (uniqueArray by stamp).
        const base = facts({ admitted: new Map([['a', h(0)], ['b', h(0)], ['c', h(0)]]), startHlc: h(10), marks: [...marks].sort((x, y) => (x.hlc < y.hlc ? -1 : 1)) });
        expect(rollCall({ ...base, marks: [...marks].reverse() })).toEqual(rollCall(base));
        expect(rollCall({ ...base, marks })).toEqual(rollCall(base));
      }),
    );
  });
});
