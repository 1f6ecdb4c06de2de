// Real keyboard layouts from the X keyboard configuration database (Debian xkb-data), read
// through libxkbcommon's `xkbcli` — the independent referee for core/keyboard/layouts.ts and
// for simulating what a laptop types when a scanner presses a key (tests) — and the source
// that scripts/keyboard-layouts.ts writes the table from.
import { execFileSync } from 'node:child_process';
import { tool } from './tools';

/** xkb key names of the main block → KeyboardEvent.code (UI Events KeyboardEvent code values). */
export const XKB_KEY_CODES: Record<string, string> = {
  TLDE: 'Backquote', AE01: 'Digit1', AE02: 'Digit2', AE03: 'Digit3', AE04: 'Digit4', AE05: 'Digit5', AE06: 'Digit6',
  AE07: 'Digit7', AE08: 'Digit8', AE09: 'Digit9', AE10: 'Digit0', AE11: 'Minus', AE12: 'Equal',
  AD01: 'KeyQ', AD02: 'KeyW', AD03: 'KeyE', AD04: 'KeyR', AD05: 'KeyT', AD06: 'KeyY', AD07: 'KeyU', AD08: 'KeyI',
  AD09: 'KeyO', AD10: 'KeyP', AD11: 'BracketLeft', AD12: 'BracketRight',
  AC01: 'KeyA', AC02: 'KeyS', AC03: 'KeyD', AC04: 'KeyF', AC05: 'KeyG', AC06: 'KeyH', AC07: 'KeyJ', AC08: 'KeyK',
  AC09: 'KeyL', AC10: 'Semicolon', AC11: 'Quote', BKSL: 'Backslash',
  LSGT: 'IntlBackslash', AB01: 'KeyZ', AB02: 'KeyX', AB03: 'KeyC', AB04: 'KeyV', AB05: 'KeyB', AB06: 'KeyN',
  AB07: 'KeyM', AB08: 'Comma', AB09: 'Period', AB10: 'Slash', SPCE: 'Space',
};

/** What one level of a key gives: a character, a dead key (accent for the next key), or nothing. */
export type XkbSymbol = { char: string } | { dead: string } | null;

/** Levels 1–4 (none, Shift, AltGr, Shift+AltGr) of each main-block key. */
export type XkbLayout = Record<string, XkbSymbol[]>;

const RANGES: [number, number][] = [[0x20, 0x7e], [0xa0, 0xff], [0x100, 0x17f], [0x400, 0x45f], [0x2013, 0x2044], [0x20ac, 0x20ac], [0x2116, 0x2116]];
let names: Map<string, string> | null = null;

/** Keysym name → character, as libxkbcommon itself names each code point. */
function keysymNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const xkbcli = tool('xkbcli');
  for (const [a, b] of RANGES) {
    for (let cp = a; cp <= b; cp++) {
      const out = execFileSync(xkbcli, ['how-to-type', '--layout', 'us', String(cp)], { encoding: 'utf8' });
      const m = /^keysym: (\S+)/m.exec(out);
      if (m && !names.has(m[1]!)) names.set(m[1]!, String.fromCodePoint(cp));
    }
  }
  return names;
}

function symbol(name: string): XkbSymbol {
  if (name.startsWith('dead_')) return { dead: name };
  if ([...name].length === 1) return { char: name };
  const u = /^U([0-9A-Fa-f]{4,6})$/.exec(name);
  if (u) return { char: String.fromCodePoint(parseInt(u[1]!, 16)) };
  const c = keysymNames().get(name);
  return c ? { char: c } : null;
}

const cache = new Map<string, XkbLayout>();

/** The compiled keymap of `layout` (e.g. 'de', 'ch' with variant 'fr'), main block only. */
export function xkbLayout(layout: string, variant = ''): XkbLayout {
  const id = `${layout}(${variant})`;
  const hit = cache.get(id);
  if (hit) return hit;
  const keymap = execFileSync(tool('xkbcli'), ['compile-keymap', '--layout', layout, '--variant', variant], { encoding: 'utf8' });
  const out: XkbLayout = {};
  for (const m of keymap.matchAll(/key <(\w+)>\s*\{([^}]*)\}/g)) {
    const code = XKB_KEY_CODES[m[1]!];
    if (!code) continue;
    // `[ a, A, … ]`, possibly after `symbols[Group1]=`: the first bracket group that lists symbols.
    const group = [...m[2]!.matchAll(/\[([^\]]*)\]/g)].map((g) => g[1]!).find((g) => g.trim() !== 'Group1');
    if (!group) continue;
    out[code] = group
      .split(',')
      .map((s) => s.trim())
      .slice(0, 4)
      .map((n) => (n === 'NoSymbol' ? null : symbol(n)));
  }
  cache.set(id, out);
  return out;
}
