// Issue #18, "done when": a new organiser goes from a fresh registry to a paired station scanning
// the imported list without the command line, in the browser. A registry started for the first
// time (HTTPS with its own certificate, its own admin token in DIR/admin-token), the organiser
// console in Chromium, a headless station as a real process: log in, create the event, make a
// named account, import a spreadsheet by drag and drop (preview, mapping and a category rule
// corrected before anything is stored), pair the station by the QR code the console shows (read
// back with zbarimg, typed into the station by its "scanner"), scan an imported badge at the
// station, and watch the console's live count move by itself.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '../../core/time';
import { startHostProcess, type HostProcess } from '../../testkit/host';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { resources, type English } from '../../console/src/i18n/catalog';
import { PAGES } from '../../console/src/routes';
import { launchBrowser, openStationPage, scanBurst, screenshot } from '../helpers/browser';
import { expectAccessible, goTo, loginWithPassword, loginWithToken, openConsole, picture as readmePicture, requireConsoleBuild } from '../helpers/console-e2e';
import { zbarimg } from '../helpers/raster';
import { tempDir } from '../helpers/station';

/** A registration list as an organiser keeps it: BOM, CRLF, quoted commas, several scripts, a column no system names. */
const PEOPLE = [
  ['R-1001', 'Ελένη', 'Ζαχαρίου', 'Ministry of Foreign Affairs', 'Greece', 'Delegation', 'ATIP-7Q2KX4', 'Wheelchair access to Neuer Saal'],
  ['R-1002', 'Анна', 'Смирнова', '"OSCE Secretariat, Vienna"', 'Austria', 'Staff', 'ATIP-9M4TR2', ''],
  ['R-1003', 'Joseph', 'Mensah', 'La Strada International', 'Netherlands', 'NGO', 'ATIP-3H8WQ7', ''],
  ['R-1004', 'Maja', 'Horvat', 'Hrvatska radiotelevizija', 'Croatia', 'Media', 'ATIP-6B2NC9', 'Camera crew of two'],
  ['R-1005', 'Fatima', 'Al-Sayed', 'UNODC', 'Egypt', 'International organisation', 'ATIP-4K7PZ3', ''],
  ['R-1006', 'Lukas', 'Brenner', 'Interpreters’ pool', 'Austria', 'Interpreter', 'ATIP-8D5XV1', ''],
  ['R-1007', 'Sophie', 'Durand', 'Ministère de l’Europe et des Affaires étrangères', 'France', 'Delegation', 'ATIP-2R9HM6', ''],
  ['R-1008', 'Tomás', 'Ruiz', 'Survivor Alliance', 'Spain', 'NGO', 'ATIP-5J3QL8', 'Prefers not to be photographed'],
];
const CSV = '\ufeff' + ['Registration ID,First name,Last name,Organisation,Country,Category,Badge code,Access needs', ...PEOPLE.map((p) => p.join(','))].join('\r\n') + '\r\n';
const PASSWORD = 'Hofburg 2026 lead organiser';

/** The console pictures README.md shows; FOYER_README_SCREENSHOTS=1 copies them into docs/screenshots/. */
const IN_README = new Set(['console-live', 'console-import-preview', 'console-pairing-code', 'console-live-de-1024', 'console-phone-stations']);
const picture = (page: Page, name: string) => readmePicture(page, name, IN_README.has(name));

/** Wider than the window: something makes the whole page scroll sideways (tables scroll inside their own region). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a new organiser, from a fresh registry to a station scanning the imported list (Chromium)', () => {
  let reg: RegistryProc;
  let host: HostProcess;
  let browser: Browser;
  let page: Page;
  let station: Page;
  const problems: string[] = [];
  let link = '';

  beforeAll(async () => {
    requireConsoleBuild();
    [reg, host, browser] = await Promise.all([startRegistryProc({ dataDir: tempDir('foyer-console-journey-'), adminToken: null, args: ['--tls'] }), startHostProcess(), launchBrowser()]);
    const c = await openConsole(browser, `${reg.url}/`);
    page = c.page;
    problems.push(...c.problems);
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await reg?.kill('SIGTERM');
  });

  it('the fresh registry speaks HTTPS with its own certificate and wrote its first admin token to a private file', () => {
    expect(reg.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(reg.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(reg.dataDir, 'admin-token');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(reg.adminToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opens on the login, which says where the first admin token is; the token logs in', async () => {
    await page.getByTestId('login-submit').waitFor();
    expect(await page.textContent('body')).toContain('admin-token');
    await expectAccessible(page, 'login');
    await screenshot(page, 'console-login');
    await loginWithToken(page, reg.adminToken);
    expect(await page.getByTestId('event-name').textContent()).toBe('No event yet');
  });

  it('creates the event', async () => {
    await goTo(page, 'event');
    const today = dayInZone(Date.now(), 'Europe/Vienna');
    await page.getByTestId('event-name-input').fill('Alliance against Trafficking in Persons 2026');
    expect(await page.getByTestId('event-id').inputValue()).toBe('alliance-against-trafficking-in-persons');
    await page.getByTestId('event-venue').fill('Hofburg, Vienna');
    await page.getByTestId('event-tz').fill('Europe/Vienna');
    await page.getByTestId('event-day-0').fill(today);
    await page.getByTestId('event-save').click();
    await expect.poll(() => page.getByTestId('event-notice').textContent()).toBe('Saved.');
    await expect.poll(() => page.getByTestId('event-name').textContent()).toBe('Alliance against Trafficking in Persons 2026');
    const ev = await reg.admin<{ days: string[]; timeZone: string }>('GET', '/v1/admin/event');
    expect(ev).toMatchObject({ days: [today], timeZone: 'Europe/Vienna' });
  });

  it('makes a named organiser account and logs in with it instead of the token', async () => {
    await goTo(page, 'accounts');
    await page.getByTestId('account-username').fill('Lead');
    await page.getByTestId('account-display').fill('Ana Ruiz');
    await page.getByTestId('account-role').selectOption('organiser');
    await page.getByTestId('account-password').fill(PASSWORD);
    await page.getByTestId('account-make').click();
    await expect.poll(() => page.getByTestId('account-notice').textContent()).toBe('Account lead made.');
    await page.getByTestId('logout').click();
    await loginWithPassword(page, 'lead', PASSWORD);
    expect(await page.getByTestId('user').textContent()).toBe('Ana Ruiz (organiser)');
  });

  it('imports a dropped spreadsheet: preview, mapping and a category rule corrected before anything is stored', async () => {
    await goTo(page, 'import');
    // Dropped, as from a file manager.
    await page.evaluate((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'registrations.csv', { type: 'text/csv' }));
      document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, CSV);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('import-profile').textContent()).toBe('Recognised as: a spreadsheet (generic).');
    expect(await page.getByTestId('import-counts').textContent()).toContain('8 rows');
    // The file's own rows, as read, with what each column was taken for.
    const sample = await page.getByTestId('import-sample').textContent();
    expect(sample).toContain('Ζαχαρίου');
    expect(sample).toContain('OSCE Secretariat, Vienna');
    // One line a row, as a spreadsheet shows it: a long note does not make its row taller than the rest.
    const heights = await page.getByTestId('import-sample').locator('tbody tr').evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().height)));
    expect(new Set(heights).size, `row heights ${heights.join(', ')}`).toBe(1);
    expect(await page.getByTestId('map-badgeCode').inputValue()).toBe('Badge code');
    expect(await page.getByTestId('map-notes').inputValue()).toBe('');
    // "Interpreter" is no Foyer category: a warning, and nothing stored yet.
    await expect.poll(() => page.getByTestId('import-warnings').textContent()).toContain('“Interpreter” (1 row) is not a Foyer category');
    expect((await reg.admin<unknown[]>('GET', '/v1/admin/attendees')).length).toBe(0);
    await picture(page, 'console-import-preview');

    // The organiser takes "Access needs" as the desk notes and says what an interpreter is.
    await page.getByTestId('map-notes').selectOption('Access needs');
    await page.getByTestId('import-category-rules').fill('Interpreter=staff');
    await expect.poll(() => page.getByTestId('import-warnings').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('import-sample').locator('th', { hasText: 'Access needs' }).textContent()).toContain('Notes');
    await expect.poll(() => page.getByTestId('import-go').textContent()).toBe('Import 8 people');
    await expectAccessible(page, 'import preview');
    await page.getByTestId('import-go').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 }).toContain('Imported 8 people.');
    const stored = await reg.admin<{ givenName: string; notes: string; category: string; badgeCodes: string[] }[]>('GET', '/v1/admin/attendees');
    expect(stored).toHaveLength(8);
    expect(stored.find((a) => a.givenName === 'Ελένη')?.notes).toBe('Wheelchair access to Neuer Saal');
    expect(stored.find((a) => a.givenName === 'Lukas')?.category).toBe('staff');
  });

  it('shows the pairing code as a QR code that holds the pairing link with the certificate fingerprint', async () => {
    await goTo(page, 'stations');
    await page.getByTestId('pair-name').fill('North entrance desk');
    await page.getByTestId('pair-make').click();
    const card = page.getByTestId('pairing-code-card');
    await card.waitFor();
    link = (await page.getByTestId('pairing-link').textContent())!;
    expect(link).toMatch(new RegExp(`^${reg.url.replace(/\./g, '\\.')}/#pair=[A-Z2-9]{5}-[A-Z2-9]{5}&sha256=${reg.fingerprint}$`));
    // An independent reader (zbar) finds exactly the link in the QR as drawn on screen.
    const png = path.join(tempDir('foyer-console-qr-'), 'qr.png');
    await page.getByTestId('pairing-qr').screenshot({ path: png });
    expect(zbarimg([png])).toEqual([link]);
    await expectAccessible(page, 'stations with a pairing code');
    await picture(page, 'console-pairing-code');
  });

  it('the station pairs by scanning the link into its Settings, pins the certificate and downloads the imported list', async () => {
    station = (await openStationPage(browser, host.url)).page;
    await station.goto(`${host.origin}/#/settings`);
    await station.getByTestId('registry-url').focus();
    // The scanner types the link and its Enter: the code is taken from the link and pairing starts.
    await scanBurst(station, link);
    await expect.poll(() => station.getByTestId('sync-note').textContent(), { timeout: 20_000 }).toMatch(/Paired with the registry for “Alliance against Trafficking in Persons 2026”/);
    await expect.poll(() => station.getByTestId('sync-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('online');
    await screenshot(station, 'console-station-paired');
    // The console sees the station come online, with nothing waiting to upload.
    await expect.poll(() => page.getByTestId('station-state').first().getAttribute('data-state'), { timeout: 20_000 }).toBe('online');
    await expect.poll(() => page.getByTestId('station-outbox').first().textContent(), { timeout: 20_000 }).toBe('0');
  });

  it('an imported badge scanned at the station moves the console’s live count by itself', async () => {
    await goTo(page, 'live');
    await expect.poll(() => page.getByTestId('tile-checked-in-value').textContent(), { timeout: 20_000 }).toBe('0');
    expect(await page.getByTestId('tile-checked-in').textContent()).toContain('of 8 expected');
    await station.goto(`${host.origin}/#/checkin`);
    await station.getByTestId('scan-input').waitFor();
    await scanBurst(station, 'ATIP-7Q2KX4');
    // Admitted, with the access note the organiser mapped at import shown to the desk.
    await expect.poll(() => station.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('warning');
    expect(await station.getByTestId('verdict-name').textContent()).toBe('Ελένη Ζαχαρίου');
    expect(await station.getByTestId('verdict-note').textContent()).toContain('Wheelchair access to Neuer Saal');
    // No reload: the registry pokes the console, which reads the live view again.
    await expect.poll(() => page.getByTestId('tile-checked-in-value').textContent(), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => page.getByTestId('by-category').locator('tr', { hasText: 'Delegation' }).textContent()).toMatch(/Delegation\s*12\s*50%/);
    await expect.poll(() => page.getByTestId('station-table').textContent()).toContain('North entrance desk');
    await expectAccessible(page, 'live');
    await picture(page, 'console-live');
  });

  it('speaks every language of the station UI, every page fitting 1024×768', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const lang of ['de', 'fr', 'ru', 'en'] as const) {
      await page.getByTestId('language').selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const words = resources[lang] as unknown as English;
      // English is the rest of the journey; the other three are walked page by page.
      for (const p of lang === 'en' ? [] : PAGES) {
        await goTo(page, p.id);
        const key = p.label.split('.')[1] as keyof typeof words.nav;
        expect(await page.getByTestId(`nav-${p.id}`).textContent(), `${lang} ${p.id}`).toBe(words.nav[key]);
        expect(await overflow(page), `${lang} ${p.id} scrolls sideways at 1024 px`).toBeLessThanOrEqual(0);
      }
      await goTo(page, 'live');
      expect(await page.getByTestId('tile-checked-in').textContent()).toContain(words.live.checkedIn);
      if (lang !== 'en') {
        await expectAccessible(page, `live in ${lang}`);
        await picture(page, `console-live-${lang}-1024`);
      }
    }
  });

  it('works on a phone: the menu folds behind a button, nothing scrolls sideways, the pairing QR fits', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await goTo(page, 'live');
    expect(await page.getByTestId('nav-stations').isVisible()).toBe(false);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'live on a phone');
    await picture(page, 'console-phone-live');
    await goTo(page, 'stations');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('pair-name').fill('Door, Neuer Saal');
    await page.getByTestId('pair-make').click();
    const qr = await page.getByTestId('pairing-qr').boundingBox();
    expect(qr!.x).toBeGreaterThanOrEqual(0);
    expect(qr!.x + qr!.width).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'stations on a phone');
    await page.getByTestId('pairing-qr').scrollIntoViewIfNeeded();
    await picture(page, 'console-phone-stations');
    expect(problems).toEqual([]);
  });
});
