// Every screen and dialog in every language on a 1024×768 laptop, through the real renderer in
// Debian Chromium: nothing a person must read is broken mid-word, cut off or below the fold
// (top-bar labels, the scan field's hint, names in Last scans, "Next at 14:30" on room cards and
// the wall, the walk-in dialog's buttons with its duplicate warning showing), and axe-core finds no
// WCAG 2.1 AA violation. A screenshot of each goes to test-results/<screen>-1024-<lang>.png.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notice, noticeText } from '../../core/api/notice';
import type { ForgetResult } from '../../core/api/station-data';
import { dayInZone, timeInZone } from '../../core/time';
import { sessions } from '../../db/schema/index';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { startHostProcess, type HostProcess } from '../../testkit/host';
import { axeViolations, clippedTexts, placeholderFits, reachable, wrappedTexts } from '../helpers/a11y';
import { scanBurst, screenshot } from '../helpers/browser';
import { freshStation } from '../helpers/station';
import { stationE2E } from '../helpers/station-e2e';

const LANGS = ['en', 'de', 'fr', 'ru'] as const;
const SMALL = { width: 1024, height: 768 };
const MIN = 60_000;

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE));
// The longest names: the ones a narrow Last scans column would cut (three new ones per language,
// so each language's desk admits people and can offer to undo).
const longest = demo.attendees
  .filter((a) => a.status === 'active' && a.validDays === null && a.category === 'ngo')
  .sort((a, b) => `${b.givenName} ${b.familyName}`.length - `${a.givenName} ${a.familyName}`.length);
// A name several people on the list share: typing it into the walk-in form raises the duplicate
// warning with a row per namesake, the tallest the warning gets.
const registered = (() => {
  const byName = new Map<string, (typeof demo.attendees)[number][]>();
  for (const a of demo.attendees) if (a.status === 'active' && a.givenName && a.familyName) byName.set(`${a.givenName} ${a.familyName}`, [...(byName.get(`${a.givenName} ${a.familyName}`) ?? []), a]);
  return [...byName.values()].sort((x, y) => y.length - x.length)[0]![0]!;
})();

let nextAt = '';

/** The demo's agenda, moved around the present so every room card has a session now or next (whatever time the test runs), with the agenda's longest titles. */
async function startDemoWithAgendaNow(): Promise<HostProcess> {
  const { station, dir } = freshStation();
  const now = Date.now();
  const titles = [...new Set(demo.sessions.map((s) => s.title))].sort((a, b) => b.length - a.length);
  const start = Math.ceil((now + 90 * MIN) / (15 * MIN)) * 15 * MIN;
  nextAt = timeInZone(start, DEMO_TIME_ZONE);
  station.write(() => {
    station.db.orm.delete(sessions).run();
    demo.rooms.forEach((r, i) => {
      const running = i === 0;
      station.db.orm
        .insert(sessions)
        .values({ id: `s-${r.id}`, roomId: r.id, title: titles[i % titles.length]!, startsAt: running ? now - 30 * MIN : start, endsAt: running ? now + 60 * MIN : start + 90 * MIN })
        .run();
    });
  });
  station.close();
  const host = await startHostProcess({ dataDir: dir });
  // Some people in the rooms, so the cards and the wall show states and trends.
  for (const [room, n] of [['festsaal', 420], ['neuer-saal', 215], ['forschungssaal', 60]] as const) {
    for (let left = n; left > 0; left -= 50) await host.call('occupancy.counter', { roomId: room, delta: Math.min(50, left), operator: 'e2e' });
  }
  return host;
}

const e2e = stationE2E({ startHost: startDemoWithAgendaNow });

describe.each(LANGS)('%s at 1024×768', (lang) => {
  const people = longest.slice(LANGS.indexOf(lang) * 3, LANGS.indexOf(lang) * 3 + 3);
  let context: BrowserContext;
  let page: Page;
  const go = async (hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
  };
  const shot = (name: string) => screenshot(page, `${name}-1024-${lang}`);

  let host: HostProcess;
  beforeAll(async () => {
    host = e2e.current.host;
    context = await e2e.current.browser.newContext({ viewport: SMALL, locale: 'en-GB' });
    await context.addInitScript((l) => localStorage.setItem('foyer.prefs', JSON.stringify({ language: l })), lang);
    page = await context.newPage();
    await page.goto(host.url);
    await page.getByTestId('status-station').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  });
  afterAll(() => context?.close());

  it('check-in: top bar on one line each, the scan hint whole, names in Last scans whole; no axe violation', async () => {
    for (const p of people) {
      await page.getByTestId('scan-input').focus();
      await scanBurst(page, p.badgeCode);
      await expect.poll(() => page.getByTestId('verdict-name').textContent()).toBe(`${p.givenName} ${p.familyName}`);
    }
    await expect.poll(() => page.getByTestId('recent-scan').count()).toBeGreaterThanOrEqual(3);
    expect(await wrappedTexts(page, '.topbar__link, .deskprefs__button, .deskprefs__select')).toEqual([]);
    expect(await topBarOverflow(page)).toEqual([]);
    const hint = await placeholderFits(page.getByTestId('scan-input'));
    expect(hint, `"${hint.text}" is ${hint.textPx} px in a ${hint.boxPx} px field`).toMatchObject({ fits: true });
    expect(await clippedTexts(page, '.recent__name')).toEqual([]);
    // The undo button names whom it would take back, whole: a long name wraps, never cut.
    await expect.poll(() => page.getByTestId('undo').getAttribute('data-target')).not.toBe('');
    expect(await page.locator('.undo__label').textContent()).toContain(people.at(-1)!.familyName);
    expect(await clippedTexts(page, '.undo__label')).toEqual([]);
    expect(await reachable(page.getByTestId('undo'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot('checkin');
  });

  it('walk-in dialog: with the duplicate warning showing, both buttons are on screen; no axe violation', async () => {
    await page.getByTestId('walkin-open').click();
    await page.getByTestId('walkin-dialog').waitFor();
    await page.getByTestId('walkin-given').fill(registered.givenName);
    await page.getByTestId('walkin-family').fill(registered.familyName);
    await page.getByTestId('walkin-duplicates').waitFor();
    expect(await page.locator('[data-testid="walkin-duplicates"] li').count()).toBeGreaterThanOrEqual(2);
    expect(await reachable(page.getByTestId('walkin-submit'))).toBe(true);
    expect(await reachable(page.locator('[data-testid="walkin-dialog"] .walkin__buttons .button').first())).toBe(true);
    expect(await reachable(page.locator('[data-testid="walkin-duplicates"] h3'))).toBe(true);
    expect(await axeViolations(page, '[data-testid="walkin-dialog"]')).toEqual([]);
    await shot('walkin-duplicates');
    await page.keyboard.press('Escape');
    await page.getByTestId('walkin-dialog').waitFor({ state: 'hidden' });
  });

  it('desk note dialog and the reprint question; no axe violation', async () => {
    await page.getByTestId('note-edit').click();
    await page.getByTestId('note-dialog').waitFor();
    expect(await reachable(page.getByTestId('note-save'))).toBe(true);
    expect(await axeViolations(page, '[data-testid="note-dialog"]')).toEqual([]);
    await shot('note');
    await page.keyboard.press('Escape');
    await page.getByTestId('note-dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('reprint-badge').click();
    await page.getByTestId('reprint-submit').waitFor();
    expect(await reachable(page.getByTestId('reprint-submit'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot('reprint-question');
    await page.keyboard.press('Escape');
  });

  it('Last scans: the undo question; no axe violation', async () => {
    await go('#/checkin');
    await page.getByTestId('recent-undo').first().click();
    await page.getByTestId('recent-undo-confirm').waitFor();
    expect(await reachable(page.getByTestId('recent-undo-no'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot('undo-question');
    await page.getByTestId('recent-undo-no').click();
  });

  it('rooms: every card shows its session with the time, never cut; no axe violation', async () => {
    await go('#/rooms');
    await expect.poll(() => page.getByTestId('room-card').count()).toBe(demo.rooms.length);
    const lines = await page.locator('.room-card__session').allTextContents();
    expect(lines.filter((l) => l.includes(nextAt)).length, lines.join(' | ')).toBe(demo.rooms.length - 1);
    expect(await clippedTexts(page, '.next-session__when, .room-card__name, .state-pill, .room-card__trend')).toEqual([]);
    expect(await wrappedTexts(page, '.next-session__when, .rooms__actions .button')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await shot('rooms');
  });

  it('a room in detail, and the sweep question; no axe violation', async () => {
    await go('#/rooms');
    await page.locator('[data-testid="room-card"][data-room="festsaal"]').click();
    await page.getByTestId('room-detail').waitFor();
    await page.locator('[data-testid="occupancy-chart"] canvas').waitFor();
    expect(await wrappedTexts(page, '.occ-legend li')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await shot('room-detail');
    await page.getByTestId('sweep').click();
    await page.getByTestId('sweep-confirm').waitFor();
    expect(await reachable(page.getByTestId('sweep-confirm'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot('sweep-question');
    await page.keyboard.press('Escape');
  });

  it('wall display: names, states and the next session whole; no axe violation', async () => {
    await go('#/wall');
    await expect.poll(() => page.getByTestId('wall-tile').count()).toBe(demo.rooms.length);
    expect(await wrappedTexts(page, '.wall__bar .button, .wall-tile__state-word, .next-session__when')).toEqual([]);
    expect(await clippedTexts(page, '.wall-tile__name, .wall-tile__state-word, .next-session__when')).toEqual([]);
    expect(await page.locator('.wall-tile .next-session__when').allTextContents()).toHaveLength(demo.rooms.length - 1);
    expect(await axeViolations(page)).toEqual([]);
    await shot('wall');
    await go('#/rooms');
  });

  it('settings, and the "forget this event" question; no axe violation', async () => {
    await go('#/settings');
    await page.getByTestId('sync-status').waitFor();
    expect(await wrappedTexts(page, '.topbar__link')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await shot('settings');
    await page.getByTestId('forget-open').click();
    await page.getByTestId('forget-dialog').waitFor();
    expect(await reachable(page.getByTestId('forget-cancel'))).toBe(true);
    expect(await axeViolations(page, '[data-testid="forget-dialog"]')).toEqual([]);
    await shot('forget-question');

    // Step 2, as a paired station with scans not yet uploaded answers the first "Forget" (this
    // station is not paired, and confirming for real would wipe it: its answer is stood in, with
    // the notice the station sends; tests/unit/forget.test.ts and station-words.test.ts test it).
    const waiting = notice('forgetUnsynced', { count: 12 });
    const second: ForgetResult = { forgotten: false, unsynced: 12, needsSecondConfirmation: true, message: noticeText(waiting), notice: waiting };
    await page.route('**/api/call', (route) =>
      (route.request().postDataJSON() as { method?: string }).method === 'station.forget' ? route.fulfill({ json: { ok: true, value: second } }) : route.fallback(),
    );
    try {
      await page.getByTestId('forget-confirm').click();
      await expect.poll(() => page.getByTestId('forget-dialog').getAttribute('data-step')).toBe('second');
      const question = (await page.getByTestId('forget-question').textContent()) ?? '';
      expect(question).toContain('12');
      if (lang !== 'en') expect(question).not.toBe(second.message);
      expect(await reachable(page.getByTestId('forget-cancel'))).toBe(true);
      expect(await reachable(page.getByTestId('forget-confirm'))).toBe(true);
      expect(await axeViolations(page, '[data-testid="forget-dialog"]')).toEqual([]);
      await shot('forget-second-question');
    } finally {
      await page.getByTestId('forget-cancel').click();
      await page.unroute('**/api/call');
    }
  });

  it('door: setting up, then the live door; no axe violation', async () => {
    await go('#/door');
    await page.getByTestId('door-setup').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot('door-setup');
    const r = await host.call('door.configure', { roomId: 'neuer-saal', mode: 'entry' });
    expect(r.ok).toBe(true);
    try {
      await page.reload();
      await page.getByTestId('door').waitFor();
      expect(await wrappedTexts(page, '.topbar__link, .door__mode, .door__state')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await shot('door');
    } finally {
      await host.call('door.configure', { roomId: null, mode: null, name: 'Front desk 1' });
    }
  });
});

/** Top-bar parts that stick out of the window or run into each other. */
function topBarOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const nav = document.querySelector('.topbar nav')!.getBoundingClientRect();
    const prefs = document.querySelector('.deskprefs')!.getBoundingClientRect();
    if (nav.right > prefs.left + 0.5) bad.push(`navigation (${Math.round(nav.right)}) runs into the preferences (${Math.round(prefs.left)})`);
    if (prefs.right > window.innerWidth + 0.5) bad.push(`preferences end at ${Math.round(prefs.right)} px of ${window.innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('.topbar__link')) {
      if (el.getBoundingClientRect().right > nav.right + 0.5) bad.push(`"${el.textContent}" sticks out of the navigation`);
    }
    return bad;
  });
}
