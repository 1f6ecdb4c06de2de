// WCAG AA contrast of the colour pairs the screens draw, measured from the shipped CSS:
// the light tokens (renderer/src/styles/base.css) and the dark theme
// (renderer/src/theme/dark.css). Text ≥ 4.5:1; the focus ring ≥ 3:1 against what it sits on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function tokens(file: string, selector: string): Record<string, string> {
  const css = fs.readFileSync(path.join(root, file), 'utf8');
  const start = css.indexOf(selector);
  const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = tokens('renderer/src/styles/base.css', ':root');
const dark = { ...light, ...tokens('renderer/src/theme/dark.css', ":root[data-theme='dark']") };

// [foreground, background] as the CSS uses them; '#fff' is written literally in the CSS.
const TEXT_PAIRS: [string, string][] = [
  ['text', 'surface'], ['text', 'bg'], ['muted', 'surface'], ['muted', 'bg'],
  ['text', 'ok-bg'], ['text', 'warn-bg'], ['text', 'bad-bg'], ['text', 'slate-bg'], ['text', 'neutral'],
  ['muted', 'ok-bg'], ['muted', 'warn-bg'], ['muted', 'bad-bg'], ['muted', 'slate-bg'],
  ['#ffffff', 'ok'], ['#ffffff', 'bad'], ['#ffffff', 'slate'], ['#ffffff', 'accent'],
  ['warn-text', 'warn'],
];
const LIGHT_ONLY: [string, string][] = [['ok', 'surface'], ['ok', 'ok-bg'], ['bad', 'surface'], ['bad', 'bad-bg'], ['accent', 'surface'], ['warn-text', 'warn-bg']];
const DARK_ONLY: [string, string][] = [
  ['ok-text', 'surface'], ['ok-text', 'ok-bg'], ['bad-text', 'surface'], ['bad-text', 'bad-bg'],
  ['warn-on-dark', 'surface'], ['warn-on-dark', 'warn-bg'], ['text', 'active-bg'], ['muted', 'active-bg'], ['slate', 'text'],
];

const colour = (t: Record<string, string>, k: string) => (k.startsWith('#') ? k : t[k]);

describe.each([
  ['light', light, LIGHT_ONLY],
  ['dark', dark, DARK_ONLY],
] as const)('%s theme', (_name, theme, extra) => {
  it.each([...TEXT_PAIRS, ...extra])('%s on %s is at least 4.5:1', (fg, bg) => {
    const a = colour(theme, fg);
    const b = colour(theme, bg);
    expect(a, fg).toMatch(/^#[0-9a-f]{6}$/);
    expect(b, bg).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(a!, b!)).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus ring stands out (≥ 3:1) on surface and background', () => {
    expect(contrast(theme.focus!, theme.surface!)).toBeGreaterThanOrEqual(3);
    expect(contrast(theme.focus!, theme.bg!)).toBeGreaterThanOrEqual(3);
  });
});

it('the contrast formula matches WCAG reference values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});
