// The front desk through the real renderer in Debian Chromium on the headless host:
// find a person by a name spelled differently and check them in with Enter; register a
// walk-in with the keyboard only (with the duplicate warning); a desk note; sound cues
// and mute; the check-in screen in English, German, French, Russian and dark theme.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import type { BundleAttendee } from '../../core/event-bundle';
import { demoBadgePrints } from '../../resources/demo/badges';
import { scanBurst, screenshot, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { type HostProcess } from '../../testkit/host';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
const plain = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes);
// German umlauts typed the way a keyboard without them does (ü → ue …).
const GERMAN = { ü: 'ue', ö: 'oe', ä: 'ae', ß: 'ss', Ü: 'Ue', Ö: 'Oe', Ä: 'Ae' } as Record<string, string>;
const respell = (s: string) => s.replace(/[üöäßÜÖÄ]/g, (c) => GERMAN[c]!);
const umlaut = plain.find((a) => /[üöäß]/.test(a.familyName) && /[üöäß]/.test(a.givenName))!;
const fullName = (a: BundleAttendee) => `${a.givenName} ${a.familyName}`;
const prints = demoBadgePrints();

describe('front desk (Chromium, headless host)', () => {
  let host: HostProcess;
  let sp: StationPage;
  let page: Page;
  const verdict = () => page.getByTestId('verdict');
  const expectVerdict = (kind: string) => expect.poll(() => verdict().getAttribute('data-verdict'), { timeout: 10_000 }).toBe(kind);

  stationE2E({ onReady: (s) => ({ host, sp, page } = s) });

  it(`finds "${respell(fullName(umlaut))}" as ${fullName(umlaut)} and checks them in with Enter`, async () => {
    const search = page.getByTestId('search-input');
    await search.focus();
    // Typed as a person types, letter by letter (results update as you type).
    await page.keyboard.type(respell(fullName(umlaut)), { delay: 40 });
    const first = page.getByTestId('search-results').locator('[role=option]').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain(fullName(umlaut));
    await screenshot(page, 'desk-search-respelled');
    await page.keyboard.press('Enter');
    await expectVerdict('admitted');
    expect(await page.getByTestId('verdict-name').textContent()).toBe(fullName(umlaut));
    // The sound cue for "admitted" played (the desk is not muted by default).
    await expect.poll(() => page.evaluate(() => (window as { __foyerLastCue?: string }).__foyerLastCue)).toBe('admitted');
  });

  // Text goes into the focused field in one input event: keystrokes typed by a test on a
  // loaded machine can bunch up like a USB scanner's burst, which the screen catches
  // anywhere. Navigation stays keyboard-only (F2, Tab, Enter).
  const typeLikeAPerson = (text: string) => page.locator(':focus').fill(text);

  it('registers a walk-in with the keyboard only, warns about a duplicate first, and admits them', async () => {
    await page.keyboard.press('F2');
    const dialog = page.getByTestId('walkin-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    // Focus starts in the first field; Tab walks the form.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('walkin-given');
    // A fast typist's "Anna" + Tab looks like a scanner burst; inside the form it is data.
    await page.keyboard.type('Anna', { delay: 8 });
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('walkin-given').inputValue()).toBe('Anna');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('walkin-family');
    await page.keyboard.press('Shift+Tab');
    await typeLikeAPerson(respell(umlaut.givenName));
    await page.keyboard.press('Tab');
    await typeLikeAPerson(respell(umlaut.familyName));
    // The warning appears while typing: this name is already registered.
    await expect.poll(() => page.getByTestId('walkin-duplicates').textContent(), { timeout: 10_000 }).toContain(fullName(umlaut));
    await page.keyboard.press('Tab');
    await typeLikeAPerson('Amnesty International');
    await page.keyboard.press('Tab');
    await typeLikeAPerson('Austria');
    await page.keyboard.press('Tab');
    await typeLikeAPerson('at');
    await screenshot(page, 'desk-walkin-duplicate');
    await page.keyboard.press('Enter');
    // Saving is held back: the button now says "Register anyway".
    await expect.poll(() => page.getByTestId('walkin-submit').textContent()).toMatch(/anyway/i);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('walkin-done').textContent(), { timeout: 10_000 }).toContain('registered and checked in');
    await screenshot(page, 'desk-walkin-done');
    // A brand-new badge: print it, nothing to reprint yet.
    expect(await dialog.getByTestId('print-badge').isVisible()).toBe(true);
    expect(await dialog.getByTestId('reprint-badge').count()).toBe(0);
    // The camera decodes nothing behind the dialog.
    expect(await page.getByTestId('camera').getAttribute('data-paused')).toBe('true');
    await page.keyboard.press('Enter'); // "Done" has focus
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await expectVerdict('admitted');
    expect(await page.getByTestId('verdict-name').textContent()).toBe(`${respell(umlaut.givenName)} ${respell(umlaut.familyName)}`);
    // Focus is back on the always-ready scan field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scan-input');
    // The station stored a walk-in event waiting for sync, and the person is searchable.
    const found = await host.call<{ hits: { id: string; checkedInToday: boolean }[] }>('attendees.search', { query: 'Amnesty Austria' });
    expect(found.ok && found.value.hits.some((h) => h.checkedInToday)).toBe(true);
  });

  it('a desk note set on the verdict panel shows on the next check-in', async () => {
    const b = plain.find((x) => x !== umlaut)!;
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, b.badgeCode);
    await expectVerdict('admitted');
    await page.getByTestId('note-edit').click();
    await page.getByTestId('note-text').focus();
    await typeLikeAPerson('Needs wheelchair access');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict-note').textContent()).toContain('Needs wheelchair access');
    await screenshot(page, 'desk-note-saved');
    // The dialog closed and the scan field is ready again.
    await expect.poll(() => page.getByTestId('note-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scan-input');
    await scanBurst(page, b.badgeCode);
    await expectVerdict('warning');
    expect(await page.getByTestId('verdict-note').textContent()).toContain('Needs wheelchair access');
    await expect.poll(() => page.evaluate(() => (window as { __foyerLastCue?: string }).__foyerLastCue)).toBe('warning');
  });

  it('mute silences the cues and survives a reload', async () => {
    await page.getByTestId('mute-toggle').click();
    expect(await page.getByTestId('mute-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.evaluate(() => ((window as { __foyerLastCue?: string }).__foyerLastCue = 'none'));
    await scanBurst(page, 'NOT-A-BADGE-123');
    await expectVerdict('refused');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __foyerLastCue?: string }).__foyerLastCue)).toBe('none');
    await page.reload();
    await page.getByTestId('status-station').waitFor();
    expect(await page.getByTestId('mute-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('mute-toggle').click();
  });

  const SAMPLES = {
    en: { admitted: 'Admitted', search: 'Search by name', walkin: 'Register walk-in' },
    de: { admitted: 'Eingelassen', search: 'Nach Namen suchen', walkin: 'Spontane Anmeldung' },
    fr: { admitted: 'Admis', search: 'Chercher par nom', walkin: 'Inscrire sur place' },
    ru: { admitted: 'Проход разрешён', search: 'Поиск по имени', walkin: 'Регистрация на месте' },
  } as const;
  const nonLatin = plain.find((a) => /[\u0400-\u04ff]/.test(a.familyName))!;
  const others = plain.filter((a) => a !== umlaut && a !== nonLatin);

  it.each(Object.keys(SAMPLES) as (keyof typeof SAMPLES)[])('the check-in screen in %s: translated words, names as registered', async (lng) => {
    await page.getByTestId('language-picker').selectOption(lng);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lng);
    const person = others[['en', 'de', 'fr', 'ru'].indexOf(lng) + 5]!;
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, person.badgeCode);
    await expectVerdict('admitted');
    const text = (await verdict().textContent()) ?? '';
    expect(text).toContain(SAMPLES[lng].admitted);
    expect(text).toContain(fullName(person)); // never translated or transliterated
    expect(await page.locator('body').textContent()).toContain(SAMPLES[lng].search);
    expect(await page.getByTestId('walkin-open').textContent()).toContain(SAMPLES[lng].walkin);
    await screenshot(page, `desk-checkin-${lng}`);
  });

  it('a scanner burst while the language picker has focus checks in, and leaves the language alone', async () => {
    // A signed badge starts with 'F' (FY1:…): the first key would pick "Français" by type-ahead.
    const badge = prints.find((p) => p.attendeeId === others[9]!.id)!.qrText;
    expect(badge.startsWith('F')).toBe(true);
    const picker = page.getByTestId('language-picker');
    await picker.selectOption('en');
    await picker.focus();
    await scanBurst(page, badge);
    await expectVerdict('admitted');
    expect(await page.getByTestId('verdict-name').textContent()).toBe(fullName(others[9]!));
    await page.waitForTimeout(200); // past the hold-back of a first key
    expect(await picker.inputValue()).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // A person's key on the picker still works as the browser's type-ahead does.
    await picker.focus();
    await page.keyboard.press('d');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.keyboard.press('e');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Nor does a burst press a focused button (Space first, then the code).
    await page.getByTestId('theme-toggle').focus();
    const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
    await scanBurst(page, ` ${others[10]!.badgeCode}`);
    await expectVerdict('admitted');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'light')).toBe(theme);
  });

  it('dark theme: toggled, persisted, and the screen still reads', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await page.getByTestId('scan-input').focus();
    await scanBurst(page, nonLatin.badgeCode);
    await expectVerdict('admitted');
    expect(await page.getByTestId('verdict-name').textContent()).toBe(fullName(nonLatin));
    await screenshot(page, 'desk-checkin-dark');
    await page.keyboard.press('F2');
    await typeLikeAPerson('Zdeněk');
    await screenshot(page, 'desk-walkin-dark');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByTestId('status-station').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Whatever has focus shows it: the focus ring is drawn (outline), in the dark theme too.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('fits 1366×768: the main controls are on screen without scrolling the page', async () => {
    for (const id of ['scan-input', 'verdict', 'search-input', 'walkin-open', 'undo', 'language-picker']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(768);
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(1366);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(sp.problems.filter((p) => !/favicon|AudioContext/.test(p))).toEqual([]);
  });
});
