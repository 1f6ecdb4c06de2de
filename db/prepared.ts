// Statements on the scan path are built and prepared once per connection: drizzle's
// query building and SQLite's prepare cost more than the query itself (measured:
// ~0.9 ms of CPU per check-in before, most of it here).
import type Database from 'better-sqlite3';
import type { Orm } from './connection';

const caches = new WeakMap<Orm, Map<string, unknown>>();

export function prepared<T>(orm: Orm, key: string, build: () => T): T {
  let cache = caches.get(orm);
  if (!cache) {
    cache = new Map();
    caches.set(orm, cache);
  }
  let stmt = cache.get(key) as T | undefined;
  if (stmt === undefined) {
    stmt = build();
    cache.set(key, stmt);
  }
  return stmt;
}

const bySql = new WeakMap<Orm, Map<string, Database.Statement>>();

/**
 * A raw better-sqlite3 statement for `sql`, prepared once per connection. Keyed by the SQL text
 * itself: pass a constant (a literal or a module-level const), so the key's hash is computed once
 * (a string built per call is re-hashed on every lookup).
 */
export function preparedSql(orm: Orm, sql: string): Database.Statement {
  let cache = bySql.get(orm);
  if (!cache) bySql.set(orm, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = (orm as unknown as { $client: Database.Database }).$client.prepare(sql)));
  return stmt;
}
