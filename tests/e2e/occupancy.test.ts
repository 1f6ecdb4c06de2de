// Door station, logistics dashboard and wall display through the real renderer in Debian
// Chromium, on the headless host as a real process: setting a laptop to a room door, a full
// room refusing entry, the dashboard following a scan within a second, counter and sweep.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { openStationPage, scanBurst, screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { type HostProcess } from '../../testkit/host';

const demo = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE)).attendees;
// Badges any door admits: active, valid every day, not press-only categories.
const people = demo.filter((a) => a.status === 'active' && a.validDays === null && a.category === 'ngo');

describe('door station and logistics dashboard (Chromium, headless host)', () => {
  let host: HostProcess;
  let browser: Browser;
  let door: Page;
  let dash: Page;

  const card = (room: string) => dash.locator(`[data-testid="room-card"][data-room="${room}"]`);
  const cardCount = (room: string) => card(room).getByTestId('room-current').textContent();
  /** Manual count presses (at most 50 at once, like the API allows). */
  async function counter(roomId: string, delta: number) {
    for (let left = delta; left !== 0; ) {
      const step = Math.max(-50, Math.min(50, left));
      const r = await host.call<{ applied: boolean }>('occupancy.counter', { roomId, delta: step, operator: 'e2e' });
      expect(r.ok && r.value.applied).toBe(true);
      left -= step;
    }
  }

  stationE2E({ onReady: (s) => ({ host, browser, page: door } = s) });
  beforeAll(async () => {
    dash = (await openStationPage(browser, host.url)).page;
  });

  it('sets this laptop to a room door', async () => {
    await door.goto(`${host.origin}/#/door`);
    await door.getByTestId('door-setup').waitFor();
    await door.getByTestId('door-room').selectOption('forschungssaal');
    await door.getByTestId('door-mode-entry').check();
    await door.getByTestId('door-save').click();
    // A front desk becomes a door only after saying what changes, and that it can switch back.
    await expect.poll(() => door.getByTestId('use-as-door-confirm').textContent()).toContain('Make this front desk the door “Forschungssaal – Entry”?');
    await door.getByTestId('use-as-door-yes').click();
    await expect.poll(() => door.getByTestId('door').getAttribute('data-state')).toBe('ok');
    // Named after its door unless the operator typed a name.
    expect(await door.locator('.door__station').textContent()).toBe('Forschungssaal – Entry');
    expect(await door.locator('.door__room').textContent()).toBe('Forschungssaal');
    expect(await door.getByTestId('door-current').textContent()).toBe('0');
    await screenshot(door, 'door-ready');
  });

  it('the dashboard shows a door scan within one second', async () => {
    await dash.goto(`${host.origin}/#/rooms`);
    await expect.poll(() => cardCount('forschungssaal')).toBe('0');
    await scanBurst(door, people[0]!.badgeCode);
    await expect.poll(() => door.getByTestId('door-verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    // The scan is committed once the door shows its answer; from there the dashboard has one second.
    await expect.poll(() => cardCount('forschungssaal'), { timeout: 1000, interval: 50 }).toBe('1');
    expect(await door.getByTestId('door-verdict').textContent()).toContain(people[0]!.givenName);
  });

  it('a door refuses entry when the room is full, and the dashboard rings once per crossing', async () => {
    await counter('forschungssaal', 50); // 51 / 60: warning
    await expect.poll(() => card('forschungssaal').getAttribute('data-state')).toBe('warning');
    await expect.poll(() => dash.evaluate(() => (window as { __foyerLastAlert?: string }).__foyerLastAlert)).toBe('warning');
    await counter('forschungssaal', 8); // 59 / 60: critical
    await expect.poll(() => card('forschungssaal').getAttribute('data-state')).toBe('critical');

    await scanBurst(door, people[1]!.badgeCode); // 60 / 60
    await expect.poll(() => door.getByTestId('door').getAttribute('data-state'), { timeout: 10_000 }).toBe('full');
    expect(await door.getByTestId('door-verdict').getAttribute('data-verdict')).toBe('admitted');
    await expect.poll(() => dash.evaluate(() => (window as { __foyerLastAlert?: string }).__foyerLastAlert)).toBe('full');

    await scanBurst(door, people[2]!.badgeCode);
    await expect.poll(() => door.getByTestId('door-verdict').getAttribute('data-reason'), { timeout: 10_000 }).toBe('room_full');
    expect(await door.getByTestId('door-verdict').getAttribute('data-verdict')).toBe('refused');
    expect(await door.getByTestId('door-state').textContent()).toContain('ROOM FULL');
    expect(await door.getByTestId('door-current').textContent()).toBe('60');
    await screenshot(door, 'door-full-refused');
    await expect.poll(() => card('forschungssaal').getAttribute('data-state')).toBe('full');
  });

  it('a room in detail: chart, sessions, last scans, manual counter and sweep with confirmation', async () => {
    await card('forschungssaal').click();
    await dash.getByTestId('room-detail').waitFor();
    await dash.locator('[data-testid="occupancy-chart"] canvas').waitFor();
    expect(await dash.getByTestId('session-row').count()).toBe(1);
    await expect.poll(() => dash.getByTestId('room-recent').textContent()).toContain('refused');
    await dash.getByTestId('operator').fill('Maria (logistics)');
    await dash.getByTestId('counter-plus').click();
    await expect.poll(() => dash.getByTestId('room-current').textContent()).toBe('61');
    await dash.getByTestId('counter-minus').click();
    await expect.poll(() => dash.getByTestId('room-current').textContent()).toBe('60');
    // The chart's legend names every line and shows the latest values without hovering.
    const legend = dash.getByTestId('chart-legend');
    await expect.poll(() => legend.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^\d\d:\d\d$/),
      'People inside 60',
      expect.stringMatching(/^Highest in the minute \d+$/),
      'Safe capacity 60',
      'Warning level 80% 48',
    ]);
    await screenshot(dash, 'room-detail');
    await dash.getByTestId('sweep').click();
    await dash.getByTestId('sweep-confirm').waitFor();
    await screenshot(dash, 'room-detail-sweep-confirm');
    await dash.getByTestId('sweep-confirm').click();
    await expect.poll(() => dash.getByTestId('room-current').textContent()).toBe('0');
    // The door follows: open again.
    await expect.poll(() => door.getByTestId('door').getAttribute('data-state'), { timeout: 10_000 }).toBe('ok');
  });

  it('dashboard and wall display, every state at a glance (screenshots)', async () => {
    await counter('festsaal', 380); // 54 %
    await counter('zeremoniensaal', 330); // 82 %
    await counter('ratsaal', 115); // 95 %
    await counter('forschungssaal', 60); // full
    await counter('press-room', 9);
    await dash.goto(`${host.origin}/#/rooms`);
    await expect.poll(() => card('ratsaal').getAttribute('data-state')).toBe('critical');
    const states = await dash.getByTestId('room-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states).toEqual(['ok', 'warning', 'ok', 'critical', 'full', 'ok']);
    await screenshot(dash, 'dashboard');
    await dash.getByTestId('open-wall').click();
    await dash.getByTestId('wall').waitFor();
    await expect.poll(() => dash.getByTestId('wall-tile').count()).toBe(6);
    await screenshot(dash, 'wall-display');
  });
});
