// Safeguarding through the real renderer at 1024×768 (docs/safeguarding.md): the desk sees a
// protected survivor's legal name with the discreet marker in every language; the walk-in form
// registers someone protected; the same laptop made a door shows the chosen name and the
// "no photography" mark, and neither the door screen nor the room detail holds the legal name.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { HostProcess } from '../../testkit/host';
import { axeViolations } from '../helpers/a11y';
import { scanBurst, screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const SMALL = { width: 1024, height: 768 };
const survivor = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees.find((a) => a.protected && a.chosenName === 'Sky')!;
const NOT_SAVED = { en: 'Not saved: “No photography” is unchanged', de: 'Nicht gespeichert: „Keine Fotos“ ist', fr: 'Non enregistré : « Pas de photos » reste inchangé', ru: 'Не сохранено: отметка «Без фотосъёмки»' } as const;
const MARKER = { en: 'do not call the name aloud', de: 'Namen nicht laut aussprechen', fr: 'ne pas dire le nom à voix haute', ru: 'не называйте имя вслух' } as const;

describe('protected participants on screen (Chromium, headless host, 1024×768)', () => {
  let host: HostProcess;
  let page: Page;
  stationE2E({ onReady: (s) => ({ host, page } = s) });
  const bodyText = () => page.locator('body').innerText();

  it.each(Object.keys(MARKER) as (keyof typeof MARKER)[])('%s: the desk shows the legal name with the marker, the chosen name and the no-photo mark', async (lng) => {
    await page.setViewportSize(SMALL);
    await page.goto(`${host.origin}/#/checkin`);
    await page.getByTestId('language-picker').selectOption(lng);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lng);
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, survivor.badgeCode);
    await expect.poll(() => page.getByTestId('verdict-name').textContent(), { timeout: 10_000 }).toBe(`${survivor.givenName} ${survivor.familyName}`);
    const marker = await page.getByTestId('protected-marker').first().textContent();
    expect(marker).toContain(MARKER[lng]);
    expect(marker).toContain('Sky');
    await expect.poll(() => page.getByTestId('no-photo').count()).toBeGreaterThan(0);
    // The sentence read out greets by the chosen name only.
    expect(await page.getByTestId('verdict-reason').textContent()).not.toContain(survivor.givenName);
    // The toggle's call fails (the station does not answer): a sentence in the desk's language, the mark unchanged.
    const refuse = (route: Route) => (route.request().postData()?.includes('desk.noPhoto') ? route.abort() : route.continue());
    await page.route('**/api/call', refuse);
    await page.getByTestId('nophoto-toggle').click();
    await expect.poll(() => page.getByTestId('nophoto-error').textContent()).toContain(NOT_SAVED[lng]);
    expect(await page.getByTestId('nophoto-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.unroute('**/api/call', refuse);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `safeguarding-desk-1024-${lng}`);
  });

  it('the walk-in form registers a protected person under a chosen name; their verdict carries the marker', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByTestId('walkin-open').click();
    await page.getByTestId('walkin-given').fill('Ysolde');
    await page.getByTestId('walkin-family').fill('Brakkenhoff');
    await page.getByTestId('walkin-protected').check();
    await page.getByTestId('walkin-chosen').fill('Wren');
    await page.getByTestId('walkin-nophoto').check();
    expect(await axeViolations(page, '[data-testid="walkin-dialog"]')).toEqual([]);
    await screenshot(page, 'safeguarding-walkin-1024-en');
    await page.getByTestId('walkin-submit').click();
    await page.getByTestId('walkin-done').waitFor();
    await page.getByTestId('walkin-close').click();
    await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe('Ysolde Brakkenhoff');
    expect(await page.getByTestId('protected-marker').first().textContent()).toContain('Wren');
  });

  it('made a door, the same laptop shows the chosen name and the no-photo mark; room detail never the legal name', async () => {
    await host.call('door.configure', { roomId: 'ratsaal', mode: 'entry', name: 'Ratsaal door' });
    await page.goto(`${host.origin}/#/door`);
    await page.getByTestId('door-input').waitFor();
    for (const code of [survivor.badgeCode]) {
      await page.getByTestId('door-input').fill(code);
      await page.getByTestId('door-input').press('Enter');
    }
    await expect.poll(() => page.getByTestId('door-name').textContent(), { timeout: 10_000 }).toBe('Sky');
    expect(await page.getByTestId('no-photo').textContent()).toContain('No photography');
    const door = await bodyText();
    for (const part of [survivor.givenName, survivor.familyName, survivor.organisation]) expect(door).not.toContain(part);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'safeguarding-door-1024-en');

    await page.goto(`${host.origin}/#/rooms/ratsaal`);
    await expect.poll(() => page.getByTestId('room-recent').textContent(), { timeout: 10_000 }).toContain('Sky');
    const detail = await bodyText();
    for (const part of [survivor.givenName, survivor.familyName, 'Brakkenhoff']) expect(detail).not.toContain(part);
    await screenshot(page, 'safeguarding-room-1024-en');
    await host.call('door.configure', { roomId: null, mode: null });
  });

  it('evacuation: a drill lists the survivor by chosen name only; a badge scan marks them safe (axe-clean)', async () => {
    await page.goto(`${host.origin}/#/rooms`);
    await page.getByTestId('open-evacuation').click();
    await page.getByTestId('evac-drill').click();
    await page.getByTestId('evac-code').waitFor();
    const before = Number(await page.getByTestId('evac-unaccounted').textContent());
    expect(before).toBeGreaterThanOrEqual(2);
    const list = await page.getByTestId('evacuation').innerText();
    expect(list).toContain('Sky');
    for (const part of [`${survivor.givenName} ${survivor.familyName}`, 'Ysolde Brakkenhoff']) expect(list).not.toContain(part);
    await page.getByTestId('evac-code').fill(survivor.badgeCode);
    await page.getByTestId('evac-code').press('Enter');
    await expect.poll(() => page.getByTestId('evac-note').textContent()).toContain('Sky is safe');
    await expect.poll(async () => Number(await page.getByTestId('evac-unaccounted').textContent())).toBe(before - 1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evacuation-1024-en');
    await page.getByTestId('evac-end').click();
  });
});
