// Accessibility and layout checks on a live page, for the e2e tests: axe-core's WCAG 2.1 AA
// rules (injected from the npm package, nothing fetched), and what a volunteer would see as
// broken at a small screen — a label wrapped mid-word, text cut off, a button below the fold.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

let axeSource: string | null = null;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.0/2.1 A and AA violations on the page (or inside `within`, a CSS selector),
 * one line each: "rule: what it means — the nodes".
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated through DevTools, as the page's strict CSP (rightly) refuses an injected <script>.
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ within, tags }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(within ? { include: [[within]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { within, tags: WCAG_AA },
  );
}

/** Texts of the matching elements that take more than one line (a label broken as 'Check-/in'). */
export function wrappedTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    // Text a person sees: not inside a visually hidden label (an icon button's words, clipped to 1 px).
    const hidden = (n: Node, root: Element) => {
      for (let e = n.parentElement; e && e !== root.parentElement; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.clip !== 'auto' || st.clipPath !== 'none' || (st.overflow === 'hidden' && e.clientWidth <= 1)) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue; // not shown
      const tops: number[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || hidden(n, el)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) tops.push(Math.round(r.top + r.height / 2));
      }
      // Pieces on the same line differ by a pixel or two; a new line is a line-height away.
      const lines = [...new Set(tops)].sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1]! > 6);
      if (lines.length > 1) out.push(el.textContent?.trim() ?? '');
    }
    return out;
  }, selector);
}

/** Texts of the matching elements whose content does not fit their box (cut or ellipsized). */
export function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (!el.offsetParent) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(el.textContent?.trim() ?? '');
    }
    return out;
  }, selector);
}

/** Whether an input's placeholder fits inside it, measured in the placeholder's own font. */
export function placeholderFits(input: Locator): Promise<{ fits: boolean; text: string; textPx: number; boxPx: number }> {
  return input.evaluate((el: HTMLInputElement) => {
    const s = getComputedStyle(el, '::placeholder');
    const box = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const text = el.placeholder;
    const spacing = parseFloat(s.letterSpacing) || 0;
    const textPx = ctx.measureText(text).width + spacing * [...text].length;
    const boxPx = el.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
    return { fits: textPx <= boxPx, text, textPx: Math.round(textPx), boxPx: Math.round(boxPx) };
  });
}

/** Whether the element is wholly inside the viewport and nothing covers its middle (a person can see and press it). */
export async function reachable(el: Locator): Promise<boolean> {
  const page = el.page();
  const vp = page.viewportSize()!;
  const b = await el.boundingBox();
  if (!b || b.x < 0 || b.y < 0 || b.x + b.width > vp.width + 0.5 || b.y + b.height > vp.height + 0.5) return false;
  return el.evaluate((node, [x, y]) => {
    const hit = document.elementFromPoint(x!, y!);
    return hit !== null && (hit === node || node.contains(hit));
  }, [b.x + b.width / 2, b.y + b.height / 2]);
}
