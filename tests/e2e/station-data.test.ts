// The station's own data at the desk, in Chromium on the headless host:
//  - a database that cannot be written: the desk sees the sentence, never a verdict;
//  - Settings → "Forget this event": asks first (Cancel has the focus), then wipes the
//    station and the screens start again clean.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { userMessageFor } from '../../station/errors';
import { scanBurst, screenshot, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { type HostProcess } from '../../testkit/host';

describe('station data at the desk (Chromium, headless host)', () => {
  let host: HostProcess;
  let sp: StationPage;
  let page: Page;
  // The demo generator is deterministic: the host seeds exactly these people.
  const code = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees.find((a) => a.status === 'active' && a.validDays === null && !a.notes)!.badgeCode;
  const verdict = () => page.getByTestId('verdict');

  stationE2E({ onReady: (s) => ({ host, sp, page } = s) });

  it('a read-only database: the sentence is shown and nobody appears admitted', async () => {
    // The exact answer the station gives when SQLite refuses the write (tests/unit/readonly-db.test.ts).
    const answer = { ok: false, error: userMessageFor(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' })) };
    await page.route('**/api/call', async (route) => {
      const body = route.request().postDataJSON() as { method: string };
      if (body.method === 'checkin.scan') await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
      else await route.continue();
    });
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, code);
    await expect.poll(() => verdict().getAttribute('data-state'), { timeout: 10_000 }).toBe('error');
    expect(await verdict().getAttribute('data-verdict')).toBeNull();
    // (The screen words it in the desk's language from the error code.)
    expect(await verdict().textContent()).toMatch(/cannot write to its database.*NOT saved.*tech desk/);
    await screenshot(page, 'station-data-readonly');
    await page.unroute('**/api/call');
    await scanBurst(page, code);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
  });

  it('Forget this event: asks first with Cancel focused, then wipes the station and starts clean', async () => {
    await page.goto(`${host.origin}/#/settings`);
    await page.getByTestId('forget-open').click();
    const dialog = page.getByTestId('forget-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('forget-cancel');
    await screenshot(page, 'station-data-forget-dialog');
    // Escape/cancel keeps everything.
    await page.getByTestId('forget-cancel').click();
    expect(await dialog.isVisible()).toBe(false);
    const kept = await host.call<{ checkedInToday: number }>('station.status');
    expect(kept.ok && kept.value.checkedInToday).toBe(1);

    await page.getByTestId('forget-open').click();
    await page.getByTestId('forget-confirm').click();
    await expect.poll(() => page.getByTestId('forget-note').textContent(), { timeout: 10_000 }).toContain('was deleted');
    await screenshot(page, 'station-data-forgotten');
    const st = await host.call<{ checkedInToday: number; outbox: number }>('station.status');
    expect(st.ok && st.value).toMatchObject({ checkedInToday: 0, outbox: 0 });

    // Back at the desk the same person is a first admission again: the old scan is gone.
    await page.goto(`${host.origin}/#/checkin`);
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, code);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
  });

  it('ran without console errors', () => {
    expect(sp.problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});
