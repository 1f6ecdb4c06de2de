// Interpretation receivers through the real renderer in Debian Chromium on the headless host, at
// 1024×768: a person checked in at the desk gets receiver 117 by number; the receivers screen lists
// who still holds one by delegation; the number typed or scanned off the device takes it back. A photo
// consent question added at the desk is asked at the next check-in. axe finds nothing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { axeViolations } from '../helpers/a11y';
import { scanBurst, screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes && a.delegation && /^[A-Za-z]+$/.test(a.familyName));
const [first, second] = [plain[11]!, plain[12]!];
const fullName = (a: { givenName: string; familyName: string }) => `${a.givenName} ${a.familyName}`;

describe('interpretation receivers (Chromium, headless host, 1024×768)', () => {
  let page: Page;
  const pageErrors: string[] = [];
  stationE2E({
    onReady: (s) => {
      ({ page } = s);
      page.on('pageerror', (e) => pageErrors.push(e.message));
    },
  });

  it('hands receiver 117 out at check-in, lists who holds it by delegation, takes it back by its number', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, first.badgeCode!);
    const strip = page.getByTestId('handout-receiver');
    await expect.poll(() => strip.isVisible(), { timeout: 10_000 }).toBe(true);
    await strip.getByTestId('handout-number').fill('0117');
    await strip.getByTestId('handout-number').press('Enter');
    await expect.poll(() => strip.textContent(), { timeout: 10_000 }).toMatch(/No\. 117 since \d\d:\d\d/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'handouts-checkin-1024');

    await page.getByTestId('open-receivers').click();
    const out = page.getByTestId('receivers-out');
    await expect.poll(() => out.textContent(), { timeout: 10_000 }).toContain('1 receiver not returned');
    expect(await out.textContent()).toContain(first.delegation);
    expect(await out.textContent()).toContain(fullName(first));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'handouts-out-1024');

    // The number read off the device into the take-back field, which has the focus (a scanner types it the same way).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('takeback-input');
    await page.keyboard.type('117');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('takeback-result').textContent(), { timeout: 10_000 }).toBe(`No. 117 is back from ${fullName(first)}.`);
    await expect.poll(() => out.textContent()).toContain('Every receiver is back.');
  });

  it('a yes/no question added at this desk is asked at the next check-in, and the answer is kept', async () => {
    await page.getByTestId('handout-new-label').fill('Photo consent given?');
    await page.getByTestId('handout-new-kind').selectOption('question');
    await page.getByTestId('handout-add').click();
    await expect.poll(() => page.getByTestId('handout-items').textContent()).toContain('Photo consent given?');
    await screenshot(page, 'handouts-items-1024');
    await page.getByTestId('nav-checkin').click();
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, second.badgeCode!);
    const question = page.getByTestId('handouts-strip').locator('.handouts__item', { hasText: 'Photo consent given?' });
    await expect.poll(() => question.isVisible(), { timeout: 10_000 }).toBe(true);
    await question.getByRole('button', { name: 'No' }).click();
    await expect.poll(() => question.getByRole('button', { name: 'No' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'handouts-question-1024');
    expect(pageErrors).toEqual([]);
  });
});
