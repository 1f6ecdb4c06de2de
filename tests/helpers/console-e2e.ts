// The organiser console in Debian Chromium for the e2e tests: a page on a registry (HTTPS with its
// own certificate is accepted, as an organiser accepts it after comparing the fingerprint), its
// console errors collected, logging in through the login form, and axe-core on whatever is shown.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../../testkit/host';
import { axeViolations } from './a11y';
import { screenshot, VIEWPORT } from './browser';

export const PHONE = { width: 375, height: 812 };

/** The console must have been built (`npm test` does; alone: `npm run build:console`). */
export function requireConsoleBuild(): void {
  if (!fs.existsSync(path.join(repoRoot, 'dist/console/index.html'))) throw new Error('dist/console is missing: run `npm run build:console` first (`npm test` does).');
}

export interface ConsolePage {
  page: Page;
  problems: string[];
}

export async function openConsole(browser: Browser, url: string, o: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: o.viewport ?? VIEWPORT, locale: o.locale ?? 'en-GB', ignoreHTTPSErrors: true, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  return { page, problems };
}

export async function loginWithToken(page: Page, token: string): Promise<void> {
  await page.getByTestId('login-mode-token').click();
  await page.getByTestId('login-token').fill(token);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
}

export async function loginWithPassword(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
}

/** Opens a page of the console by its menu entry (as a keyboard user would: focus the link, Enter). */
export async function goTo(page: Page, id: string): Promise<void> {
  const hash = await page.evaluate(() => location.hash);
  // Already there (an address without a page shows the live view, the first page every role may open).
  if (hash === `#/${id}` || ((hash === '' || hash === '#/') && id === 'live')) return;
  const link = page.getByTestId(`nav-${id}`);
  if (!(await link.isVisible())) await page.getByTestId('menu').click();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/${id}`);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-heading');
}

/** WCAG 2.1 AA violations on the page as shown now; the test fails listing them. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
}

/**
 * A screenshot in test-results/ (LOOK at it); one the README shows (`readme`) is also copied into
 * docs/screenshots/ when the run has FOYER_README_SCREENSHOTS=1, so the README's pictures are
 * made by the tests, never by hand.
 */
export async function picture(page: Page, name: string, readme = false): Promise<void> {
  const file = await screenshot(page, name);
  if (readme && process.env.FOYER_README_SCREENSHOTS) {
    const to = path.join(repoRoot, 'docs/screenshots', `${name}.png`);
    fs.copyFileSync(file, to);
    fs.chmodSync(to, 0o644);
  }
}
