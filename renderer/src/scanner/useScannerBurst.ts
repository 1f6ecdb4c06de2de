// Catches scanner bursts whatever has focus. Listens on window in the capture phase,
// so it sees keys before any field or button does. Characters of a burst that landed
// in a text field (e.g. the name search) are taken out again when the burst ends,
// and the closing Enter/Tab is swallowed (it must not submit a search or move focus).
// Keys of a burst never change a focused <select> or press a button (held-key.ts).
import { useEffect, useRef } from 'react';
import type { KeyStroke } from '../../../core/keyboard/scanner-text';
import { BurstDetector, DEFAULT_BURST, type BurstOptions } from './burst';
import { keyActs, replayKey } from './held-key';

type TextField = HTMLInputElement | HTMLTextAreaElement;

interface Snapshot {
  el: TextField;
  value: string;
  start: number | null;
  end: number | null;
}

export function isTextField(el: EventTarget | null): el is TextField {
  if (el instanceof HTMLTextAreaElement) return true;
  if (!(el instanceof HTMLInputElement)) return false;
  return ['text', 'search', 'email', 'tel', 'url', 'password', 'number', ''].includes(el.type);
}

export function isEditable(el: EventTarget | null): boolean {
  return isTextField(el) || (el instanceof HTMLElement && el.isContentEditable);
}

/** Sets a React-controlled field's value the way typing would, so React sees it. */
export function setFieldValue(el: TextField, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** `strokes`: the burst's keys with their physical codes, to read a scanner set to another keyboard layout. */
export type OnScan = (text: string, strokes: KeyStroke[]) => void;

export function useScannerBurst(
  onScan: OnScan,
  opts: Partial<BurstOptions> & { enabled?: boolean } = {},
): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { enabled = true, maxGapMs, minLength, maxTerminatorGapMs } = opts;

  useEffect(() => {
    if (!enabled) return;
    const detector = new BurstDetector({
      maxGapMs: maxGapMs ?? DEFAULT_BURST.maxGapMs,
      minLength: minLength ?? DEFAULT_BURST.minLength,
      maxTerminatorGapMs: maxTerminatorGapMs ?? DEFAULT_BURST.maxTerminatorGapMs,
    });
    let snapshot: Snapshot | null = null;
    const gapMs = maxGapMs ?? DEFAULT_BURST.maxGapMs;
    /** A first key held back from a select or button (see held-key.ts). */
    let held: { el: HTMLElement; key: string; timer: ReturnType<typeof setTimeout> } | null = null;
    const releaseHeld = (replay: boolean) => {
      if (!held) return;
      clearTimeout(held.timer);
      const h = held;
      held = null;
      if (replay) replayKey(h.el, h.key);
    };

    // Right Alt held: on a layout without AltGr (US) a scanner's AltGr arrives as a plain Alt.
    let rightAlt = false;
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.code === 'AltRight') rightAlt = false;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      if (e.code === 'AltRight') rightAlt = true;
      const target = e.target;
      const altGraph = e.getModifierState('AltGraph') || (e.ctrlKey && e.altKey) || (rightAlt && e.altKey);
      const out = detector.feed({
        key: e.key,
        code: e.code,
        shift: e.shiftKey,
        altGraph,
        t: e.timeStamp,
        ctrl: e.ctrlKey,
        alt: e.altKey,
        meta: e.metaKey,
        repeat: e.repeat,
      });
      // A held key was part of a burst if this key continues it; otherwise a person pressed it.
      if (held) releaseHeld(!(out.kind === 'scan' || out.inBurst));
      if (out.kind === 'scan') {
        e.preventDefault();
        e.stopImmediatePropagation();
        // Put back what the field held before the burst began.
        if (snapshot && snapshot.el.isConnected) {
          setFieldValue(snapshot.el, snapshot.value);
          try {
            snapshot.el.setSelectionRange(snapshot.start, snapshot.end);
          } catch {
            // number fields have no selection
          }
        }
        snapshot = null;
        onScanRef.current(out.text, out.strokes);
        return;
      }
      if (out.startsBuffer) {
        snapshot = isTextField(target) ? { el: target, value: target.value, start: target.selectionStart, end: target.selectionEnd } : null;
        if (keyActs(target, e.key)) {
          e.preventDefault();
          // Replayed only after a full burst gap has passed with no second key.
          held = { el: target, key: e.key, timer: setTimeout(() => releaseHeld(true), gapMs + 10) };
          return;
        }
      }
      // Outside text fields a burst's characters do nothing useful, but a space could
      // press a focused button: keep burst keys away from buttons and links.
      if (out.inBurst && !isEditable(target)) e.preventDefault();
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      releaseHeld(false);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, [enabled, maxGapMs, minLength, maxTerminatorGapMs]);
}
