// Debian Chromium driven by playwright-core (no downloaded browsers), sized like the
// front-desk laptops (1366×768). Reused by every e2e test.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { repoRoot } from '../../testkit/host';
import { tool } from '../../testkit/tools';

export const VIEWPORT = { width: 1366, height: 768 };

/** `extraArgs`: e.g. the fake-camera flags of tests/helpers/fake-camera.ts. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: tool('chromium'),
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
 * `page.clock.fastForward(ms)` to reach timeouts without waiting). It also rewrites
 * key events' timeStamp, so scanBurst() on such a page is not seen as a burst.
 */
export async function openStationPage(browser: Browser, url: string, opts: { clock?: boolean; init?: () => void } = {}): Promise<StationPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  const page = await context.newPage();
  if (opts.clock) await page.clock.install();
  // `init` runs in the page before its own scripts (e.g. a stand-in for the desktop app's preload bridge).
  if (opts.init) await page.addInitScript(opts.init);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.getByTestId('status-station').waitFor();
  return { page, problems };
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpFor(page: Page): Promise<CDPSession> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  return session;
}

/** One key a scanner presses: `key` is what the computer's layout makes of it ('Dead' for an accent key). */
export interface ScannerKey {
  key: string;
  /** KeyboardEvent.code, the physical key; omitted: a device that reports none. */
  code?: string;
  shift?: boolean;
}

const SHIFT = 8; // CDP modifier bit

/**
 * Presses `keys` the way a USB scanner does: one key every `delayMs` (default 8 ms), Shift
 * pressed around capitals, then Enter (or Tab), into whatever element has focus. Keys go
 * through the DevTools protocol as trusted input with hardware-style timestamps, as a real
 * keyboard's events carry the time the OS saw them: the burst reads as a burst however loaded
 * the test machine is (page.keyboard.type timestamps drift with CPU load).
 */
export async function scanKeys(page: Page, keys: ScannerKey[], opts: { delayMs?: number; terminator?: 'Enter' | 'Tab' } = {}): Promise<void> {
  const cdp = await cdpFor(page);
  const step = (opts.delayMs ?? 8) / 1000;
  let t = Date.now() / 1000;
  for (const k of keys) {
    const modifiers = k.shift ? SHIFT : 0;
    if (k.shift) await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers, timestamp: t });
    const printable = [...k.key].length === 1;
    await cdp.send('Input.dispatchKeyEvent', {
      type: printable ? 'keyDown' : 'rawKeyDown',
      key: k.key,
      ...(k.code ? { code: k.code } : {}),
      ...(printable ? { text: k.key, unmodifiedText: k.key } : {}),
      modifiers,
      timestamp: t,
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, ...(k.code ? { code: k.code } : {}), modifiers, timestamp: t + step / 4 });
    if (k.shift) await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, timestamp: t + step / 2 });
    t += step;
  }
  const end = opts.terminator ?? 'Enter';
  const terminator = end === 'Enter' ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' } : { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
  await cdp.send('Input.dispatchKeyEvent', { type: end === 'Enter' ? 'keyDown' : 'rawKeyDown', ...terminator, timestamp: t });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: terminator.key, code: terminator.code, windowsVirtualKeyCode: terminator.windowsVirtualKeyCode, timestamp: t + step / 2 });
}

/** Types `text` as a scanner burst (characters only, as in the computer's own layout). */
export function scanBurst(page: Page, text: string, opts: { delayMs?: number; terminator?: 'Enter' | 'Tab' } = {}): Promise<void> {
  return scanKeys(page, [...text].map((key) => ({ key })), opts);
}

/** test-results/<name>.png (gitignored); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(repoRoot, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
