// What "undo" may take back at a desk. Undo is for the mistake just made: the operator's
// own last admission (never a warning about a repeat scan, never a refusal), within a short
// window. Anything older is undone only by choosing it explicitly in the recent scans.
import { isFirstAdmission } from './admission';

/** How long after an admission Ctrl+Z / the Undo button may still take it back. */
export const UNDO_WINDOW_MS = 2 * 60_000;

/** True for a scan or search check-in that admitted someone for the first time that day. */
export function isAdmission(e: { kind: string; reason: string | null }): boolean {
  return isFirstAdmission(e);
}

/** True while the shortcut may still undo an admission made at `at`. */
export function withinUndoWindow(at: number, now: number): boolean {
  return now - at <= UNDO_WINDOW_MS;
}
