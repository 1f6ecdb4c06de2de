// The self check-in kiosk through the real renderer in Debian Chromium on the headless host: staff
// set a PIN and start kiosk mode in Settings; the top bar is gone and the address cannot reach
// another screen; an attendee scans their QR (a USB scanner's burst), sees "Is this you?", and
// the badge prints (a PDF here); another types surname + code in German at 1024×768 after a
// wrong surname; a protected participant is sent to the desk without a reason; a page left alone
// returns to the welcome screen in the kiosk's language after 30 s (Playwright's clock); only
// the PIN ends it, even after five misses have locked it. Screens are checked with axe and looked at (test-results/kiosk-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { axeViolations, clippedTexts } from '../helpers/a11y';
import { scanBurst, screenshot, VIEWPORT } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && !a.protected && a.validDays === null && !a.notes && /^[A-Za-z]+$/.test(a.familyName));
const [first, second] = [plain[5]!, plain[9]!];
const hidden = demo.find((a) => a.protected && a.chosenName)!;
const fullName = (a: { givenName: string; familyName: string }) => `${a.givenName} ${a.familyName}`;

describe('self check-in kiosk (Chromium, headless host)', () => {
  let page: Page;
  const pageErrors: string[] = [];
  const session = stationE2E({
    onReady: (s) => {
      ({ page } = s);
      page.on('pageerror', (e) => pageErrors.push(e.message));
    },
  });
  const step = (p: Page = page) => p.getByTestId('kiosk').getAttribute('data-step');

  it('staff start it with a PIN; a scanned QR → "Is this you?" → badge printed; nothing else is reachable', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('kiosk-set-pin').fill('2468');
    await page.getByTestId('kiosk-set-pin-repeat').fill('2469');
    await page.getByTestId('kiosk-save-pin').click();
    await expect.poll(() => page.getByTestId('kiosk-settings-said').textContent()).toBe('The two PINs differ.');
    expect(await page.getByTestId('kiosk-start').isDisabled()).toBe(true);
    await page.getByTestId('kiosk-set-pin-repeat').fill('2468');
    await page.getByTestId('kiosk-save-pin').click();
    await expect.poll(() => page.getByTestId('kiosk-start').isDisabled()).toBe(false);
    await page.getByTestId('kiosk-start').click();

    await expect.poll(() => step()).toBe('welcome');
    expect(await page.locator('.topbar, .statusbar, nav').count()).toBe(0);
    // Neither the address bar nor the staff screens' shortcuts (Evacuation: Ctrl+Shift+E; Back) lead anywhere else.
    await page.evaluate(() => (location.hash = '#/checkin'));
    await page.keyboard.press('Control+Shift+E');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForTimeout(100);
    expect(await step()).toBe('welcome');
    expect(await page.getByTestId('scan-input').count()).toBe(0);
    expect(await page.getByTestId('evacuation').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-welcome-1366');

    await page.getByTestId('kiosk-scan').click();
    expect(await page.getByTestId('camera').count()).toBe(1); // the desk's camera panel; the scanner works here too
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-scan-1366');
    await scanBurst(page, first.badgeCode!);
    await expect.poll(() => step()).toBe('confirm');
    expect(await page.getByTestId('kiosk-name').textContent()).toBe(fullName(first));
    expect(await page.getByTestId('kiosk').textContent()).toContain(first.delegation || first.organisation);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-confirm-1366');
    const download = page.waitForEvent('download');
    await page.getByTestId('kiosk-yes').click();
    expect((await download).suggestedFilename()).toMatch(/^badge-.*\.pdf$/);
    await expect.poll(() => step()).toBe('done');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-done-1366');
    await page.getByTestId('kiosk-finish').click();
    await expect.poll(() => step()).toBe('welcome');
    // The same QR again: printed once, so the desk — with the same sentence as for anyone.
    await scanBurst(page, first.badgeCode!);
    await expect.poll(() => step()).toBe('desk');
  });

  it('surname + code in German at 1024×768: a wrong surname names nobody, the right one prints', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('kiosk-finish').click();
    await page.getByTestId('kiosk-lang-de').click();
    await page.getByTestId('kiosk-type').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kiosk-surname');
    await page.keyboard.type(first.familyName); // someone else's surname with this code
    await page.getByTestId('kiosk-code').fill(second.badgeCode!.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kiosk-missed').textContent()).toMatch(/^Wir haben keine Anmeldung mit diesen Angaben gefunden/);
    const shown = (await page.getByTestId('kiosk').textContent())!;
    expect(shown).not.toContain(second.familyName);
    expect(await axeViolations(page)).toEqual([]);
    expect(await clippedTexts(page, '.kiosk button, .kiosk label, .kiosk h1')).toEqual([]);
    await screenshot(page, 'kiosk-type-missed-de-1024');
    await page.getByTestId('kiosk-surname').fill(second.familyName.toUpperCase());
    await page.getByTestId('kiosk-find').click();
    await expect.poll(() => step()).toBe('confirm');
    expect(await page.getByTestId('kiosk-name').textContent()).toBe(fullName(second));
    expect(await page.getByTestId('kiosk-yes').textContent()).toBe('Ja, mein Namensschild drucken');
    await screenshot(page, 'kiosk-confirm-de-1024');
    const download = page.waitForEvent('download');
    await page.getByTestId('kiosk-yes').click();
    await download;
    await expect.poll(() => step()).toBe('done');
    await page.getByTestId('kiosk-finish').click();
    // The next person starts in the kiosk's own language.
    await expect.poll(() => page.getByTestId('kiosk-scan').textContent()).toContain('Scan my QR code');
  });

  it('a protected participant is sent to the desk with no name and no reason; Russian and French fit at 1024×768', async () => {
    await scanBurst(page, hidden.badgeCode!);
    await expect.poll(() => step()).toBe('desk');
    const text = (await page.getByTestId('kiosk').textContent())!;
    expect(text).toMatch(/^Please go to the staffed desk/);
    for (const never of [hidden.familyName, hidden.givenName, hidden.chosenName!, 'protect', 'safeguard', 'already', 'collected']) expect(text.toLowerCase()).not.toContain(never.toLowerCase());
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-desk-1024');
    await page.getByTestId('kiosk-finish').click();
    for (const lng of ['ru', 'fr'] as const) {
      await page.getByTestId(`kiosk-lang-${lng}`).click();
      expect(await clippedTexts(page, '.kiosk button, .kiosk h1')).toEqual([]);
      await screenshot(page, `kiosk-welcome-${lng}-1024`);
    }
    await page.getByTestId('kiosk-lang-en').click();
  });

  it('left alone, returns to the welcome screen in its own language after 30 s; only the staff PIN ends kiosk mode', async () => {
    // A second tab on the same station, with Playwright's clock: the station is a kiosk for it too.
    const context = await session.current.browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
    const idle = await context.newPage();
    await idle.clock.install();
    await idle.goto(session.current.host.url);
    await expect.poll(() => step(idle)).toBe('welcome');
    await idle.getByTestId('kiosk-lang-fr').click();
    await idle.getByTestId('kiosk-type').click();
    // A key is a touch (fill() is not): the 30 s count from here, with 10 s to spare for a slow machine's real time.
    await idle.getByTestId('kiosk-surname').press('S');
    await idle.clock.fastForward(20_000);
    expect(await step(idle)).toBe('type');
    await idle.clock.fastForward(11_000);
    await expect.poll(() => step(idle), { timeout: 10_000 }).toBe('welcome');
    expect(await idle.getByTestId('kiosk-type').textContent()).toContain('Type my surname and code');
    await context.close();

    // Five misses in ten minutes (one was in German above) lock the kiosk: it sends everyone to the desk; staff can still end it.
    await page.getByTestId('kiosk-type').click();
    for (let i = 0; i < 5 && (await step()) === 'type'; i++) {
      await page.getByTestId('kiosk-surname').fill(first.familyName);
      await page.getByTestId('kiosk-code').fill(`A23-NOPE${i}`);
      await page.getByTestId('kiosk-find').click();
      await expect.poll(async () => (await step()) === 'locked' || (await page.getByTestId('kiosk-missed').textContent())!.startsWith('We could not find')).toBe(true);
    }
    expect(await step()).toBe('locked');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-locked-1024');
    await page.getByTestId('kiosk-staff').click();
    await page.getByTestId('kiosk-pin').fill('1357');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kiosk-pin-said').textContent()).toBe('Wrong PIN.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-pin-wrong-1024');
    await page.getByTestId('kiosk-pin').fill('2468');
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-checkin').waitFor();
    expect(await page.getByTestId('kiosk').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    // The headless host answers the desktop-only print.printers / print.badge with 404 (unknown_method); the renderer falls back.
    expect(session.current.sp.problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });

  it('while a drill runs the kiosk shows "Evacuation in progress" in all four languages instead of self check-in; staff can still end it', async () => {
    await page.getByTestId('nav-evacuation').click();
    await page.getByTestId('evac-drill').click();
    await expect.poll(() => page.getByTestId('nav-evacuation').getAttribute('data-running')).toBe('drill');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('kiosk-start').click(); // the PIN set above is kept
    await expect.poll(() => step()).toBe('evacuation');
    const text = (await page.getByTestId('kiosk-evacuation').textContent())!;
    for (const words of ['Evacuation in progress', 'Evakuierung läuft', 'Évacuation en cours', 'Идёт эвакуация']) expect(text).toContain(words);
    expect(await page.getByTestId('kiosk-scan').count()).toBe(0);
    await scanBurst(page, second.badgeCode!); // a scanner does nothing here
    expect(await step()).toBe('evacuation');
    expect(await axeViolations(page)).toEqual([]);
    expect(await clippedTexts(page, '.kiosk button, .kiosk h1, .kiosk h2, .kiosk p')).toEqual([]);
    await screenshot(page, 'kiosk-evacuation-1024');
    await page.getByTestId('kiosk-staff').click();
    await page.getByTestId('kiosk-pin').fill('2468');
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-checkin').waitFor();
    await page.getByTestId('nav-evacuation').click();
    await page.getByTestId('evac-end').click();
    await expect.poll(() => page.getByTestId('nav-evacuation').getAttribute('data-running')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
