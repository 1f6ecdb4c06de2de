// A scanner set to one keyboard layout on a computer set to another (#13.14). The layouts are
// the real ones of the X keyboard configuration database (xkb-data, read through libxkbcommon's
// xkbcli): the committed table must equal them, and every typing simulation below asks them
// which key and level a scanner presses for a character, and what the computer makes of it.
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../core/keyboard/layouts';
import { SCANNER_LAYOUTS, type ScannerLayout } from '../../core/keyboard/layout-list';
import { readAs, scanReadings, type KeyStroke } from '../../core/keyboard/scanner-text';
import { BurstDetector } from '../../renderer/src/scanner/burst';
import { xkbLayout, type XkbLayout } from '../../testkit/xkb';

/** Computer layouts of the venues we serve: Germany, Austria, Switzerland, France, Belgium, Russia — and the US. */
const COMPUTERS = [
  { id: 'us', xkb: 'us' },
  { id: 'de', xkb: 'de' },
  { id: 'at', xkb: 'at' },
  { id: 'ch', xkb: 'ch' },
  { id: 'fr', xkb: 'fr' },
  { id: 'be', xkb: 'be' },
  { id: 'ru', xkb: 'ru' },
] as const;

/** The keys (and levels) a keyboard set to `layout` presses to type `text`; null if it cannot. */
function keysFor(text: string, layout: XkbLayout): KeyStroke[] | null {
  const out: KeyStroke[] = [];
  for (const ch of text) {
    let hit: KeyStroke | null = null;
    for (const level of [0, 1, 2, 3]) {
      const code = Object.keys(layout).find((c) => {
        const s = layout[c]![level];
        return s && 'char' in s && s.char === ch;
      });
      if (code) {
        hit = { key: ch, code, shift: level % 2 === 1, altGraph: level >= 2 };
        break;
      }
    }
    if (!hit) return null;
    out.push(hit);
  }
  return out;
}

/** What a computer set to `layout` reports for those keys: its own characters; accent keys are 'Dead'. */
function typedOn(keys: KeyStroke[], layout: XkbLayout): { typed: string; strokes: KeyStroke[] } {
  const strokes = keys.map((k) => {
    const s = layout[k.code]?.[(k.altGraph ? 2 : 0) + (k.shift ? 1 : 0)];
    const key = !s ? 'Unidentified' : 'dead' in s ? 'Dead' : s.char;
    return { ...k, key };
  });
  return { typed: strokes.map((s) => ([...s.key].length === 1 ? s.key : '')).join(''), strokes };
}

// Real badge texts of every format the station reads: the demo's plain codes and walk-in codes
// (RFC 4648 base32 letters and digits with '-'), a Foyer signed badge (FY1: + base32), an
// Indico 3.3 ticket QR (compact JSON with base64), a pretix secret (lower-case letters and digits).
const BADGES = [
  'A23-CWKLGS',
  'A23-YZ7QMX',
  'W-K7P2MX9Q',
  'FY1:AEBAGBAFAYDQQCIKBMGA2DQPCAIREEYUCULBOGAZDINRYHI6D4QCAEAQCAIBAEAQCAIBAEAQCAIBAEAQ',
  '{"i":[2,"indico.un.org","8d3uQ0N7TjGm1w+Ov/Zf9g=="]}',
  'fsxmbdr3xvf5xdutngvgu2hzvxgsy2kp',
];

describe('keyboard layout tables', () => {
  it.each(SCANNER_LAYOUTS.map((l) => [l.id, l] as const))('%s equals xkb-data, key by key and level by level', (_id, l) => {
    const expected: Record<string, string[]> = {};
    for (const [code, levels] of Object.entries(xkbLayout(l.xkb, l.variant))) {
      const chars = levels.map((s) => (s && 'char' in s ? s.char : ''));
      while (chars.length > 0 && chars[chars.length - 1] === '') chars.pop();
      if (chars.length > 0) expected[code] = chars;
    }
    expect(LAYOUTS[l.id]).toEqual(expected);
  });
});

describe('the issue as reported, on the real layouts', () => {
  const us = xkbLayout('us');
  it('a US-set scanner on a German/Austrian laptop types ß for -, swaps Y and Z, Ö for :', () => {
    for (const os of ['de', 'at']) {
      expect(typedOn(keysFor('A23-CWKLGS', us)!, xkbLayout(os)).typed).toBe('A23ßCWKLGS');
      expect(typedOn(keysFor('FY1:', us)!, xkbLayout(os)).typed).toBe('FZ1Ö');
    }
  });
  it('on French AZERTY the same badge arrives as Qé")CZKLGS', () => {
    expect(typedOn(keysFor('A23-CWKLGS', us)!, xkbLayout('fr')).typed).toBe('Qé")CZKLGS');
  });
  it('on a Russian laptop the letters arrive in Cyrillic', () => {
    expect(typedOn(keysFor('A23-CWKLGS', us)!, xkbLayout('ru')).typed).toBe('Ф23-СЦЛДПЫ');
  });
});

describe('every scanner layout on every computer layout: the badge is among the readings', () => {
  for (const scanner of SCANNER_LAYOUTS) {
    for (const computer of COMPUTERS) {
      it(`scanner ${scanner.id} → computer ${computer.id}`, () => {
        const scannerKeys = xkbLayout(scanner.xkb, scanner.variant);
        let mismatched = 0;
        for (const badge of BADGES) {
          const keys = keysFor(badge, scannerKeys);
          if (!keys) continue; // this scanner layout cannot type the badge at all
          const { typed, strokes } = typedOn(keys, xkbLayout(computer.xkb));
          if (typed !== badge) mismatched++;
          const readings = scanReadings(typed, strokes);
          expect(readings.map((r) => r.text), `${badge} typed as ${typed}`).toContain(badge);
          // The scanner's own layout reads it back exactly.
          expect(readAs(strokes, scanner.id)).toBe(badge);
        }
        // Same layout on both sides: nothing to correct. Different ones: the problem is real.
        if (scanner.xkb === computer.xkb || (scanner.id === 'de' && computer.id === 'at')) expect(mismatched).toBe(0);
        else expect(mismatched).toBeGreaterThan(0);
      });
    }
  }

  it('the typed text comes first, and readings are distinct', () => {
    const keys = keysFor('A23-CWKLGS', xkbLayout('us'))!;
    const { typed, strokes } = typedOn(keys, xkbLayout('de'));
    const readings = scanReadings(typed, strokes);
    expect(readings[0]).toEqual({ text: 'A23ßCWKLGS', layout: null });
    expect(new Set(readings.map((r) => r.text)).size).toBe(readings.length);
    expect(readings.find((r) => r.text === 'A23-CWKLGS')?.layout).toBe('us');
  });

  it('without physical key codes (a device that sends none) only the typed text is tried', () => {
    const strokes = [...'A23ßCWKLGS'].map((key) => ({ key, code: '', shift: false, altGraph: false }));
    expect(scanReadings('A23ßCWKLGS', strokes)).toEqual([{ text: 'A23ßCWKLGS', layout: null }]);
  });
});

describe('the burst detector keeps what the reading needs', () => {
  it('reports each key with its physical code, Shift and AltGr; accent (dead) keys do not break the burst', () => {
    // A US scanner's {"i":[2,… on a German laptop: '=' and '+' are dead keys there, '{' needs Shift.
    const keys = keysFor('{"i":[2,"x"]}==', xkbLayout('us'))!;
    const { strokes } = typedOn(keys, xkbLayout('de'));
    const d = new BurstDetector();
    let t = 0;
    let out = null as ReturnType<BurstDetector['feed']> | null;
    for (const s of strokes) out = d.feed({ key: s.key, code: s.code, shift: s.shift, altGraph: s.altGraph, t: (t += 8) });
    expect(strokes.some((s) => s.key === 'Dead')).toBe(true);
    out = d.feed({ key: 'Enter', code: 'Enter', t: (t += 8) });
    expect(out.kind).toBe('scan');
    if (out.kind !== 'scan') return;
    expect(out.strokes.map((s) => s.code)).toEqual(keys.map((k) => k.code));
    expect(scanReadings(out.text, out.strokes).map((r) => r.text)).toContain('{"i":[2,"x"]}==');
  });

  it('an AltGr character inside a burst (Ctrl+Alt on Windows) is part of the scan, not a shortcut', () => {
    // A German-set scanner typing '@' presses AltGr+Q; on a US laptop that is Right Alt + Q.
    const d = new BurstDetector();
    d.feed({ key: 'a', code: 'KeyA', t: 0 });
    d.feed({ key: 'q', code: 'KeyQ', ctrl: true, alt: true, altGraph: true, t: 6 });
    d.feed({ key: 'b', code: 'KeyB', t: 12 });
    d.feed({ key: 'c', code: 'KeyC', t: 18 });
    const out = d.feed({ key: 'Enter', code: 'Enter', t: 24 });
    expect(out.kind).toBe('scan');
    if (out.kind === 'scan') expect(readAs(out.strokes, 'de')).toBe('a@bc');
  });
});
