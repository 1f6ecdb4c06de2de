// The occupancy model (core/occupancy) as the logistics lead relies on it: exact counts under
// double scans, unordered merges, toggles, sweeps and manual counters; never negative.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { capacityState, fillPct } from '../../core/occupancy/capacity';
import { toCsv } from '../../core/csv';
import { decideDoor, type DoorFacts } from '../../core/occupancy/door';
import { computeOccupancy, current, roomDayKey } from '../../core/occupancy/model';
import { peakIn, roomSeries, timeAtOrAbove, valueAt } from '../../core/occupancy/series';
import { sessionStats } from '../../core/occupancy/sessions';
import { DUPLICATE_WINDOW_MS } from '../../core/occupancy/types';
import { prng } from '../../resources/demo/generate';
import { arbDoorDay, DAY, ev, PEOPLE, ROOMS, resetBuilders, shuffled, STATIONS, T0, type DoorEvent } from '../helpers/occupancy';

const MIN = 60_000;

beforeEach(() => resetBuilders());

function room(events: DoorEvent[], id = 'hall') {
  const m = computeOccupancy(events);
  const r = m.rooms.get(roomDayKey(id, DAY));
  return { m, r: r!, current: r ? current(r) : 0 };
}

describe('counting people in a room', () => {
  it('counts an entry and un-counts the exit', () => {
    const a = [ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' })];
    expect(room(a).current).toBe(1);
    a.push(ev({ station: 'X', at: T0 + 30 * MIN, kind: 'room_exit', attendee: 'p1', room: 'hall' }));
    const { r, current: c } = room(a);
    expect(c).toBe(0);
    expect(r.arrivals).toBe(1);
    expect(r.unique).toBe(1);
  });

  it('a badge scanned at both entry doors within the window counts once', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'B', at: T0 + 4000, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'A', at: T0 + 4500, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
    ];
    const { r, current: c, m } = room(es);
    expect(c).toBe(1);
    expect(r.arrivals).toBe(1);
    expect(r.duplicates).toBe(2);
    expect(m.effects.map((e) => e.effect)).toEqual(['in', 'repeat', 'repeat']);
  });

  it('a double scan at the exit is not flagged as an exit without entry', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'X', at: T0 + 20 * MIN, kind: 'room_exit', attendee: 'p1', room: 'hall' }),
      ev({ station: 'X', at: T0 + 20 * MIN + 3000, kind: 'room_exit', attendee: 'p1', room: 'hall' }),
    ];
    const { r, m } = room(es);
    expect(r.flagged).toBe(0);
    expect(m.effects.map((e) => e.effect)).toEqual(['in', 'out', 'duplicate']);
  });

  it('an exit without an entry is flagged and never takes the count below zero', () => {
    const es = [
      ev({ station: 'X', at: T0, kind: 'room_exit', attendee: 'p1', room: 'hall' }),
      ev({ station: 'A', at: T0 + MIN, kind: 'room_entry', attendee: 'p2', room: 'hall' }),
    ];
    const { r, current: c } = room(es);
    expect(r.flagged).toBe(1);
    expect(c).toBe(1);
    expect(r.inside).toBe(1);
  });

  it('refused entries are recorded but not counted', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall', verdict: 'refused' }),
      ev({ station: 'A', at: T0 + 1000, kind: 'room_entry', attendee: null, room: 'hall', verdict: 'refused' }),
      ev({ station: 'A', at: T0 + 2000, kind: 'room_entry', attendee: 'p2', room: 'hall', verdict: 'warning' }),
    ];
    const { r, current: c } = room(es);
    expect(c).toBe(1);
    expect(r.refused).toBe(2);
  });

  it('entering another room ends the stay in the first one (nobody is in two rooms)', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'S', at: T0 + 40 * MIN, kind: 'room_entry', attendee: 'p1', room: 'side' }),
    ];
    const m = computeOccupancy(es);
    expect(current(m.rooms.get(roomDayKey('hall', DAY))!)).toBe(0);
    expect(current(m.rooms.get(roomDayKey('side', DAY))!)).toBe(1);
    expect(m.stays[0]!.outBy).toBe('moved');
  });

  it('each event day starts empty', () => {
    const es = [ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' })];
    const m = computeOccupancy(es);
    expect(m.rooms.get(roomDayKey('hall', '2026-04-19'))).toBeUndefined();
  });
});

describe('toggle doors', () => {
  it('decide in or out from the last known state, and ignore a second scan within the window', () => {
    const t = (at: number) => ev({ station: 'T', at, kind: 'room_entry', attendee: 'p1', room: 'hall', door: 'toggle' });
    const es = [t(T0), t(T0 + 5000), t(T0 + 30 * MIN), t(T0 + 30 * MIN + 2000), t(T0 + 60 * MIN)];
    const { m, current: c } = room(es);
    expect(m.effects.map((e) => e.effect)).toEqual(['in', 'duplicate', 'out', 'duplicate', 'in']);
    expect(c).toBe(1);
  });

  it('a late-arriving entry at another door turns a toggle scan into the exit it was', () => {
    const toggle = ev({ station: 'T', at: T0 + 20 * MIN, kind: 'room_entry', attendee: 'p1', room: 'hall', door: 'toggle' });
    expect(room([toggle]).current).toBe(1);
    const lateEntry = ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' });
    const { current: c, m } = room([toggle, lateEntry]);
    expect(c).toBe(0);
    expect(m.effects.find((e) => e.eventId === toggle.id)!.effect).toBe('out');
  });
});

describe('sweeps and manual counters', () => {
  it('a sweep counts everyone out and resets the manual tally; stragglers scanning out are not flagged', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'A', at: T0 + 1000, kind: 'room_entry', attendee: 'p2', room: 'hall' }),
      ev({ station: 'D', at: T0 + 2000, kind: 'counter', room: 'hall', delta: 5 }),
      ev({ station: 'D', at: T0 + 60 * MIN, kind: 'sweep', room: 'hall' }),
      ev({ station: 'X', at: T0 + 62 * MIN, kind: 'room_exit', attendee: 'p1', room: 'hall' }),
    ];
    const { r, current: c, m } = room(es);
    expect(c).toBe(0);
    expect(r.tally).toBe(0);
    expect(r.flagged).toBe(0);
    expect(m.effects.find((e) => e.attendeeId === 'p1' && e.effect !== 'in')!.effect).toBe('after_sweep');
  });

  it('manual + and − add to the scanned count, and the count shown never goes below zero', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'D', at: T0 + MIN, kind: 'counter', room: 'hall', delta: 3 }),
      ev({ station: 'D', at: T0 + 2 * MIN, kind: 'counter', room: 'hall', delta: -1 }),
    ];
    expect(room(es).current).toBe(3);
    es.push(ev({ station: 'E', at: T0 + 3 * MIN, kind: 'counter', room: 'hall', delta: -10 }));
    const { r, current: c, m } = room(es);
    expect(r.tally).toBe(-8);
    expect(c).toBe(0);
    const pts = roomSeries(m.stays, m.counters, m.sweeps);
    expect(pts.map((p) => p.current)).toEqual([1, 4, 3, 0]);
  });

  it('a late-arriving sweep closes only the stays it spans', () => {
    const es = [
      ev({ station: 'A', at: T0, kind: 'room_entry', attendee: 'p1', room: 'hall' }),
      ev({ station: 'A', at: T0 + 70 * MIN, kind: 'room_entry', attendee: 'p2', room: 'hall' }),
    ];
    const sweep = ev({ station: 'D', at: T0 + 60 * MIN, kind: 'sweep', room: 'hall' });
    const { m } = room([...es, sweep]);
    expect(m.stays.map((s) => [s.attendeeId, s.outBy])).toEqual([
      ['p1', 'sweep'],
      ['p2', null],
    ]);
  });
});

describe('capacity states and sessions', () => {
  it('ok below the warning level, then warning, critical and full at the room thresholds', () => {
    const rule = { capacity: 120, warnPct: 80, criticalPct: 95 };
    expect(capacityState(95, rule)).toBe('ok'); // 79.2 %
    expect(capacityState(96, rule)).toBe('warning'); // 80 %
    expect(capacityState(113, rule)).toBe('warning'); // 94.2 %
    expect(capacityState(114, rule)).toBe('critical'); // 95 %
    expect(capacityState(119, rule)).toBe('critical');
    expect(capacityState(120, rule)).toBe('full');
    expect(capacityState(130, rule)).toBe('full');
    expect(fillPct(119, 120)).toBe(99);
  });

  it('session figures: peak, unique attendees, time above the warning level and arrivals', () => {
    const S = T0 + 30 * MIN;
    const es = [
      ev({ station: 'A', at: T0 + 10 * MIN, kind: 'room_entry', attendee: 'p1', room: 'hall' }), // early
      ev({ station: 'A', at: S + 5 * MIN, kind: 'room_entry', attendee: 'p2', room: 'hall' }),
      ev({ station: 'B', at: S + 10 * MIN, kind: 'room_entry', attendee: 'p3', room: 'hall' }),
      ev({ station: 'X', at: S + 20 * MIN, kind: 'room_exit', attendee: 'p2', room: 'hall' }),
      ev({ station: 'X', at: S + 50 * MIN, kind: 'room_exit', attendee: 'p1', room: 'hall' }),
      ev({ station: 'A', at: S + 70 * MIN, kind: 'room_entry', attendee: 'p4', room: 'hall' }), // after the end
    ];
    const m = computeOccupancy(es);
    const pts = roomSeries(m.stays, m.counters, m.sweeps);
    const st = sessionStats(m.stays, pts, { startsAt: S, endsAt: S + 60 * MIN }, 3, S + 120 * MIN);
    expect(st.peak).toBe(3);
    expect(st.peakAt).toBe(S + 10 * MIN);
    expect(st.unique).toBe(3);
    expect(st.aboveWarnMs).toBe(10 * MIN); // 3 people from +10 to +20
    expect(st.attendees.map((a) => [a.attendeeId, a.insideMs / MIN])).toEqual([
      ['p1', 50],
      ['p2', 15],
      ['p3', 50],
    ]);
    expect(st.arrivals.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(st.current).toBeNull();
    expect(valueAt(pts, S + 55 * MIN)).toBe(1);
    expect(peakIn(pts, S + 21 * MIN, S + 60 * MIN).peak).toBe(2);
    expect(timeAtOrAbove(pts, S, S + 60 * MIN, 1)).toBe(60 * MIN);
  });

  it('a session that has not started has no attendance yet, though the morning session fills the room now', () => {
    const S = T0 + 6 * 60 * MIN; // 13:00-ish, the room is busy with the morning session now
    const es = [1, 2, 3, 4, 5].map((i) => ev({ station: 'A', at: T0 + i * MIN, kind: 'room_entry', attendee: `p${i}`, room: 'hall' }));
    const m = computeOccupancy(es);
    const pts = roomSeries(m.stays, m.counters, m.sweeps);
    const before = sessionStats(m.stays, pts, { startsAt: S, endsAt: S + 60 * MIN }, 3, T0 + 10 * MIN);
    expect(before).toMatchObject({ peak: 0, peakAt: null, unique: 0, aboveWarnMs: 0, current: null, attendees: [] });
    // Once it starts, the people still inside are its audience.
    const during = sessionStats(m.stays, pts, { startsAt: S, endsAt: S + 60 * MIN }, 3, S + 10 * MIN);
    expect(during).toMatchObject({ peak: 5, unique: 5, current: 5, aboveWarnMs: 10 * MIN });
  });
});

describe('door decision', () => {
  const base: DoorFacts = {
    mode: 'entry',
    today: DAY,
    eventDays: [DAY],
    attendee: { status: 'active', category: 'ngo', validDays: null, badgeVersion: 1 },
    scannedVersion: 1,
    scannedVersionRevoked: false,
    room: { capacity: 10, fullPolicy: 'refuse', allowedCategories: null },
    session: null,
    current: 3,
    insideSince: null,
    lastExitAt: null,
    now: T0,
  };
  it('admits, refuses when full, or warns when the room is set to warn', () => {
    expect(decideDoor(base)).toMatchObject({ verdict: 'admitted', reason: 'entry_ok', direction: 'entry' });
    expect(decideDoor({ ...base, current: 10 })).toMatchObject({ verdict: 'refused', reason: 'room_full' });
    expect(decideDoor({ ...base, current: 10, room: { ...base.room, fullPolicy: 'warn' } })).toMatchObject({ verdict: 'warning', reason: 'entry_full_warn' });
    // Someone already counted inside does not add to a full room.
    expect(decideDoor({ ...base, current: 10, insideSince: T0 - MIN })).toMatchObject({ verdict: 'admitted', reason: 'entry_again' });
  });
  it('checks category × room, the day, session categories and invitation lists', () => {
    expect(decideDoor({ ...base, room: { ...base.room, allowedCategories: ['media'] } }).reason).toBe('room_not_allowed');
    expect(decideDoor({ ...base, attendee: { ...base.attendee, validDays: ['2026-04-19'] } }).reason).toBe('not_valid_today');
    expect(decideDoor({ ...base, session: { allowedCategories: ['delegation'], inviteOnly: false, invited: false } }).reason).toBe('session_not_allowed');
    expect(decideDoor({ ...base, session: { allowedCategories: null, inviteOnly: true, invited: false } }).reason).toBe('not_invited');
    expect(decideDoor({ ...base, session: { allowedCategories: null, inviteOnly: true, invited: true } }).reason).toBe('entry_ok');
    expect(decideDoor({ ...base, attendee: { ...base.attendee, status: 'cancelled' } }).reason).toBe('cancelled');
  });
  it('never refuses anyone leaving, and a toggle door reads the last known state', () => {
    expect(decideDoor({ ...base, mode: 'exit', attendee: { ...base.attendee, status: 'cancelled' } })).toMatchObject({ verdict: 'admitted', reason: 'exit_not_inside' });
    expect(decideDoor({ ...base, mode: 'toggle', insideSince: T0 - 10 * MIN })).toMatchObject({ direction: 'exit', reason: 'exit_ok' });
    expect(decideDoor({ ...base, mode: 'toggle', insideSince: T0 - 5000 })).toMatchObject({ direction: 'entry', reason: 'entry_again' });
    expect(decideDoor({ ...base, mode: 'toggle', lastExitAt: T0 - 5000 })).toMatchObject({ direction: 'exit', reason: 'exit_again' });
  });
});

describe('CSV exports', () => {
  it('neutralises spreadsheet formulas and quotes separators', () => {
    const cell = (v: string | number) => toCsv([[v]]).slice(1, -2); // one cell, without BOM and line end
    expect(cell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const c of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(cell(c).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(cell(-3)).toBe('-3');
    expect(cell('Zoë, Ørsted')).toBe('"Zoë, Ørsted"');
    expect(toCsv([['a', 1]])).toBe('\uFEFFa,1\r\n');
  });
});

// ---------- properties ----------

describe('properties', () => {
  it('any arrival order of the same events gives the identical result', () => {
    fc.assert(
      fc.property(arbDoorDay, fc.integer(), (events, seed) => {
        const a = computeOccupancy(events);
        const b = computeOccupancy(shuffled(events, prng(seed)));
        const c = computeOccupancy([...events, ...shuffled(events, prng(seed + 1))]); // replays too
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('counts are never negative, and nobody is inside twice at once', () => {
    fc.assert(
      fc.property(arbDoorDay, (events) => {
        const m = computeOccupancy(events);
        for (const r of m.rooms.values()) {
          expect(r.inside).toBeGreaterThanOrEqual(0);
          expect(current(r)).toBeGreaterThanOrEqual(0);
          expect(r.unique).toBeLessThanOrEqual(PEOPLE.length);
        }
        for (const roomId of ROOMS) {
          const pts = roomSeries(
            m.stays.filter((s) => s.roomId === roomId),
            m.counters.filter((c) => c.roomId === roomId),
            m.sweeps.filter((s) => s.roomId === roomId),
          );
          for (const p of pts) expect(p.current).toBeGreaterThanOrEqual(0);
        }
        for (const p of PEOPLE) {
          const open = m.stays.filter((s) => s.attendeeId === p && s.outKey === null);
          expect(open.length).toBeLessThanOrEqual(1);
          const mine = m.stays.filter((s) => s.attendeeId === p);
          for (let i = 1; i < mine.length; i++) expect(mine[i]!.inKey >= mine[i - 1]!.outKey!).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a double scan of an entry within the window, at any door, changes no count but the duplicates', () => {
    fc.assert(
      fc.property(arbDoorDay, fc.nat(), fc.integer({ min: 1, max: DUPLICATE_WINDOW_MS - 1 }), fc.constantFrom(...STATIONS), (events, pick, gap, station) => {
        const base = computeOccupancy(events);
        const ins = base.effects.filter((e) => e.effect === 'in');
        if (ins.length === 0) return;
        const target = events.find((e) => e.id === ins[pick % ins.length]!.eventId)!;
        // A sweep inside the gap really does end the stay; that is not a double scan.
        if (base.sweeps.some((s) => s.roomId === target.roomId && s.at >= target.wallTime && s.at <= target.wallTime + gap)) return;
        const dup = ev({ station, at: target.wallTime + gap, kind: 'room_entry', attendee: target.attendeeId, room: target.roomId!, door: 'entry' });
        const after = computeOccupancy([...events, dup]);
        for (const [k, r] of base.rooms) {
          const r2 = after.rooms.get(k)!;
          const { duplicates, lastAt, ...rest } = r;
          const { duplicates: d2, lastAt: _l, ...rest2 } = r2;
          expect(rest2).toEqual(rest);
          expect(d2).toBe(duplicates + (k.startsWith(`${target.roomId} `) ? 1 : 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('after a sweep with nothing later in that room, it shows empty', () => {
    fc.assert(
      fc.property(arbDoorDay, fc.constantFrom(...ROOMS), (events, roomId) => {
        const sweep = ev({ station: 'st-a', at: T0 + 500 * MIN, kind: 'sweep', room: roomId });
        const m = computeOccupancy([...events, sweep]);
        const r = m.rooms.get(roomDayKey(roomId, DAY))!;
        expect(r.inside).toBe(0);
        expect(r.tally).toBe(0);
        expect(current(r)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('manual counters alone: the tally is the sum since the last sweep, shown clamped at zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0), { maxLength: 30 }), (deltas) => {
        resetBuilders();
        const es = deltas.map((d, i) => ev({ station: 'st-a', at: T0 + i * MIN, kind: 'counter', room: 'hall', delta: d }));
        const m = computeOccupancy(es);
        const r = m.rooms.get(roomDayKey('hall', DAY));
        const sum = deltas.reduce((a, b) => a + b, 0);
        expect(r?.tally ?? 0).toBe(sum);
        expect(r ? current(r) : 0).toBe(Math.max(0, sum));
      }),
    );
  });
});
