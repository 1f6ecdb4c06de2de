// The bulk import path (COPY into a staging table, one INSERT … ON CONFLICT per batch:
// registry/import/copy.ts, registry/store.ts importAttendees) stores exactly what the per-row
// upsert (upsertAttendees) stores: new people, updates, and people reprinted at a desk since the
// last list (badge version and codes never go back). Text that CSV must quote (commas, quotes,
// line breaks, backslashes, "\N", empty strings) comes through as written, null stays null.
// On PGlite (its worker thread, '/dev/blob') and on PostgreSQL (COPY FROM STDIN).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendeeRecord } from '../../core/sync/protocol';
import { openRegistryDb, type RegistryDb } from '../../registry/db';
import { copyCsv } from '../../registry/import/copy';
import { importAttendees, upsertAttendees } from '../../registry/store';
import { startPgCluster, type PgCluster } from '../../testkit/pg-cluster';
import { pgliteTemplate } from '../../testkit/registry-proc';
import { tempDir } from '../../testkit/temp';

const NOW = 1_780_000_000_000;
const awkward = ['Zoë "Zo" Ñúñez', 'a,b', 'line\nbreak', 'cr\r\nlf', 'back\\slash', '\\N', '', ' lead', 'Иванов', '🙂', "O'Brien", '"'];

function person(i: number, o: Partial<AttendeeRecord> = {}): AttendeeRecord {
  return {
    id: `p-${i}`,
    givenName: awkward[i % awkward.length]! || 'G',
    familyName: `F${awkward[(i * 5) % awkward.length]}`,
    organisation: awkward[(i * 7) % awkward.length]!,
    delegation: i % 3 ? '' : 'Austria',
    country: i % 2 ? 'AT' : '',
    category: i % 4 ? 'participant' : 'ngo',
    validDays: i % 5 ? null : ['2026-04-18'],
    status: i % 6 ? 'active' : 'pending',
    badgeVersion: 1,
    notes: i % 4 === 1 ? awkward[i % awkward.length]! : '',
    noteHlc: null,
    badgeCodes: i % 7 ? [`C-${i}`] : [],
    source: 'registry',
    ...o,
  } as AttendeeRecord;
}

async function* batchesOf(records: AttendeeRecord[], size: number) {
  for (let i = 0; i < records.length; i += size) yield { csv: copyCsv(records.slice(i, i + size)) };
}

/** Every stored column but the change number, which only has to be new (checked apart). */
async function stored(db: RegistryDb) {
  const r = (await db.orm.execute(sql`select * from attendees order by id`)) as unknown as { rows?: Record<string, unknown>[] } | Record<string, unknown>[];
  const rows = Array.isArray(r) ? r : r.rows!;
  return rows.map(({ seq: _seq, ...rest }) => rest);
}

async function count(db: RegistryDb, where: ReturnType<typeof sql>): Promise<number> {
  const r = (await db.orm.execute(sql`select count(*)::int as n from attendees where ${where}`)) as unknown as { rows?: { n: number }[] } | { n: number }[];
  return Number((Array.isArray(r) ? r : r.rows!)[0]!.n);
}

/** The attendees table's indexes as PostgreSQL would recreate them, and updated_at's default. */
async function shape(db: RegistryDb) {
  const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
  const idx = rows<{ def: string }>(await db.orm.execute(sql`select indexdef as def from pg_indexes where tablename = 'attendees' order by indexname`));
  const dflt = rows<{ d: string | null }>(await db.orm.execute(sql`select column_default as d from information_schema.columns where table_name = 'attendees' and column_name = 'updated_at'`));
  return { indexes: idx.map((r) => r.def), updatedAtDefault: dflt[0]!.d };
}

/**
 * The same history applied two ways: a first list (into the empty registry: the bulk path's
 * one-transaction first import), a desk reprint, then a changed list (merged batch by batch).
 */
async function history(db: RegistryDb, bulk: boolean) {
  const first = Array.from({ length: 120 }, (_, i) => person(i));
  if (bulk) expect(await importAttendees(db, batchesOf(first, 17), NOW - 1000)).toBe(8);
  else await upsertAttendees(db.orm, first, NOW - 1000);
  // p-3 was reprinted at a desk (version 2, new code; the old one retired).
  await db.orm.execute(sql`update attendees set badge_version = 2, badge_codes = '["R-3"]'::jsonb,
    retired_badge_codes = '[{"code":"C-3","badgeVersion":1}]'::jsonb where id = 'p-3'`);
  const before = ((r) => (Array.isArray(r) ? r : r.rows))(
    (await db.orm.execute(sql`select max(seq)::bigint as m from attendees`)) as unknown as { rows: { m: string }[] },
  )[0]!.m as string;
  const second = [
    ...first.slice(0, 60).map((p, i) => (i % 2 ? { ...p, familyName: `${p.familyName} (changed)`, notes: `note ${i}` } : p)),
    person(3, { badgeCodes: ['C-3'] }), // the old list still names the retired code
    person(200, { badgeCodes: ['C-3', 'N-200'] }),
    ...Array.from({ length: 50 }, (_, i) => person(300 + i)),
  ].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  if (bulk) await importAttendees(db, batchesOf(second, 17), NOW);
  else await upsertAttendees(db.orm, second, NOW);
  return { rows: await stored(db), renumbered: await count(db, sql`seq > ${before}`), touched: second.length };
}

async function compare(open: (name: string) => Promise<RegistryDb>) {
  const a = await open('rows');
  const b = await open('copy');
  try {
    const before = await shape(b);
    expect(before.indexes.filter((d) => d.includes('USING gin')).length).toBeGreaterThanOrEqual(2);
    expect(before.updatedAtDefault).toBeNull();
    // A first import that stops half-way (the worker died after two batches) leaves nothing behind.
    async function* dying() {
      let n = 0;
      for await (const x of batchesOf([person(1), person(2), person(3), person(4)], 1)) {
        if (n++ === 2) throw new Error('worker gone');
        yield x;
      }
    }
    await expect(importAttendees(b, dying(), NOW)).rejects.toThrow('worker gone');
    expect(await count(b, sql`true`)).toBe(0);
    expect(await shape(b)).toEqual(before);

    const perRow = await history(a, false);
    const bulk = await history(b, true);
    // The first import dropped the badge-code indexes and built them again: the same ones, in use.
    expect(await shape(b)).toEqual(before);
    expect(await count(b, sql`badge_codes @> '["C-8"]'::jsonb`)).toBe(1);
    expect(bulk.rows.length).toBe(171);
    expect(bulk.rows).toEqual(perRow.rows);
    // Every stored row got a new change number, above the ones before (stations pull by them).
    expect(bulk.renumbered).toBe(bulk.touched);
    const p3 = bulk.rows.find((r) => r.id === 'p-3')!;
    expect([p3.badge_version, p3.badge_codes]).toEqual([2, ['R-3']]);
    const p0 = bulk.rows.find((r) => r.id === 'p-0')!;
    expect([p0.given_name, p0.valid_days, p0.note_hlc]).toEqual(['Zoë "Zo" Ñúñez', ['2026-04-18'], null]);
    expect(bulk.rows.find((r) => r.id === 'p-5')!.given_name).toBe('\\N');
    // Rows the database refuses end in an error, never in a wait (postgres.js leaves a refused
    // COPY's stream open: registry/db.ts copyCsv).
    const refused = b.orm.transaction(async (tx) => {
      await tx.execute(sql`create temp table refused_stage (n int)`);
      await b.copyCsv(tx as never, 'refused_stage', ['n'], new TextEncoder().encode('not a number\n'));
    });
    await expect(refused).rejects.toThrow(/integer/);
  } finally {
    await a.close();
    await b.close();
  }
}

describe('bulk import stores what the per-row upsert stores', () => {
  let pg: PgCluster | undefined;
  beforeAll(async () => {
    pg = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('on PGlite', async () => {
    const template = await pgliteTemplate();
    await compare(async (name) => {
      const dir = tempDir(`foyer-copy-${name}-`);
      fs.cpSync(template, path.join(dir, 'pgdata'), { recursive: true });
      return openRegistryDb({ dataDir: dir });
    });
  }, 60_000);

  it('on PostgreSQL', async () => {
    await compare(async (name) => openRegistryDb({ dataDir: tempDir('foyer-copy-pg-'), databaseUrl: await pg!.createDatabase(`copy_${name}`) }));
  }, 60_000);
});
