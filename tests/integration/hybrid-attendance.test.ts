// Hybrid attendance through the registry's admin API, as an organiser uses it: a session's Zoom
// report in (matched by e-mail, then by name; the unmatched kept; importing again changes
// nothing; a wrong file changes nothing), door scans from the stations' merged log, and the
// attendance report out as a workbook and a PDF that say the same numbers and name nobody.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToMillis } from '../../core/time';
import { ensureAdminToken } from '../../registry/admin-tokens';
import { createApp } from '../../registry/app';
import type { RegistryContext } from '../../registry/context';
import { openRegistryDb, type RegistryDb } from '../../registry/db';
import { LiveHub } from '../../registry/live';
import { events } from '../../registry/schema';
import { setEvent, upsertAttendees, upsertRoom, upsertSession } from '../../registry/store';
import { freePort, pgliteTemplate } from '../../testkit/registry-proc';
import { tempDir } from '../../testkit/temp';
import { tool } from '../../testkit/tools';
import { ev } from '../helpers/occupancy';

const TZ = 'Europe/Vienna';
const DAY = '2026-11-30';
const at = (hhmm: string) => localToMillis(DAY, hhmm, TZ);
const TOKEN = 'hybrid-test-admin-token-0123456789abcdef';

const person = (id: string, givenName: string, familyName: string, category: string, delegation: string, email?: string) => ({
  id,
  givenName,
  familyName,
  category: category as 'delegation',
  delegation,
  organisation: '',
  country: '',
  validDays: null,
  status: 'active' as const,
  badgeVersion: 1,
  badgeCodes: [`CODE-${id}`],
  notes: '',
  ...(email ? { email } : {}),
});

const PEOPLE = [
  person('p-at', 'Katharina', 'Hofbauer', 'delegation', 'Austria', 'k.hofbauer@bmeia.example'),
  person('p-ua', 'Олена', 'Коваленко', 'delegation', 'Ukraine', 'o.kovalenko@mfa.example'),
  person('p-jp', 'Haruto', 'Sato', 'partner', 'Japan'),
  person('p-ngo', 'Amina', 'Khalil', 'ngo', '', 'amina@survivors.example'),
  person('p-media', 'Tom', 'Berger', 'media', '', 'tom@press.example'),
  person('p-io', 'Kofi', 'Mensah', 'io', ''),
];

// A meeting participant report as Zoom exports it: Olena rejoined, signed in with her
// ministry address; Haruto joined as a guest under a romanised, reordered name; Amina was
// both in the room and on Zoom; an unknown guest and the conference's host account.
const ZOOM = [
  'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room',
  'OSCE Conference (Host),zoom@osce.example,11/30/2026 09:50:00 AM,11/30/2026 11:05:00 AM,75,No,,No',
  'Olena K,O.Kovalenko@mfa.example,11/30/2026 10:02:00 AM,11/30/2026 10:30:00 AM,28,No,,No',
  'Olena K,o.kovalenko@mfa.example,11/30/2026 10:35:00 AM,11/30/2026 11:00:00 AM,25,No,,No',
  'SATO Haruto,,11/30/2026 10:05:00 AM,11/30/2026 10:55:00 AM,50,Yes,,No',
  'Amina (phone),amina@survivors.example,11/30/2026 10:10:00 AM,11/30/2026 10:20:00 AM,10,No,,No',
  'iPhone,,11/30/2026 10:15:00 AM,11/30/2026 10:45:00 AM,30,Yes,,No',
].join('\r\n');

let db: RegistryDb;
let app: ReturnType<typeof createApp>;
let server: ReturnType<typeof serve> | undefined;
const request = (method: string, p: string, body?: Buffer) =>
  app.request(p, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }, body: body ? new Uint8Array(body) : undefined });
const zoomImport = async (sessionId: string, file: string, options: Record<string, unknown> = {}) => {
  const res = await request('POST', `/v1/admin/sessions/${sessionId}/zoom-report?options=${encodeURIComponent(JSON.stringify(options))}`, Buffer.from(file, 'utf8'));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { problem?: { code: string; text: string } } };
};

beforeAll(async () => {
  const dir = tempDir('foyer-hybrid-reg-');
  fs.cpSync(await pgliteTemplate(), path.join(dir, 'pgdata'), { recursive: true });
  db = await openRegistryDb({ dataDir: dir });
  await ensureAdminToken(db.orm, { given: TOKEN }, Date.now());
  const ctx: RegistryContext = { db, orm: db.orm, live: new LiveHub(db), now: () => at('12:00'), publicUrl: '', fingerprint: null, maxClockAheadMs: 300_000, heartbeatMs: 15_000, tls: false, consoleDir: null };
  app = createApp(ctx);
  await setEvent(db.orm, { id: 'hybrid-test', name: 'Conference on trafficking', venue: 'Hofburg', timeZone: TZ, days: [DAY], description: '' });
  await upsertRoom(db.orm, { id: 'plenary', name: 'Festsaal', capacity: 500, warnPct: 80, criticalPct: 95, fullPolicy: 'refuse', allowedCategories: null, floor: '' });
  await upsertSession(db.orm, { id: 'opening', roomId: 'plenary', title: 'Открытие · Opening plenary', startsAt: at('10:00'), endsAt: at('11:00'), allowedCategories: null });
  await upsertSession(db.orm, { id: 'panel', roomId: 'plenary', title: 'Panel on prevention', startsAt: at('11:30'), endsAt: at('12:30'), allowedCategories: null });
  await upsertAttendees(db.orm, PEOPLE, Date.now());
  // Door scans of two stations: Katharina and Amina in the opening, Kofi in the panel only.
  const door = [
    ev({ station: 'door-a', at: at('09:55'), kind: 'room_entry', attendee: 'p-at', room: 'plenary', day: DAY }),
    ev({ station: 'door-b', at: at('10:05'), kind: 'room_entry', attendee: 'p-ngo', room: 'plenary', day: DAY }),
    ev({ station: 'door-a', at: at('10:50'), kind: 'room_exit', attendee: 'p-ngo', room: 'plenary', day: DAY }),
    ev({ station: 'door-b', at: at('11:02'), kind: 'room_exit', attendee: 'p-at', room: 'plenary', day: DAY }),
    ev({ station: 'door-a', at: at('11:40'), kind: 'room_entry', attendee: 'p-io', room: 'plenary', day: DAY }),
  ];
  await db.orm.insert(events).values(door.map(({ seq, ...e }) => ({ ...e, stationSeq: seq, receivedAt: at('12:00') })));
}, 120_000);
afterAll(async () => {
  server?.close();
  await db?.close();
});

describe('a session’s Zoom report', () => {
  it('matches people by e-mail, then by name, groups rejoins, and keeps who it cannot match', async () => {
    const { status, body } = await zoomImport('opening', ZOOM, { fileName: 'participants_81234567890.csv' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, kind: 'meeting', rows: 6, people: 5, byEmail: 2, byName: 1, unmatched: 2, ambiguous: 0, guests: 2 });
    const notMatched = (body.notMatched as { names: string[]; role: string }[]).map((p) => [p.names[0], p.role]);
    expect(notMatched).toEqual(expect.arrayContaining([['OSCE Conference', 'host'], ['iPhone', 'participant']]));
    const stored = (await (await request('GET', '/v1/admin/sessions/opening/zoom-report')).json()) as { people: { attendeeId: string | null; match: string; minutes: number; rows: number }[] };
    const olena = stored.people.find((p) => p.attendeeId === 'p-ua')!;
    expect(olena).toMatchObject({ match: 'email', rows: 2, minutes: 53 });
    expect(stored.people.find((p) => p.attendeeId === 'p-jp')).toMatchObject({ match: 'name', minutes: 50 });
  });

  it('importing the same report again changes nothing', async () => {
    const before = await (await request('GET', '/v1/admin/sessions/opening/zoom-report')).json();
    const again = await zoomImport('opening', ZOOM, { fileName: 'participants_81234567890.csv' });
    expect(again.body).toMatchObject({ people: 5, byEmail: 2, byName: 1, unmatched: 2 });
    const after = (await (await request('GET', '/v1/admin/sessions/opening/zoom-report')).json()) as { people: unknown[]; report: unknown };
    expect(after.people).toEqual((before as { people: unknown[] }).people);
  });

  it('a file that is not a Zoom report, an unknown session or time zone: a sentence, and nothing changes', async () => {
    const wrong = await zoomImport('opening', 'First name,Last name,Company\nAnna,Berg,ACME\n');
    expect(wrong.status).toBe(422);
    expect(wrong.body.problem?.code).toBe('no_participant_list');
    expect(wrong.body.problem?.text).toMatch(/does not look like a Zoom participant report/);
    const still = (await (await request('GET', '/v1/admin/sessions/opening/zoom-report')).json()) as { people: unknown[] };
    expect(still.people).toHaveLength(5);
    const nowhere = await zoomImport('no-such-session', ZOOM);
    expect(nowhere.status).toBe(404);
    const tz = await zoomImport('opening', ZOOM, { timeZone: 'Vienna/Europe' });
    expect(tz.status).toBe(400);
    const anonymous = await app.request('/v1/admin/reports/attendance.pdf');
    expect(anonymous.status).toBe(401);
  });
});

describe('the attendance report', () => {
  it('XLSX: per session in person, online, both and total; by category and delegation; conference totals', async () => {
    const res = await request('GET', '/v1/admin/reports/attendance.xlsx?lang=en');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const rows = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    // Opening: Katharina and Amina in the room; Olena, Haruto, Amina and the unknown iPhone on Zoom (not the host account).
    expect(rows('Sessions')).toEqual([
      ['Time', 'Session', 'Room', 'In person', 'Online (Zoom)', 'Both', 'Total'],
      ['2026-11-30 10:00–11:00', 'Открытие · Opening plenary', 'Festsaal', 2, 4, 1, 5],
      ['2026-11-30 11:30–12:30', 'Panel on prevention (no Zoom report)', 'Festsaal', 1, 0, 0, 1],
    ]);
    const byDelegation = rows('By delegation (participating State or Partner)'.slice(0, 31));
    expect(byDelegation).toEqual(
      expect.arrayContaining([
        ['Открытие · Opening plenary', 'Austria', 'Delegation', 1, 0, 1],
        ['Открытие · Opening plenary', 'Japan', 'Partner for Co-operation', 0, 1, 1],
        ['Открытие · Opening plenary', 'Ukraine', 'Delegation', 0, 1, 1],
      ]),
    );
    expect(rows('By category')).toEqual(expect.arrayContaining([['Открытие · Opening plenary', 'NGO / civil society', 1, 1, 1]]));
    const totals = Object.fromEntries(rows('Conference totals').filter((r) => r.length >= 2).map((r) => [r[0], r[1]]));
    expect(totals).toMatchObject({
      Participants: 6, // Katharina, Olena, Haruto, Amina, Kofi, and the iPhone nobody could name
      'In person': 3,
      'Online only': 3,
      'Online, not matched to a registration': 1,
      'Participating States represented': 2,
      'Partners for Co-operation represented': 1,
    });
    const shares = rows('Conference totals').find((r) => r[0] === 'Media');
    expect(shares).toBeUndefined(); // Tom from the press attended nothing
  });

  it('PDF in Russian: the same numbers, any script prints, and no name or e-mail of anyone', async () => {
    const res = await request('GET', '/v1/admin/reports/attendance.pdf?lang=ru');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(tempDir('foyer-hybrid-pdf-'), 'attendance.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync(tool('pdftotext'), ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Отчёт об участии');
    expect(text).toContain('Открытие · Opening plenary');
    expect(text).toMatch(/Представлено государств-участников\s+2/);
    expect(text).toMatch(/Участники\s+6/);
    for (const p of PEOPLE) {
      expect(text).not.toContain(p.familyName);
      if (p.email) expect(text).not.toContain(p.email);
    }
    expect(text).not.toContain('iPhone');
  });
});

describe('the operator CLI', () => {
  it('zoom-import says what it recognised and who matched how; attendance-report writes the workbook', async () => {
    const port = await freePort();
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    const dir = tempDir('foyer-hybrid-cli-');
    const file = path.join(dir, 'participants_81234567890.csv');
    fs.writeFileSync(file, ZOOM);
    const cli = (...args: string[]) => promisify(execFile)('npx', ['tsx', 'registry/admin-cli.ts', '--url', `http://127.0.0.1:${port}`, '--token', TOKEN, ...args], { encoding: 'utf8' });
    const { stdout } = await cli('zoom-import', 'opening', file, '--dry-run');
    expect(stdout).toContain('Recognised: Zoom meeting participant report');
    expect(stdout).toMatch(/name\s+← Name \(Original Name\)/);
    expect(stdout).toContain('matched by e-mail 2, by name 1; not matched 2');
    expect(stdout).toMatch(/not matched: iPhone \(participant, 30 min\)/);
    const out = path.join(dir, 'report.xlsx');
    expect((await cli('attendance-report', '--lang', 'fr', '--out', out)).stdout).toContain(`Wrote ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain('Séances');
    const wrong = await cli('zoom-import', 'opening', path.join(dir, 'missing.csv')).catch((e: { stderr: string; code: number }) => e);
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
  }, 60_000);
});

// The opening's Zoom meeting dropped and was restarted under a new meeting: a second report, its
// meeting line first ("Export with meeting data"). Olena was in both (10:58–11:10 overlaps her
// first report's last minutes); Tom from the press joined only the second.
const ZOOM_2 = [
  'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
  '81299999999,Opening plenary (restarted),11/30/2026 10:57:00 AM,11/30/2026 11:15:00 AM,zoom@osce.example,18,2',
  '',
  'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
  'Olena K,o.kovalenko@mfa.example,11/30/2026 10:58:00 AM,11/30/2026 11:10:00 AM,12,No',
  'Tom B,tom@press.example,11/30/2026 10:59:00 AM,11/30/2026 11:12:00 AM,13,No',
].join('\r\n');

describe('several Zoom reports for one session', () => {
  type Stored = { people: { attendeeId: string | null; minutes: number; rows: number }[]; reports: { reportKey: string; fileName: string }[] };
  const stored = async () => (await (await request('GET', '/v1/admin/sessions/opening/zoom-report')).json()) as Stored;

  it('merges them, each person once with their connected time counted once; the same file again changes nothing', async () => {
    const before = await stored();
    expect(before.people).toHaveLength(5);
    const second = await zoomImport('opening', ZOOM_2, { fileName: 'participants_81299999999.csv' });
    expect(second.body).toMatchObject({ ok: true, rows: 2, people: 6, reports: 2 });
    const after = await stored();
    expect(after.reports.map((r) => r.fileName)).toEqual(['participants_81234567890.csv', 'participants_81299999999.csv']);
    expect(after.people.filter((p) => p.attendeeId === 'p-ua')).toEqual([expect.objectContaining({ rows: 3, minutes: 63 })]); // 28 + 25 + 10 new minutes
    expect(after.people.find((p) => p.attendeeId === 'p-media')).toMatchObject({ minutes: 13 });
    // Either file imported again: the same two reports, the same people.
    for (const [file, name] of [[ZOOM_2, 'participants_81299999999.csv'], [ZOOM, 'participants_81234567890.csv']] as const) {
      expect((await zoomImport('opening', file, { fileName: name })).body).toMatchObject({ people: 6, reports: 2 });
      const again = await stored();
      expect(again.people).toEqual(after.people);
      expect(again.reports).toHaveLength(2);
    }
    // The console's Online attendance page learns which sessions have reports.
    const list = (await (await request('GET', '/v1/admin/zoom-reports')).json()) as { sessions: { sessionId: string; people: number; reports: unknown[] }[] };
    expect(list.sessions).toEqual([expect.objectContaining({ sessionId: 'opening', people: 6, reports: [expect.anything(), expect.anything()] })]);
  });
});

describe('the demo event', () => {
  it('comes with e-mail addresses and the opening session’s Zoom report, so the report has an online side', async () => {
    const res = await app.request('/v1/admin/demo', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ firstDay: DAY }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { zoomParticipants: number }).zoomParticipants).toBeGreaterThan(30);
    const stored = (await (await request('GET', '/v1/admin/sessions/s1/zoom-report')).json()) as { people: { match: string }[] };
    expect(stored.people.filter((p) => p.match === 'email').length).toBeGreaterThan(15);
    expect(stored.people.filter((p) => p.match === 'name').length).toBeGreaterThan(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await request('GET', '/v1/admin/reports/attendance.xlsx')).arrayBuffer()) as ArrayBuffer);
    const opening = (wb.getWorksheet('Sessions')!.getSheetValues() as unknown[][]).find((r) => r?.[2] === 'Opening session')!;
    expect(opening[5]).toBeGreaterThan(30); // online
  }, 60_000);
});
