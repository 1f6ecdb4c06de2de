// Safeguarding rules that need no network (docs/safeguarding.md): the import's columns, the one
// rule of who may see what (core/sync/visibility.ts), and the name every screen shows.
import { describe, expect, it } from 'vitest';
import type { AttendeeRecord } from '../../core/records/attendee';
import type { WireEvent } from '../../core/records/log-event';
import { attendeeFor, audienceOf, changeFor, eventFor, legalName, peopleToCheck, publicName } from '../../core/sync/visibility';
import { parseImport, type ImportOptions } from '../../registry/import';

const opts = (csv: string): ImportOptions => ({ format: 'csv', fileBase64: Buffer.from(csv).toString('base64'), mapping: {}, mode: 'all', dryRun: false });

describe('import: protected, chosen name, no photography', () => {
  it('reads the columns in the languages organisers write them; a file without them leaves them unset', async () => {
    const csv =
      'id,first name,last name,category,Protected,Chosen name,No photography\n' +
      'a,Amina,Haddad,NGO,yes,Sky,\n' +
      'b,Boris,Kern,Media,,,x\n' +
      'c,Clara,Nunes,NGO,ja,,nein\n';
    const { report, records } = await parseImport(opts(csv));
    expect(report.errors).toEqual([]);
    expect(records.map((r) => [r.id, r.protected, r.chosenName, r.noPhoto])).toEqual([
      ['a', true, 'Sky', false],
      ['b', false, '', true],
      ['c', true, '', false],
    ]);
    const de = await parseImport(opts('ID,Vorname,Nachname,Geschützt,Wunschname,Keine Fotos\nd,Dana,Weiss,ja,Robin,ja\n'));
    expect(de.records[0]).toMatchObject({ protected: true, chosenName: 'Robin', noPhoto: true });
    const ru = await parseImport(opts('ID,Имя,Фамилия,Защищённый,Имя на бейдже,Без фото\ne,Ольга,Седова,да,Ива,нет\n'));
    expect(ru.records[0]).toMatchObject({ protected: true, chosenName: 'Ива', noPhoto: false });
    // No such columns: nothing is said about safeguarding (the registry keeps what it has).
    const plain = await parseImport(opts('id,first name,last name\nf,Finn,Berg\n'));
    expect(plain.records[0]).not.toHaveProperty('protected');
    expect(plain.records[0]).not.toHaveProperty('chosenName');
  });

  it('a cell that is neither yes nor no counts as yes, with one warning per value (hiding a name is the safe mistake)', async () => {
    const csv = 'id,first name,last name,protected\na,Ana,Ruiz,survivor\nb,Bo,Kim,survivor\nc,Cy,Lee,no\n';
    const { report, records } = await parseImport(opts(csv));
    expect(records.map((r) => r.protected)).toEqual([true, true, false]);
    const about = report.warnings.filter((w) => w.column === 'protected');
    expect(about).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/"survivor" \(2 rows\) is not yes or no: read as yes/) })]);
  });
});

const person = (o: Partial<AttendeeRecord> = {}): AttendeeRecord => ({
  ...{ id: 'p1', givenName: 'Amina', familyName: 'Haddad', organisation: 'Survivors Alliance', delegation: 'Moldova', country: 'MD', category: 'ngo' },
  ...{ validDays: null, status: 'active', badgeVersion: 1, notes: 'escorted', noteHlc: null, badgeCodes: ['C-1'], source: 'registry' },
  ...{ protected: true, chosenName: 'Sky', noPhoto: false, noPhotoHlc: null },
  ...o,
});
const HLC = '2026-05-19T08:30:00.000Z-0000-00000000000000aa';
const event = (kind: WireEvent['kind'], payload: Record<string, unknown>, attendeeId: string | null = 'p1'): WireEvent => ({
  ...{ id: '6c1a3f9e-0b7d-4c52-9a7e-2f4b8d1e5a10', stationId: 's1', seq: 1, hlc: HLC, wallTime: 1, kind, attendeeId },
  ...{ roomId: null, sessionId: null, verdict: null, reason: null, operator: 'Desk volunteer', payload, day: '2026-05-19' },
});

describe('who may see what', () => {
  it('a station gets the legal name only as a desk; any other role (door, a role this build does not know) gets the least', () => {
    expect(audienceOf({ role: 'desk' })).toBe('desk');
    expect(audienceOf({ role: 'door' })).toBe('door');
    expect(audienceOf({ role: 'hub-of-the-future' })).toBe('door');
  });

  it('a door gets a protected person by chosen name only; unprotected people and desks get everything', () => {
    expect(attendeeFor('door', person())).toMatchObject({ givenName: 'Sky', familyName: '', organisation: '', delegation: '', country: '', notes: '', protected: true });
    expect(attendeeFor('door', person({ chosenName: '' }))).toMatchObject({ givenName: '', familyName: '' });
    expect(attendeeFor('desk', person())).toEqual(person());
    expect(attendeeFor('door', person({ protected: false }))).toEqual(person({ protected: false }));
    // Badge codes, category, status stay: the door must still admit them.
    expect(attendeeFor('door', person())).toMatchObject({ badgeCodes: ['C-1'], category: 'ngo', status: 'active' });
  });

  it('a walk-in form and a desk note reach a door without the legal name; the event keeps its identity', () => {
    const form = { givenName: 'Amina', familyName: 'Haddad', organisation: 'X', delegation: '', country: 'MD', category: 'ngo', validDays: null, notes: 'n', badgeCodes: ['W-1'], noPhoto: true };
    const flagged = eventFor('door', event('walkin', { attendee: { ...form, protected: true, chosenName: 'Sky' } }), new Set());
    expect(flagged.payload.attendee).toMatchObject({ givenName: 'Sky', familyName: '', organisation: '', country: '', notes: '', protected: true, badgeCodes: ['W-1'], noPhoto: true });
    expect({ ...flagged, payload: null }).toEqual({ ...event('walkin', {}), payload: null });
    // Protected by the organiser after the walk-in: the registry knows, the form does not say.
    const later = eventFor('door', event('walkin', { attendee: form }), new Set(['p1']));
    expect(later.payload.attendee).toMatchObject({ givenName: '', familyName: '', protected: true });
    expect(eventFor('door', event('walkin', { attendee: form }), new Set()).payload.attendee).toMatchObject({ givenName: 'Amina' });
    expect(eventFor('door', event('note', { notes: 'Call Haddad by her chosen name' }), new Set(['p1'])).payload).toEqual({ notes: '' });
    expect(eventFor('door', event('note', { notes: 'wheelchair' }), new Set(['other'])).payload).toEqual({ notes: 'wheelchair' });
    expect(eventFor('desk', event('note', { notes: 'x' }), new Set(['p1'])).payload).toEqual({ notes: 'x' });
    // What to look up: the people of walk-ins and notes, once each.
    const changes = [event('walkin', { attendee: form }), event('note', {}), event('scan', {}, 'p2'), event('note', {}, 'p3')].map((data, i) => ({ type: 'log' as const, seq: i + 1, data }));
    expect(peopleToCheck(changes).sort()).toEqual(['p1', 'p3']);
    expect(changeFor('door', { type: 'attendee', seq: 9, data: person() }, new Set()).data).toMatchObject({ givenName: 'Sky', familyName: '' });
  });

  it('screens show the chosen name (or nothing, for a neutral label); the legal name is given, family', () => {
    expect(publicName(person())).toBe('Sky');
    expect(publicName(person({ chosenName: '  ' }))).toBe('');
    expect(publicName(person({ protected: false }))).toBe('Amina Haddad');
    expect(legalName(person())).toBe('Amina Haddad');
  });
});
