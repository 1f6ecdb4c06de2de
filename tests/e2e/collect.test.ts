// The badge desk through the real renderer in Debian Chromium on the headless host, at 1024×768:
// a person reads their code aloud, the desk checks the ID and hands the badge over (printed once:
// a PDF here, no printer), a lost badge is reprinted only with a reason, someone without an ID
// is refused with the reason kept; axe finds nothing, in English and German.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { axeViolations, clippedTexts } from '../helpers/a11y';
import { screenshot } from '../helpers/browser';
import { testJpeg } from '../helpers/photos';
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
      // The registration photo a desk receives through sync (station/sync/photos.ts), for the first person only.
      const db = new Database(path.join(s.host.dataDir, 'foyer.sqlite'));
      db.pragma('busy_timeout = 5000');
      db.prepare('insert or replace into attendee_photos (attendee_id, jpeg) values (?, ?)').run(first.id, testJpeg(240, 320));
      db.close();
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
    // The photo beside the name for the ID check, decoded and shown at its size.
    const photo = page.getByTestId('collect-photo');
    expect(await photo.getAttribute('alt')).toBe(`Registration photo of ${fullName(first)}`);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 5000 }).toBe(240);
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
    // Nobody sent a photo of them: the desk says so instead of leaving a gap.
    expect(await page.getByTestId('collect-no-photo').textContent()).toBe('Kein Foto hinterlegt'); // in German here
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
