// The database columns of a travelling record's shared fields (core/records/fields.ts), for
// both databases: the station's SQLite tables (db/schema/station.ts) and the registry's
// PostgreSQL tables (registry/schema.ts) spread these and add only what is their own.
import { getTableColumns, sql, type $Type, type ColumnBuilderBase, type HasDefault, type NotNull, type SQL, type Table } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import * as sqlite from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { columnName, nullable, type Field, type Fields, type StoredKey } from '../core/records/fields';

type Kind = Exclude<Field['store'], null>;

/** One column builder per kind of field, in each dialect (times are epoch milliseconds). */
const dialects = {
  sqlite: {
    text: (n: string) => sqlite.text(n),
    int: (n: string) => sqlite.integer(n),
    time: (n: string) => sqlite.integer(n),
    bool: (n: string) => sqlite.integer(n, { mode: 'boolean' }),
    json: (n: string) => sqlite.text(n, { mode: 'json' }),
  },
  pg: {
    text: (n: string) => pg.text(n),
    int: (n: string) => pg.integer(n),
    time: (n: string) => pg.bigint(n, { mode: 'number' }),
    bool: (n: string) => pg.boolean(n),
    json: (n: string) => pg.jsonb(n),
  },
} satisfies Record<string, Record<Kind, (name: string) => unknown>>;
type Dialect = keyof typeof dialects;

/** The column type drizzle would infer had the column been written out by hand. */
type Column<D extends Dialect, F> =
  F extends Field<infer Z, infer S extends Kind, infer Def>
    ? WithDefault<NotNullUnless<Typed<ReturnType<(typeof dialects)[D][S]>, NonNullable<z.output<Z>>>, z.output<Z>>, Def>
    : never;
type Typed<B, T> = B extends ColumnBuilderBase ? $Type<B, T> : never;
type NotNullUnless<B, T> = B extends ColumnBuilderBase ? (null extends T ? B : NotNull<B>) : never;
type WithDefault<B, Def> = B extends ColumnBuilderBase ? (Def extends true ? HasDefault<B> : B) : never;

/** The builder calls used here, whatever the column type. */
interface Chain {
  primaryKey(): Chain;
  notNull(): Chain;
  default(v: unknown): Chain;
}

function columns<D extends Dialect, F extends Fields>(dialect: D, fields: F): { [K in StoredKey<F>]: Column<D, F[K]> } {
  const out: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(fields)) {
    if (f.store === null) continue;
    let c = dialects[dialect][f.store](columnName(key)) as Chain;
    if (f.key) c = c.primaryKey();
    else if (!nullable(f)) c = c.notNull();
    if (f.default !== undefined) c = c.default(f.default);
    out[key] = c;
  }
  return out as never;
}

export const sqliteColumns = <F extends Fields>(fields: F) => columns('sqlite', fields);
export const pgColumns = <F extends Fields>(fields: F) => columns('pg', fields);

/**
 * An upsert's `set`: every column of the table takes the proposed row's value
 * (`excluded.column`), except the conflict target and what the caller sets otherwise.
 */
export function fromExcluded<T extends Table>(table: T, except: (keyof T['_']['columns'])[]): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key]) => !except.includes(key))
      .map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]),
  );
}
