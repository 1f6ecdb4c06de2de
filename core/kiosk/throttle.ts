// Failed attempts and the lock they lead to, for the kiosk's two hostile inputs: codes and
// surnames typed by anyone passing (core/kiosk/rules.ts), and the staff PIN that ends kiosk mode.
// A few failures inside a window lock the input; each further lock lasts twice as long, up to a
// ceiling; a success clears the count. Pure and serialisable: the station keeps the state in its
// settings, so restarting the app does not reset a lock.
import { z } from 'zod';

export interface ThrottlePolicy {
  /** Failures inside `windowMs` that lock the input. */
  maxFailures: number;
  windowMs: number;
  /** The first lock; each next one doubles, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

/** Codes and surnames at the kiosk: five misses in ten minutes lock it for 2 min, then 4, 8… up to 30. */
export const LOOKUP_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 10 * 60_000, lockMs: 2 * 60_000, maxLockMs: 30 * 60_000 };
/** The staff PIN: three wrong PINs lock exit for 30 s, then 1 min, 2… up to 15 min. */
export const PIN_POLICY: ThrottlePolicy = { maxFailures: 3, windowMs: 15 * 60_000, lockMs: 30_000, maxLockMs: 15 * 60_000 };

export const ThrottleState = z.object({
  /** Times of the failures still inside the window. */
  failures: z.array(z.number()).max(100),
  lockedUntil: z.number(),
  /** Locks so far (the next one lasts lockMs × 2^locks). */
  locks: z.number().int().min(0),
});
export type ThrottleState = z.infer<typeof ThrottleState>;

export const OPEN: ThrottleState = { failures: [], lockedUntil: 0, locks: 0 };

/** The state as stored, or open when it is missing or unreadable. */
export function readThrottle(raw: unknown): ThrottleState {
  const p = ThrottleState.safeParse(raw);
  return p.success ? p.data : OPEN;
}

/** Milliseconds until the input opens again (0: open now). */
export function lockedFor(s: ThrottleState, now: number): number {
  return Math.max(0, s.lockedUntil - now);
}

/** One more failure at `now`: locks when it makes `maxFailures` inside the window. */
export function recordFailure(p: ThrottlePolicy, s: ThrottleState, now: number): ThrottleState {
  const failures = [...s.failures.filter((t) => now - t < p.windowMs), now].slice(-p.maxFailures);
  if (failures.length < p.maxFailures) return { ...s, failures };
  const lockMs = Math.min(p.maxLockMs, p.lockMs * 2 ** Math.min(s.locks, 20));
  return { failures: [], lockedUntil: now + lockMs, locks: s.locks + 1 };
}

/** A success: the count starts again (a lock in force stays; the number of locks is kept for the next). */
export function recordSuccess(s: ThrottleState): ThrottleState {
  return { ...s, failures: [] };
}
