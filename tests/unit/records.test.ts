// The records that travel between stations and the registry (core/records/): one
// definition each, from which both databases' tables and the wire form are derived.
// These tests hold the promises that make that safe: both sides store a record the
// same way, nothing private leaves in a wire record, and the rules a walk-in and a
// desk note follow are the same wherever they run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getTableColumns, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admittedTwice } from '../../core/checkin/admission';
import { AttendeeFields, foldNoPhoto, foldNote, walkinAttendee, type NoteEvent } from '../../core/records/attendee';
import { EventInfoFields } from '../../core/records/event-info';
import { columnName, toColumns, toWire, type Fields } from '../../core/records/fields';
import { LogEventFields } from '../../core/records/log-event';
import { RevocationFields } from '../../core/records/revocation';
import { RoomFields } from '../../core/records/room';
import { SessionFields } from '../../core/records/session';
import { KeyFields } from '../../core/records/signing-key';
import { StationFields } from '../../core/records/station';
import { addDays } from '../../core/time';
import * as station from '../../db/schema/index';
import { toLogEvent, toLogRow } from '../../registry/ingest';
import * as registry from '../../registry/schema';
import { toStationRecord } from '../../registry/stations';
import { tempDir } from '../../testkit/temp';

const root = path.resolve(__dirname, '../..');

const RECORDS: [string, Fields, Table, Table][] = [
  ['event', EventInfoFields, station.event, registry.event],
  ['attendee', AttendeeFields, station.attendees, registry.attendees],
  ['room', RoomFields, station.rooms, registry.rooms],
  ['session', SessionFields, station.sessions, registry.sessions],
  ['station', StationFields, station.stations, registry.stations],
  ['key', KeyFields, station.signingKeys, registry.signingKeys],
  ['revocation', RevocationFields, station.revocations, registry.revocations],
  ['log event', LogEventFields, station.events, registry.events],
];

/** What decides how a value is kept: the column's name, whether it may be null, its default. */
function shape(table: Table, key: string) {
  const c = getTableColumns(table)[key];
  return c && { name: c.name, notNull: c.notNull, default: c.default, primary: c.primary };
}

describe('one definition per travelling record', () => {
  for (const [name, fields, stationTable, registryTable] of RECORDS) {
    it(`a ${name} is stored alike on a station and on the registry`, () => {
      for (const [key, f] of Object.entries(fields)) {
        if (f.store === null) continue;
        // The registry calls a log event's station sequence number station_seq: its own `seq` is the change number.
        const registryKey = name === 'log event' && key === 'seq' ? 'stationSeq' : key;
        const s = shape(stationTable, key);
        expect(s, `${name}.${key} on a station`).toBeDefined();
        expect(s!.name).toBe(columnName(key));
        expect({ ...shape(registryTable, registryKey), name: columnName(key) }, `${name}.${key}`).toEqual(s);
      }
    });
  }

  it('a row goes on the wire without the columns a side keeps to itself', () => {
    const keyRow = { keyId: 3, publicKey: 'pub', privateKey: 'SECRET', stationId: 'st-1', createdAt: 1, active: true, seq: 99 };
    // Which station a key belongs to travels (stations check author signatures with it); its private half never does.
    expect(toWire(KeyFields, keyRow)).toEqual({ keyId: 3, publicKey: 'pub', createdAt: 1, active: true, stationId: 'st-1' });

    const stationRow = {
      ...{ id: 'st-1', name: 'North', role: 'door' as const, roomId: 'r1', doorMode: 'entry' as const, allowedCategories: null },
      ...{ tokenHash: 'HASH', pairedAt: 1, revokedAt: 5, lastSeenAt: 6, ackedStationSeq: 7, changeNo: 8, rules: null, outbox: 3, clockAheadMs: 1200, reportedAt: 9 },
    };
    expect(toStationRecord(stationRow)).toEqual({ id: 'st-1', name: 'North', role: 'door', roomId: 'r1', doorMode: 'entry', allowedCategories: null, revoked: true, rules: null });
  });

  it('a log event keeps every field through the registry and back', () => {
    const e = {
      ...{ id: '6c1a3f9e-0b7d-4c52-9a7e-2f4b8d1e5a10', stationId: 'st-1', seq: 17, hlc: `${'2026-05-19T08:30:00.000Z'}-0003-00000000000000aa` },
      ...{ wallTime: 1_779_179_400_000, kind: 'scan' as const, attendeeId: 'a1', roomId: null, sessionId: null },
      ...{ verdict: 'admitted' as const, reason: 'ok', operator: 'Ana', payload: { code: 'X1' }, day: '2026-05-19' },
      sig: `12:${'A'.repeat(86)}`,
    };
    const row = toLogRow(e, 123);
    expect(row).toMatchObject({ stationSeq: 17, receivedAt: 123 });
    expect(toLogEvent({ ...row, seq: 5000 } as typeof registry.events.$inferSelect)).toEqual(e);
  });

  it('an absent optional field is stored as null', () => {
    const a = walkinAttendee({ kind: 'walkin', attendeeId: 'w1', payload: { attendee: walkin } })!;
    const { noteHlc: _n, ...older } = a; // registries before noteHlc did not send it
    expect(toColumns(AttendeeFields, older).noteHlc).toBeNull();
  });
});

const walkin = {
  givenName: 'Zdeněk',
  familyName: 'Hořejší',
  organisation: 'La Strada',
  delegation: '',
  country: 'CZ',
  category: 'ngo',
  validDays: null,
  notes: 'Interpreter booked',
  badgeCodes: ['W-1'],
};

describe('what log events do to an attendee, on both sides', () => {
  it('a walk-in registers a new active person from its payload; anything else registers nobody', () => {
    expect(walkinAttendee({ kind: 'walkin', attendeeId: 'w1', payload: { attendee: walkin } })).toEqual({
      id: 'w1',
      ...walkin,
      status: 'active',
      badgeVersion: 1,
      noteHlc: null,
      // A walk-in from before safeguarding existed: not protected, photos allowed.
      protected: false,
      chosenName: '',
      noPhoto: false,
      noPhotoHlc: null,
      source: 'walkin',
    });
    const safe = walkinAttendee({ kind: 'walkin', attendeeId: 'w2', payload: { attendee: { ...walkin, protected: true, chosenName: 'Wren', noPhoto: true } } });
    expect(safe).toMatchObject({ protected: true, chosenName: 'Wren', noPhoto: true, givenName: walkin.givenName });
    expect(walkinAttendee({ kind: 'walkin', attendeeId: 'w1', payload: { attendee: { ...walkin, category: 'royalty' } } })).toBeNull();
    // Valid days every station would refuse on download: no day of the calendar, none at all, too many.
    for (const validDays of [['2026-02-30'], ['2026-13-01'], ['tomorrow'], [], Array.from({ length: 61 }, (_, i) => addDays('2026-05-01', i))]) {
      expect(walkinAttendee({ kind: 'walkin', attendeeId: 'w1', payload: { attendee: { ...walkin, validDays } } }), JSON.stringify(validDays).slice(0, 40)).toBeNull();
    }
    expect(walkinAttendee({ kind: 'walkin', attendeeId: 'w1', payload: { attendee: { ...walkin, validDays: ['2028-02-29'] } } })?.validDays).toEqual(['2028-02-29']);
    expect(walkinAttendee({ kind: 'walkin', attendeeId: null, payload: { attendee: walkin } })).toBeNull();
    expect(walkinAttendee({ kind: 'note', attendeeId: 'w1', payload: { attendee: walkin } })).toBeNull();
  });

  const note = (hlc: string, stationId: string, id: string, notes: unknown): NoteEvent => ({ hlc, stationId, id, payload: { notes } });
  const T1 = '2026-05-19T08:30:00.000Z-0000-00000000000000aa';
  const T2 = '2026-05-19T08:31:00.000Z-0000-00000000000000aa';

  it('"no photography" asked and withdrawn at desks: the newest request wins, as notes do', () => {
    const ask = (hlc: string, id: string, noPhoto: unknown): NoteEvent => ({ hlc, stationId: 'st-a', id, payload: { noPhoto } });
    expect(foldNoPhoto(null, [ask(T2, 'e2', false), ask(T1, 'e1', true)])).toEqual({ noPhoto: false, noPhotoHlc: T2 });
    expect(foldNoPhoto(null, [ask(T1, 'e1', true)])).toEqual({ noPhoto: true, noPhotoHlc: T1 });
    // An organiser's later edit (its HLC) outranks an older desk request; an unreadable one changes nothing.
    expect(foldNoPhoto(T2, [ask(T1, 'e1', true)])).toBeNull();
    expect(foldNoPhoto(null, [ask(T1, 'e1', 'yes')])).toBeNull();
  });

  it('the newest note wins by HLC, then station, then id, whatever order the events came in', () => {
    const older = note(T1, 'st-b', 'e1', 'wheelchair');
    const newer = note(T2, 'st-a', 'e2', 'wheelchair, step-free route');
    expect(foldNote(null, [newer, older])).toEqual({ notes: 'wheelchair, step-free route', noteHlc: T2 });
    expect(foldNote(null, [older, newer])).toEqual({ notes: 'wheelchair, step-free route', noteHlc: T2 });
    // Same moment at two desks: the later station id, then the later event id, decides, everywhere alike.
    expect(foldNote(null, [note(T1, 'st-b', 'e1', 'from b'), note(T1, 'st-a', 'e9', 'from a')])?.notes).toBe('from b');
    expect(foldNote(null, [note(T1, 'st-a', 'e1', 'first'), note(T1, 'st-a', 'e2', 'second')])?.notes).toBe('second');
  });

  it('a note as new as the row’s own (an organiser edit, an earlier fold) is kept; an imported note is not', () => {
    const n = note(T1, 'st-a', 'e1', 'desk note');
    expect(foldNote(T2, [n])).toBeNull();
    expect(foldNote(T1, [n])).toBeNull();
    expect(foldNote(null, [n])).toEqual({ notes: 'desk note', noteHlc: T1 });
    expect(foldNote(null, [note(T1, 'st-a', 'e1', '')])).toEqual({ notes: '', noteHlc: T1 }); // cleared
    expect(foldNote(null, [note(T1, 'st-a', 'e1', 42)])).toBeNull();
    expect(foldNote(null, [])).toBeNull();
    expect(foldNote(null, [note(T1, 'st-a', 'e1', 'x'.repeat(5000))])?.notes).toHaveLength(2000);
  });

  it('two first admissions of one person and day make "admitted twice"; a re-entry does not', () => {
    expect(admittedTwice(['ok', 'ok_returning'])).toBe(true);
    expect(admittedTwice(['ok', 'already_checked_in', null])).toBe(false);
    expect(admittedTwice(['notes', 'ok_unsynced'])).toBe(true);
  });
});

describe('every schema change has its migration', () => {
  // drizzle-kit compares the schema with the last snapshot of each migrations folder: a
  // change to a record (core/records/) changes both databases and needs a migration on
  // each side (`npm run db:generate`, `npm run registry:generate`).
  for (const [side, dialect, schema, migrations] of [
    ['station', 'sqlite', 'db/schema/index.ts', 'db/migrations'],
    ['registry', 'postgresql', 'registry/schema.ts', 'registry/migrations'],
  ] as const) {
    it(`the ${side} schema matches its numbered migrations`, () => {
      const dir = tempDir('foyer-migrations-');
      fs.cpSync(path.join(root, migrations), path.join(dir, 'migrations'), { recursive: true });
      // drizzle-kit reads `out` relative to where it runs (and exits 0 even when it fails): say what it printed.
      fs.writeFileSync(path.join(dir, 'drizzle.config.mjs'), `export default ${JSON.stringify({ dialect, schema: path.join(root, schema), out: 'migrations' })};\n`);
      const r = spawnSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', 'drizzle.config.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const said = `${r.stdout}${r.stderr}`;
      const added = fs.readdirSync(path.join(dir, 'migrations')).filter((f) => !fs.existsSync(path.join(root, migrations, f)));
      fs.rmSync(dir, { recursive: true, force: true });
      expect(added, said).toEqual([]);
      expect(said).toContain('No schema changes');
    }, 60_000);
  }
});
