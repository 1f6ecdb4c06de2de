// The check-in screen's actions and what the verdict panel shows. A verdict is set
// only from the station's reply, i.e. after the event was committed; while a call
// is out the panel shows a neutral "Checking…" (never the previous person's verdict).
import { useCallback, useRef, useState } from 'react';
import type { CheckInResult } from '../../../../core/model';
import { announce, api, ApiCallError } from '../../api';
import { hasMessage, t } from '../../i18n';

export type PanelState =
  | { state: 'idle' }
  | { state: 'pending' }
  /** `input`: the scanned text, shown when no attendee matched (to read out to the help desk). */
  | { state: 'verdict'; result: CheckInResult; input?: string }
  | { state: 'undone'; message: string; at: number }
  | { state: 'info'; message: string; at: number }
  | { state: 'error'; message: string; at: number };

// Station errors come as English sentences with a code; the common ones are said in the desk's language.
const errorText = (err: unknown) => {
  if (!(err instanceof ApiCallError)) return t('errors.unexpected');
  const key = `errorsByCode.${err.error.code}`;
  return hasMessage(key) ? t(key) : err.message;
};

export function useCheckin() {
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

  const scan = useCallback((text: string) => run(() => api['checkin.scan']({ text }), text), [run]);
  const admit = useCallback((attendeeId: string) => run(() => api['checkin.attendee']({ attendeeId })), [run]);
  /** Shows a verdict another action already committed (a walk-in's check-in, a note just saved). */
  const show = useCallback((result: CheckInResult) => run(async () => result), [run]);

  const undo = useCallback(async () => {
    const id = ++latest.current;
    setUndoing(true);
    try {
      const r = await api['checkin.undo']({});
      const who = r.target?.attendee ? `${r.target.attendee.givenName} ${r.target.attendee.familyName}`.trim() : '';
      const message = r.undone ? (who ? t('undoDone', { name: who }) : r.message) : t('undoNothing');
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
