// A front desk's admission rules (core/checkin/desk-rules.ts): the repeat-scan policy lives in
// the settings table, the allowed categories on the station's own row — where the check-in
// engine reads them (StationConfig). Set here from Settings, or by the organiser at the
// registry: those arrive in the station record and are applied once, when newer than the last
// applied; a change made at the desk afterwards stands until the organiser sets new rules.
import { eq } from 'drizzle-orm';
import type { DeskRulesState } from '../core/api/desk';
import type { DeskRules, RegistryRules } from '../core/checkin/desk-rules';
import { stations } from '../db/schema/index';
import { getSetting, setSetting } from '../db/settings';
import type { Station } from './station';

const REPEAT = 'repeatPolicy';
/** Where the current rules came from: { source, setAt }. */
const ORIGIN = 'deskRules.origin';
/** setAt of the last registry rules applied (a pulled record repeats them; apply once). */
const REGISTRY_APPLIED = 'deskRules.registrySetAt';

type Origin = { source: 'station' | 'registry'; setAt: number };

export function deskRules(station: Station): DeskRulesState {
  const cfg = station.config();
  const origin = getSetting<Origin>(station.db.orm, ORIGIN);
  return {
    repeatPolicy: cfg.repeatPolicy,
    allowedCategories: (cfg.allowedCategories as DeskRules['allowedCategories']) ?? null,
    source: origin?.source ?? 'default',
    setAt: origin?.setAt ?? null,
  };
}

function write(station: Station, rules: DeskRules, origin: Origin): void {
  const orm = station.db.orm;
  setSetting(orm, REPEAT, rules.repeatPolicy);
  orm.update(stations).set({ allowedCategories: rules.allowedCategories }).where(eq(stations.id, station.id)).run();
  setSetting(orm, ORIGIN, origin);
  station.invalidate();
}

/** Rules chosen at this desk (Settings). */
export function setDeskRules(station: Station, rules: DeskRules, now: number): DeskRulesState {
  station.write(() => write(station, rules, { source: 'station', setAt: now }));
  return deskRules(station);
}

/**
 * The organiser's rules for this station, from a pulled station record; runs inside the sync
 * transaction. Applied only when newer than the last ones applied. Returns whether they were.
 */
export function applyRegistryRules(station: Station, rules: RegistryRules): boolean {
  const orm = station.db.orm;
  if (rules.setAt <= (getSetting<number>(orm, REGISTRY_APPLIED) ?? -Infinity)) return false;
  write(station, { repeatPolicy: rules.repeatPolicy, allowedCategories: rules.allowedCategories }, { source: 'registry', setAt: rules.setAt });
  setSetting(orm, REGISTRY_APPLIED, rules.setAt);
  return true;
}
