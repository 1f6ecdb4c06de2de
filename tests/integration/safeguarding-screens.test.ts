// Safeguarding on one station (docs/safeguarding.md): a desk holds protected people's legal names,
// yet every shared screen it can show (door verdicts, room detail's last scans, session attendance),
// every occupancy export (CSV and PDF) and every badge names them by their chosen name only, in the
// bytes the renderer and the files receive. The desk itself sees the legal name, marked protected.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToMillis } from '../../core/time';
import { upsertAttendees, upsertBadgeCodes } from '../../db/attendees';
import { createHandlers } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { tool } from '../../testkit/tools';
import { freshStation } from '../helpers/station';
import { stationCall } from '../helpers/station-call';

// Names found nowhere else: a match in the bytes can only be a leak.
const LARK = { id: 'sg-lark', givenName: 'Qeshira', familyName: 'Vantablackova', chosenName: 'Lark', organisation: 'Zyrvanic Shelter Network', delegation: 'Oskarvia' };
const NO_CHOSEN = { id: 'sg-none', givenName: 'Ottoline', familyName: 'Grzybowska-Feld', chosenName: '', organisation: 'Zyrvanic Shelter Network', delegation: '' };
const LEGAL = [LARK.givenName, LARK.familyName, NO_CHOSEN.givenName, NO_CHOSEN.familyName, LARK.organisation, LARK.delegation];

let station: Station;
let dir: string;
let now: number;
const handlers = createHandlers({ now: () => now });

const call = stationCall(handlers, () => station);

/** Every legal name (and the organisation and delegation that would point to them) absent from these bytes. */
function expectNoLegalName(what: string, text: string): void {
  for (const part of LEGAL) expect(text.includes(part), `${part} in ${what}`).toBe(false);
}

function pdfText(base64: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

beforeEach(async () => {
  ({ station, dir } = freshStation());
  const day = station.eventInfo().days[0]!;
  now = localToMillis(day, '13:10', 'Europe/Vienna'); // a side event runs in the Ratsaal
  const common = { category: 'ngo' as const, country: 'MD', validDays: null, status: 'active' as const, protected: true, noPhoto: false };
  station.write(() => {
    upsertAttendees(station.db.orm, [
      { ...common, ...LARK, noPhoto: true },
      { ...common, ...NO_CHOSEN },
      { ...common, id: 'sg-camera', givenName: 'Piet', familyName: 'Lensvermijder', chosenName: '', organisation: '', delegation: '', protected: false, noPhoto: true },
    ]);
    upsertBadgeCodes(station.db.orm, [
      { code: 'SG-LARK', attendeeId: LARK.id, badgeVersion: 1 },
      { code: 'SG-NONE', attendeeId: NO_CHOSEN.id, badgeVersion: 1 },
      { code: 'SG-CAMERA', attendeeId: 'sg-camera', badgeVersion: 1 },
    ]);
  });
});

afterEach(() => station.close());

describe('protected participants on one station’s screens, exports and badges', () => {
  it('the desk sees the legal name, marked; the sentence it says aloud uses the chosen name', async () => {
    const r = await call('checkin.scan', { text: 'SG-LARK' });
    expect(r.verdict).toBe('admitted');
    expect(r.attendee).toMatchObject({ givenName: LARK.givenName, familyName: LARK.familyName, protected: true, chosenName: 'Lark', noPhoto: true });
    expectNoLegalName('the desk’s verdict sentence', `${r.message} ${JSON.stringify(r.params)}`);
    const found = await call('attendees.search', { query: LARK.familyName });
    expect(found.hits[0]).toMatchObject({ id: LARK.id, protected: true });
    const recent = await call('checkin.recent', { limit: 5 });
    expect(recent[0].attendee).toMatchObject({ givenName: LARK.givenName, protected: true });
    expectNoLegalName('the recent scans’ sentence', recent[0].message);
  });

  it('door verdicts, room detail, session attendance and every occupancy export never name them', async () => {
    await call('door.configure', { roomId: 'ratsaal', mode: 'entry', name: 'Ratsaal door 1' });
    const shown: string[] = [];
    const scans = [];
    for (const code of ['SG-LARK', 'SG-NONE', 'SG-CAMERA']) {
      now += 1000;
      const r = await call('door.scan', { text: code });
      scans.push(r);
      shown.push(JSON.stringify(r));
    }
    expect(scans.map((s) => s.verdict)).toEqual(['admitted', 'admitted', 'admitted']);
    expect(scans[0].attendee).toMatchObject({ givenName: 'Lark', familyName: '', protected: true, noPhoto: true });
    expect(scans[1].attendee).toMatchObject({ givenName: '', familyName: '', protected: true });
    // "No photography" travels to the door's screen for anyone who asked, protected or not.
    expect(scans[2].attendee).toMatchObject({ givenName: 'Piet', noPhoto: true, protected: false });

    const room = await call('occupancy.room', { roomId: 'ratsaal' });
    const names = room.recent.map((e: { name: string | null }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Lark', '', 'Piet Lensvermijder']));
    shown.push(JSON.stringify(room), JSON.stringify(await call('occupancy.rooms')));
    const session = room.room.session;
    expect(session, 'a session runs in the Ratsaal at 13:10').not.toBeNull();
    const attendance = await call('occupancy.session', { sessionId: session.id });
    expect(attendance.attendees.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Lark', '']));
    shown.push(JSON.stringify(attendance), JSON.stringify(await call('occupancy.sessions', {})));
    expectNoLegalName('what the shared screens receive', shown.join('\n'));

    for (const lang of ['en', 'de', 'fr', 'ru'] as const) {
      const csv = await call('occupancy.export', { kind: 'attendance_csv', sessionId: session.id, lang });
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(text).toContain('Lark');
      expectNoLegalName(`the attendance CSV (${lang})`, text);
      // The file it wrote to the data folder holds the same bytes.
      expectNoLegalName(`the attendance CSV file (${lang})`, fs.readFileSync(csv.path, 'utf8'));
    }
    const en = Buffer.from((await call('occupancy.export', { kind: 'attendance_csv', sessionId: session.id, lang: 'en' })).base64, 'base64').toString('utf8');
    expect(en).toContain('Protected participant');
    const series = await call('occupancy.export', { kind: 'series_csv', roomId: 'ratsaal', lang: 'en' });
    expectNoLegalName('the occupancy CSV', Buffer.from(series.base64, 'base64').toString('utf8'));
    const report = await call('occupancy.export', { kind: 'day_report_pdf', lang: 'en' });
    expectNoLegalName('the day report PDF', pdfText(report.base64, 'report.pdf'));
    expectNoLegalName('the day report PDF bytes', Buffer.from(report.base64, 'base64').toString('latin1'));
  });

  it('their badge carries the chosen name only, no delegation line, and the "no photography" strip', async () => {
    const pdf = await call('badges.pdf', { attendeeId: LARK.id, template: 'a6' });
    const text = pdfText(pdf.base64, 'badge.pdf');
    expect(text).toContain('Lark');
    expect(text).toContain('NO PHOTOGRAPHY');
    expectNoLegalName('the badge PDF', text);
    // The PDF's own metadata (title, subject) too.
    expectNoLegalName('the badge PDF bytes', Buffer.from(pdf.base64, 'base64').toString('latin1'));
    const preview = await call('badges.preview', { attendeeId: LARK.id, template: 'cr80' });
    expectNoLegalName('the badge preview', JSON.stringify(preview));
    // Anyone may ask for the strip; someone who did not ask gets none.
    const camera = pdfText((await call('badges.pdf', { attendeeId: 'sg-camera', template: 'cr80' })).base64, 'camera.pdf');
    expect(camera).toContain('Lensvermijder');
    expect(camera).toContain('NO PHOTOGRAPHY');
    await call('desk.noPhoto', { attendeeId: 'sg-camera', noPhoto: false });
    const after = pdfText((await call('badges.pdf', { attendeeId: 'sg-camera', template: 'cr80' })).base64, 'camera2.pdf');
    expect(after).not.toContain('NO PHOTOGRAPHY');
  });
});
