// The README's screenshots, taken from a station holding the demo day so far (people checked in
// at the entrance, then in the rooms by door scans): check-in and the rooms in English, German
// and Russian at 1366×768. The numbers on screen agree with each other — "N / 1,200 checked in
// today" is at least everyone counted in the rooms. Run with FOYER_README_SCREENSHOTS=1 to copy
// the pictures into docs/screenshots/ (otherwise they stay in test-results/).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { repoRoot, startHostProcess, type HostProcess } from '../../testkit/host';
import { axeViolations } from '../helpers/a11y';
import { launchBrowser, scanBurst, screenshot, VIEWPORT } from '../helpers/browser';
import { demoDaySoFar } from '../helpers/demo-day';

const LANGS = ['en', 'de', 'ru'] as const;
let host: HostProcess;
let browser: Browser;
let day: ReturnType<typeof demoDaySoFar>;
const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;

beforeAll(async () => {
  day = demoDaySoFar();
  host = await startHostProcess({ dataDir: day.dir });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** The status bar's "N / 1,200 checked in today" as N, in any language's digits grouping. */
async function checkedInToday(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-count').textContent()) ?? '';
  return Number(text.split('/')[0]!.replace(/\D/g, ''));
}

/** The pictures README.md shows: the two screens in English, then in German and Russian. */
const IN_README = new Set(['checkin-en', 'rooms-en', 'rooms-de', 'checkin-ru']);

async function keep(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  if (process.env.FOYER_README_SCREENSHOTS && IN_README.has(name)) {
    const to = path.join(repoRoot, 'docs/screenshots', `${name}.png`);
    fs.copyFileSync(file, to);
    fs.chmodSync(to, 0o644);
  }
}

describe.each(LANGS)('README screenshots in %s', (lang) => {
  it('rooms and check-in on the demo day so far: the status bar agrees with the rooms; no axe violation', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
    try {
      await context.addInitScript((l) => localStorage.setItem('foyer.prefs', JSON.stringify({ language: l })), lang);
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByTestId('status-station').waitFor();
      await page.evaluate(() => (location.hash = '#/rooms'));
      await expect.poll(() => page.getByTestId('room-card').count()).toBe(6);
      const inRooms = (await page.getByTestId('room-current').allTextContents()).reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0);
      expect(inRooms).toBeGreaterThan(300); // a busy morning, not an empty demo
      // Each language's run checks one more person in below.
      await expect.poll(() => checkedInToday(page)).toBe(day.admitted + LANGS.indexOf(lang));
      expect(day.admitted).toBeGreaterThanOrEqual(inRooms);
      // Neuer Saal's next session is tomorrow's: it says the date, not only a time that reads as today.
      const neuer = (await page.locator('[data-room="neuer-saal"] .next-session__when').textContent()) ?? '';
      const tomorrow = Number(addDays(dayInZone(Date.now(), DEMO_TIME_ZONE), 1).slice(8));
      expect(neuer).toMatch(new RegExp(`\\b${tomorrow}\\b.*\\d\\d:\\d\\d`));
      expect(await axeViolations(page)).toEqual([]);
      await keep(page, `rooms-${lang}`);

      // At the desk: someone arriving now, not yet checked in.
      await page.evaluate(() => (location.hash = '#/checkin'));
      const arriving = demo.filter((a) => a.status === 'active' && a.validDays === null && a.category === 'delegation' && !day.admittedIds.has(a.id))[LANGS.indexOf(lang) * 7 + 3]!;
      await page.getByTestId('scan-input').focus();
      await scanBurst(page, arriving.badgeCode);
      await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe(`${arriving.givenName} ${arriving.familyName}`);
      expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('admitted');
      await expect.poll(() => checkedInToday(page)).toBe(day.admitted + 1 + LANGS.indexOf(lang));
      expect(await axeViolations(page)).toEqual([]);
      await keep(page, `checkin-${lang}`);
    } finally {
      await context.close();
    }
  });
});
