// Derived state (admissions, undone, every occupancy_* table) as one comparable text, and
// the same text after rebuilding it from the log — inside a transaction that is rolled
// back, so the database is left as it was. Equal texts mean the derived tables depend
// only on the events, whatever crashed or arrived in which order.
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { rebuildAdmissions } from '../db/events';
import { rebuildOccupancy } from '../db/occupancy/derive';
import * as schema from '../db/schema/index';

export function snapshotDerived(sqlite: Database.Database): string {
  const tables = (
    sqlite.prepare("select name from sqlite_master where type = 'table' and (name in ('admissions','undone') or name like 'occupancy%')").all() as { name: string }[]
  )
    .map((t) => t.name)
    .sort();
  return tables
    .map((t) => {
      const rows = (sqlite.prepare(`select * from "${t}"`).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
      return `${t}:${rows.join('\n')}`;
    })
    .join('\n\n');
}

class RollBack extends Error {}

/** Rebuilds admissions and occupancy from the log, snapshots, and rolls back. */
export function rebuiltSnapshot(sqlite: Database.Database): string {
  let out = '';
  const orm = drizzle(sqlite, { schema });
  try {
    sqlite.transaction(() => {
      rebuildAdmissions(orm as never);
      rebuildOccupancy(orm as never);
      out = snapshotDerived(sqlite);
      throw new RollBack();
    })();
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return out;
}
