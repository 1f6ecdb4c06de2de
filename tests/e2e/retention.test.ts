// Data retention seen at a desk (#19.5, docs/data-at-rest.md "Retention"): once the organiser's
// retention day has come, a station deletes personal data by itself, on its own clock and with no
// network; the status bar says so, and the desk's name search finds nobody any more.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { startHostProcess } from '../../testkit/host';
import { screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';

const today = dayInZone(Date.now(), DEMO_TIME_ZONE);
const person = generateDemoEvent(today).attendees.find((a) => a.status === 'active' && !a.protected && /^[A-Z][a-z]{6,}$/.test(a.familyName))!;

describe('data retention at a desk (Chromium, headless host)', () => {
  const e2e = stationE2E();

  it('from the retention day the desk says personal data was deleted, and its search finds nobody', async () => {
    let { page } = e2e.current;
    const options = () => page.getByTestId('search-results').getByRole('option');
    await page.getByTestId('search-input').fill(person.familyName);
    await expect.poll(() => options().count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // The organiser's retention day reached this station with the event record; today is that day.
    ({ page } = await e2e.restartHost(async (old) => {
      await old.stop();
      const db = new Database(path.join(old.dataDir, 'foyer.sqlite'));
      db.prepare('update event set retention_date = ?').run(today);
      db.close();
      return startHostProcess({ dataDir: old.dataDir });
    }));
    const notice = page.getByTestId('status-retention');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Personal data deleted on ${today} per the retention setting`));
    await page.getByTestId('search-input').fill(person.familyName);
    // The search ran and answered "nobody" (not merely: no list shown yet).
    await expect.poll(() => page.locator('.panel__empty').textContent(), { timeout: 10_000 }).toContain(person.familyName);
    expect(await options().count()).toBe(0);
    await screenshot(page, 'retention-desk-1366');

    // Not a word of it is left in the station's files.
    const dir = e2e.current.host.dataDir;
    for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('foyer.sqlite'))) {
      expect(fs.readFileSync(path.join(dir, f)).includes(Buffer.from(person.familyName)), f).toBe(false);
    }
  });
});
