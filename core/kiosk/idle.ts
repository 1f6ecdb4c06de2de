// When a kiosk left alone goes back to its welcome screen: 30 s after the last touch or key on
// any step, so the next person never finds the previous one's name, code or badge on screen.
// A badge being printed is never interrupted; a kiosk locked after repeated misses keeps saying
// "go to the staffed desk" until the lock lifts (it then resets itself); the welcome screen resets only when someone chose
// another language there (the next person starts in the kiosk's own language).
export const IDLE_RESET_MS = 30_000;

export type KioskStep = 'welcome' | 'scan' | 'type' | 'confirm' | 'printing' | 'done' | 'desk' | 'locked' | 'pin';

/** When the kiosk resets to the welcome screen if nothing happens (null: never, on this step). */
export function idleResetAt(step: KioskStep, lastActivity: number, languageChanged = false): number | null {
  if (step === 'printing' || step === 'locked' || (step === 'welcome' && !languageChanged)) return null;
  return lastActivity + IDLE_RESET_MS;
}
