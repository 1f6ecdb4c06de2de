// One alert tone per upward crossing of a room's warning, critical or full level, on
// the dashboard and the wall display. Mutable; the choice is kept on this computer.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RoomLive } from '../../../../core/api/occupancy';
import { stateRank, type CapacityState } from '../../../../core/occupancy/capacity';

const KEY = 'foyer.occupancyAlertsMuted';
const listeners = new Set<() => void>();

function readMuted(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}
let muted = readMuted();

export function setAlertsMuted(m: boolean): void {
  muted = m;
  try {
    localStorage.setItem(KEY, m ? '1' : '0');
  } catch {
    // Not persisted: still applies until reload.
  }
  for (const l of listeners) l();
}

export function useAlertsMuted(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => muted,
  );
}

/** Rising tones: one for warning, two for critical, three urgent ones for full. */
const PATTERN: Record<Exclude<CapacityState, 'ok'>, { freq: number; n: number; dur: number }> = {
  warning: { freq: 660, n: 1, dur: 0.25 },
  critical: { freq: 880, n: 2, dur: 0.2 },
  full: { freq: 988, n: 3, dur: 0.18 },
};

let ctx: AudioContext | null = null;

export function playAlert(state: Exclude<CapacityState, 'ok'>): void {
  (window as { __foyerLastAlert?: string }).__foyerLastAlert = state; // lets e2e tests see it
  try {
    if (typeof AudioContext === 'undefined') return;
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    const p = PATTERN[state];
    const t0 = ctx.currentTime + 0.02;
    for (let i = 0; i < p.n; i++) {
      const at = t0 + i * (p.dur + 0.08);
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'triangle';
      osc.frequency.setValueAtTime(p.freq, at);
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.3, at + 0.015);
      gain.gain.setValueAtTime(0.3, at + p.dur - 0.04);
      gain.gain.linearRampToValueAtTime(0, at + p.dur);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + p.dur + 0.02);
    }
  } catch {
    // No audio device: the screen still shows the state in colour, icon and words.
  }
}

/**
 * Plays once when any room climbs into a worse state than it was last seen in. The first
 * data only sets the baseline (opening the dashboard does not ring for rooms already full).
 */
export function useThresholdAlerts(rooms: RoomLive[] | undefined): void {
  const seen = useRef<Map<string, CapacityState> | null>(null);
  useEffect(() => {
    if (!rooms) return;
    const prev = seen.current;
    const next = new Map(rooms.map((r) => [r.id, r.state]));
    seen.current = next;
    if (!prev) return;
    let worst: CapacityState | null = null;
    for (const r of rooms) {
      const before = prev.get(r.id) ?? 'ok';
      if (stateRank(r.state) > stateRank(before) && (!worst || stateRank(r.state) > stateRank(worst))) worst = r.state;
    }
    if (worst && worst !== 'ok' && !muted) playAlert(worst);
  }, [rooms]);
}
