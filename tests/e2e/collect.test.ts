// The badge desk through the real renderer in Debian Chromium on the headless host, at 1024×768:
// a person reads their code aloud, the desk checks the ID and hands the badge over (printed once:
// a PDF here, no printer), a lost badge is reprinted only with a reason, someone without an ID
// is refused with the reason kept; axe finds nothing, in English and German.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { axeViolations, clippedTexts } from '../helpers/a11y';
import { screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes && /^[A-Za-z]+$/.test(a.familyName));
const [first, second] = [plain[3]!, plain[7]!];
const fullName = (a: { givenName: string; familyName: string }) => `${a.givenName} ${a.familyName}`;

describe('badge desk (Chromium, headless host, 1024×768)', () => {
  let page: Page;
  // A script error unmounts the whole screen: the journey must end without one.
  const pageErrors: string[] = [];
  stationE2E({
    onReady: (s) => {
      ({ page } = s);
      page.on('pageerror', (e) => pageErrors.push(e.message));
    },
  });
  const card = () => page.getByTestId('collect-card');
  const history = () => page.getByTestId('collect-history');

  it('finds the person by the code read aloud, hands the badge over once, reprints only with a reason', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('nav-collect').click();
    // Read aloud and typed in lower case: still found.
    await page.getByTestId('scan-input').fill(first.badgeCode!.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => card().textContent(), { timeout: 10_000 }).toContain(fullName(first));
    expect(await history().textContent()).toMatch(/not handed over yet/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'collect-found-1024');

    const download = page.waitForEvent('download');
    await page.getByTestId('collect-hand-over').click();
    expect((await download).suggestedFilename()).toMatch(/^badge-.*\.pdf$/);
    await expect.poll(() => page.getByTestId('collect-status').textContent(), { timeout: 10_000 }).toMatch(/Badge handed over\. Badge saved as/);
    expect(await history().textContent()).toMatch(/Badge handed over at Front desk 1/);
    // Print-once: no second hand-over button, only a reprint.
    expect(await page.getByTestId('collect-hand-over').count()).toBe(0);
    await expect.poll(() => page.getByTestId('collect-count').textContent()).toBe('1 badge handed over');

    await page.getByTestId('collect-reprint').click();
    expect(await page.getByTestId('reprint-submit').isDisabled()).toBe(true); // no reason, no reprint
    await page.getByLabel('Lost').check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'collect-reprint-reason-1024');
    const again = page.waitForEvent('download');
    await page.getByTestId('reprint-submit').click();
    expect((await again).suggestedFilename()).toMatch(/-v2-/);
    await expect.poll(() => history().textContent(), { timeout: 10_000 }).toMatch(/Reprinted at Front desk 1, .*: Lost/);
  });

  it('refuses after the ID check with a reason, in German; the registration stays active', async () => {
    await page.getByTestId('language-picker').selectOption('de');
    const search = page.getByTestId('search-input');
    await search.fill(fullName(second));
    const option = page.getByTestId('search-results').locator('[role=option]').first();
    await expect.poll(() => option.textContent(), { timeout: 10_000 }).toContain(fullName(second));
    await search.press('Enter');
    await expect.poll(() => card().textContent(), { timeout: 10_000 }).toContain(fullName(second));
    await page.getByTestId('collect-refuse').click();
    await page.getByLabel('Kein Dokument vorgelegt').check();
    await page.getByTestId('refuse-note').fill('Kommt mit Reisepass wieder');
    expect(await axeViolations(page)).toEqual([]);
    expect(await clippedTexts(page, '.person button, .reason-form label, .topbar__link')).toEqual([]);
    await screenshot(page, 'collect-refuse-de-1024');
    await page.getByTestId('refuse-submit').click();
    await expect.poll(() => history().textContent(), { timeout: 10_000 }).toMatch(/Nicht ausgegeben an Front desk 1, .*: Kein Dokument vorgelegt — Kommt mit Reisepass wieder/);
    expect(await page.getByTestId('collect-status').textContent()).toMatch(/Anmeldung bleibt aktiv/);
    // Back with the passport: the badge can still be handed over.
    expect(await page.getByTestId('collect-hand-over').textContent()).toBe('Dokument geprüft — drucken und ausgeben');
    await screenshot(page, 'collect-refused-de-1024');
    expect(pageErrors).toEqual([]);
  });
});
