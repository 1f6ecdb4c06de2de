// A protocol (VIP) arrival at the desk, in Debian Chromium on the headless host at 1366×768: the
// admitting desk's verdict carries the note and the host to notify in a calm box, and the open
// alert shows under the top bar on every screen (Check-in and Rooms) until acknowledged; a second
// person scanned after them does not hide it. axe finds nothing.
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attendees } from '../../db/schema/index';
import { listRooms } from '../../db/occupancy/read';
import { axeViolations } from '../helpers/a11y';
import { screenshot } from '../helpers/browser';
import { demoCodes, freshStation } from '../helpers/station';
import { stationE2E } from '../helpers/station-e2e';
import { startHostProcess } from '../../testkit/host';

const NOTE = 'Minister of the Interior — escort personally';
const HOST = 'Protocol office, M. Huber';
let vip = { code: '', attendeeId: '' };
let other = { code: '', attendeeId: '' };
let roomName = '';

describe('protocol arrival at the desk (Chromium, headless host, 1366×768)', () => {
  let page: Page;
  stationE2E({
    startHost: () => {
      const { station, dir } = freshStation({ stationName: 'North entrance' });
      [vip, other] = demoCodes(station, 2) as [typeof vip, typeof other];
      roomName = listRooms(station.db.orm)[0]!.name;
      station.write(() => station.db.orm.update(attendees).set({ protocol: { host: HOST, note: NOTE, room: roomName } }).where(eq(attendees.id, vip.attendeeId)).run());
      station.close();
      return startHostProcess({ dataDir: dir });
    },
    onReady: (s) => ({ page } = s),
  });

  it('the verdict says it discreetly; the alert stays under the top bar on every screen', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.getByTestId('protocol-alerts').count()).toBe(0);
    await page.getByTestId('scan-input').fill(vip.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict-protocol').textContent(), { timeout: 10_000 }).toContain(NOTE);
    expect(await page.getByTestId('verdict-protocol').textContent()).toContain(`Notify ${HOST} discreetly.`);
    await expect.poll(() => page.getByTestId('protocol-alert').textContent()).toMatch(new RegExp(`^Protocol: .+ arrived at North entrance \\(\\d\\d:\\d\\d\\) — ${NOTE} · heading to ${roomName}Notify: ${HOST}$`));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-desk-verdict');

    // The next person's verdict replaces the first; the alert stays until the host acknowledges it.
    await page.getByTestId('scan-input').fill(other.code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').textContent(), { timeout: 10_000 }).not.toContain(NOTE);
    expect(await page.getByTestId('verdict-protocol').count()).toBe(0);
    expect(await page.getByTestId('protocol-alert').count()).toBe(1);
    await page.getByTestId('nav-rooms').click();
    await expect.poll(() => page.getByTestId('protocol-alert').count()).toBe(1);
    await screenshot(page, 'protocol-alert-rooms');
  });
});
