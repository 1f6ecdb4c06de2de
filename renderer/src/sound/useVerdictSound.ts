// Plays the verdict's tone once per new committed verdict, unless this desk muted it.
import { useEffect, useRef } from 'react';
import type { CheckInResult } from '../../../core/model';
import { getPrefs } from '../prefs/prefs';
import { playCue } from './tones';

export function useVerdictSound(result: CheckInResult | null): void {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!result) return;
    const id = result.eventId ?? `${result.at}`;
    if (last.current === id) return;
    last.current = id;
    if (!getPrefs().muted) playCue(result.verdict);
  }, [result]);
}
