// A front desk's admission rules (#13.5): the repeat-scan policy and the categories it admits,
// set in Settings or by the organiser at the registry, and what the check-in engine then does.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Category } from '../../core/model';
import { attendees, badgeCodes } from '../../db/schema/index';
import { applyRegistryRules } from '../../station/desk-rules';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { freshStation } from '../helpers/station';

let station: Station;
let dir: string;
let now: number;
const call = async <T = any>(method: string, args: unknown = {}): Promise<T> => {
  const r = await dispatch(createHandlers({ now: () => now }), station, method, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

/** An active person of a category, valid every day, with no desk note, and their code. */
function someone(category: Category, skip = 0): string {
  return station.db.orm
    .select({ code: badgeCodes.code })
    .from(badgeCodes)
    .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
    .where(and(eq(attendees.category, category), eq(attendees.status, 'active'), eq(attendees.notes, '')))
    .all()
    .filter((_, i) => i >= skip)
    .find(() => true)!.code;
}

beforeEach(() => {
  ({ station, dir } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T09:00:00Z`);
});
afterEach(() => station.close());

describe('desk rules set in Settings', () => {
  it('start as "warn on a repeat scan, admit every category", from nowhere', async () => {
    expect(await call('desk.rules')).toEqual({ repeatPolicy: 'warn', allowedCategories: null, source: 'default', setAt: null });
  });

  it('"refuse repeat scans" makes the second scan of the day a refusal', async () => {
    const code = someone('ngo');
    await call('desk.setRules', { repeatPolicy: 'refuse', allowedCategories: null });
    expect((await call('checkin.scan', { text: code })).verdict).toBe('admitted');
    expect(await call('checkin.scan', { text: code })).toMatchObject({ verdict: 'refused', reason: 'already_checked_in_refused' });
    expect(await call('desk.rules')).toMatchObject({ repeatPolicy: 'refuse', source: 'station', setAt: now });
  });

  it('a desk for some categories only refuses the others, by name, and keeps it across a restart', async () => {
    await call('desk.setRules', { repeatPolicy: 'warn', allowedCategories: ['media', 'staff'] });
    expect(await call('checkin.scan', { text: someone('ngo') })).toMatchObject({ verdict: 'refused', reason: 'category_not_allowed' });
    expect((await call('checkin.scan', { text: someone('media') })).verdict).toBe('admitted');
    station.close();
    station = openStation(dir);
    expect(await call('desk.rules')).toMatchObject({ allowedCategories: ['media', 'staff'] });
    expect((await call('checkin.scan', { text: someone('ngo', 1) })).reason).toBe('category_not_allowed');
    await call('desk.setRules', { repeatPolicy: 'warn', allowedCategories: null });
    expect((await call('checkin.scan', { text: someone('ngo', 1) })).verdict).toBe('admitted');
  });

  it('refuses rules nobody could mean: no category at all, an unknown category or policy', async () => {
    for (const bad of [
      { repeatPolicy: 'warn', allowedCategories: [] },
      { repeatPolicy: 'warn', allowedCategories: ['vip'] },
      { repeatPolicy: 'sometimes', allowedCategories: null },
    ]) {
      const r = await dispatch(createHandlers(), station, 'desk.setRules', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    }
  });
});

describe('desk rules from the registry', () => {
  it('apply when newer than the last ones applied; a change at the desk afterwards stands until the organiser sets new ones', async () => {
    station.write(() => applyRegistryRules(station, { repeatPolicy: 'refuse', allowedCategories: ['delegation'], setAt: 1000 }));
    expect(await call('desk.rules')).toEqual({ repeatPolicy: 'refuse', allowedCategories: ['delegation'], source: 'registry', setAt: 1000 });
    await call('desk.setRules', { repeatPolicy: 'warn', allowedCategories: null });
    // The same record pulled again (another station field changed) does not undo the desk's choice…
    expect(station.write(() => applyRegistryRules(station, { repeatPolicy: 'refuse', allowedCategories: ['delegation'], setAt: 1000 }))).toBe(false);
    expect(await call('desk.rules')).toMatchObject({ repeatPolicy: 'warn', allowedCategories: null, source: 'station' });
    // …new rules from the organiser do.
    expect(station.write(() => applyRegistryRules(station, { repeatPolicy: 'refuse', allowedCategories: null, setAt: 2000 }))).toBe(true);
    expect(await call('desk.rules')).toMatchObject({ repeatPolicy: 'refuse', source: 'registry', setAt: 2000 });
    const code = someone('ngo');
    await call('checkin.scan', { text: code });
    expect((await call('checkin.scan', { text: code })).verdict).toBe('refused');
  });
});
