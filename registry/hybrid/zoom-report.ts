// A Zoom participant report as Zoom writes it, read into one entry per person: the meeting
// report ("Name (Original Name), User Email, Join Time, Leave Time, Duration (Minutes), Guest",
// with or without the meeting's own line above it, or both on every row), its "unique users"
// variant ("Total Duration"), and the webinar attendee report with its sections ("Attendee
// Report", "Report Generated:", "Host Details", "Panelist Details", "Attendee Details", "Other
// Attended"). Bytes, delimiters and BOMs are read by the attendee import's reader
// (registry/import/table.ts), headers are compared the way it compares them (fields.ts
// foldHeader). Sources of every column and format: docs/hybrid-attendance.md.
import { higherRole, type RemoteParticipant, type ZoomRole } from '../../core/hybrid/remote';
import { normaliseEmail } from '../../core/hybrid/match';
import { foldHeader } from '../import/fields';
import { readCsvRows, type FileNote } from '../import/table';
import { FileRefused } from '../import/zip';
import { dateOrderOf, isBlankTime, readTime, type DateOrder } from './zoom-times';

/** What a column of a participant list can say. */
export const ZOOM_FIELDS = ['name', 'email', 'join', 'leave', 'duration', 'guest', 'attended', 'firstName', 'lastName'] as const;
export type ZoomField = (typeof ZOOM_FIELDS)[number];
type MeetingField = 'topic' | 'meetingId' | 'hostName' | 'hostEmail' | 'start';

/** At most this many rows are read (a 1,000-person webinar with rejoins has a few thousand). */
export const MAX_ZOOM_ROWS = 50_000;
export const MAX_ZOOM_BYTES = 8 * 1024 * 1024;

/**
 * Header texts per field, folded like the attendee import folds them. English as Zoom writes it;
 * the other languages are Zoom's own localised exports where a real one was seen (Italian,
 * German, Korean, Japanese: docs/hybrid-attendance.md). Any other column: --map field=Column.
 */
const PARTICIPANT: Record<ZoomField, string[]> = {
  name: [
    'Name (Original Name)', 'User Name (Original Name)', 'Nome (nome originale)', 'Name (ursprünglicher Name)', '名前 (元の名前)', '이름(원래 이름)',
    'Participant', 'Display Name', 'Name', 'User Name', 'Nome', 'Name des Teilnehmers', '名前', '이름',
  ],
  email: ['User Email', 'Email', 'E-mail', 'Participant Email', 'Registrant Email', 'ユーザーメール', '사용자 이메일', '이메일'],
  join: ['Join Time', 'Join time', 'Ora di ingresso', 'Beitrittszeit', '참가 시간'],
  leave: ['Leave Time', 'Ora di uscita', 'Austrittszeit', '나간 시간'],
  duration: ['Duration (Minutes)', 'Time in Session (minutes)', 'Total Duration (Minutes)', 'Total Duration', 'Durata (minuti)', 'Dauer (Minuten)', '기간(분)'],
  guest: ['Guest', 'Is Guest', 'Gast', '게스트'],
  attended: ['Attended'],
  firstName: ['First Name'],
  lastName: ['Last Name'],
};
/** A name column only the participant list has (the meeting line has "User Name": the host). */
const STRONG_NAMES = new Set(PARTICIPANT.name.slice(0, 6).map(foldHeader));
const MEETING: Record<MeetingField, string[]> = {
  topic: ['Topic', 'Argomento'],
  meetingId: ['Meeting ID', 'Webinar ID', 'ID'],
  hostName: ['Host Name', 'User Name', 'Host', 'Nome organizzatore'],
  hostEmail: ['Host Email', 'User Email', 'E-mail organizzatore'],
  start: ['Start Time', 'Actual Start Time', 'Ora di inizio'],
};

function lookup<F extends string>(table: Record<F, string[]>): Map<string, { field: F; rank: number }> {
  const m = new Map<string, { field: F; rank: number }>();
  for (const [field, names] of Object.entries(table) as [F, string[]][]) names.forEach((n, rank) => m.has(foldHeader(n)) || m.set(foldHeader(n), { field, rank }));
  return m;
}
const PARTICIPANT_LOOKUP = lookup(PARTICIPANT);
const MEETING_LOOKUP = lookup(MEETING);

/** Section titles of the webinar report (a line with that one cell). */
const SECTIONS: Record<string, ZoomRole | 'summary'> = {
  'attendee report': 'summary',
  'webinar report': 'summary',
  'report generated': 'summary',
  'host details': 'host',
  'panelist details': 'panelist',
  'attendee details': 'attendee',
  'other attended': 'attendee',
};
/** "Andrea Rossi (Host)": a role written after the name, not an original name. */
const ROLE_SUFFIX: Record<string, 'host' | 'cohost' | 'guest'> = { host: 'host', 'co host': 'cohost', cohost: 'cohost', guest: 'guest', gast: 'guest' };
const YES = new Set(['yes', 'y', 'true', 'si', 'sì', 'ja', 'oui', 'да', 'はい', '예', '1'].map((w) => w.normalize('NFKD').replace(/\p{M}/gu, '')));
const NO = new Set(['no', 'n', 'false', 'nein', 'non', 'нет', 'いいえ', '아니요', '0']);

/** One problem, as a code the console says in its reader's language, and the CLI's English. */
export interface ZoomProblem {
  code:
    | 'unreadable'
    | 'too_large'
    | 'too_many_rows'
    | 'no_participant_list'
    | 'no_participants'
    | 'encoding'
    | 'times_unreadable'
    | 'date_order_guessed'
    | 'date_order_conflict'
    | 'rows_skipped'
    | 'not_attended';
  params: Record<string, string | number>;
  text: string;
}

export interface ZoomParsed {
  kind: 'meeting' | 'webinar';
  meeting: { topic: string; id: string; hostName: string; hostEmail: string; start: string } | null;
  participants: RemoteParticipant[];
  /** Rows of people who joined (each rejoin is a row). */
  rows: number;
  /** The columns used, by field (the first participant list's). */
  columns: Partial<Record<ZoomField, string>>;
  dateOrder: DateOrder;
  warnings: ZoomProblem[];
}

export type ZoomParse = { ok: true; report: ZoomParsed } | { ok: false; problem: ZoomProblem };

export interface ZoomParseOptions {
  /** The Zoom account's time zone (its reports' times are written in it). */
  timeZone: string;
  /** The session's date ('YYYY-MM-DD'), to read 03/04/2026 the right way round. */
  sessionDay: string | null;
  /** Our field → the file's column, over recognition. */
  mapping?: Partial<Record<ZoomField, string>>;
}

const problem = (code: ZoomProblem['code'], params: ZoomProblem['params'], text: string): ZoomProblem => ({ code, params, text });

/** Text a person typed into Zoom: no control characters, bounded. */
const clean = (s: string, max: number) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);

interface Header {
  /** Column per participant field. */
  cols: Partial<Record<ZoomField, number>>;
  /** Column per meeting field (a header that also holds the meeting, on every row). */
  meeting: Partial<Record<MeetingField, number>>;
  names: string[];
}

/** What a row of cells is as a header: a participant list's, a meeting line's, both, or neither. */
function readHeader(cells: string[], mapping: Partial<Record<ZoomField, string>>): { participants: Header | null; meetingOnly: Header | null } {
  const folded = cells.map(foldHeader);
  const meeting: Partial<Record<MeetingField, number>> = {};
  const mRank: Partial<Record<MeetingField, number>> = {};
  folded.forEach((f, i) => {
    const m = MEETING_LOOKUP.get(f);
    if (m && (mRank[m.field] === undefined || m.rank < mRank[m.field]!)) {
      meeting[m.field] = i;
      mRank[m.field] = m.rank;
    }
  });
  const isMeetingLine = meeting.topic !== undefined;
  // On a line that also holds the meeting, the person's columns are those after their name.
  const strong = folded.findIndex((f) => STRONG_NAMES.has(f));
  const from = isMeetingLine ? strong : 0;
  const cols: Partial<Record<ZoomField, number>> = {};
  const rank: Partial<Record<ZoomField, number>> = {};
  if (from >= 0) {
    folded.forEach((f, i) => {
      if (i < from) return;
      const m = PARTICIPANT_LOOKUP.get(f);
      if (m && (rank[m.field] === undefined || m.rank < rank[m.field]!)) {
        cols[m.field] = i;
        rank[m.field] = m.rank;
      }
    });
  }
  for (const [field, name] of Object.entries(mapping) as [ZoomField, string][]) {
    const i = folded.indexOf(foldHeader(name));
    if (i >= 0) cols[field] = i;
  }
  if (isMeetingLine) for (const f of Object.keys(meeting) as MeetingField[]) if (strong >= 0 && meeting[f]! > strong) delete meeting[f];
  const names = cells.map((c) => c.trim());
  // A webinar's attendee list of 2020 names people by First Name and Last Name only.
  const named = cols.name !== undefined || (cols.firstName !== undefined && cols.lastName !== undefined);
  const isList = named && (cols.join !== undefined || cols.duration !== undefined);
  if (isList) return { participants: { cols, meeting: isMeetingLine ? meeting : {}, names }, meetingOnly: null };
  return { participants: null, meetingOnly: isMeetingLine ? { cols: {}, meeting, names } : null };
}

/** "015_Loki (Loki Laufeyson)" → current and original name; "Ana Ruiz (Host)" → a role mark. */
function splitName(raw: string): { name: string; original: string; mark: 'host' | 'cohost' | 'guest' | null } {
  const s = clean(raw, 300);
  const m = /^(.*\S)\s*\(([^()]*)\)$/.exec(s);
  if (!m) return { name: s, original: '', mark: null };
  const inner = m[2]!.trim();
  const mark = ROLE_SUFFIX[foldHeader(inner)];
  if (mark) return { ...splitName(m[1]!), mark };
  return { name: m[1]!.trim(), original: inner, mark: null };
}

const yesNo = (s: string): boolean | null => {
  const f = s.trim().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return YES.has(f) ? true : NO.has(f) ? false : null;
};

interface RawRow {
  line: number;
  role: ZoomRole;
  names: string[];
  email: string;
  guest: boolean | null;
  join: string;
  leave: string;
  minutes: number | null;
  mark: 'host' | 'cohost' | 'guest' | null;
  /** Rows of one person without an e-mail are grouped by this: the original name (a rename keeps it), else the name. */
  nameKey: string;
}

export function parseZoomReport(file: Buffer, opts: ZoomParseOptions): ZoomParse {
  if (file.length > MAX_ZOOM_BYTES) {
    return { ok: false, problem: problem('too_large', { mb: MAX_ZOOM_BYTES / 1024 / 1024 }, `The file is larger than ${MAX_ZOOM_BYTES / 1024 / 1024} MB; a Zoom participant report is far smaller. Nothing was imported.`) };
  }
  const fileWarnings: FileNote[] = [];
  let cells: string[][];
  try {
    cells = readCsvRows(file, fileWarnings);
  } catch (err) {
    const why = err instanceof FileRefused ? err.message : 'it is not a CSV file.';
    return { ok: false, problem: problem('unreadable', { why }, `The Zoom report could not be read: ${why}`) };
  }
  if (cells.length > MAX_ZOOM_ROWS + 200) {
    return { ok: false, problem: problem('too_many_rows', { max: MAX_ZOOM_ROWS }, `The file has more than ${MAX_ZOOM_ROWS} rows; a Zoom participant report of one session has far fewer. Nothing was imported.`) };
  }
  const mapping = opts.mapping ?? {};
  let kind: 'meeting' | 'webinar' = 'meeting';
  let meeting: ZoomParsed['meeting'] = null;
  let section: ZoomRole = 'participant';
  let header: Header | null = null;
  let awaitingMeeting: Header | null = null;
  let columns: Partial<Record<ZoomField, string>> = {};
  const rows: RawRow[] = [];
  let skipped = 0;
  let notAttended = 0;
  let firstHeaderSeen: string[] | null = null;

  const setMeeting = (h: Header, r: string[]) => {
    const get = (f: MeetingField) => (h.meeting[f] === undefined ? '' : clean(r[h.meeting[f]!] ?? '', 300));
    meeting ??= { topic: get('topic'), id: get('meetingId'), hostName: get('hostName'), hostEmail: normaliseEmail(get('hostEmail')), start: get('start') };
  };

  cells.forEach((raw, index) => {
    const r = raw.map((c) => c ?? '');
    const filled = r.filter((c) => c.trim() !== '');
    if (filled.length === 0) return;
    const first = foldHeader(r[0] ?? '');
    // A section title line ("Host Details,"): the next line is that section's header.
    const sectionKey = Object.keys(SECTIONS).find((k) => first === k || (k === 'report generated' && first.startsWith(k)));
    if (sectionKey && (filled.length === 1 || sectionKey === 'report generated')) {
      const s = SECTIONS[sectionKey]!;
      if (s !== 'summary') {
        section = s;
        kind = 'webinar';
        header = null;
      } else if (sectionKey !== 'report generated') kind = 'webinar';
      return;
    }
    const h = readHeader(r, mapping);
    if (h.participants) {
      header = h.participants;
      firstHeaderSeen ??= h.participants.names;
      if (Object.keys(columns).length === 0) columns = Object.fromEntries(Object.entries(h.participants.cols).map(([f, i]) => [f, h.participants!.names[i!]!]));
      awaitingMeeting = null;
      return;
    }
    if (h.meetingOnly) {
      awaitingMeeting = h.meetingOnly;
      return;
    }
    if (awaitingMeeting) {
      setMeeting(awaitingMeeting, r);
      awaitingMeeting = null;
      return;
    }
    if (!header) return; // a summary's values, a title line: not people
    const hd: Header = header;
    if (Object.keys(hd.meeting).length > 0) setMeeting(hd, r);
    const get = (f: ZoomField) => (hd.cols[f] === undefined ? '' : (r[hd.cols[f]!] ?? '').trim());
    if (hd.cols.attended !== undefined && yesNo(get('attended')) === false) {
      notAttended++;
      return;
    }
    const { name, original, mark } = splitName(get('name'));
    const registered = clean(`${get('firstName')} ${get('lastName')}`, 300);
    const emailText = clean(get('email'), 320);
    const email = /^[^\s@]+@[^\s@]+$/.test(emailText) ? normaliseEmail(emailText) : '';
    const names = [...new Set([name, original, registered].filter(Boolean))];
    if (names.length === 0 && !email) {
      skipped++;
      return;
    }
    const d = get('duration').replace(/[^\d]/g, '');
    rows.push({
      line: index + 1,
      role: section,
      names: names.length ? names : [email],
      email,
      guest: mark === 'guest' ? true : yesNo(get('guest')),
      join: get('join'),
      leave: get('leave'),
      minutes: d && d.length <= 6 ? Number(d) : null,
      mark,
      nameKey: foldHeader(original || name || registered),
    });
  });

  if (!firstHeaderSeen) {
    const seen = cells.find((r) => r.filter((c) => c.trim()).length >= 3) ?? [];
    const list = seen.map((c) => c.trim()).filter(Boolean).slice(0, 20).join(', ');
    return {
      ok: false,
      problem: problem(
        'no_participant_list',
        { columns: list },
        `This does not look like a Zoom participant report: no line names the columns "Name (Original Name)" and "Join Time" or "Duration (Minutes)"${list ? ` (columns found: ${list})` : ''}. Export the participants list from Reports → Usage (meetings) or the attendee report (webinars) as CSV, or name the columns with --map name=… --map join=…. Nothing was imported.`,
      ),
    };
  }
  if (rows.length === 0) {
    return { ok: false, problem: problem('no_participants', {}, 'The Zoom report lists nobody who joined. Nothing was imported.') };
  }

  // Times: the file's date order, then every join and leave in the account's time zone.
  const warnings: ZoomProblem[] = [];
  const samples = rows.flatMap((x) => [x.join, x.leave]).filter((s) => !isBlankTime(s)).slice(0, 5000);
  const order = dateOrderOf(samples, opts.sessionDay);
  if (order.conflict) warnings.push(problem('date_order_conflict', {}, 'The report mixes month-first and day-first dates; its times were read month-first. Check the minutes.'));
  else if (order.guessed) warnings.push(problem('date_order_guessed', {}, 'The report’s dates could be month-first or day-first and none falls on the session’s day; they were read month-first.'));
  const groups = new Map<string, RemoteParticipant>();
  let untimed = 0;
  const hostEmail = (meeting as ZoomParsed['meeting'])?.hostEmail ?? '';
  for (const x of rows) {
    const join = isBlankTime(x.join) ? null : readTime(x.join, order.order, opts.timeZone);
    const leave = isBlankTime(x.leave) ? null : readTime(x.leave, order.order, opts.timeZone);
    const timed = join !== null && leave !== null && leave >= join && leave - join < 48 * 3600_000;
    if (!timed && (x.join || x.leave)) untimed++;
    const role: ZoomRole = x.mark === 'host' || (hostEmail && x.email === hostEmail && x.role === 'participant') ? 'host' : x.role;
    const key = x.email ? `e:${x.email}` : `n:${x.nameKey}`;
    const entry: RemoteParticipant = {
      names: x.names,
      email: x.email,
      role,
      guest: x.guest,
      intervals: timed ? [[join, leave]] : [],
      untimedMinutes: timed ? 0 : Math.min(x.minutes ?? 0, 24 * 60),
      rows: 1,
    };
    const cur = groups.get(key);
    groups.set(
      key,
      cur
        ? {
            names: [...new Set([...cur.names, ...entry.names])].slice(0, 20),
            email: cur.email || entry.email,
            role: higherRole(cur.role, entry.role),
            guest: cur.guest ?? entry.guest,
            intervals: [...cur.intervals, ...entry.intervals].slice(0, 2000),
            untimedMinutes: cur.untimedMinutes + entry.untimedMinutes,
            rows: cur.rows + 1,
          }
        : entry,
    );
  }
  if (untimed > 0) {
    warnings.push(problem('times_unreadable', { rows: untimed }, `The join or leave time of ${untimed === 1 ? '1 row' : `${untimed} rows`} could not be read; Zoom's own minutes were used for ${untimed === 1 ? 'it' : 'them'}.`));
  }
  if (skipped > 0) warnings.push(problem('rows_skipped', { rows: skipped }, `${skipped === 1 ? '1 row names' : `${skipped} rows name`} nobody (no name, no e-mail) and ${skipped === 1 ? 'was' : 'were'} left out.`));
  if (notAttended > 0) warnings.push(problem('not_attended', { rows: notAttended }, `${notAttended === 1 ? '1 registrant' : `${notAttended} registrants`} of the webinar did not attend (Attended: No) and ${notAttended === 1 ? 'is' : 'are'} not counted.`));
  for (const w of fileWarnings) warnings.push(problem('encoding', { ...w.params, note: w.code }, w.reason));
  return {
    ok: true,
    report: {
      kind,
      meeting,
      participants: [...groups.values()],
      rows: rows.length,
      columns,
      dateOrder: order.order,
      warnings,
    },
  };
}
