// Fill level of a room against its safe (fire-safety) capacity.
import { shared as englishWords } from '../i18n/en';

export type CapacityState = 'ok' | 'warning' | 'critical' | 'full';
export const CAPACITY_STATES: readonly CapacityState[] = ['ok', 'warning', 'critical', 'full'];

export interface CapacityRule {
  capacity: number;
  /** Percent of capacity at which the room turns amber. */
  warnPct: number;
  /** Percent of capacity at which the room turns red. */
  criticalPct: number;
}

/** Percent of capacity, rounded down (a room at 79.9% is not yet at an 80% warning). */
export function fillPct(current: number, capacity: number): number {
  if (capacity <= 0) return current > 0 ? 100 : 0;
  return Math.floor((current * 100) / capacity);
}

export function capacityState(current: number, rule: CapacityRule): CapacityState {
  if (rule.capacity <= 0 ? current > 0 : current >= rule.capacity) return 'full';
  // Compare without rounding: current/capacity ≥ pct/100.
  if (current * 100 >= rule.criticalPct * rule.capacity) return 'critical';
  if (current * 100 >= rule.warnPct * rule.capacity) return 'warning';
  return 'ok';
}

/** Each state's English words (the i18n catalog's; screens show them in the desk's language). */
export const STATE_WORDS: Record<CapacityState, string> = englishWords.state;

/** Index for "did it get worse" comparisons (alert once per upward crossing). */
export function stateRank(s: CapacityState): number {
  return CAPACITY_STATES.indexOf(s);
}
