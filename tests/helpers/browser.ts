// Debian Chromium driven by playwright-core (no downloaded browsers), sized like the
// front-desk laptops (1366×768). Reused by every e2e test.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './host';

export const VIEWPORT = { width: 1366, height: 768 };

/** `extraArgs`: e.g. the fake-camera flags of tests/helpers/fake-camera.ts. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

export interface StationPage {
  page: Page;
  /** Console errors, CSP violations and uncaught exceptions seen so far. */
  problems: string[];
}

/**
 * Opens the station URL in a fresh context and waits for the status bar.
 * `clock`: install Playwright's controllable clock (time still flows; tests can
 * `page.clock.fastForward(ms)` to reach timeouts without waiting).
 */
export async function openStationPage(browser: Browser, url: string, opts: { clock?: boolean } = {}): Promise<StationPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  const page = await context.newPage();
  if (opts.clock) await page.clock.install();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.getByTestId('status-station').waitFor();
  return { page, problems };
}

/**
 * Types `text` the way a USB scanner does: one key every few milliseconds, then
 * Enter (or Tab). Goes to whatever element has focus, like a real scanner.
 */
export async function scanBurst(page: Page, text: string, opts: { delayMs?: number; terminator?: 'Enter' | 'Tab' } = {}): Promise<void> {
  await page.keyboard.type(text, { delay: opts.delayMs ?? 5 });
  await page.keyboard.press(opts.terminator ?? 'Enter');
}

/** test-results/<name>.png (gitignored); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(repoRoot, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
