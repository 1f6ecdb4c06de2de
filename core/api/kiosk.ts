// Kiosk area of the station API (docs/kiosk.md): staff set a PIN and start kiosk mode in Settings;
// an attendee scans or types surname + code, confirms, and the badge prints through the badge
// desk's print-once hand-over (core/checkin/collection.ts). While kiosk mode is on, the station
// answers only these methods (station/kiosk.ts), so the screen cannot reach the attendee list.
import { z } from 'zod';
import { typedLine } from '../text';
import { ScanAlternatives } from './checkin';

/** A staff PIN: 4 to 12 digits. */
export const KioskPin = z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits');

export const kioskMethods = {
  'kiosk.state': z.object({}),
  /** Settings: sets (or changes) the PIN; refused while kiosk mode is on. */
  'kiosk.setPin': z.object({ pin: KioskPin }),
  /** Settings: this station becomes a kiosk (needs a PIN). */
  'kiosk.start': z.object({}),
  /** Staff only: the PIN ends kiosk mode. Wrong PINs are throttled. */
  'kiosk.exit': z.object({ pin: z.string().max(40) }),
  /** The attendee's QR (camera or scanner). */
  'kiosk.scan': z.object({ text: z.string().max(20_000), alternatives: ScanAlternatives }),
  /** Surname + registration code, typed. */
  'kiosk.lookup': z.object({ surname: typedLine(200), code: typedLine(256) }),
  /** "Yes, this is me": hands the badge over (print-once) for the person the last answer named. */
  'kiosk.confirm': z.object({ attendeeId: z.string().min(1).max(64) }),
} as const;

export interface KioskState {
  active: boolean;
  pinSet: boolean;
  /** Milliseconds until code/surname lookups open again (0: open). */
  lockedForMs: number;
}

/**
 * What the kiosk may show. 'confirm' names only the person their own code pointed at (chosen
 * name, delegation); 'desk' never says why; 'notFound' counts as a failed attempt; 'locked'
 * after too many.
 */
export type KioskAnswer =
  | { kind: 'confirm'; attendeeId: string; name: string; delegation: string }
  | { kind: 'desk' }
  | { kind: 'notFound'; attemptsLeft: number }
  | { kind: 'locked'; lockedForMs: number };

export type KioskExit = { ok: true } | { ok: false; lockedForMs: number };

export interface KioskResults {
  'kiosk.state': KioskState;
  'kiosk.setPin': KioskState;
  'kiosk.start': KioskState;
  'kiosk.exit': KioskExit;
  'kiosk.scan': KioskAnswer;
  'kiosk.lookup': KioskAnswer;
  /** 'printed': the hand-over is stored; the screen prints the badge (badges.pdf / print.badge for this person only). */
  'kiosk.confirm': { kind: 'printed'; attendeeId: string } | { kind: 'desk' };
}
