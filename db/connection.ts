// The station's single writer connection (Node only; Electron main or the headless host).
// After Signal Desktop's ts/sql: one connection, WAL, synchronous=FULL, foreign keys on,
// numbered migrations applied before anything else touches the data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index';

export type Orm = BetterSQLite3Database<typeof schema>;
export interface StationDb {
  sqlite: Database.Database;
  orm: Orm;
  file: string;
}

/** An error whose message is meant for the person at the station (no stack traces). */
export class DbOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'missing' | 'corrupt' | 'locked' | 'readonly' | 'newer' | 'other',
  ) {
    super(message);
  }
}

export const DB_FILE = 'foyer.sqlite';

export function defaultMigrationsFolder(): string {
  // Packaged app: resources/migrations (electron-builder extraResources); dev: db/migrations.
  const packaged = process.env.FOYER_MIGRATIONS;
  if (packaged) return packaged;
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export interface OpenOptions {
  /** Create the file if absent. False when the caller knows a database should already exist. */
  create: boolean;
  migrationsFolder?: string;
  readonly?: boolean;
}

export function openStationDb(file: string, opts: OpenOptions): StationDb {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) {
    throw new DbOpenError(
      `The station database is missing (${file}). This station was set up before, so its data ` +
        `should be there: restore it from backup, or start over with "Forget this event".`,
      'missing',
    );
  }
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: exists });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
  } catch (err) {
    throw translateOpenError(err, file);
  }
  // Drizzle's generated table rebuilds toggle foreign_keys inside a transaction,
  // where SQLite ignores it: switch it off on the connection while migrating.
  sqlite.pragma('foreign_keys = OFF');
  const orm = drizzle(sqlite, { schema });
  try {
    if (!opts.readonly) migrate(orm, { migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder() });
  } catch (err) {
    sqlite.close();
    throw translateOpenError(err, file);
  }
  const fkProblems = sqlite.pragma('foreign_key_check') as unknown[];
  if (fkProblems.length > 0) {
    sqlite.close();
    throw new DbOpenError(`The station database has ${fkProblems.length} broken references (${file}).`, 'corrupt');
  }
  sqlite.pragma('foreign_keys = ON');
  return { sqlite, orm, file };
}

export function closeStationDb(db: StationDb): void {
  if (!db.sqlite.open) return;
  try {
    db.sqlite.pragma('optimize');
  } catch {
    // Best effort (fails on a full disk); closing matters more.
  } finally {
    db.sqlite.close();
  }
}

function translateOpenError(err: unknown, file: string): DbOpenError {
  if (err instanceof DbOpenError) return err;
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(msg)) {
    return new DbOpenError(
      `The station database is damaged and was not opened (${file}). Nothing was overwritten. ` +
        `Restore it from backup, or move it aside and start over.`,
      'corrupt',
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DbOpenError(`Another Foyer window is using this station's data (${file}). Close it first.`, 'locked');
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES') {
    return new DbOpenError(`Foyer cannot write to its data folder (${path.dirname(file)}). Check permissions and free space.`, 'readonly');
  }
  if (/no such table: __drizzle_migrations|migration/i.test(msg)) {
    return new DbOpenError(`The station database could not be upgraded (${msg}).`, 'newer');
  }
  return new DbOpenError(`The station database could not be opened: ${msg}`, 'other');
}
