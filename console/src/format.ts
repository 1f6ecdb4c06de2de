// Numbers, times and durations as the reader's language writes them (Intl), times in the
// event's own time zone: an organiser in another country sees the venue's clock.
import { locale } from './i18n';

export const count = (n: number) => n.toLocaleString(locale());

export function percent(part: number, whole: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(whole > 0 ? part / whole : 0);
}

export function time(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

export function dateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** An event day ('2026-11-29') as "Sun 29 Nov". */
export function day(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(Date.parse(`${iso}T12:00:00Z`));
}

/** "12 seconds ago", "3 minutes ago", "now". */
export function ago(ms: number, now: number): string {
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto', style: 'long' });
  const s = Math.round((ms - now) / 1000);
  if (Math.abs(s) < 60) return rtf.format(Math.abs(s) < 5 ? 0 : s, 'second');
  if (Math.abs(s) < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86_400), 'day');
}

/** A length of time: "40 s", "3 min", "2 h". */
export function duration(ms: number): string {
  const a = Math.abs(ms);
  const [value, unit] = a < 60_000 ? [Math.round(a / 1000), 'second'] : a < 3_600_000 ? [Math.round(a / 60_000), 'minute'] : [Math.round(a / 3_600_000), 'hour'];
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
