// Calendar helpers. Event days are local dates in the event's time zone, whatever
// time zone the station laptop happens to be set to.

// Building an Intl.DateTimeFormat costs far more than using one, and the scan path
// formats on every verdict: keep one per (purpose, time zone).
const fmtCache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: string, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = fmtCache.get(key);
  if (!f) {
    f = make();
    fmtCache.set(key, f);
  }
  return f;
}

const QUARTER_HOUR = 900_000;
/** Since 1980 every zone's UTC offset is a whole number of quarter hours (Nepal +5:45, Chatham +12:45). */
const QUARTER_HOUR_ZONES_SINCE = Date.UTC(1980, 0, 1);
const lastDay = new Map<string, { quarter: number; day: string }>();

/** 'YYYY-MM-DD' of `millis` in `timeZone`. */
export function dayInZone(millis: number, timeZone: string): string {
  // Local midnight falls on a UTC quarter hour, so the day is the same across one: a scan (which
  // asks twice) and the next ones within the quarter hour skip Intl.
  const quarter = Math.floor(millis / QUARTER_HOUR);
  const hit = lastDay.get(timeZone);
  if (hit && hit.quarter === quarter) return hit.day;
  const day = formatter('day', timeZone, () =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(new Date(millis));
  if (millis >= QUARTER_HOUR_ZONES_SINCE) lastDay.set(timeZone, { quarter, day });
  return day;
}

/** 'YYYY-MM-DD' naming a day of the calendar: not '2026-02-30', '2026-13-01' or '0000-00-00'. */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Adds whole days to a 'YYYY-MM-DD' string. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Offset of `timeZone` from UTC at `millis`, in minutes (Vienna in summer: +120). */
export function zoneOffsetMinutes(millis: number, timeZone: string): number {
  const parts = formatter('parts', timeZone, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
  ).formatToParts(new Date(millis));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(millis / 1000) * 1000) / 60000);
}

/** UTC millis of a local wall-clock time ('YYYY-MM-DD', 'HH:MM') in `timeZone`. */
export function localToMillis(day: string, hhmm: string, timeZone: string): number {
  const guess = Date.parse(`${day}T${hhmm}:00Z`);
  const offset = zoneOffsetMinutes(guess, timeZone);
  const first = guess - offset * 60000;
  // Re-check once: the offset may differ on the other side of a DST switch.
  const offset2 = zoneOffsetMinutes(first, timeZone);
  return guess - offset2 * 60000;
}

/** 'HH:MM' of `millis` in `timeZone`. */
export function timeInZone(millis: number, timeZone: string): string {
  return formatter('hhmm', timeZone, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(new Date(millis));
}

/** "2026-11-29 09:14" in the event's zone: a date any language reads (station sentences carry it as a parameter). */
export function numericDateTime(millis: number, timeZone: string): string {
  return `${dayInZone(millis, timeZone)} ${timeInZone(millis, timeZone)}`;
}

/** '18 Apr 09:14' style, for sentences shown at the desk. */
export function shortDateTime(millis: number, timeZone: string): string {
  const d = formatter('dmon', timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short' })).format(
    new Date(millis),
  );
  return `${d} ${timeInZone(millis, timeZone)}`;
}
