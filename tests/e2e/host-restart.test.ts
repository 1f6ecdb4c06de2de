// Restarting a station's headless host under an open tab (#13.1): the tab keeps working with
// no reload (the access key lives in the data folder, 0600), the status bar never says "not
// responding" once the station is back, and when the key truly changed (its file deleted) the
// tab says so plainly instead of claiming the station does not respond.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { ACCESS_KEY_FILE } from '../../station/host/access-key';
import { startHostProcess, type HostProcess } from '../../testkit/host';
import { tempDir } from '../../testkit/temp';
import { openStationPage, scanBurst, screenshot, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes);
const [a, b, c, d] = plain;

/** A port free right now, so the restarted host can listen where the tab expects it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('host restart under an open tab (Chromium, headless host)', () => {
  let host: HostProcess;
  let browser: Browser;
  let sp: StationPage;
  let page: Page;
  let port: number;
  const dataDir = tempDir('foyer-restart-');
  const start = () => startHostProcess({ dataDir, args: ['--port', String(port)] });
  const verdict = () => page.getByTestId('verdict');
  const statusBar = () => page.getByTestId('status-bar');
  const stored = async (code: string) => {
    const r = await host.call<{ attendee: { givenName: string } | null; verdict: string }[]>('checkin.recent', { limit: 20 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.some((x) => x.verdict === 'admitted' && x.attendee?.givenName === plain.find((p) => p.badgeCode === code)!.givenName);
  };

  const e2e = stationE2E({
    startHost: async () => {
      port = await freePort();
      return start();
    },
    onReady: (s) => ({ host, browser, sp, page } = s),
  });

  it('keeps its access key in the data folder, readable by the station user only', () => {
    const st = fs.statSync(path.join(dataDir, ACCESS_KEY_FILE));
    expect(st.mode & 0o777).toBe(0o600);
  });

  it('after a restart of its station, the open tab scans again and the scan is saved (no reload)', async () => {
    await scanBurst(page, a!.badgeCode);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await e2e.restartHost(async (old) => (await old.stop(), start()), { reopen: false }); // the same tab stays open
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, b!.badgeCode);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    expect(await page.getByTestId('verdict-name').textContent()).toBe(`${b!.givenName} ${b!.familyName}`);
    expect(await stored(b!.badgeCode)).toBe(true);
    // Once the station is back the status bar says nothing about it not responding.
    await expect.poll(() => statusBar().textContent(), { timeout: 20_000 }).not.toMatch(/not responding/);
    await expect.poll(() => page.getByTestId('status-count').textContent(), { timeout: 20_000 }).toMatch(/^2 \//);
    await screenshot(page, 'host-restart-reconnected');
  });

  it('a reload after the restart keeps working too', async () => {
    await page.reload();
    await page.getByTestId('status-station').waitFor();
    await scanBurst(page, c!.badgeCode);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    expect(await statusBar().textContent()).not.toMatch(/not responding|access key/);
  });

  it('when the key truly changed, the tab says its access key is no longer valid — not "not responding"', async () => {
    await e2e.restartHost(
      async (old) => {
        await old.stop();
        fs.rmSync(path.join(dataDir, ACCESS_KEY_FILE));
        return start();
      },
      { reopen: false },
    );
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, d!.badgeCode);
    await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 10_000 }).toBe('error');
    expect(await verdict().textContent()).toMatch(/Not saved.*access key is no longer valid.*Open the link the station printed/);
    await expect.poll(() => statusBar().textContent(), { timeout: 20_000 }).toMatch(/access key is no longer valid/);
    expect(await statusBar().textContent()).not.toMatch(/not responding/);
    expect(await stored(d!.badgeCode)).toBe(false);
    await screenshot(page, 'host-restart-key-changed');
    // The link the station prints now works.
    const fresh = await openStationPage(browser, host.url);
    await scanBurst(fresh.page, d!.badgeCode);
    await expect.poll(() => fresh.page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await fresh.page.context().close();
  });

  it('ran without uncaught errors', () => {
    // 401s and refused connections during the restart are logged by Chromium as failed loads; nothing else.
    expect(sp.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|WebSocket connection/.test(p))).toEqual([]);
  });
});
