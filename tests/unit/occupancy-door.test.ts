// A room door as the person at it meets it: admits, refuses when full (or warns, as the room is
// set), checks who may enter, counts double scans once, survives a restart; the logistics
// lead's manual counter, sweep and exports.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToMillis } from '../../core/time';
import { attendees, badgeCodes, rooms, sessionAccess, sessions } from '../../db/schema/index';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { freshStation } from '../helpers/station';
import { stationCall } from '../helpers/station-call';
import { tool } from '../../testkit/tools';

let station: Station;
let dir: string;
let now: number;
let topics: string[];
const handlers = createHandlers({ now: () => now });

const call = stationCall(handlers, () => station);

/** Active people with a plain badge code, valid every day, in the given categories. */
function people(n: number, categories?: string[]): { code: string; id: string; givenName: string; category: string }[] {
  return station.db.orm
    .select({ code: badgeCodes.code, id: attendees.id, givenName: attendees.givenName, category: attendees.category, validDays: attendees.validDays, status: attendees.status, notes: attendees.notes })
    .from(badgeCodes)
    .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
    .all()
    .filter((a) => a.status === 'active' && a.validDays === null && (!categories || categories.includes(a.category)))
    .slice(0, n);
}

function setRoom(id: string, values: Partial<typeof rooms.$inferInsert>) {
  station.db.orm.update(rooms).set(values).where(eq(rooms.id, id)).run();
}

beforeEach(async () => {
  ({ station, dir } = freshStation());
  const day = station.eventInfo().days[0]!;
  now = localToMillis(day, '13:10', 'Europe/Vienna'); // side events in the Ratsaal run 13:00–14:15
  topics = [];
  station.on((t) => topics.push(t));
  await call('door.configure', { roomId: 'ratsaal', mode: 'entry', name: 'Ratsaal door 1' });
});
afterEach(() => station.close());

describe('a door station', () => {
  it('goes back to being the front desk it was: its name is restored and later check-ins are recorded at the desk (#13.4)', async () => {
    expect((await call('door.status')).station).toMatchObject({ role: 'door', name: 'Ratsaal door 1', deskName: 'Front desk 1' });
    // Changing the door (mode, name) keeps the desk name it will return to.
    await call('door.configure', { roomId: 'ratsaal', mode: 'exit', name: 'Ratsaal exit' });
    expect((await call('door.status')).station).toMatchObject({ name: 'Ratsaal exit', deskName: 'Front desk 1' });
    const back = await call('door.configure', { roomId: null, mode: null });
    expect(back).toMatchObject({ station: { role: 'desk', name: 'Front desk 1', roomId: null, mode: null }, room: null });
    expect((await call('station.status')).station).toMatchObject({ role: 'desk', name: 'Front desk 1' });
    const [p] = people(1);
    expect((await call('checkin.scan', { text: p!.code })).verdict).toBe('admitted');
    const again = await call('checkin.scan', { text: p!.code });
    expect(again).toMatchObject({ verdict: 'warning', firstAdmission: { stationName: 'Front desk 1' } });
    // And a door again, both ways as often as needed.
    await call('door.configure', { roomId: 'ratsaal', mode: 'entry', name: 'Ratsaal door 1' });
    await call('door.configure', { roomId: null, mode: null });
    expect(station.config()).toMatchObject({ role: 'desk', name: 'Front desk 1' });
  });

  it('refuses to count before it is set to a room door', async () => {
    await call('door.configure', { roomId: null, mode: null });
    const r = await call('door.scan', { text: people(1)[0]!.code });
    expect(r).toMatchObject({ verdict: 'refused', reason: 'not_configured', eventId: null });
  });

  it('admits until the room is full, then refuses for safety; an exit frees a place', async () => {
    setRoom('ratsaal', { capacity: 3 });
    const [a, b, c, d] = people(4);
    for (const p of [a, b, c]) expect((await call('door.scan', { text: p!.code })).verdict).toBe('admitted');
    const refused = await call('door.scan', { text: d!.code });
    expect(refused).toMatchObject({ verdict: 'refused', reason: 'room_full' });
    expect(refused.message).toMatch(/Ratsaal is full/);
    expect(refused.room).toMatchObject({ current: 3, capacity: 3, state: 'full', stateWords: 'Full' });
    expect(topics).toContain('occupancy');

    await call('door.configure', { roomId: 'ratsaal', mode: 'exit' });
    expect(await call('door.scan', { text: a!.code })).toMatchObject({ verdict: 'admitted', reason: 'exit_ok', direction: 'exit' });
    await call('door.configure', { roomId: 'ratsaal', mode: 'entry' });
    expect(await call('door.scan', { text: d!.code })).toMatchObject({ verdict: 'admitted', reason: 'entry_ok' });
    const live = (await call('occupancy.rooms')).rooms.find((r: { id: string }) => r.id === 'ratsaal');
    expect(live).toMatchObject({ current: 3, refused: 1, arrivals: 4, unique: 4 });
  });

  it('reads a scanner set to another keyboard layout: the reading that is a badge counts (#13.14)', async () => {
    const [a] = people(1);
    // A US-set scanner on a German laptop types ß for the code's '-'; its keys read as US give the code.
    const typed = a!.code.replace('-', 'ß');
    const r = await call('door.scan', { text: typed, alternatives: [a!.code] });
    expect(r).toMatchObject({ verdict: 'admitted', reason: 'entry_ok', layoutCorrected: true, attendee: { id: a!.id } });
    // Garbage in every reading stays a refusal, with no correction claimed.
    const junk = await call('door.scan', { text: 'Qé")XXXXXX', alternatives: ['A23-XXXXXX'] });
    expect(junk.verdict).toBe('refused');
    expect(junk.layoutCorrected).toBeUndefined();
  });

  it('only warns at capacity when the room is set to warn', async () => {
    setRoom('ratsaal', { capacity: 1, fullPolicy: 'warn' });
    const [a, b] = people(2);
    await call('door.scan', { text: a!.code });
    const r = await call('door.scan', { text: b!.code });
    expect(r).toMatchObject({ verdict: 'warning', reason: 'entry_full_warn' });
    expect(r.room.current).toBe(2);
  });

  it('counts a double scan once and says since when the person is inside', async () => {
    const [a] = people(1);
    await call('door.scan', { text: a!.code });
    now += 4000;
    const again = await call('door.scan', { text: a!.code });
    expect(again).toMatchObject({ verdict: 'admitted', reason: 'entry_again' });
    expect(again.message).toMatch(/already counted inside \(since \d\d:\d\d\)/);
    expect(again.room).toMatchObject({ current: 1, duplicates: 1 });
  });

  it('a toggle door lets the same badge in, then out', async () => {
    await call('door.configure', { roomId: 'ratsaal', mode: 'toggle' });
    const [a] = people(1);
    expect((await call('door.scan', { text: a!.code })).direction).toBe('entry');
    now += 20 * 60_000;
    const out = await call('door.scan', { text: a!.code });
    expect(out).toMatchObject({ direction: 'exit', reason: 'exit_ok' });
    expect(out.room.current).toBe(0);
  });

  it('checks category × room and session invitation lists; an unknown badge is refused and logged', async () => {
    await call('door.configure', { roomId: 'press-room', mode: 'entry' });
    const [ngo] = people(1, ['ngo']);
    const [media] = people(1, ['media']);
    expect(await call('door.scan', { text: ngo!.code })).toMatchObject({ verdict: 'refused', reason: 'room_not_allowed' });
    expect(await call('door.scan', { text: media!.code })).toMatchObject({ verdict: 'admitted' });

    await call('door.configure', { roomId: 'ratsaal', mode: 'entry' });
    const [guest, other] = people(2, ['delegation']);
    station.db.orm.insert(sessionAccess).values({ sessionId: 's3', attendeeId: guest!.id }).run();
    expect(await call('door.scan', { text: other!.code })).toMatchObject({ verdict: 'refused', reason: 'not_invited' });
    expect(await call('door.scan', { text: guest!.code })).toMatchObject({ verdict: 'admitted' });

    const unknown = await call('door.scan', { text: 'NOPE-123' });
    expect(unknown).toMatchObject({ verdict: 'refused', reason: 'unknown_code' });
    expect(unknown.eventId).toBeTruthy();
    const detail = await call('occupancy.room', { roomId: 'ratsaal' });
    expect(detail.recent.map((e: { reason: string }) => e.reason)).toEqual(['unknown_code', 'entry_ok', 'not_invited']);
  });

  it('says plainly when a room does not exist', async () => {
    const r = await dispatch(handlers, station, 'occupancy.room', { roomId: 'ballroom' });
    expect(r).toEqual({ ok: false, error: { code: 'not_found', message: 'That room does not exist at this event.', notice: { key: 'roomNotFound' } } });
    const c = await dispatch(handlers, station, 'door.configure', { roomId: 'ballroom', mode: 'entry' });
    expect(c.ok).toBe(false);
    expect(station.config().roomId).toBe('ratsaal');
  });

  it('keeps its counts across a restart', async () => {
    const ps = people(3);
    for (const p of ps) await call('door.scan', { text: p.code });
    station.close();
    station = openStation(dir);
    const live = (await call('occupancy.rooms')).rooms.find((r: { id: string }) => r.id === 'ratsaal');
    expect(live.current).toBe(3);
    expect(live.session?.title).toMatch(/Technology-facilitated/);
  });
});

describe('manual counter and sweep', () => {
  it('counts people through an unscanned door, never below zero, with who did it', async () => {
    expect(await call('occupancy.counter', { roomId: 'ratsaal', delta: -1 })).toMatchObject({ applied: false, message: 'Ratsaal already shows nobody inside.' });
    const r = await call('occupancy.counter', { roomId: 'ratsaal', delta: 5, operator: 'Maria (logistics)' });
    expect(r).toMatchObject({ applied: true, room: { current: 5, tally: 5 } });
    await call('occupancy.counter', { roomId: 'ratsaal', delta: -2 });
    const detail = await call('occupancy.room', { roomId: 'ratsaal' });
    expect(detail.room.current).toBe(3);
    expect(detail.recent[1]).toMatchObject({ kind: 'counter', delta: 5, operator: 'Maria (logistics)', stationName: 'Ratsaal door 1' });
  });

  it('a sweep counts everyone out at the end of a session', async () => {
    for (const p of people(4)) await call('door.scan', { text: p.code });
    await call('occupancy.counter', { roomId: 'ratsaal', delta: 2 });
    now += 60 * 60_000;
    const r = await call('occupancy.sweep', { roomId: 'ratsaal', operator: 'Maria' });
    expect(r).toMatchObject({ cleared: 6, room: { current: 0, tally: 0 } });
    const s = (await call('occupancy.sessions')).sessions.find((x: { id: string }) => x.id === 's3');
    expect(s).toMatchObject({ peak: 6, unique: 4, phase: 'running' });
  });
});

describe('exports', () => {
  it('attendance CSV lists who attended, with formula-looking names made harmless', async () => {
    const [a, b] = people(2);
    station.db.orm.update(attendees).set({ givenName: '=HYPERLINK("http://evil")', familyName: 'Test' }).where(eq(attendees.id, a!.id)).run();
    await call('door.scan', { text: a!.code });
    await call('door.scan', { text: b!.code });
    now += 30 * 60_000;
    const f = await call('occupancy.export', { kind: 'attendance_csv', sessionId: 's3' });
    const text = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(fs.readFileSync(f.path, 'utf8')).toBe(text);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"") Test"`);
    expect(text).toContain(b!.givenName);
    expect(lines[1]).toMatch(/,2[05]$|,30$/); // minutes inside so far
  });

  it('occupancy series CSV has one row per minute with capacity and state', async () => {
    for (const p of people(2)) await call('door.scan', { text: p.code });
    now += 5 * 60_000;
    const f = await call('occupancy.export', { kind: 'series_csv', roomId: 'ratsaal' });
    const rows = Buffer.from(f.base64, 'base64').toString('utf8').trim().split('\r\n');
    expect(rows[0]).toContain('Occupancy at end of minute');
    expect(rows.at(-1)).toMatch(/^Ratsaal,\d{4}-\d\d-\d\d 13:1[45],2,2,120,1,ok$/);
  });

  it('the day report PDF lists every session with peak, unique attendees and time above the warning level', async () => {
    setRoom('ratsaal', { capacity: 2 });
    for (const p of people(2)) await call('door.scan', { text: p.code });
    now += 40 * 60_000;
    const f = await call('occupancy.export', { kind: 'day_report_pdf' });
    expect(f.mime).toBe('application/pdf');
    const text = execFileSync(tool('pdftotext'), ['-layout', f.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Opening session');
    expect(text).toMatch(/Technology-facilitated[\s\S]*Ratsaal\s+2 \(100%\)\s+2\s+40 min/);
    expect(path.basename(f.path)).toMatch(/^day-report-\d{4}-\d\d-\d\d\.pdf$/);
  });

  const pdfText = (file: string) => execFileSync(tool('pdftotext'), ['-layout', file, '-'], { encoding: 'utf8' });

  it('the day report counts nobody for a session that has not started, though the room is busy before it', async () => {
    now = localToMillis(station.eventInfo().days[0]!, '12:10', 'Europe/Vienna'); // the Ratsaal side event starts at 13:00
    for (const p of people(3)) await call('door.scan', { text: p.code });
    const f = await call('occupancy.export', { kind: 'day_report_pdf' });
    const lines = pdfText(f.path).split('\n');
    const at = lines.findIndex((l) => l.includes('Technology-facilitated'));
    expect(lines[at]).toMatch(/13:00–14:15\s+Side event: Technology-facilitated.*\s+Ratsaal\s+–\s+–\s+–\s*$/);
    expect(lines.slice(at, at + 2).join(' ')).toContain('(not started)');
    // The room detail agrees: no attendance for it yet.
    const s = (await call('occupancy.sessions')).sessions.find((x: { roomId: string; startsAt: number }) => x.roomId === 'ratsaal' && x.startsAt > now);
    expect(s).toMatchObject({ phase: 'upcoming', peak: 0, unique: 0 });
  });

  it('the day report is in the desk\'s language and prints names in any script with embedded Noto fonts', async () => {
    setRoom('ratsaal', { name: 'Зал совета · 会议室', capacity: 2 });
    station.db.orm.update(sessions).set({ title: 'Торговля людьми в интернете · Εμπορία ανθρώπων' }).where(eq(sessions.roomId, 'ratsaal')).run();
    for (const p of people(2)) await call('door.scan', { text: p.code });
    now += 40 * 60_000;
    const f = await call('occupancy.export', { kind: 'day_report_pdf', lang: 'ru' });
    const text = pdfText(f.path);
    expect(text).toContain('Посещаемость залов – отчёт за день');
    expect(text).toMatch(/Время\s+Сессия\s+Зал\s+Максимум\s+Посетили/);
    expect(text).toMatch(/^\s+Εμπορία ανθρώπων$/m); // the title's second line, under its first
    expect(text).toMatch(/Торговля людьми в интернете ·\s+Зал совета · 会议室\s+2 \(100\s%\)\s+2\s+40 мин/);
    const fonts = execFileSync(tool('pdffonts'), [f.path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      expect(row).toMatch(/NotoSans/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
    }
    expect(fonts.join('\n')).not.toMatch(/Helvetica/);
  });

  it('CSV headers follow the desk\'s language; the categories too', async () => {
    const [a] = people(1, ['media']);
    await call('door.scan', { text: a!.code });
    now += 30 * 60_000;
    const att = await call('occupancy.export', { kind: 'attendance_csv', sessionId: 's3', lang: 'de' });
    const rows = Buffer.from(att.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('Sitzung,Raum,Beginn,Ende,Teilnehmer-ID,Name,Organisation,Delegation,Kategorie,Zuerst im Raum,Minuten im Raum');
    expect(rows[1]).toContain(',Medien,');
    const series = await call('occupancy.export', { kind: 'series_csv', roomId: 'ratsaal', lang: 'fr' });
    expect(Buffer.from(series.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Salle,Minute,Occupation en fin de minute,Maximum dans la minute,Capacité,Pourcentage,État',
    );
  });
});
