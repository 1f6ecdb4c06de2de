// The hybrid attendance report as rows of text, in the reader's language: the PDF
// (report-pdf.ts) and the workbook (report-xlsx.ts) lay out the same rows, so both say the same.
// Numbers only, never a name: the report is shared, and protected people are in it too.
import { UNIDENTIFIED, type AttendanceReport, type SessionAttendanceReport } from '../../core/hybrid/attendance';
import type { Words } from '../../core/i18n';
import { CATEGORIES } from '../../core/model';
import { dayInZone, timeInZone } from '../../core/time';

export type Cell = string | number;
export interface Sheet {
  /** Sheet name (Excel: at most 31 characters, none of []:*?/\). */
  name: string;
  columns: { title: string; w: number; right?: boolean }[];
  rows: Cell[][];
}

const GROUPS = [...CATEGORIES, UNIDENTIFIED] as const;

export function groupWord(words: Words, g: (typeof GROUPS)[number]): string {
  return g === UNIDENTIFIED ? words.t('hybrid.unidentified') : words.t(`category.${g}`);
}

const when = (s: Pick<SessionAttendanceReport, 'startsAt' | 'endsAt'>, tz: string) => `${dayInZone(s.startsAt, tz)} ${timeInZone(s.startsAt, tz)}–${timeInZone(s.endsAt, tz)}`;

/** The conference totals: label and value rows. */
export function totalsRows(r: AttendanceReport, words: Words): Cell[][] {
  const { t } = words;
  const x = r.totals;
  return [
    [t('hybrid.participants'), x.participants],
    [t('hybrid.inPerson'), x.inPerson],
    [t('hybrid.remoteOnly'), x.remoteOnly],
    [t('hybrid.unidentified'), x.unidentified],
    [t('hybrid.states'), x.states],
    [t('hybrid.partners'), x.partners],
  ];
}

/** Participants per category with their share (categories nobody attended in are left out). */
export function categoryTotalRows(r: AttendanceReport, words: Words): Cell[][] {
  return GROUPS.filter((g) => r.totals.byCategory[g] > 0).map((g) => [groupWord(words, g), r.totals.byCategory[g], r.totals.share[g]]);
}

export function sessionRows(r: AttendanceReport, tz: string, words: Words): Cell[][] {
  return r.sessions.map((s) => [
    when(s, tz),
    s.hasZoomReport ? s.title : `${s.title} (${words.t('hybrid.noZoom')})`,
    s.roomName,
    s.all.inPerson,
    s.all.remote,
    s.both,
    s.all.total,
  ]);
}

/** One row per session and category with anyone in it. */
export function sessionCategoryRows(r: AttendanceReport, words: Words, s?: SessionAttendanceReport): Cell[][] {
  return (s ? [s] : r.sessions).flatMap((x) =>
    GROUPS.filter((g) => x.byCategory[g].total > 0).map((g) => {
      const c = x.byCategory[g];
      return [...(s ? [] : [x.title]), groupWord(words, g), c.inPerson, c.remote, c.total];
    }),
  );
}

/** One row per session and delegation with anyone in it. */
export function sessionDelegationRows(r: AttendanceReport, words: Words, s?: SessionAttendanceReport): Cell[][] {
  return (s ? [s] : r.sessions).flatMap((x) =>
    x.byDelegation.map((d) => [...(s ? [] : [x.title]), d.delegation, words.t(`category.${d.category}`), d.split.inPerson, d.split.remote, d.split.total]),
  );
}

export function sessionColumns(words: Words): Sheet['columns'] {
  const { t } = words;
  return [
    { title: t('hybrid.time'), w: 92 },
    { title: t('hybrid.session'), w: 150 },
    { title: t('hybrid.room'), w: 75 },
    { title: t('hybrid.inPerson'), w: 42, right: true },
    { title: t('hybrid.remote'), w: 48, right: true },
    { title: t('hybrid.both'), w: 45, right: true },
    { title: t('hybrid.total'), w: 45, right: true },
  ];
}

export const splitColumns = (words: Words, first: string, w: number): Sheet['columns'] => [
  { title: first, w },
  { title: words.t('hybrid.inPerson'), w: 60, right: true },
  { title: words.t('hybrid.remote'), w: 70, right: true },
  { title: words.t('hybrid.total'), w: 60, right: true },
];
