// Times shown at the desk, always in the event's time zone (not the laptop's).
import { dayInZone, timeInZone } from '../../core/time';
import { locale } from './i18n';

export function clockTime(ms: number, timeZone: string): string {
  return timeInZone(ms, timeZone);
}

export function clockTimeWithSeconds(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(
    new Date(ms),
  );
}

/** '09:14' today, '18 Apr 09:14' (in the desk's language) on another day. */
export function when(ms: number, timeZone: string, now = Date.now()): string {
  if (dayInZone(ms, timeZone) === dayInZone(now, timeZone)) return timeInZone(ms, timeZone);
  return `${dayMonth(ms, timeZone)} ${timeInZone(ms, timeZone)}`;
}

/** The parts of a moment for a sentence: '18 Apr' / '18. Apr.' / '18 avr.', '09:14', and whether it is today. */
export function momentParts(ms: number, timeZone: string, now = Date.now()): { date: string; time: string; today: boolean } {
  return { date: dayMonth(ms, timeZone), time: timeInZone(ms, timeZone), today: dayInZone(ms, timeZone) === dayInZone(now, timeZone) };
}

function dayMonth(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone, day: 'numeric', month: 'short' }).format(new Date(ms));
}

/** 'Sun 29 Nov' (in the desk's language) */
export function weekdayDate(day: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The laptop's zone as a fallback before the station status has arrived. */
export const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
