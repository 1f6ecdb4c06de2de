// The admission rules of one front desk: what a second scan of the same person on the same
// day does (admit with a warning, or refuse), and which categories this entrance admits
// (null = all). Set at the station (Settings) or by the organiser for a station (registry
// admin); the organiser's rules travel in the station record and win when they are newer.
import { z } from 'zod';
import { Category } from '../model';

export const RepeatPolicy = z.enum(['warn', 'refuse']);
export type RepeatPolicy = z.infer<typeof RepeatPolicy>;

export const DeskRules = z.object({
  repeatPolicy: RepeatPolicy,
  /** null = every category; an empty list would admit nobody, so it is not a rule anyone can set. */
  allowedCategories: z.array(Category).min(1).max(20).nullable(),
});
export type DeskRules = z.infer<typeof DeskRules>;

/** Rules the organiser set for a station at the registry, with when (registry clock). */
export const RegistryRules = DeskRules.extend({ setAt: z.number().int() });
export type RegistryRules = z.infer<typeof RegistryRules>;

export const DEFAULT_RULES: DeskRules = { repeatPolicy: 'warn', allowedCategories: null };
