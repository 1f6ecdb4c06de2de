// Settings a desk could not reach before (#13.5), through the real renderer: its admission rules
// (refuse repeat scans, the categories it admits) and badge printing (format; printer and silent
// printing where the desktop app's main process prints — here a stand-in preload bridge that
// answers print.* as electron/print.main.ts does and records what it was asked).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { HostProcess } from '../../testkit/host';
import { tool } from '../../testkit/tools';
import { openStationPage, scanBurst, screenshot } from '../helpers/browser';
import { tempDir } from '../helpers/station';
import { stationE2E, type StationSession } from '../helpers/station-e2e';

const people = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees.filter((a) => a.status === 'active' && a.validDays === null && !a.notes);
const of = (category: string, skip = 0) => people.filter((a) => a.category === category)[skip]!;

describe('settings: admission rules and badge printing (Chromium, headless host)', () => {
  let host: HostProcess;
  let page: Page;
  let session: StationSession;
  stationE2E({ onReady: (s) => ({ host, page } = session = s) });
  const verdict = () => page.getByTestId('verdict');

  it('refuse repeat scans, and only some categories at this desk', async () => {
    await page.goto(`${host.origin}/#/settings`);
    await expect.poll(() => page.getByTestId('desk-rules-origin').textContent()).toContain('Standard rules');
    await page.getByTestId('repeat-refuse').check();
    await page.getByTestId('categories-all').uncheck();
    await page.getByTestId('desk-rules-save').click();
    await expect.poll(() => page.getByTestId('desk-rules-note').textContent()).toBe('Choose at least one category, or All categories.');
    await page.getByTestId('category-media').check();
    await page.getByTestId('category-speaker').check();
    await page.getByTestId('desk-rules-save').click();
    await expect.poll(() => page.getByTestId('desk-rules-note').textContent()).toContain('Saved.');
    await expect.poll(() => page.getByTestId('desk-rules-origin').textContent()).toMatch(/^Set at this desk on /);
    await screenshot(page, 'settings-desk-rules');

    await page.goto(`${host.origin}/#/checkin`);
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, of('ngo').badgeCode);
    await expect.poll(() => page.getByTestId('verdict-reason').textContent(), { timeout: 10_000 }).toBe('NGO / civil society is not admitted at this entrance.');
    await scanBurst(page, of('media').badgeCode);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await scanBurst(page, of('media').badgeCode);
    await expect.poll(() => page.getByTestId('verdict-reason').textContent(), { timeout: 10_000 }).toMatch(/^Refused: already checked in at/);
  });

  it('the rules survive a reload of Settings and can be set back to everyone', async () => {
    await page.goto(`${host.origin}/#/settings`);
    await expect.poll(() => page.getByTestId('repeat-refuse').isChecked()).toBe(true);
    expect(await page.getByTestId('category-media').isChecked()).toBe(true);
    expect(await page.getByTestId('category-ngo').isChecked()).toBe(false);
    await page.getByTestId('categories-all').check();
    await page.getByTestId('repeat-warn').check();
    await page.getByTestId('desk-rules-save').click();
    await expect.poll(() => page.getByTestId('desk-rules-note').textContent()).toContain('Saved.');
    const r = await host.call<{ repeatPolicy: string; allowedCategories: null }>('desk.rules');
    expect(r.ok && r.value).toMatchObject({ repeatPolicy: 'warn', allowedCategories: null });
  });

  it('in a browser the badge format applies to the downloaded PDF; printer and silent printing are the desktop app’s', async () => {
    await page.goto(`${host.origin}/#/settings`);
    expect(await page.getByTestId('print-printer').isDisabled()).toBe(true);
    expect(await page.getByTestId('print-silent').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('print-settings').textContent()).toContain('Printer and silent printing can be chosen in the desktop app.');
    await page.getByTestId('print-template').selectOption('a6');
    await expect.poll(() => page.getByTestId('print-saved').textContent()).toBe('Saved for this computer.');
    await screenshot(page, 'settings-printing-browser');
    await page.goto(`${host.origin}/#/checkin`);
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, of('io').badgeCode);
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('print-badge').click()]);
    const file = path.join(tempDir('foyer-e2e-print-'), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toContain('a6');
    // A6 is 105 × 148 mm = 297.6 × 419.5 pt.
    expect(execFileSync(tool('pdfinfo'), [file], { encoding: 'utf8' })).toMatch(/Page size:\s+297\.\d+ x 419\.\d+ pts/);
  });

  it('in the desktop app the chosen printer and silent printing reach the main process with the badge', async () => {
    // A stand-in for the preload bridge: print.* answered as electron/print.main.ts would, the rest passed to the host.
    const { page: app } = await openStationPage(session.browser, host.url, {
      init: () => {
        const token = /token=([^&]+)/.exec(location.hash)?.[1] ?? sessionStorage.getItem('stand-in.token') ?? '';
        sessionStorage.setItem('stand-in.token', token);
        const asked: unknown[] = [];
        (window as unknown as { __printAsked: unknown[] }).__printAsked = asked;
        (window as unknown as { foyer: unknown }).foyer = {
          async call(method: string, args: unknown) {
            if (method === 'print.printers') return { ok: true, value: [{ name: 'ZC300', displayName: 'Zebra ZC300 (front desk)' }, { name: 'Office', displayName: 'Office laser' }] };
            if (method === 'print.badge') {
              asked.push(args);
              return { ok: true, value: { printed: true, cancelled: false, pdfPath: null, message: 'Badge sent to the printer.' } };
            }
            const res = await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${decodeURIComponent(token)}` }, body: JSON.stringify({ method, args }) });
            return res.json();
          },
          subscribe: () => () => {},
        };
      },
    });
    await app.goto(`${host.origin}/#/settings`);
    await expect.poll(() => app.getByTestId('print-printer').isDisabled()).toBe(false);
    await app.getByTestId('print-printer').selectOption('ZC300');
    await app.getByTestId('print-silent').check();
    await app.getByTestId('print-template').selectOption('cr80');
    await screenshot(app, 'settings-printing-desktop');
    await app.goto(`${host.origin}/#/checkin`);
    await app.getByTestId('scan-input').fill(of('io', 1).badgeCode);
    await app.getByTestId('scan-input').press('Enter');
    await expect.poll(() => app.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await app.getByTestId('print-badge').click();
    await expect.poll(() => app.getByTestId('badge-status').textContent()).toContain('Badge sent to the printer.');
    const asked = await app.evaluate(() => (window as unknown as { __printAsked: unknown[] }).__printAsked);
    expect(asked).toEqual([{ attendeeId: of('io', 1).id, template: 'cr80', printer: 'ZC300', silent: true }]);
    await app.context().close();
  });
});
