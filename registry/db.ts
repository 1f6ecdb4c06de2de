// Opens the registry database: embedded PGlite in the data folder by default, or a
// real PostgreSQL server when DATABASE_URL is set. Same schema, same SQL, same code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { makePrivateDir, tightenTree } from '../node-shared/private-files';
import * as schema from './schema';

export type RegistryOrm = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface RegistryDb {
  orm: RegistryOrm;
  kind: 'pglite' | 'postgres';
  /** Listens for cross-process notifications (real PostgreSQL only; PGlite is one process). */
  listen?: (channel: string, onMessage: (payload: string) => void) => Promise<void>;
  notify: (channel: string, payload: string) => Promise<void>;
  close: () => Promise<void>;
}

export function migrationsFolder(): string {
  return process.env.FOYER_REGISTRY_MIGRATIONS ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export async function openRegistryDb(opts: { dataDir: string; databaseUrl?: string }): Promise<RegistryDb> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'pgdata'));
}

async function openPglite(dir: string): Promise<RegistryDb> {
  makePrivateDir(dir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(dir);
  const orm = drizzle(client, { schema });
  await migrate(orm, { migrationsFolder: migrationsFolder() });
  // PGlite writes a few files (the relation cache) with a mode of its own: the folder is 0700,
  // so they are out of others' reach anyway, and they are made 0600 after opening and closing.
  tightenTree(dir);
  return {
    orm: orm as unknown as RegistryOrm,
    kind: 'pglite',
    notify: async () => {},
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
