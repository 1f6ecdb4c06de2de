// Pairing a station with the registry from the Settings screen (real renderer in Chromium,
// headless host and registry as real processes), then sync status as staff see it, and
// what happens when the registry goes away (first with a LAN hub to fall back on, then with
// none) and when the station is revoked.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/a11y';
import { VIEWPORT, launchBrowser, openStationPage, screenshot } from '../helpers/browser';
import { startHostProcess, type HostProcess } from '../../testkit/host';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { tempDir } from '../helpers/station';

describe('settings: pairing and sync status (Chromium, headless host, registry)', () => {
  let reg: RegistryProc;
  let host: HostProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Any free port for the hub this station may serve (never the shared default 8788).
    [reg, host, browser] = await Promise.all([startRegistryProc({ dataDir: tempDir('foyer-reg-e2e-') }), startHostProcess({ args: ['--hub-port', '0'] }), launchBrowser()]);
    await reg.admin('POST', '/v1/admin/demo', {});
    page = (await openStationPage(browser, host.url)).page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await reg?.kill('SIGTERM');
  });

  it('unpaired, the station says it is not connected to a registry — no upload count, no clock claim (#13.8)', async () => {
    // Scans made before pairing wait in the log, but there is nothing to upload them to yet.
    for (const text of ['NOT-A-BADGE-1', 'NOT-A-BADGE-2']) expect((await host.call('checkin.scan', { text })).ok).toBe(true);
    await page.goto(`${host.origin}/#/settings`);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state')).toBe('standalone');
    const facts = await page.getByTestId('sync-status').textContent();
    expect(facts).toContain('Not connected to a registry');
    expect(facts).not.toMatch(/in step with the registry|Waiting to upload|Last successful sync/);
    await expect.poll(() => page.getByTestId('status-sync').textContent()).toBe('Not connected to a registry');
    expect(await page.getByTestId('status-bar').textContent()).not.toMatch(/not yet uploaded/);
    await screenshot(page, 'settings-standalone');
  });

  it('a wrong pairing code is refused with a sentence, and nothing changes', async () => {
    await page.goto(`${host.origin}/#/settings`);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state')).toBe('standalone');
    await page.getByTestId('registry-url').fill(reg.url);
    await page.getByTestId('pairing-code').fill('AAAAA-BBBBB');
    await page.getByTestId('pair').click();
    await expect.poll(() => page.getByTestId('sync-note').textContent()).toMatch(/pairing code is wrong, was already used, or has expired/);
    expect(await page.getByTestId('sync-status').getAttribute('data-state')).toBe('standalone');
  });

  it('pairs with URL + code, then shows online, last sync and an empty outbox', async () => {
    const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Main entrance' });
    await page.getByTestId('pairing-code').fill(code.toLowerCase()); // typed in lower case: still accepted
    await page.getByTestId('pair').click();
    await expect.poll(() => page.getByTestId('sync-note').textContent(), { timeout: 15_000 }).toMatch(/Paired with the registry/);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
    await expect.poll(() => page.getByTestId('sync-outbox').textContent(), { timeout: 15_000 }).toBe('0 events');
    expect(await page.getByTestId('sync-last').textContent()).not.toBe('never');
    const stations = await reg.admin<{ name: string }[]>('GET', '/v1/admin/stations');
    expect(stations.map((s) => s.name)).toContain('Main entrance');
    await screenshot(page, 'settings-paired');
  });

  it('Settings switches this station to serving as a LAN hub and back; with a hub address typed in, it syncs via that hub when the registry is gone, and says so (#15)', async () => {
    // A second station, paired, serving as the hub.
    const hubHost = await startHostProcess({ args: ['--hub-port', '0', '--station-name', 'Back door'] });
    try {
      const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Back door' });
      expect((await hubHost.call<{ paired: boolean }>('sync.pair', { url: reg.url, code })).ok).toBe(true);
      const served = await hubHost.call<{ url: string | null; message: string | null }>('sync.hub', { enabled: true });
      if (!served.ok || !served.value.url) throw new Error(`the hub did not start: ${JSON.stringify(served)}`);
      await page.getByTestId('sync-now').click(); // this station learns the hub's station key
      await expect.poll(() => page.getByTestId('hub-path').textContent(), { timeout: 15_000 }).toBe('with the registry');
      await expect.poll(() => page.getByTestId('status-sync').textContent()).toMatch(/^Registry: synced/);

      // This station as the hub: on (its address shown), then off again.
      await page.getByTestId('hub-serve').check();
      await expect.poll(() => page.getByTestId('hub-serving').textContent(), { timeout: 15_000 }).toMatch(/^Serving other stations at https:\/\/[\w.:[\]]+:\d+$/);
      expect(await page.getByRole('switch', { name: 'Serve as LAN hub for this event' }).isChecked()).toBe(true);
      await page.getByTestId('hub-serve').uncheck();
      await expect.poll(() => page.getByTestId('hub-note').textContent()).toBe('This station no longer serves as a hub.');
      expect(await page.getByTestId('hub-serving').count()).toBe(0);

      // An address that is not the hub's kind is refused with a sentence; the hub's own is kept.
      await page.getByTestId('hub-address').fill('http://192.168.1.20:8788');
      await page.getByTestId('hub-address-save').click();
      await expect.poll(() => page.getByTestId('hub-note').textContent()).toBe('A hub is reached over HTTPS only.');
      await page.getByTestId('hub-address').fill(served.value.url);
      await page.getByTestId('hub-address-save').click();
      await expect.poll(() => page.getByTestId('hub-note').textContent()).toBe('Saved.');

      // The registry goes away: this station keeps in step through the hub, and says which path it uses.
      await reg.kill('SIGKILL');
      await page.getByTestId('sync-now').click();
      await expect.poll(() => page.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toBe('Via hub Back door – registry out of reach');
      await expect.poll(() => page.getByTestId('hub-path').textContent()).toBe('via hub Back door');
      expect(await page.getByTestId('sync-message').textContent()).toMatch(/^Via hub Back door: the registry is out of reach/);
      await page.setViewportSize({ width: 1024, height: 768 });
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('hub-card').scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-via-hub-1024');
      await page.setViewportSize(VIEWPORT);
    } finally {
      await hubHost.stop();
    }
    // The hub gone too: offline, said plainly; the address is cleared again (found on the network).
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toBe('Offline – saving locally');
    await expect.poll(() => page.getByTestId('hub-path').textContent()).toBe('with nobody – offline, scans are saved here');
    await page.getByTestId('hub-address-clear').click();
    await expect.poll(() => page.getByTestId('hub-address').inputValue()).toBe('');
  });

  it('goes offline by itself when the registry disappears, keeps scans queued, and catches up when it is back', async () => {
    await reg.kill('SIGKILL');
    const demo = await host.call<{ attendees: number }>('station.status');
    expect(demo.ok).toBe(true);
    await host.call('checkin.scan', { text: 'NOT-A-BADGE' });
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('offline');
    await expect.poll(() => page.getByTestId("sync-outbox").textContent()).toBe("1 event");
    await expect.poll(() => page.getByTestId('sync-message').textContent()).toMatch(/Scans are saved on this station/);
    await screenshot(page, 'settings-offline');
    await reg.start();
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => page.getByTestId('sync-outbox').textContent(), { timeout: 15_000 }).toBe('0 events');
  });

  it('a revoked station says plainly that it must be paired again', async () => {
    const st = await host.call<{ station: { id: string } }>('station.status');
    if (!st.ok) throw new Error('status failed');
    await reg.admin('POST', `/v1/admin/stations/${st.value.station.id}/revoke`, {});
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-message').textContent(), { timeout: 15_000 }).toBe(
      'This station was revoked or must be paired again. Ask the registry operator for a new pairing code.',
    );
    await screenshot(page, 'settings-revoked');
  });
});
