// The occupancy chart's time axis as a logistics lead reads it: at 06:43 with four minutes of
// data, or over a whole day, every label is a different clock time on a whole minute, and the
// labels fit the chart's width; hours fall on the event's local clock.
import { describe, expect, it } from 'vitest';
import { localToMillis, timeInZone } from '../../core/time';
import { LABEL_PX, minuteTicks } from '../../renderer/src/screens/occupancy/chart-axis';

const TZ = 'Europe/Vienna';
const at = (hhmm: string, tz = TZ) => localToMillis('2026-11-29', hhmm, tz) / 1000;
const labels = (ticks: number[], tz = TZ) => ticks.map((s) => timeInZone(s * 1000, tz));

describe('chart time axis', () => {
  it.each([
    ['a few minutes before 7 (first scans at 06:39, now 06:43)', '06:39', '06:43', 900],
    ['one minute', '08:10', '08:11', 900],
    ['an hour on a narrow chart', '07:00', '08:10', 420],
    ['a whole day', '07:00', '23:59', 900],
    ['a whole day on a phone-width chart', '07:00', '23:59', 300],
  ])('%s: distinct labels on whole minutes that fit the width', (_what, from, to, width) => {
    const ticks = minuteTicks(at(from), at(to), width, TZ);
    const shown = labels(ticks);
    expect(ticks.length).toBeGreaterThan(0);
    expect(new Set(shown).size).toBe(shown.length);
    for (const s of ticks) expect(s % 60).toBe(0);
    expect(ticks.length).toBeLessThanOrEqual(Math.max(2, Math.floor(width / LABEL_PX)) + 1);
    for (const s of ticks) expect(s >= at(from) && s <= at(to)).toBe(true);
  });

  it('four minutes read 06:39 06:40 06:41 06:42 06:43', () => {
    expect(labels(minuteTicks(at('06:39'), at('06:43'), 900, TZ))).toEqual(['06:39', '06:40', '06:41', '06:42', '06:43']);
  });

  it('steps of hours fall on the local clock, also in a zone half an hour off UTC', () => {
    expect(labels(minuteTicks(at('07:10'), at('23:00'), 600, TZ))).toEqual(['08:00', '10:00', '12:00', '14:00', '16:00', '18:00', '20:00', '22:00']);
    const delhi = 'Asia/Kolkata';
    const shown = labels(minuteTicks(at('07:10', delhi), at('23:00', delhi), 500, delhi), delhi);
    for (const l of shown) expect(l).toMatch(/^\d\d:00$/);
  });
});
