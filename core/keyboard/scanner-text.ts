// A handheld scanner types by pressing keys as its own keyboard layout would; the computer
// turns those keys into characters with ITS layout. When the two differ (a US-set scanner on
// an Austrian laptop: 'A23-CWKLGS' arrives as 'A23ßCWKLGS', 'FY1:' as 'FY1Ö'; on French AZERTY
// as 'Qé")CZKLGS'), the characters are wrong but the physical keys (KeyboardEvent.code) are
// not. So each burst is read twice: as typed, and as each common scanner layout meant the
// same keys. The station admits the first reading that is a valid badge.
import { LAYOUTS } from './layouts';
import { SCANNER_LAYOUTS, type ScannerLayout } from './layout-list';

/** One key of a burst, as the browser reported it. */
export interface KeyStroke {
  /** KeyboardEvent.key: the character the computer's layout made ('Dead' for an accent key). */
  key: string;
  /** KeyboardEvent.code: the physical key ('KeyA', 'Minus'…); '' when the device sent none. */
  code: string;
  shift: boolean;
  /** AltGr (or Ctrl+Alt, or Right Alt on a layout without AltGr) was held. */
  altGraph: boolean;
}

export interface Reading {
  text: string;
  /** null: the text as the computer typed it. */
  layout: ScannerLayout | null;
}

/** At most this many readings go to the station per burst (the typed text included). */
export const MAX_READINGS = 6;

/** The text a scanner set to `layout` meant by these keys; null if one of them types nothing there. */
export function readAs(strokes: readonly KeyStroke[], layout: ScannerLayout): string | null {
  const table: Readonly<Record<string, readonly string[]>> = LAYOUTS[layout];
  let out = '';
  for (const s of strokes) {
    const ch = table[s.code]?.[(s.altGraph ? 2 : 0) + (s.shift ? 1 : 0)];
    if (!ch) return null;
    out += ch;
  }
  return out;
}

/**
 * The distinct readings of one burst, the typed text first, then each scanner layout's (US
 * first: most scanners leave the factory set to it). Without physical key codes there is
 * only the typed text.
 */
export function scanReadings(typed: string, strokes: readonly KeyStroke[]): Reading[] {
  const out: Reading[] = [{ text: typed, layout: null }];
  if (strokes.length === 0 || strokes.some((s) => !s.code)) return out;
  for (const l of SCANNER_LAYOUTS) {
    const text = readAs(strokes, l.id);
    if (text !== null && !out.some((r) => r.text === text)) out.push({ text, layout: l.id });
  }
  return out.slice(0, MAX_READINGS);
}
