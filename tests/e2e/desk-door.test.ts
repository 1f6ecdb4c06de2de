// A front desk made a room door, and back (#13.4), through the real renderer: both switches
// ask first, the desk's name comes back, and check-ins made afterwards are recorded at the desk.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { HostProcess } from '../../testkit/host';
import { scanBurst, screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const people = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees.filter((a) => a.status === 'active' && a.validDays === null && !a.notes);

describe('desk ↔ door (Chromium, headless host)', () => {
  let host: HostProcess;
  let page: Page;
  stationE2E({ onReady: (s) => ({ host, page } = s) });
  const stationName = () => page.getByTestId('status-station').textContent();

  it('a desk becomes a door only after a confirmation; "keep as front desk" changes nothing', async () => {
    await page.goto(`${host.origin}/#/door`);
    await page.getByTestId('door-room').selectOption('forschungssaal');
    await page.getByTestId('door-save').click();
    await page.getByTestId('use-as-door-no').click();
    expect(await stationName()).toContain('Front desk 1');
    await page.getByTestId('door-save').click();
    await page.getByTestId('use-as-door-yes').click();
    await expect.poll(() => page.locator('.door__station').textContent()).toBe('Forschungssaal – Entry');
    await expect.poll(stationName).toContain('Forschungssaal – Entry');
  });

  it('while a door, the check-in screen says so and offers the way back', async () => {
    await page.goto(`${host.origin}/#/checkin`);
    await expect.poll(() => page.getByTestId('door-station-notice').textContent()).toContain('room door “Forschungssaal – Entry”');
    await screenshot(page, 'desk-door-notice');
  });

  it('goes back to the front desk after a confirmation naming it; its name returns and check-ins are recorded there', async () => {
    await page.goto(`${host.origin}/#/door`);
    await page.getByTestId('use-as-desk').click();
    await expect.poll(() => page.getByTestId('use-as-desk-confirm').textContent()).toContain('front desk “Front desk 1” again');
    await screenshot(page, 'desk-door-back-confirm');
    await page.getByTestId('use-as-desk-yes').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/checkin');
    await expect.poll(stationName).toContain('Front desk 1');
    expect(await page.getByTestId('door-station-notice').count()).toBe(0);
    const a = people[0]!;
    await scanBurst(page, a.badgeCode);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await scanBurst(page, a.badgeCode);
    await expect.poll(() => page.getByTestId('verdict-reason').textContent(), { timeout: 10_000 }).toMatch(/Already checked in at .*\(Front desk 1\)/);
    // The door screen offers setting up a door again, from scratch.
    await page.goto(`${host.origin}/#/door`);
    await page.getByTestId('door-setup').waitFor();
    await screenshot(page, 'desk-door-back');
  });
});
