// Join and leave times as Zoom's reports write them: in the account's time zone and date format,
// with or without seconds, 12- or 24-hour. Seen in real exports (docs/hybrid-attendance.md):
//   11/19/2021 10:08:10 AM   meeting participants, US date format
//   15/08/2022 01:27         a day-first account, 24-hour, no seconds
//   Mar 22, 2025 19:13:27    webinar attendee report (and "Mar 22, 2025 7:13 PM" above it)
//   2021-04-14 18:00:00      year first
// A slash date is read month-first or day-first for the whole file at once: a number above 12
// settles it; otherwise the reading that puts the times on the session's day wins.
import { localToMillis } from '../../core/time';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type DateOrder = 'mdy' | 'dmy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T,]+${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2}),?\s+${TIME}$`);
const MONTH_NAME_FIRST = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+${TIME}$`);
const DAY_FIRST_NAME = new RegExp(String.raw`^(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}),?\s+${TIME}$`);
/** An absolute time (the Reports API writes UTC with Z). */
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** "--" and blanks: a registrant who never joined (webinar reports). */
export const isBlankTime = (s: string): boolean => /^\s*(--?|-|—)?\s*$/.test(s);

function clock(h: string, m: string, s: string | undefined, ampm: string | undefined): [number, number, number] | null {
  let hour = Number(h);
  const minute = Number(m);
  const second = s ? Number(s) : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return [hour, minute, second];
}

function valid(w: WallTime): WallTime | null {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31) return null;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCMonth() === w.month - 1 ? w : null;
}

const monthOf = (name: string) => {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
};

/** The two numbers of a slashed date ("11/19/2021 …" → [11, 19]), to decide the file's order. */
export function slashedPair(s: string): [number, number] | null {
  const m = SLASHED.exec(s.trim());
  return m ? [Number(m[1]), Number(m[3])] : null;
}

/** A local wall time, or null when the text is no time this reader knows. */
export function readWallTime(text: string, order: DateOrder): WallTime | null {
  const s = text.trim();
  let m = YEAR_FIRST.exec(s);
  if (m) {
    const c = clock(m[4]!, m[5]!, m[6], m[7]);
    return c && valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: c[0], minute: c[1], second: c[2] });
  }
  m = SLASHED.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    // Dotted dates (18.04.2023) are day-first everywhere they are written.
    const dayFirst = m[2] === '.' || order === 'dmy';
    const c = clock(m[5]!, m[6]!, m[7], m[8]);
    return c && valid({ year, month: dayFirst ? b : a, day: dayFirst ? a : b, hour: c[0], minute: c[1], second: c[2] });
  }
  m = MONTH_NAME_FIRST.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    const c = clock(m[4]!, m[5]!, m[6], m[7]);
    return month && c ? valid({ year: Number(m[3]), month, day: Number(m[2]), hour: c[0], minute: c[1], second: c[2] }) : null;
  }
  m = DAY_FIRST_NAME.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    const c = clock(m[4]!, m[5]!, m[6], m[7]);
    return month && c ? valid({ year: Number(m[3]), month, day: Number(m[1]), hour: c[0], minute: c[1], second: c[2] }) : null;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (w: WallTime): string => `${w.year}-${pad(w.month)}-${pad(w.day)}`;

/** Epoch ms of a time as the report writes it, in the Zoom account's time zone; null when unreadable. */
export function readTime(text: string, order: DateOrder, timeZone: string): number | null {
  const s = text.trim();
  if (ABSOLUTE.test(s)) {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : null;
  }
  const w = readWallTime(s, order);
  if (!w) return null;
  return localToMillis(dayOf(w), `${pad(w.hour)}:${pad(w.minute)}`, timeZone) + w.second * 1000;
}

/**
 * The file's date order from all its slashed dates: a first number above 12 means day-first, a
 * second above 12 month-first; when neither says, the order that puts most times on `sessionDay`
 * (the session's date), else month-first (Zoom's default). `conflict` when the file says both.
 */
export function dateOrderOf(samples: readonly string[], sessionDay: string | null): { order: DateOrder; conflict: boolean; guessed: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  for (const s of samples) {
    const p = slashedPair(s);
    if (!p || /^\s*\d{1,2}\./.test(s)) continue;
    if (p[0] > 12) dayFirst = true;
    if (p[1] > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return { order: 'mdy', conflict: true, guessed: false };
  if (dayFirst) return { order: 'dmy', conflict: false, guessed: false };
  if (monthFirst) return { order: 'mdy', conflict: false, guessed: false };
  const ambiguous = samples.some((s) => {
    const p = slashedPair(s);
    return p !== null && p[0] !== p[1] && !/^\s*\d{1,2}\./.test(s);
  });
  if (!ambiguous) return { order: 'mdy', conflict: false, guessed: false };
  if (sessionDay) {
    const onDay = (order: DateOrder) => samples.filter((s) => {
      const w = readWallTime(s, order);
      return w !== null && dayOf(w) === sessionDay;
    }).length;
    const md = onDay('mdy');
    const dm = onDay('dmy');
    if (md !== dm) return { order: dm > md ? 'dmy' : 'mdy', conflict: false, guessed: false };
  }
  return { order: 'mdy', conflict: false, guessed: true };
}
