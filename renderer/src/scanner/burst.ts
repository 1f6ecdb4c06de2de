// Tells a handheld scanner from a person at the keyboard. USB/Bluetooth scanners
// "type" a whole code in one burst, keys ~5–20 ms apart, ending in Enter or Tab;
// people type ~100 ms or more apart. Pure logic (no DOM), fed one key at a time.
// Each key of a burst is kept with its physical key code, so a scanner set to another
// keyboard layout than the computer's can still be read (core/keyboard/scanner-text.ts).
import type { KeyStroke } from '../../../core/keyboard/scanner-text';

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
  /** Enter/Tab that completed a burst: swallow it and treat `text` as a scan; `strokes` are its keys. */
  | { kind: 'scan'; text: string; strokes: KeyStroke[] };

export interface KeyInput {
  key: string;
  /** KeyboardEvent.code, the physical key ('' or absent when unknown). */
  code?: string;
  shift?: boolean;
  /** AltGr held: a character of the layout's third level, not a shortcut (Windows reports it as Ctrl+Alt). */
  altGraph?: boolean;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  t: number;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
  /** Auto-repeat from a held key: never part of a scan. */
  repeat?: boolean;
}

// A scanner presses Shift for capitals, and AltGr — reported as AltGraph, as Control+Alt on
// Windows, or as a plain Alt on a layout without AltGr — for third-level characters.
// A modifier alone never breaks a burst; a shortcut (Ctrl/Alt + key without AltGr) does.
const MODIFIERS = new Set(['Shift', 'CapsLock', 'AltGraph', 'Alt', 'Control']);

export class BurstDetector {
  private chars: string[] = [];
  private strokes: KeyStroke[] = [];
  private last = -Infinity;

  constructor(private readonly opts: BurstOptions = DEFAULT_BURST) {}

  feed(k: KeyInput): KeyOutcome {
    if (MODIFIERS.has(k.key)) return { kind: 'pass', startsBuffer: false, inBurst: this.chars.length >= 2 };
    if (((k.ctrl || k.alt) && !k.altGraph) || k.meta || k.repeat) {
      this.reset();
      return { kind: 'pass', startsBuffer: false, inBurst: false };
    }
    if (k.key === 'Enter' || k.key === 'Tab') {
      const text = this.chars.join('');
      const strokes = this.strokes;
      const ok = this.strokes.length >= this.opts.minLength && k.t - this.last <= this.opts.maxTerminatorGapMs;
      this.reset();
      return ok ? { kind: 'scan', text, strokes } : { kind: 'pass', startsBuffer: false, inBurst: false };
    }
    // An accent key of the computer's layout ('Dead') types nothing yet, but a scanner on
    // another layout pressed it for a character: it belongs to the burst.
    const dead = k.key === 'Dead';
    if (!dead && [...k.key].length !== 1) {
      // Arrow keys, Backspace, F-keys…: a person is typing.
      this.reset();
      return { kind: 'pass', startsBuffer: false, inBurst: false };
    }
    const startsBuffer = this.strokes.length === 0 || k.t - this.last > this.opts.maxGapMs;
    if (startsBuffer) {
      this.chars = [];
      this.strokes = [];
    }
    if (!dead) this.chars.push(k.key);
    this.strokes.push({ key: k.key, code: k.code ?? '', shift: !!k.shift, altGraph: !!k.altGraph });
    this.last = k.t;
    return { kind: 'pass', startsBuffer, inBurst: this.strokes.length >= 2 };
  }

  reset(): void {
    this.chars = [];
    this.strokes = [];
    this.last = -Infinity;
  }
}
