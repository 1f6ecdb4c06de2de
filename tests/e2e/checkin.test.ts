// The check-in screen through the real renderer in Debian Chromium, on the headless
// host as a real process: scanner bursts, verdicts, undo, restart durability, search.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { BundleAttendee } from '../../core/event-bundle';
import { openStationPage, scanBurst, screenshot, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { type HostProcess } from '../../testkit/host';

// The demo generator is deterministic: the host seeds exactly these people.
const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes);
const nonAscii = plain.filter((a) => /[^\x00-\x7f]/.test(a.givenName + a.familyName));
const fullName = (a: BundleAttendee) => `${a.givenName} ${a.familyName}`;

describe('check-in screen (Chromium, headless host)', () => {
  let host: HostProcess;
  let browser: Browser;
  let sp: StationPage;
  let page: Page;
  const verdict = () => page.getByTestId('verdict');

  async function expectVerdict(kind: 'admitted' | 'warning' | 'refused') {
    await expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe(kind);
  }

  const e2e = stationE2E({ onReady: (s) => ({ host, browser, sp, page } = s) });

  it('opens on the check-in screen, ready to scan, with the token gone from the address bar', async () => {
    await expect.poll(() => verdict().getAttribute('data-state')).toBe('idle');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scan-input');
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.getByTestId('status-count').textContent()).toMatch(/0 \/ 1,200 checked in today/);
    await screenshot(page, 'checkin-idle');
  });

  const a = nonAscii[0]!;
  const b = plain.find((x) => x !== a && x.delegation !== a.delegation)!;
  const c = plain.find((x) => x !== a && x !== b)!;

  it('admits a scanned demo badge and shows who it is', async () => {
    await scanBurst(page, a.badgeCode);
    await expectVerdict('admitted');
    await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe(fullName(a));
    expect(await verdict().textContent()).toContain(a.organisation);
    // The scan field is empty again, ready for the next badge.
    expect(await page.getByTestId('scan-input').inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('status-count').textContent()).toMatch(/^1 \/ 1,200/);
    await screenshot(page, 'checkin-admitted');
  });

  it('a second scan warns when and where the person was first admitted', async () => {
    await scanBurst(page, a.badgeCode);
    await expectVerdict('warning');
    const reason = await page.getByTestId('verdict-reason').textContent();
    expect(reason).toMatch(/Already checked in at .*\d{2}:\d{2}.*Front desk 1/);
    await expect.poll(() => page.getByTestId('recent-scan').count()).toBe(2);
    await screenshot(page, 'checkin-warning');
  });

  it('undo (button) names the person first, and after a repeat scan takes back the admission itself', async () => {
    // The button says whom it would undo before it is pressed.
    await expect.poll(() => page.getByTestId('undo').textContent()).toContain(`Undo check-in of ${fullName(a)}`);
    await page.getByTestId('undo').click();
    await expect.poll(() => verdict().getAttribute('data-state')).toBe('undone');
    expect(await verdict().textContent()).toMatch(new RegExp(`Check-in of ${fullName(a)} at \\d{2}:\\d{2} was undone`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scan-input');
    // Both the repeat scan and the admission are struck through: the person is no longer in.
    const rows = page.getByTestId('recent-scan');
    await expect.poll(() => rows.first().getAttribute('data-undone')).toBe('true');
    expect(await rows.first().textContent()).toContain('undone');
    await expect.poll(() => rows.nth(1).getAttribute('data-undone')).toBe('true');
    await expect.poll(() => page.getByTestId('status-count').textContent()).toMatch(/^0 \/ 1,200/);
    // With nothing left to undo the button says so when pressed, and nobody else is touched.
    await expect.poll(() => page.getByTestId('undo').textContent()).toContain('Undo last check-in');
    await page.getByTestId('undo').click();
    await expect.poll(() => verdict().textContent()).toContain('Nothing to undo at this station.');
    await screenshot(page, 'checkin-undo-nothing');
    // Scanned again, they are welcomed as a first admission.
    await scanBurst(page, a.badgeCode);
    await expectVerdict('admitted');
  });

  it('undo (Ctrl+Z) takes back a first admission; a burst over a focused button does not press it', async () => {
    await page.getByTestId('undo').focus();
    await scanBurst(page, b.badgeCode); // its Enter must not press Undo
    await expectVerdict('admitted');
    await page.waitForTimeout(300);
    expect(await verdict().getAttribute('data-state')).toBe('verdict');
    await page.keyboard.press('Control+z');
    await expect.poll(() => verdict().getAttribute('data-state')).toBe('undone');
    expect(await verdict().textContent()).toContain(fullName(b));
    await expect.poll(() => page.getByTestId('recent-scan').first().getAttribute('data-undone')).toBe('true');
    await screenshot(page, 'checkin-undone');
  });

  it('refuses an unknown code with a clear sentence', async () => {
    await scanBurst(page, 'A23-ZZZZZZ');
    await expectVerdict('refused');
    expect(await page.getByTestId('verdict-reason').textContent()).toBe('Badge not found. Search by name or send to the help desk.');
    expect(await page.getByTestId('verdict-code').textContent()).toContain('A23-ZZZZZZ');
    expect(await verdict().textContent()).not.toMatch(/\bAdmitted\b/); // only "Not admitted"
    await screenshot(page, 'checkin-refused');
    // Text in no badge format of this event (here a web link's QR) is told apart.
    await scanBurst(page, 'https://example.org/ticket/12');
    await expect.poll(() => page.getByTestId('verdict-reason').textContent()).toBe('This is not a badge for this event. Search by name, or send to the help desk.');
    await screenshot(page, 'checkin-not-a-badge');
  });

  it('an answer fades to "Previous scan" after a while, so it cannot be mistaken for the next person', async () => {
    // A page of its own with Playwright's clock (which also rewrites key timestamps,
    // so the code is typed and submitted like a person would, not as a burst).
    const other = await openStationPage(browser, host.url, { clock: true });
    const p = other.page;
    await p.getByTestId('scan-input').fill('A23-ZZZZZZ');
    await p.getByTestId('scan-input').press('Enter');
    await expect.poll(() => p.getByTestId('verdict').getAttribute('data-verdict')).toBe('refused');
    expect(await p.getByTestId('verdict').getAttribute('data-stale')).toBeNull();
    await p.clock.fastForward(21_000);
    await expect.poll(() => p.getByTestId('verdict').getAttribute('data-stale')).toBe('true');
    expect(await p.getByTestId('verdict').textContent()).toContain('Previous scan: Not admitted');
    await screenshot(p, 'checkin-stale');
    expect(other.problems).toEqual([]);
    await p.context().close();
  });

  it('catches a scanner burst while the name search has focus, and leaves the search text alone', async () => {
    const search = page.getByTestId('search-input');
    await search.click();
    await page.keyboard.type('Mar', { delay: 150 }); // a person typing
    await page.waitForTimeout(300);
    await scanBurst(page, c.badgeCode);
    await expectVerdict('admitted');
    await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe(fullName(c));
    expect(await search.inputValue()).toBe('Mar');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
  });

  it('checks a person in from the name search with the arrow keys and Enter', async () => {
    const d = plain.find((x) => ![a, b, c].includes(x) && demo.filter((y) => y.familyName === x.familyName).length >= 3)!;
    const search = page.getByTestId('search-input');
    await search.fill('');
    await search.fill(d.familyName);
    const options = page.getByTestId('search-results').getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    const texts = await options.allTextContents();
    const index = texts.findIndex((tx) => tx.startsWith(fullName(d)) && tx.includes(d.organisation));
    expect(index).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'checkin-search');
    for (let i = 0; i < index; i++) await search.press('ArrowDown');
    await expect.poll(() => options.nth(index).getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    await expectVerdict('admitted');
    // Several people may share the name: check it was the chosen one.
    await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe(fullName(d));
    expect(await verdict().textContent()).toContain(d.organisation);
    expect(await search.inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('recent-scan').first().textContent()).toContain('from search');
  });

  it('undoes an older admission chosen in Last scans, after a confirmation naming the person and time', async () => {
    // A refusal comes in between: Last scans still offers exactly the admission, never the refusal.
    await scanBurst(page, 'A23-ZZZZZZ');
    await expectVerdict('refused');
    const row = page.getByTestId('recent-scan').filter({ hasText: fullName(c) }).first();
    // Last scans refreshes after the verdict shows (one more round trip): wait for the refusal's row.
    await expect.poll(() => page.getByTestId('recent-scan').first().getAttribute('data-verdict')).toBe('refused');
    expect(await page.getByTestId('recent-scan').first().getByTestId('recent-undo').count()).toBe(0);
    await row.getByTestId('recent-undo').click();
    const confirm = row.getByTestId('recent-undo-confirm');
    expect(await confirm.textContent()).toMatch(new RegExp(`Undo the check-in of ${fullName(c)} at \\d{2}:\\d{2}\\?`));
    await screenshot(page, 'checkin-recent-undo-confirm');
    await row.getByTestId('recent-undo-no').click();
    expect(await row.getAttribute('data-undone')).toBe('false');
    await row.getByTestId('recent-undo').click();
    await row.getByTestId('recent-undo-yes').click();
    await expect.poll(() => verdict().getAttribute('data-state')).toBe('undone');
    expect(await verdict().textContent()).toContain(`Check-in of ${fullName(c)}`);
    await expect.poll(() => page.getByTestId('recent-scan').filter({ hasText: fullName(c) }).first().getAttribute('data-undone')).toBe('true');
    await screenshot(page, 'checkin-recent-undone');
  });

  it('shows "Not saved" when the station service is gone (crash), never a verdict', async () => {
    expect(sp.problems).toEqual([]); // this page was clean up to here
    await host.stop('SIGKILL');
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, c.badgeCode);
    await expect.poll(() => verdict().getAttribute('data-state')).toBe('error');
    expect(await verdict().getAttribute('data-verdict')).toBeNull();
    expect(await verdict().textContent()).toMatch(/Not saved.*nothing was saved/);
    await screenshot(page, 'checkin-error');
    await page.context().close(); // the old page cannot follow the host to its new port
  });

  it('keeps admissions and undos across a crash and restart of the host process', async () => {
    await e2e.restartHost(); // host.restart(), and a new page on it
    await scanBurst(page, a.badgeCode);
    await expectVerdict('warning'); // the second admission survived
    await scanBurst(page, b.badgeCode);
    await expectVerdict('admitted'); // the undone admission stayed undone
    await scanBurst(page, c.badgeCode);
    await expectVerdict('admitted'); // the one undone from Last scans too
    await screenshot(page, 'checkin-after-restart');
  });

  it('ran without console errors or CSP violations', () => {
    expect(sp.problems).toEqual([]);
  });
});
