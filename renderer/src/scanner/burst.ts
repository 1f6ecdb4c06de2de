// Tells a handheld scanner from a person at the keyboard. USB/Bluetooth scanners
// "type" a whole code in one burst, keys ~5–20 ms apart, ending in Enter or Tab;
// people type ~100 ms or more apart. Pure logic (no DOM), fed one key at a time.

export interface BurstOptions {
  /** Longest gap between two keys of one burst. */
  maxGapMs: number;
  /** Shortest code accepted as a scan (shorter fast sequences are key rollover). */
  minLength: number;
  /** Longest gap between the last character and the Enter/Tab that ends the burst. */
  maxTerminatorGapMs: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 50, minLength: 4, maxTerminatorGapMs: 120 };

export type KeyOutcome =
  /** Not a burst (yet): let the key do what it normally does. */
  | { kind: 'pass'; startsBuffer: boolean; inBurst: boolean }
  /** Enter/Tab that completed a burst: swallow it and treat `text` as a scan. */
  | { kind: 'scan'; text: string };

export interface KeyInput {
  key: string;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  t: number;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
  /** Auto-repeat from a held key: never part of a scan. */
  repeat?: boolean;
}

const MODIFIERS = new Set(['Shift', 'CapsLock', 'AltGraph']);

export class BurstDetector {
  private chars: string[] = [];
  private last = -Infinity;

  constructor(private readonly opts: BurstOptions = DEFAULT_BURST) {}

  feed(k: KeyInput): KeyOutcome {
    // Scanners press Shift for capitals (and AltGraph on some layouts): not a break.
    if (MODIFIERS.has(k.key)) return { kind: 'pass', startsBuffer: false, inBurst: this.chars.length >= 2 };
    if (k.ctrl || k.alt || k.meta || k.repeat) {
      this.reset();
      return { kind: 'pass', startsBuffer: false, inBurst: false };
    }
    if (k.key === 'Enter' || k.key === 'Tab') {
      const text = this.chars.join('');
      const ok = this.chars.length >= this.opts.minLength && k.t - this.last <= this.opts.maxTerminatorGapMs;
      this.reset();
      return ok ? { kind: 'scan', text } : { kind: 'pass', startsBuffer: false, inBurst: false };
    }
    if ([...k.key].length !== 1) {
      // Arrow keys, Backspace, F-keys…: a person is typing.
      this.reset();
      return { kind: 'pass', startsBuffer: false, inBurst: false };
    }
    const startsBuffer = this.chars.length === 0 || k.t - this.last > this.opts.maxGapMs;
    if (startsBuffer) this.chars = [];
    this.chars.push(k.key);
    this.last = k.t;
    return { kind: 'pass', startsBuffer, inBurst: this.chars.length >= 2 };
  }

  reset(): void {
    this.chars = [];
    this.last = -Infinity;
  }
}
