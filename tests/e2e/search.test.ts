// Name search at the desk through the real renderer (#13.6): a Latin query finds Cyrillic
// names in any romanisation and shows their Latin (passport) reading beside them; people with
// the same name are told apart by their badge codes; a list cut at 8 says how many more match.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { romanize } from '../../core/search/romanize';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { HostProcess } from '../../testkit/host';
import { screenshot, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees.filter((a) => a.status === 'active');
const cyrillic = demo.filter((a) => /\p{Script=Cyrillic}/u.test(a.familyName) && /\p{Script=Cyrillic}/u.test(a.givenName));
const byName = new Map<string, typeof demo>();
for (const a of demo) byName.set(`${a.givenName} ${a.familyName}`, [...(byName.get(`${a.givenName} ${a.familyName}`) ?? []), a]);
// The Cyrillic family name that, typed in full, matches the most demo people: search is by
// prefix, so "Novik" also finds Новиков and Новикова. Derived from the demo (its names change),
// and it must be more than the 8 a list shows, or "N more" would go untested.
const families = new Map<string, number>();
for (const { familyName } of cyrillic) families.set(familyName, cyrillic.filter((a) => a.familyName.startsWith(familyName)).length);
const [commonFamily] = [...families].sort((x, y) => y[1] - x[1])[0]!;
const twins = [...byName.values()].find((g) => g.length >= 2)!;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe('name search (Chromium, headless host)', () => {
  let host: HostProcess;
  let sp: StationPage;
  let page: Page;
  const input = () => page.getByTestId('search-input');
  const options = () => page.getByTestId('search-results').getByRole('option');

  stationE2E({ onReady: (s) => ({ host, sp, page } = s) });

  it(`"${capital(romanize(commonFamily, 'bgn'))}" (Latin letters) lists the Cyrillic ${commonFamily} with their Latin reading, and says how many more`, async () => {
    expect(families.get(commonFamily), 'the demo needs more than 8 Cyrillic people under one family name').toBeGreaterThan(8);
    await input().fill(capital(romanize(commonFamily, 'bgn')));
    await expect.poll(() => options().count(), { timeout: 10_000 }).toBe(8);
    const first = options().first();
    expect(await first.textContent()).toContain(commonFamily);
    expect(await first.getByTestId('search-latin').textContent()).toContain(capital(romanize(commonFamily, 'icao')));
    await expect.poll(() => page.getByTestId('search-more').textContent()).toMatch(/^\d+ more — type more of the name$/);
    const more = Number((await page.getByTestId('search-more').textContent())!.split(' ')[0]);
    expect(more).toBeGreaterThanOrEqual(families.get(commonFamily)! - 8);
    await screenshot(page, 'search-cyrillic-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'search-cyrillic-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('German and French spellings of a Cyrillic given name find it too', async () => {
    const a = cyrillic.find((x) => romanize(x.givenName, 'de') !== romanize(x.givenName, 'icao'))!;
    for (const system of ['de', 'fr', 'bgn'] as const) {
      await input().fill(`${capital(romanize(a.givenName, system))} ${capital(romanize(a.familyName, system))}`);
      await expect.poll(async () => (await options().allTextContents()).some((t) => t.includes(`${a.givenName} ${a.familyName}`)), { timeout: 10_000 }).toBe(true);
    }
  });

  it('people with the same name show their badge codes, so the right one is checked in', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await input().fill(`${twins[0]!.givenName} ${twins[0]!.familyName}`);
    const codes = () => page.getByTestId('search-code').allTextContents();
    const allShown = async () => {
      const shown = (await codes()).join(' ');
      return twins.every((t) => shown.includes(t.badgeCode));
    };
    await expect.poll(allShown, { timeout: 10_000 }).toBe(true);
    // Never cut off, even at 1024 px with long organisation names.
    for (const c of await page.getByTestId('search-code').all()) expect(await c.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await screenshot(page, 'search-same-name-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    // Choose the second twin by its code, check in: the verdict is that person.
    const texts = await options().allTextContents();
    const index = texts.findIndex((x) => x.includes(twins[1]!.badgeCode));
    for (let i = 0; i < index; i++) await input().press('ArrowDown');
    await input().press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    const found = await host.call<{ hits: { id: string; checkedInToday: boolean }[] }>('attendees.search', { query: twins[1]!.badgeCode });
    expect(found.ok && found.value.hits.find((h) => h.id === twins[1]!.id)?.checkedInToday).toBe(true);
  });

  it('ran without console errors', () => {
    expect(sp.problems).toEqual([]);
  });
});
