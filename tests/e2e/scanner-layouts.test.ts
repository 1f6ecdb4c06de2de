// A scanner set to another keyboard layout than the laptop's, through the real renderer in
// Chromium (#13.14): the DevTools protocol dispatches the trusted key events such a laptop
// produces — each key's physical code with the character the laptop's layout (real xkb-data
// tables) makes of it. The badge is admitted, staff are told once, and work goes on.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { demoBadgePrints } from '../../resources/demo/badges';
import type { BundleAttendee } from '../../core/event-bundle';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { type HostProcess } from '../../testkit/host';
import { xkbLayout, type XkbLayout } from '../../testkit/xkb';
import { openStationPage, scanKeys, screenshot, type ScannerKey, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes);
const fullName = (a: { givenName: string; familyName: string }) => `${a.givenName} ${a.familyName}`;
// Codes with a Y or Z and the '-' show every difference between QWERTY, QWERTZ and AZERTY.
const withYZ = plain.filter((a) => /[YZ]/.test(a.badgeCode));

/** The keys a scanner set to `scanner` presses for `text`, as a laptop set to `laptop` reports them. */
function keysOn(text: string, scanner: XkbLayout, laptop: XkbLayout): ScannerKey[] {
  return [...text].map((ch) => {
    for (const level of [0, 1]) {
      const code = Object.keys(scanner).find((c) => {
        const s = scanner[c]![level];
        return s && 'char' in s && s.char === ch;
      });
      if (!code) continue;
      const out = laptop[code]![level];
      return { code, shift: level === 1, key: !out ? 'Unidentified' : 'dead' in out ? 'Dead' : out.char };
    }
    throw new Error(`cannot type ${ch}`);
  });
}

describe('scanner keyboard layout differs from the laptop’s (Chromium, headless host)', () => {
  let host: HostProcess;
  let browser: Browser;
  let sp: StationPage;
  let page: Page;
  const verdict = () => page.getByTestId('verdict');
  const notice = () => page.getByTestId('layout-notice');

  async function expectAdmitted(a: { givenName: string; familyName: string }) {
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe(fullName(a));
  }

  stationE2E({ onReady: (s) => ({ host, browser, sp, page } = s) });

  it('a US scanner on an Austrian laptop: "A23ßCWKLGS"-style text is read by its keys and admitted; staff are told once', async () => {
    const a = withYZ[0]!;
    const keys = keysOn(a.badgeCode, xkbLayout('us'), xkbLayout('at'));
    expect(keys.map((k) => k.key).join('')).not.toBe(a.badgeCode); // the laptop really types something else
    expect(keys.map((k) => k.key).join('')).toContain('ß');
    expect(await notice().count()).toBe(0);
    await scanKeys(page, keys);
    await expectAdmitted(a);
    await expect.poll(() => notice().textContent()).toContain('The scanner’s keyboard layout differs from this computer’s; scans are corrected.');
    await screenshot(page, 'scanner-layout-notice');
  });

  it('a Foyer signed badge (FY1:…) from a US scanner on a German laptop (FZ1Ö…) is admitted too', async () => {
    const b = demoBadgePrints().find((p) => p.attendeeId === withYZ[1]!.id)!;
    const keys = keysOn(b.qrText, xkbLayout('us'), xkbLayout('de'));
    expect(keys.map((k) => k.key).join('')).toMatch(/^FZ1Ö/);
    await scanKeys(page, keys);
    await expectAdmitted(b);
  });

  it('French AZERTY and a Russian laptop with a US scanner; a German-set scanner on a US laptop', async () => {
    const cases: [BundleAttendee, string, string][] = [
      [withYZ[2]!, 'us', 'fr'],
      [withYZ[3]!, 'us', 'ru'],
      [withYZ[4]!, 'de', 'us'],
      [withYZ[5]!, 'be', 'ch'],
    ];
    for (const [a, scanner, laptop] of cases) {
      const keys = keysOn(a.badgeCode, xkbLayout(scanner), xkbLayout(laptop));
      expect(keys.map((k) => k.key).join(''), `${scanner} on ${laptop}`).not.toBe(a.badgeCode);
      await scanKeys(page, keys);
      await expectAdmitted(a);
    }
  });

  it('once dismissed, the notice stays away while corrected scans go on working', async () => {
    await page.getByTestId('layout-notice-ok').click();
    expect(await notice().count()).toBe(0);
    const a = withYZ[6]!;
    await scanKeys(page, keysOn(a.badgeCode, xkbLayout('us'), xkbLayout('de')));
    await expectAdmitted(a);
    await page.waitForTimeout(300);
    expect(await notice().count()).toBe(0);
  });

  it('the same layout on both sides needs no correction and says nothing', async () => {
    const fresh = await openStationPage(browser, host.url);
    const a = withYZ[7]!;
    await scanKeys(fresh.page, keysOn(a.badgeCode, xkbLayout('de'), xkbLayout('de')));
    await expect.poll(() => fresh.page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await fresh.page.waitForTimeout(300);
    expect(await fresh.page.getByTestId('layout-notice').count()).toBe(0);
    await fresh.page.context().close();
  });

  it('ran without console errors', () => {
    expect(sp.problems).toEqual([]);
  });
});
