// The roll call's door posts through the real renderer at 1024×768 (docs/evacuation.md): a desk
// laptop made the assembly point (media staff ticked) from the door set-up; Ctrl+Shift+E from any
// screen opens the roll call, a drill starts; a badge scanned at the assembly point marks a
// protected survivor safe by chosen name with "no photography" across the screen; the count and
// the list of the unaccounted shrink, also when a mark is made elsewhere; axe-clean in all four
// languages. Then the same laptop at the venue exit takes a leaving person off "inside now".
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { HostProcess } from '../../testkit/host';
import { axeViolations, clippedTexts } from '../helpers/a11y';
import { scanBurst, screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const event = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE));
const survivor = event.attendees.find((a) => a.protected && a.chosenName === 'Sky')!;
const others = event.attendees.filter((a) => !a.protected && a.status === 'active' && !a.validDays).slice(0, 3);
const TITLE = { en: 'Assembly point', de: 'Sammelplatz', fr: 'Point de rassemblement', ru: 'Пункт сбора' } as const;

describe('assembly point and venue exit (Chromium, headless host, 1024×768)', () => {
  let host: HostProcess;
  let page: Page;
  stationE2E({ onReady: (s) => ({ host, page } = s) });
  const count = async (id: string) => Number(await page.getByTestId(id).textContent());

  it('a drill at the assembly point: scans and marks shrink the unaccounted, whoever makes them', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const p of [survivor, ...others]) await host.call('checkin.scan', { text: p.badgeCode });
    await page.goto(`${host.origin}/#/door`);
    await page.getByTestId('door-post-assembly').check();
    await page.getByTestId('door-media-staff').check();
    await page.getByTestId('door-save').click();
    await page.getByTestId('use-as-door-yes').click();
    await page.getByTestId('assembly-not-running').waitFor();

    // One action from any screen: the shortcut (the physical key, whatever the layout).
    await page.keyboard.press('Control+Shift+KeyE');
    await page.getByTestId('evac-drill').click();
    await expect.poll(() => page.getByTestId('nav-evacuation').getAttribute('data-running')).toBe('drill');
    await page.getByTestId('nav-door').click();
    await page.getByTestId('assembly-missing').waitFor();
    const before = await count('assembly-unaccounted');
    expect(before).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('assembly-missing').innerText()).toContain('Sky');

    await scanBurst(page, survivor.badgeCode);
    await expect.poll(() => page.getByTestId('assembly-verdict').getAttribute('data-outcome')).toBe('marked');
    expect(await page.getByTestId('no-photo-banner').textContent()).toContain('No photography');
    await screenshot(page, 'assembly-media-staff-1024-en');
    expect(await clippedTexts(page, '.post__answer')).toEqual([]);
    await expect.poll(() => count('assembly-unaccounted')).toBe(before - 1);
    const screenText = await page.locator('body').innerText();
    expect(screenText).toContain('Sky');
    for (const part of [survivor.givenName, survivor.familyName]) expect(screenText).not.toContain(part);
    expect(await page.getByTestId('assembly-missing').innerText()).not.toContain('Sky');

    // A mark made elsewhere (here: through the API, as a synced mark arrives) shrinks the list live.
    await host.call('evacuation.safe', { attendeeId: others[0]!.id });
    await expect.poll(() => count('assembly-unaccounted')).toBe(before - 2);
    // By name, for someone without a badge.
    const name = `${others[1]!.givenName} ${others[1]!.familyName}`;
    await page.getByRole('button', { name: `Mark safe: ${name}` }).click();
    await expect.poll(() => count('assembly-unaccounted')).toBe(before - 3);
    expect(await page.getByTestId('assembly-missing').innerText()).not.toContain(name);
  });

  it.each(Object.keys(TITLE) as (keyof typeof TITLE)[])('%s: the assembly point is axe-clean with the drill shown in the top bar', async (lng) => {
    await page.getByTestId('language-picker').selectOption(lng);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe(TITLE[lng]);
    await screenshot(page, `assembly-1024-${lng}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await clippedTexts(page, '.post__answer, .post__count')).toEqual([]);
    // The top bar keeps to one line with the entry in it, and nothing is wider than the screen.
    const bar = await page.locator('.topbar').boundingBox();
    expect(bar!.height).toBeLessThanOrEqual(52);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  });

  it('at the venue exit, a leaving person is no longer inside', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByTestId('nav-evacuation').click();
    await page.getByTestId('evac-end').click();
    await page.getByTestId('nav-door').click();
    await page.getByTestId('door-change').click();
    await page.getByTestId('door-post-venue_exit').check();
    await page.getByTestId('door-save').click();
    await page.getByTestId('venue-exit').waitFor();
    await expect.poll(() => page.getByTestId('exit-inside').textContent()).not.toBe('–');
    const inside = await count('exit-inside');
    await scanBurst(page, others[2]!.badgeCode);
    await expect.poll(() => page.getByTestId('exit-verdict').getAttribute('data-outcome')).toBe('left');
    await expect.poll(() => count('exit-inside')).toBe(inside - 1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'venue-exit-1024-en');
    await host.call('door.configure', { roomId: null, mode: null });
  });
});
