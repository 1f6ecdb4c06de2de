// The door station in each desk language: a category the room does not admit is named in
// that language (not the station's English label), and the long German and Russian
// sentences fit the answer panel at 1366×768 (screenshots, looked at).
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { scanBurst, screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { type HostProcess } from '../../testkit/host';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
// The press room admits media and staff only: an NGO badge is refused there.
const ngo = demo.filter((a) => a.status === 'active' && a.validDays === null && a.category === 'ngo');

const EXPECTED = {
  en: 'NGO / civil society is not admitted to Press room (Trabantenstube).',
  de: 'NGO / Zivilgesellschaft: kein Zutritt zu Press room (Trabantenstube).',
  fr: 'ONG / société civile : accès à Press room (Trabantenstube) non autorisé.',
  ru: 'НКО / гражданское общество: вход в зал Press room (Trabantenstube) не разрешён.',
} as const;

describe('door sentences in the desk language (Chromium, headless host)', () => {
  let host: HostProcess;
  let door: Page;

  stationE2E({ onReady: (s) => ({ host, page: door } = s) });

  beforeAll(async () => {
    await door.goto(`${host.origin}/#/door`);
    await door.getByTestId('door-setup').waitFor();
    await door.getByTestId('door-room').selectOption('press-room');
    await door.getByTestId('door-mode-entry').check();
    await door.getByTestId('door-save').click();
    await door.getByTestId('use-as-door-yes').click(); // a front desk becomes a door after a confirmation
    await door.getByTestId('door-current').waitFor();
  });

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('%s: the refused category is named in that language', async (lng) => {
    await door.getByTestId('language-picker').selectOption(lng);
    await expect.poll(() => door.evaluate(() => document.documentElement.lang)).toBe(lng);
    await door.locator('body').click({ position: { x: 5, y: 300 } }); // focus off the picker
    await scanBurst(door, ngo[['en', 'de', 'fr', 'ru'].indexOf(lng)]!.badgeCode);
    const answer = door.getByTestId('door-verdict');
    await expect.poll(() => answer.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('refused');
    expect(await answer.locator('.door-answer__msg').textContent()).toBe(EXPECTED[lng]);
    await screenshot(door, `door-category-refused-${lng}`);
  });
});
