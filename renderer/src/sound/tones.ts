// Short generated tones for the verdict, so a volunteer looking at the person (not the
// screen) hears the answer: one rising chirp = admitted, two mid beeps = admitted with
// a warning, one low long buzz = refused. WebAudio only, no sound files.
import type { Verdict } from '../../../core/model';

interface Note {
  freq: number;
  /** Seconds from the start of the cue. */
  at: number;
  dur: number;
  type: OscillatorType;
  /** Glide to this frequency over the note (a chirp). */
  to?: number;
}

export const CUES: Record<Verdict, Note[]> = {
  admitted: [{ freq: 880, to: 1320, at: 0, dur: 0.14, type: 'sine' }],
  warning: [
    { freq: 660, at: 0, dur: 0.12, type: 'triangle' },
    { freq: 660, at: 0.2, dur: 0.12, type: 'triangle' },
  ],
  refused: [{ freq: 220, at: 0, dur: 0.45, type: 'square' }],
};

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  // Browsers start contexts suspended until a user gesture; a scan is one (keys).
  if (ctx.state === 'suspended') void ctx.resume();
  return ctx;
}

/** Plays the cue for a verdict. Never throws: sound is a help, not a dependency. */
export function playCue(verdict: Verdict, volume = 0.25): void {
  try {
    const ac = audio();
    if (!ac) return;
    const t0 = ac.currentTime + 0.01;
    for (const n of CUES[verdict]) {
      const osc = ac.createOscillator();
      const gain = ac.createGain();
      osc.type = n.type;
      osc.frequency.setValueAtTime(n.freq, t0 + n.at);
      if (n.to) osc.frequency.linearRampToValueAtTime(n.to, t0 + n.at + n.dur);
      // Short attack and release: no clicks.
      const v = n.type === 'square' ? volume * 0.4 : volume;
      gain.gain.setValueAtTime(0, t0 + n.at);
      gain.gain.linearRampToValueAtTime(v, t0 + n.at + 0.01);
      gain.gain.setValueAtTime(v, t0 + n.at + n.dur - 0.03);
      gain.gain.linearRampToValueAtTime(0, t0 + n.at + n.dur);
      osc.connect(gain).connect(ac.destination);
      osc.start(t0 + n.at);
      osc.stop(t0 + n.at + n.dur + 0.02);
    }
    (window as { __foyerLastCue?: string }).__foyerLastCue = verdict; // lets e2e tests see which cue played
  } catch {
    // No audio device: stay silent.
  }
}
