// The door decision, as a pure function: which way is this person going, and may they enter?
// station/door.ts gathers the facts, calls decideDoor(), then commits the event.
// Leaving is never refused: nobody is held inside a room.
import { isNotAdmitted, type Verdict } from '../model';
import { DUPLICATE_WINDOW_MS, type DoorMode } from './types';

export const DOOR_REASONS = [
  'entry_ok',
  'entry_again', // already inside: the scan is recorded, the count does not change
  'entry_full_warn', // room at capacity, door set to warn: admitted with a warning
  'room_full',
  'room_not_allowed',
  'session_not_allowed',
  'not_invited',
  'cancelled',
  'pending',
  'unpaid',
  'rejected',
  'waitlisted',
  'revoked',
  'not_valid_today',
  'unknown_code',
  'malformed',
  'exit_ok',
  'exit_again', // second scan of the same exit
  'exit_not_inside', // left without having been scanned in (flagged in the model)
] as const;
export type DoorReason = (typeof DOOR_REASONS)[number];

export interface DoorFacts {
  mode: DoorMode;
  today: string;
  eventDays: string[];
  attendee: { status: string; category: string; validDays: string[] | null; badgeVersion: number };
  scannedVersion: number | null;
  scannedVersionRevoked: boolean;
  room: { capacity: number; fullPolicy: string; allowedCategories: string[] | null };
  /** The session running now (or about to start), if any. */
  session: { allowedCategories: string[] | null; inviteOnly: boolean; invited: boolean } | null;
  current: number;
  /** Start of this person's stay in this room, when the station knows them to be inside. */
  insideSince: number | null;
  /** Their last exit scan from this room, if any. */
  lastExitAt: number | null;
  now: number;
}

export interface DoorDecision {
  direction: 'entry' | 'exit';
  verdict: Verdict;
  reason: DoorReason;
}

export function resolveDirection(f: Pick<DoorFacts, 'mode' | 'insideSince' | 'lastExitAt' | 'now'>): { direction: 'entry' | 'exit'; again: boolean } {
  if (f.mode === 'entry') return { direction: 'entry', again: false };
  if (f.mode === 'exit') return { direction: 'exit', again: false };
  // Toggle: from the last known state in this room; a second scan within the window is the same passage.
  if (f.insideSince !== null) {
    return f.now - f.insideSince < DUPLICATE_WINDOW_MS ? { direction: 'entry', again: true } : { direction: 'exit', again: false };
  }
  if (f.lastExitAt !== null && f.now - f.lastExitAt < DUPLICATE_WINDOW_MS) return { direction: 'exit', again: true };
  return { direction: 'entry', again: false };
}

export function decideDoor(f: DoorFacts): DoorDecision {
  const { direction } = resolveDirection(f);
  if (direction === 'exit') {
    if (f.insideSince !== null) return { direction, verdict: 'admitted', reason: 'exit_ok' };
    if (f.lastExitAt !== null && f.now - f.lastExitAt < DUPLICATE_WINDOW_MS) return { direction, verdict: 'admitted', reason: 'exit_again' };
    return { direction, verdict: 'admitted', reason: 'exit_not_inside' };
  }
  const refuse = (reason: DoorReason): DoorDecision => ({ direction, verdict: 'refused', reason });
  const a = f.attendee;
  if (a.status === 'cancelled') return refuse('cancelled');
  if (a.status === 'revoked') return refuse('revoked');
  if (isNotAdmitted(a.status)) return refuse(a.status);
  if (f.scannedVersionRevoked || (f.scannedVersion !== null && f.scannedVersion < a.badgeVersion)) return refuse('revoked');
  if (!f.eventDays.includes(f.today) || (a.validDays && !a.validDays.includes(f.today))) return refuse('not_valid_today');
  if (f.room.allowedCategories && !f.room.allowedCategories.includes(a.category)) return refuse('room_not_allowed');
  if (f.session?.allowedCategories && !f.session.allowedCategories.includes(a.category)) return refuse('session_not_allowed');
  if (f.session?.inviteOnly && !f.session.invited) return refuse('not_invited');
  // Already counted inside: letting them through does not change the count, full or not.
  if (f.insideSince !== null) return { direction, verdict: 'admitted', reason: 'entry_again' };
  if (f.current >= f.room.capacity) {
    return f.room.fullPolicy === 'warn' ? { direction, verdict: 'warning', reason: 'entry_full_warn' } : refuse('room_full');
  }
  return { direction, verdict: 'admitted', reason: 'entry_ok' };
}
