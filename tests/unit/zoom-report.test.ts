// Reading Zoom participant reports in the shapes Zoom writes them (docs/hybrid-attendance.md
// names where each shape was seen): meeting participants with and without the meeting's lines,
// meeting data on every row, unique users, the webinar attendee report with its sections, and
// what a broken or foreign file gets.
import { describe, expect, it } from 'vitest';
import { connectedMinutes } from '../../core/hybrid/remote';
import { parseZoomReport, type ZoomParsed } from '../../registry/hybrid/zoom-report';

const TZ = 'Europe/Vienna';
const parse = (text: string, sessionDay: string | null = '2026-11-30', mapping = {}) => parseZoomReport(Buffer.from(text, 'utf8'), { timeZone: TZ, sessionDay, mapping });
const ok = (text: string, sessionDay?: string | null): ZoomParsed => {
  const r = parse(text, sessionDay);
  if (!r.ok) throw new Error(r.problem.text);
  return r.report;
};
const person = (r: ZoomParsed, name: string) => {
  const p = r.participants.find((x) => x.names.includes(name));
  if (!p) throw new Error(`${name} not in ${JSON.stringify(r.participants.map((x) => x.names))}`);
  return p;
};

describe('Zoom meeting participant report', () => {
  // Reports → Usage → Participants → Export, "Export with meeting data" unticked.
  const plain = [
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room',
    'Ana Ruiz (Host),ana.ruiz@osce.example,11/30/2026 09:52:10 AM,11/30/2026 11:05:40 AM,74,No,,No',
    'Yulia S (Юлия Соколова),Yulia.Sokolova@Mfa.example ,11/30/2026 10:01:00 AM,11/30/2026 10:20:30 AM,20,No,,No',
    'Yulia S (Юлия Соколова),yulia.sokolova@mfa.example,11/30/2026 10:25:00 AM,11/30/2026 11:00:00 AM,35,No,,No',
    'iPhone de Marc,,11/30/2026 10:03:00 AM,11/30/2026 10:40:00 AM,37,Yes,,No',
    'iPhone de Marc,,11/30/2026 10:45:00 AM,11/30/2026 10:50:00 AM,5,Yes,,No',
  ].join('\r\n');

  it('groups a person’s rejoins by e-mail, adds their minutes, keeps every name and the guest flag', () => {
    const r = ok(plain);
    expect(r.kind).toBe('meeting');
    expect(r.rows).toBe(5);
    expect(r.participants).toHaveLength(3);
    const yulia = person(r, 'Yulia S');
    expect(yulia.names).toEqual(['Yulia S', 'Юлия Соколова']);
    expect(yulia.email).toBe('yulia.sokolova@mfa.example');
    expect(yulia.rows).toBe(2);
    expect(connectedMinutes(yulia)).toBe(55); // 19.5 + 35 min, rounded up once
    expect(yulia.guest).toBe(false);
    const marc = person(r, 'iPhone de Marc');
    expect(marc.guest).toBe(true);
    expect(marc.rows).toBe(2);
    expect(connectedMinutes(marc)).toBe(42);
    // "(Host)" is a role, not an original name.
    const ana = person(r, 'Ana Ruiz');
    expect(ana.role).toBe('host');
    expect(ana.names).toEqual(['Ana Ruiz']);
  });

  it('reads the times in the Zoom account’s time zone', () => {
    const r = ok(plain);
    const ana = person(r, 'Ana Ruiz');
    expect(new Date(ana.intervals[0]![0]).toISOString()).toBe('2026-11-30T08:52:10.000Z'); // 09:52 in Vienna (CET)
  });

  it('counts two devices at once once (the union of the times connected)', () => {
    const r = ok([
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      'Kofi Mensah,kofi@un.example,11/30/2026 10:00:00 AM,11/30/2026 11:00:00 AM,60,No',
      'Kofi Mensah (phone),kofi@un.example,11/30/2026 10:30:00 AM,11/30/2026 11:10:00 AM,40,No',
    ].join('\n'));
    expect(r.participants).toHaveLength(1);
    expect(connectedMinutes(r.participants[0]!)).toBe(70);
  });

  it('reads the meeting lines above the list ("Export with meeting data")', () => {
    const r = ok([
      'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
      '812 3456 7890,Opening plenary,11/30/2026 09:50:12 AM,11/30/2026 11:06:00 AM,ana.ruiz@osce.example,76,3',
      '',
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      'Ana Ruiz,ana.ruiz@osce.example,11/30/2026 09:52:10 AM,11/30/2026 11:05:40 AM,74,No',
      'Jean Dupont,jean@ngo.example,11/30/2026 10:00:00 AM,11/30/2026 10:30:00 AM,30,No',
    ].join('\n'));
    expect(r.meeting).toMatchObject({ topic: 'Opening plenary', id: '812 3456 7890', hostEmail: 'ana.ruiz@osce.example' });
    expect(r.participants.map((p) => p.names[0])).toEqual(['Ana Ruiz', 'Jean Dupont']);
    // The host's own row (same e-mail as the meeting's) is the host, not a participant.
    expect(person(r, 'Ana Ruiz').role).toBe('host');
    expect(person(r, 'Jean Dupont').role).toBe('participant');
  });

  it('reads the meeting on every row (the header repeats "User Email" and "Duration (Minutes)")', () => {
    // The shape Microsoft's vivainsights_zoom_int documents: meeting columns, then the participant's.
    const r = ok([
      'Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room',
      'Side event,852 1848 6288,James Warren,james.warren@contoso.example,Ops,ABC,No,15/08/2026 01:27,30/11/2026 10:00,30/11/2026 10:21,22,2,Matthew Giordano,matthew.giordano@contoso.example,30/11/2026 10:00,30/11/2026 10:21,22,No,,No',
      'Side event,852 1848 6288,James Warren,james.warren@contoso.example,Ops,ABC,No,15/08/2026 01:27,30/11/2026 10:00,30/11/2026 10:21,22,2,James Warren,james.warren@contoso.example,30/11/2026 10:00,30/11/2026 10:21,22,No,,No',
    ].join('\n'));
    expect(r.meeting?.topic).toBe('Side event');
    expect(r.dateOrder).toBe('dmy');
    const m = person(r, 'Matthew Giordano');
    expect(m.email).toBe('matthew.giordano@contoso.example');
    expect(connectedMinutes(m)).toBe(21);
    expect(person(r, 'James Warren').role).toBe('host');
  });

  it('reads the unique-users export (one row per person, total minutes, no times)', () => {
    const r = ok(['Name (Original Name),User Email,Total Duration (Minutes),Guest', 'Jean Dupont,jean@ngo.example,95,No', 'Guest 7,,12,Yes'].join('\n'));
    expect(r.participants).toHaveLength(2);
    expect(connectedMinutes(person(r, 'Jean Dupont'))).toBe(95);
    expect(r.warnings.map((w) => w.code)).not.toContain('times_unreadable');
  });

  it('keeps a renamed participant without an e-mail as one person (their original name)', () => {
    const r = ok([
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      'Amina K. – Survivors Network (Amina Khalil),,11/30/2026 10:00:00 AM,11/30/2026 10:10:00 AM,10,Yes',
      'Amina Khalil,,11/30/2026 10:12:00 AM,11/30/2026 10:20:00 AM,8,Yes',
    ].join('\n'));
    expect(r.participants).toHaveLength(1);
    expect(r.participants[0]!.names).toEqual(['Amina K. – Survivors Network', 'Amina Khalil']);
    expect(connectedMinutes(r.participants[0]!)).toBe(18);
  });

  it('reads a day-first export when a day above 12 says so, and guesses from the session day otherwise', () => {
    const dayFirst = ok(['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)', 'A B,a@b.example,30/11/2026 10:00,30/11/2026 10:30,30'].join('\n'));
    expect(dayFirst.dateOrder).toBe('dmy');
    // 01/12/2026: 1 December (day-first) is the session's day, 12 January is not.
    const onDay = ok(['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)', 'A B,a@b.example,01/12/2026 10:00,01/12/2026 10:30,30'].join('\n'), '2026-12-01');
    expect(onDay.dateOrder).toBe('dmy');
    expect(new Date(onDay.participants[0]!.intervals[0]![0]).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const unknown = ok(['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)', 'A B,a@b.example,01/12/2026 10:00,01/12/2026 10:30,30'].join('\n'), null);
    expect(unknown.warnings.map((w) => w.code)).toContain('date_order_guessed');
  });

  it('uses Zoom’s own minutes for a row whose times cannot be read, and says so', () => {
    const r = ok(['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)', 'A B,a@b.example,yesterday-ish,later,42'].join('\n'));
    expect(connectedMinutes(r.participants[0]!)).toBe(42);
    expect(r.warnings.find((w) => w.code === 'times_unreadable')?.params).toEqual({ rows: 1 });
  });

  it('reads a German export (Zoom’s localised column names) and a semicolon-separated file with a BOM', () => {
    const text = '\ufeffName (ursprünglicher Name);E-Mail;Beitrittszeit;Austrittszeit;Dauer (Minuten);Gast\nJürgen Weiß;jw@bmeia.example;30.11.2026 10:00:00;30.11.2026 10:45:00;45;Nein\n';
    const r = ok(text);
    expect(r.participants).toHaveLength(1);
    expect(r.participants[0]).toMatchObject({ names: ['Jürgen Weiß'], email: 'jw@bmeia.example', guest: false });
    expect(connectedMinutes(r.participants[0]!)).toBe(45);
  });
});

describe('Zoom webinar attendee report', () => {
  // The 2020 layout (ZoomReports' anonymised satRdays report): Attendee Details has first and last name only.
  const older = [
    'Attendee Report,',
    'Report Generated:,"Apr 09, 2020 8:50 PM"',
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views',
    'satRdays DC 2020,328-972-509,"Mar 28, 2020 8:07 AM", 548, 461, 0,446,991,0',
    'Host Details,',
    'Attended,User Name,Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name',
    'Yes,hostName_1,hostName_1@email.example,"Mar 28, 2020 08:07:27","Mar 28, 2020 17:14:45",548,United States of America',
    'Panelist Details,',
    '"Attended","User Name","Email","Join Time","Leave Time","Time in Session (minutes)","Country/Region Name"',
    '"Yes","userName_1","attendee327@email.example","Mar 28, 2020 09:39:09","Mar 28, 2020 10:03:38",25,"United States of America"',
    'Attendee Details,',
    'Attended,First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Country/Region Name',
    'Yes,firstAttendee_52,lastAttendee_52,attendee52@email.example,"Mar 28, 2020 09:20:09",approved,"Mar 28, 2020 09:20:36","Mar 28, 2020 09:57:38",38,United States of America',
    'Yes,firstAttendee_52,lastAttendee_52,attendee52@email.example,NA,NA,"Mar 28, 2020 09:49:50","Mar 28, 2020 09:51:42",2,United States of America',
    'No,Never,Came,never@email.example,"Mar 20, 2020 10:00:00",approved,--,--,0,--',
    'Other Attended,',
    'User Name,Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name',
    'Phone caller,,"Mar 28, 2020 09:00:00","Mar 28, 2020 09:30:00",30,Austria',
  ].join('\n');

  it('reads every section with its role, skips registrants who did not attend, and names the topic', () => {
    const r = ok(older, '2020-03-28');
    expect(r.kind).toBe('webinar');
    expect(r.meeting?.topic).toBe('satRdays DC 2020');
    expect(person(r, 'hostName_1').role).toBe('host');
    expect(person(r, 'userName_1').role).toBe('panelist');
    const a = person(r, 'firstAttendee_52 lastAttendee_52');
    expect(a.role).toBe('attendee');
    expect(a.rows).toBe(2);
    expect(connectedMinutes(a)).toBe(38); // the second visit lies inside the first
    expect(person(r, 'Phone caller').role).toBe('attendee');
    expect(r.participants.some((p) => p.names.includes('Never Came'))).toBe(false);
    expect(r.warnings.find((w) => w.code === 'not_attended')?.params).toEqual({ rows: 1 });
  });

  it('reads the current layout (User Name (Original Name), Is Guest)', () => {
    const r = ok([
      'Attendee Report,',
      'Report Generated:,"Nov 30, 2026 1:15 PM"',
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views',
      'Opening plenary,912 3456 7890,"Nov 30, 2026 9:55 AM",70,40,1,2,3,2',
      'Host Details,',
      'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Conference Zoom,zoom@osce.example,"Nov 30, 2026 09:55:00","Nov 30, 2026 11:05:00",70,No,Austria',
      'Panelist Details,',
      'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Kofi Mensah,kofi@un.example,"Nov 30, 2026 09:58:00","Nov 30, 2026 11:00:00",62,No,Ghana',
      'Attendee Details,',
      'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,JD (Jean Dupont),Jean,Dupont,jean@ngo.example,,"Nov 20, 2026 10:00:00",approved,"Nov 30, 2026 10:00:00","Nov 30, 2026 10:40:00",40,Yes,France',
      'No,--,Nadia,Petrova,nadia@mfa.example,,"Nov 21, 2026 12:00:00",approved,--,--,--,--,--',
    ].join('\n'));
    expect(r.kind).toBe('webinar');
    expect(r.participants).toHaveLength(3);
    const jean = person(r, 'JD');
    expect(jean.names).toEqual(['JD', 'Jean Dupont']);
    expect(jean).toMatchObject({ role: 'attendee', guest: true, email: 'jean@ngo.example' });
    expect(person(r, 'Kofi Mensah').role).toBe('panelist');
  });
});

describe('a file that is not a Zoom report', () => {
  it('says what it found and imports nothing', () => {
    const r = parse('Vorname,Nachname,E-Mail\nAnna,Berg,anna@x.example\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('no_participant_list');
    expect(r.problem.text).toContain('Vorname, Nachname, E-Mail');
  });

  it('refuses an empty list, a binary file and an oversized file with a sentence', () => {
    const empty = parse('Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n');
    expect(!empty.ok && empty.problem.code).toBe('no_participants');
    const big = parseZoomReport(Buffer.alloc(9 * 1024 * 1024, 0x41), { timeZone: TZ, sessionDay: null });
    expect(!big.ok && big.problem.code).toBe('too_large');
  });

  it('maps an unknown column by --map', () => {
    const text = 'Teilnehmer X,Mail Y,Minuten Z\nAnna Berg,anna@x.example,30\n';
    expect(parse(text).ok).toBe(false);
    const r = parse(text, null, { name: 'Teilnehmer X', email: 'Mail Y', duration: 'Minuten Z' });
    expect(r.ok && connectedMinutes(r.report.participants[0]!)).toBe(30);
  });

  it('strips control characters from names people typed into Zoom', () => {
    const r = ok('Name (Original Name),User Email,Duration (Minutes)\n"Evil\u0007\u001b[31m Name",,5\n');
    expect(r.participants[0]!.names[0]).toBe('Evil [31m Name');
  });
});
