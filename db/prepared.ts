// Statements on the scan path are built and prepared once per connection: drizzle's
// query building and SQLite's prepare cost more than the query itself (measured:
// ~0.9 ms of CPU per check-in before, most of it here).
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
