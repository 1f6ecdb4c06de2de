// Key/value settings of this station (identity, counters, clock, sync cursor).
import { eq, sql } from 'drizzle-orm';
import type { Orm } from './connection';
import { prepared } from './prepared';
import { settings } from './schema/index';

export function getSetting<T>(orm: Orm, key: string): T | undefined {
  const row = orm.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as T) : undefined;
}

export function setSetting(orm: Orm, key: string, value: unknown): void {
  prepared(orm, 'settings.set', () =>
    orm
      .insert(settings)
      .values({ key: sql.placeholder('key'), value: sql.placeholder('value') })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
      .prepare(),
  ).run({ key, value });
}
