// The vocabulary of a travelling record (core/records/*): each field names its zod type —
// what the wire accepts — and how both databases store it. The station's SQLite tables
// (db/schema/columns.ts) and the registry's PostgreSQL tables (registry/columns.ts) are
// built from these fields, and rows become wire records (and back) by the two functions
// below, so a field is described once and both sides follow.
import { z } from 'zod';

/**
 * How a field is stored: `time` is epoch milliseconds (bigint in PostgreSQL, integer in
 * SQLite), `json` a JSON column; null means the field travels but is no shared column
 * (each side keeps it its own way, e.g. badge codes: a table on stations, a column on the registry).
 */
export type Store = 'text' | 'int' | 'time' | 'bool' | 'json' | null;

export interface Field<Z extends z.ZodType = z.ZodType, S extends Store = Store, D extends boolean = boolean> {
  readonly zod: Z;
  readonly store: S;
  /** The column's SQL default (an insert may leave it out). */
  readonly default: D extends true ? z.output<Z> : undefined;
  /** The column is the table's primary key. */
  readonly key: boolean;
}

export type Fields = Record<string, Field>;

interface FieldOptions<T> {
  default?: T;
  key?: true;
}

const field =
  <S extends Store>(store: S) =>
  <Z extends z.ZodType, const O extends FieldOptions<z.output<Z>> = object>(zod: Z, o?: O) =>
    ({ zod, store, default: o?.default, key: o?.key === true }) as Field<Z, S, O extends { default: unknown } ? true : false>;

export const text = field('text');
export const int = field('int');
export const time = field('time');
export const bool = field('bool');
export const json = field('json');
/** Travels in the record but is stored differently on each side. */
export const travels = field(null);

/** An id as records carry it (attendees, rooms, sessions, stations, events). */
export const Id = z.string().min(1).max(64);
/** Categories a room, session or station admits; null = everyone. */
export const CategoryList = z.array(z.string().max(40)).max(20).nullable();

/** The record as it travels: what the registry validates on push and the station on pull. */
export function recordSchema<F extends Fields>(fields: F) {
  return z.object(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.zod])) as { [K in keyof F]: F[K]['zod'] });
}

/**
 * An edit of some fields of a record (an organiser's PATCH): each field optional, and a field
 * left out stays out — never its default (a note edit must not lift someone's protection).
 */
export function patchSchema<F extends Fields, K extends keyof F & string>(fields: F, except: readonly K[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) {
    if ((except as readonly string[]).includes(k)) continue;
    shape[k] = (f.zod instanceof z.ZodDefault ? (f.zod.unwrap() as z.ZodType) : f.zod).optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<Partial<Omit<Wire<F>, K>>>;
}

export type Wire<F extends Fields> = z.output<ReturnType<typeof recordSchema<F>>>;
export type StoredKey<F extends Fields> = { [K in keyof F]: F[K]['store'] extends null ? never : K }[keyof F] & string;
/** The columns both databases hold for a record (absent optional fields become null). */
export type Stored<F extends Fields> = { [K in StoredKey<F>]-?: Exclude<z.output<F[K]['zod']>, undefined> };

/** The shared columns of a record, from its wire form (fields that travel only are left out). */
export function toColumns<F extends Fields>(fields: F, record: Wire<F>): Stored<F> {
  const out: Record<string, unknown> = {};
  for (const k in fields) if (fields[k]!.store !== null) out[k] = (record as Record<string, unknown>)[k] ?? null;
  return out as Stored<F>;
}

/** The wire form of a record, picked from a row (a side's own extra columns stay behind). */
export function toWire<F extends Fields>(fields: F, row: { [K in keyof Wire<F>]: Wire<F>[K] }): Wire<F> {
  const out: Record<string, unknown> = {};
  for (const k in fields) out[k] = (row as Record<string, unknown>)[k];
  return out as Wire<F>;
}

/** A field's column name in both databases: givenName → given_name. */
export const columnName = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** True when the record may hold null in this field (then so may its column). */
export const nullable = (f: Field): boolean => f.zod.safeParse(null).success;
