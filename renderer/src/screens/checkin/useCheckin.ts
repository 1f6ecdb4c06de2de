// The check-in screen's actions and what the verdict panel shows. A verdict is set
// only from the station's reply, i.e. after the event was committed; while a call
// is out the panel shows a neutral "Checking…" (never the previous person's verdict).
import { useCallback, useRef, useState } from 'react';
import type { UndoResult } from '../../../../core/api/checkin';
import { UNDO_WINDOW_MS } from '../../../../core/checkin/undo';
import type { KeyStroke } from '../../../../core/keyboard/scanner-text';
import type { CheckInResult } from '../../../../core/model';
import { announce, api } from '../../api';
import { clockTime } from '../../format';
import { t } from '../../i18n';
import { errorText } from '../../i18n/station';
import { alternativesFor, noteScanResult } from '../../scanner/layout-notice';

export type PanelState =
  | { state: 'idle' }
  | { state: 'pending' }
  /** `input`: the scanned text, shown when no attendee matched (to read out to the help desk). */
  | { state: 'verdict'; result: CheckInResult; input?: string }
  | { state: 'undone'; message: string; at: number }
  | { state: 'info'; message: string; at: number }
  | { state: 'error'; message: string; at: number };

/** What an undo did, in the desk's language: whom, admitted when, and whether they still count as in. */
export function undoSentence(r: UndoResult, timeZone: string): string {
  const who = r.target?.attendee ? `${r.target.attendee.givenName} ${r.target.attendee.familyName}`.trim() : '';
  const time = r.target ? clockTime(r.target.at, timeZone) : '';
  if (r.undone) {
    const done = who ? t('undoDone', { name: who, time }) : r.message;
    return r.stillAdmitted ? `${done} ${t('undoStillIn', { station: r.stillAdmitted.stationName, time: clockTime(r.stillAdmitted.at, timeZone) })}` : done;
  }
  if (r.why === 'too_old' && who) return t('undoTooOld', { name: who, time, minutes: UNDO_WINDOW_MS / 60_000 });
  if (r.why === 'not_admission') return t('undoNotAdmission');
  return t('undoNothing');
}

export function useCheckin(timeZone: string) {
  const timeZoneRef = useRef(timeZone);
  timeZoneRef.current = timeZone;
  const [panel, setPanel] = useState<PanelState>({ state: 'idle' });
  const [undoing, setUndoing] = useState(false);
  // Only the latest request may set the panel (a slow reply must not overwrite a newer scan).
  const latest = useRef(0);

  const run = useCallback(async (call: () => Promise<CheckInResult>, input?: string) => {
    const id = ++latest.current;
    setPanel({ state: 'pending' });
    try {
      const result = await call();
      if (id === latest.current) setPanel({ state: 'verdict', result, input });
    } catch (err) {
      if (id === latest.current) setPanel({ state: 'error', message: errorText(err), at: Date.now() });
    } finally {
      announce('scan');
    }
  }, []);

  /** A scan; a burst's `strokes` let the station also try the keys as other keyboard layouts meant them. */
  const scan = useCallback(
    (text: string, strokes?: KeyStroke[]) =>
      run(async () => {
        const alternatives = alternativesFor(text, strokes);
        const result = await api['checkin.scan'](alternatives.length > 0 ? { text, alternatives } : { text });
        noteScanResult(result);
        return result;
      }, text),
    [run],
  );
  const admit = useCallback((attendeeId: string) => run(() => api['checkin.attendee']({ attendeeId })), [run]);
  /** Shows a verdict another action already committed (a walk-in's check-in, a note just saved). */
  const show = useCallback((result: CheckInResult) => run(async () => result), [run]);

  /** Undo the last admission (shortcut, button) or, with eventId, the one chosen in Recent scans. */
  const undo = useCallback(async (eventId?: string) => {
    const id = ++latest.current;
    setUndoing(true);
    try {
      const r = await api['checkin.undo'](eventId ? { eventId } : {});
      const message = undoSentence(r, timeZoneRef.current);
      if (id === latest.current) setPanel(r.undone ? { state: 'undone', message, at: Date.now() } : { state: 'info', message, at: Date.now() });
    } catch (err) {
      if (id === latest.current) setPanel({ state: 'error', message: errorText(err), at: Date.now() });
    } finally {
      setUndoing(false);
      announce('scan');
    }
  }, []);

  return { panel, scan, admit, show, undo, undoing };
}
