// The real desktop app through Playwright's Electron driver: hardened window, the
// bridge and nothing else in the page, a badge scanned through the UI, navigation,
// window.open and remote fetches refused. Needs the Electron binary (and
// better-sqlite3 rebuilt for Electron), which cannot be installed on the project's
// CI machines: it runs only with FOYER_ELECTRON_E2E=1 where the binary exists. The
// same main process is covered without the binary by
// tests/integration/electron-main.test.ts and tests/unit/electron-security.test.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { scanBurst, screenshot } from '../helpers/browser';
import { tempDir } from '../helpers/station';

const root = path.resolve(__dirname, '../..');

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const skipReason =
  process.env.FOYER_ELECTRON_E2E !== '1'
    ? 'set FOYER_ELECTRON_E2E=1 to run it'
    : binary === null
      ? 'no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD / offline)'
      : null;

describe.skipIf(skipReason !== null)(`desktop app in real Electron${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
  const person = demo.find((a) => a.status === 'active' && a.validDays === null && !a.notes)!;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) throw new Error('Run `npm run build:renderer` first.');
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({
      executablePath: binary!,
      // Chromium refuses its OS sandbox as root (containers); the page sandbox settings still apply.
      args: [root, '--data', tempDir('foyer-electron-e2e-'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the renderer from app://foyer/ with its CSP in a 1366×768 window', async () => {
    expect(page.url()).toBe('app://foyer/index.html');
    const win = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      return { size: w.getSize(), crashed: w.webContents.isCrashed() };
    });
    expect(win).toEqual({ size: [1366, 768], crashed: false });
    // Sandboxed + isolated: the page's world has no Node, checked in the next test.
    const headers = await page.evaluate(() => fetch('./index.html').then((r) => r.headers.get('content-security-policy')));
    expect(headers).toMatch(/default-src 'self'/);
  });

  it('gives the page the bridge and nothing of Node or Electron', async () => {
    const shape = await page.evaluate(() => ({
      foyer: Object.keys((window as unknown as { foyer: object }).foyer).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
    }));
    expect(shape).toEqual({ foyer: ['call', 'subscribe'], require: 'undefined', process: 'undefined', module: 'undefined' });
    const status = await page.evaluate(() => (window as unknown as { foyer: { call: (m: string, a: unknown) => Promise<unknown> } }).foyer.call('station.status', {}));
    expect(status).toMatchObject({ ok: true, value: { attendees: demo.length } });
  });

  it('admits a badge scanned on the check-in screen', async () => {
    await scanBurst(page, person.badgeCode);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await screenshot(page, 'electron-checkin-admitted');
  });

  it('refuses navigation away, window.open and requests to the network', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe('app://foyer/index.html');
    expect(app.windows()).toHaveLength(1);
  });
});
