// Opens the registry database: embedded PGlite in the data folder by default, or a
// real PostgreSQL server when DATABASE_URL is set. Same schema, same SQL, same code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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
  fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(dir);
  const orm = drizzle(client, { schema });
  await migrate(orm, { migrationsFolder: migrationsFolder() });
  return {
    orm: orm as unknown as RegistryOrm,
    kind: 'pglite',
    notify: async () => {},
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<RegistryDb> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const orm = drizzle(client, { schema });
  await migrate(orm, { migrationsFolder: migrationsFolder() });
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

/** Rows of a raw `execute()` result, whatever the driver (PGlite: {rows}; postgres-js: an array). */
export async function query<T>(orm: RegistryOrm, q: SQL): Promise<T[]> {
  const r = (await orm.execute(q)) as unknown;
  if (Array.isArray(r)) return r as T[];
  return ((r as { rows?: T[] }).rows ?? []) as T[];
}
