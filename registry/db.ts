// Opens the registry database: embedded PGlite in the data folder by default, or a
// real PostgreSQL server when DATABASE_URL is set. Same schema, same SQL, same code.
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { makePrivateDir, tightenTree } from '../node-shared/private-files';
import { PgliteThread, type PgliteTx } from './pglite-thread';
import { seedFromTemplate } from './pglite-template';
import * as schema from './schema';

export type RegistryOrm = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface RegistryDb {
  orm: RegistryOrm;
  kind: 'pglite' | 'postgres';
  /** Listens for cross-process notifications (real PostgreSQL only; PGlite is one process). */
  listen?: (channel: string, onMessage: (payload: string) => void) => Promise<void>;
  notify: (channel: string, payload: string) => Promise<void>;
  /**
   * Streams CSV bytes into `table (columns)` with COPY, inside the transaction `tx` (imports:
   * registry/import/copy.ts). PostgreSQL reads them FROM STDIN, PGlite from its '/dev/blob'.
   */
  copyCsv: (tx: RegistryOrm, table: string, columns: string[], csv: Uint8Array) => Promise<void>;
  close: () => Promise<void>;
}

/** The driver's own client under a drizzle database or transaction (COPY is not drizzle's). */
const clientOf = <T>(orm: RegistryOrm): T => (orm as unknown as { session: { client: T } }).session.client;
const copyFrom = (table: string, columns: string[], source: string) =>
  `copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from ${source} with (format csv)`;

export function migrationsFolder(): string {
  return process.env.FOYER_REGISTRY_MIGRATIONS ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export async function openRegistryDb(opts: { dataDir: string; databaseUrl?: string }): Promise<RegistryDb> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'pgdata'));
}

/**
 * PGlite's settings for what it is here: a small server in one process, beside the HTTP server.
 * PostgreSQL's defaults assume a machine of its own: 128 MB of shared buffers, which PGlite
 * allocates (and touches) inside its WebAssembly memory, so they are resident from the start,
 * and up to 1 GB of WAL between checkpoints. The registry's working set is small (100,000
 * attendees are ~40 MB on disk) and the operating system caches the files PGlite reads, so
 * 16 MB of buffers cost little speed (bench/README.md, "Registry footprint"). WebAssembly
 * memory never shrinks: what a sort or an index build takes stays resident, hence the small
 * working memories. Durability settings are PGlite's own and stay as they are.
 */
export const PGLITE_SETTINGS: Record<string, string> = {
  shared_buffers: '16MB',
  temp_buffers: '4MB',
  work_mem: '4MB',
  maintenance_work_mem: '16MB',
  max_wal_size: '96MB',
  min_wal_size: '32MB',
  // A retired WAL segment is deleted, not renamed and reused with old rows still in it (data retention).
  wal_recycle: 'off',
};
export const pgliteStartParams = () => Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]);

/** Creates and migrates a cluster in an empty folder, and closes it (the template's recipe). */
export async function makeEmptyCluster(dir: string): Promise<void> {
  const made = await openPgliteThread(dir);
  await made.close();
}

async function openPglite(dir: string): Promise<RegistryDb> {
  // A new folder starts from a copy of the installation's empty, migrated cluster (no initdb).
  await seedFromTemplate(dir, makeEmptyCluster);
  return openPgliteThread(dir);
}

async function openPgliteThread(dir: string): Promise<RegistryDb> {
  makePrivateDir(dir);
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PgliteThread.open(dir, pgliteStartParams());
  const orm = drizzle(client as never, { schema });
  try {
    await migrate(orm, { migrationsFolder: migrationsFolder() });
  } catch (err) {
    await client.close();
    throw err;
  }
  // PGlite writes a few files (the relation cache) with a mode of its own: the folder is 0700,
  // so they are out of others' reach anyway, and they are made 0600 after opening and closing.
  tightenTree(dir);
  return {
    orm: orm as unknown as RegistryOrm,
    kind: 'pglite',
    notify: async () => {},
    copyCsv: async (tx, table, columns, csv) => {
      await clientOf<PgliteTx>(tx).query(copyFrom(table, columns, "'/dev/blob'"), [], { blob: csv });
    },
    close: async () => {
      await client.close();
      tightenTree(dir);
    },
  };
}

/** Several registry processes may start at once on one database: one migrates, the others wait. */
const MIGRATION_LOCK = 74110001;

async function openPostgres(url: string): Promise<RegistryDb> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  try {
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
      const orm = drizzle(client, { schema });
      await migrate(orm, { migrationsFolder: migrationsFolder() });
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
      lock.release();
    }
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseOpenError(postgresProblem(err, url));
  }
  const orm = drizzle(client, { schema });
  return {
    orm: orm as unknown as RegistryOrm,
    kind: 'postgres',
    listen: async (channel, onMessage) => {
      await client.listen(channel, onMessage);
    },
    notify: async (channel, payload) => {
      await client.notify(channel, payload);
    },
    copyCsv: async (tx, table, columns, csv) => {
      // postgres.js settles a COPY's promise with the stream it writes to; when PostgreSQL then
      // refuses the rows (or the connection drops), the stream never finishes and the error only
      // reaches the query's reject(), which is therefore listened to as well (postgres 3.4).
      const statement = clientOf<postgres.TransactionSql>(tx).unsafe(copyFrom(table, columns, 'stdin'));
      const q = statement as unknown as { reject: (e: unknown) => void };
      const refused = new Promise<never>((_, fail) => {
        const reject = q.reject;
        q.reject = (e) => (fail(e), reject(e));
      });
      refused.catch(() => {});
      const sink = await statement.writable();
      sink.on('error', () => {}); // refused says why
      sink.end(csv);
      await Promise.race([finished(sink), refused]);
    },
    close: async () => {
      await client.end({ timeout: 2 });
    },
  };
}

/** The database could not be opened; the message is one sentence for the operator. */
export class DatabaseOpenError extends Error {}

/** Checks DATABASE_URL's form before anything is connected or created. Null: fine. */
export function databaseUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'DATABASE_URL is not an address. It looks like postgres://user:password@host:5432/foyer';
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    return `DATABASE_URL must start with postgres:// (it starts with ${u.protocol}//). It looks like postgres://user:password@host:5432/foyer`;
  }
  if (!u.hostname && !u.searchParams.get('host')) return 'DATABASE_URL names no server. It looks like postgres://user:password@host:5432/foyer';
  return null;
}

function postgresProblem(err: unknown, url: string): string {
  const e = err as { code?: string; message?: string };
  let where = 'the PostgreSQL server';
  try {
    const u = new URL(url);
    where = `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname && u.pathname !== '/' ? ` (database ${decodeURIComponent(u.pathname.slice(1))})` : ''}`;
  } catch {
    // the address was checked before; keep the generic name
  }
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Cannot connect to ${where}: nothing is listening there. Is the server running, and is DATABASE_URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect to ${where}: that host name is unknown. Check DATABASE_URL.`;
    case 'CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `Cannot connect to ${where}: no answer within 10 s. Check DATABASE_URL and the network.`;
    case '28P01':
    case '28000':
      return `${where} refused the user name or password in DATABASE_URL.`;
    case '3D000':
      return `${where}: the database does not exist. Create it first (createdb), then start the registry again.`;
    case '42501':
      return `${where}: the user in DATABASE_URL may not create the registry's tables.`;
    default:
      return `Cannot use ${where}: ${(e.message ?? String(err)).split('\n')[0]}`;
  }
}

/** Rows of a raw `execute()` result, whatever the driver (PGlite: {rows}; postgres-js: an array). */
export async function query<T>(orm: RegistryOrm, q: SQL): Promise<T[]> {
  const r = (await orm.execute(q)) as unknown;
  if (Array.isArray(r)) return r as T[];
  return ((r as { rows?: T[] }).rows ?? []) as T[];
}
