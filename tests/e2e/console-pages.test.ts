// Issue #18 in Chromium, the console pages the first-organiser journey (console-journey.test.ts)
// does not walk, each checked by what the registry and a paired station then do: revoking a
// station (its next sync fails with the revoked sentence), a new badge key and the old one
// deactivated, a lost badge revoked (the desk then refuses it), the three exports (their bytes),
// a session edited and restricted to invited people, an XLSX workbook dropped on the import page;
// then the same registry as logistics (rooms and live, the attendee list without notes) and as a
// viewer during an evacuation drill (numbers only: no name anywhere in the DOM). One demo registry,
// one browser, in-process stations: fast.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSnapshot } from '../../core/console/live';
import { sharedFiles } from '../../core/i18n';
import { resources, type English } from '../../console/src/i18n/catalog';
import { checkIn } from '../../station/checkin';
import { setEvacuation } from '../../station/evacuation';
import { launchBrowser, screenshot } from '../helpers/browser';
import { expectAccessible, goTo, loginWithPassword, loginWithToken, openConsole, picture, requireConsoleBuild } from '../helpers/console-e2e';
import { useDemoRegistry } from '../helpers/demo-registry';

const demo = useDemoRegistry('foyer-console-pages-');
const en = resources.en as unknown as English;
/** An English console string with its {{placeholders}} filled. */
const say = (s: string, vars: Record<string, string | number> = {}) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
const PASSWORD = 'Hofburg logistics 2026';

interface Person {
  id: string;
  givenName: string;
  familyName: string;
  status: string;
  validDays: string[] | null;
  badgeCodes: string[];
  badgeVersion: number;
  protected: boolean;
  notes: string;
  category: string;
}
let browser: Browser;
let page: Page;
let people: Person[] = [];
const problems: string[] = [];
let desk: Awaited<ReturnType<typeof demo.pairedStation>>;

async function allPeople(): Promise<Person[]> {
  const out: Person[] = [];
  for (let after = ''; ; ) {
    const batch = await demo.reg.admin<Person[]>('GET', `/v1/admin/attendees?limit=1000&after=${encodeURIComponent(after)}`);
    out.push(...batch);
    if (batch.length < 1000) return out;
    after = batch[batch.length - 1]!.id;
  }
}
const usable = (p: Person) => p.status === 'active' && !p.validDays && !p.protected && p.badgeCodes.length > 0;

beforeAll(async () => {
  requireConsoleBuild();
  [browser, desk, people] = await Promise.all([launchBrowser(), demo.pairedStation('Front desk', { syncNow: true }), allPeople()]);
  await demo.reg.admin('POST', '/v1/console/accounts', { username: 'logistics', role: 'logistics', password: PASSWORD });
  await demo.reg.admin('POST', '/v1/console/accounts', { username: 'viewer', role: 'viewer', password: PASSWORD });
  const c = await openConsole(browser, `${demo.reg.url}/`);
  page = c.page;
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await loginWithToken(page, demo.reg.adminToken);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the organiser’s pages, each checked by what the registry and a station then do', () => {
  it('revokes a station after a confirmation; its next sync fails with the revoked sentence', async () => {
    const lost = await demo.pairedStation('Lost laptop', { syncNow: true });
    expect(lost.client.statusLine().state).toBe('online');
    await goTo(page, 'stations');
    const row = page.getByTestId('station-table').locator('tr', { hasText: 'Lost laptop' });
    await row.getByRole('button', { name: say(en.stations.revokeWho, { name: 'Lost laptop' }) }).click();
    // Cancel first: nothing happens.
    await page.getByRole('dialog').getByRole('button', { name: en.common.cancel }).click();
    expect(await row.getByTestId('station-state').getAttribute('data-state')).toBe('online');
    await row.getByRole('button', { name: say(en.stations.revokeWho, { name: 'Lost laptop' }) }).click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect.poll(() => row.getByTestId('station-state').getAttribute('data-state')).toBe('revoked');
    await lost.client.syncNow();
    const line = lost.client.statusLine();
    expect(line.state).toBe('error');
    expect(line.message).toBe(sharedFiles.en.station.revoked);
    // The other station is untouched.
    await desk.client.syncNow();
    expect(desk.client.statusLine().message).toBeNull();
  });

  it('makes a new badge key and deactivates the old one, but offers no way to switch off a station’s own key; revokes a lost badge, which the desk then refuses', async () => {
    type Key = { keyId: number; active: boolean; stationId: string | null };
    const keys = () => demo.reg.admin<Key[]>('GET', '/v1/admin/keys');
    await goTo(page, 'badges');
    const before = await keys();
    const table = page.getByTestId('keys-table');
    const rowOf = (id: number) => table.locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${id}$`) }) });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before.length);
    await page.getByTestId('key-new').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before.length + 1);
    const made = (await keys()).find((k) => !before.some((b) => b.keyId === k.keyId))!;
    expect(made).toMatchObject({ active: true, stationId: null });
    expect(await rowOf(made.keyId).textContent()).toContain(en.badges.registryKey);
    const old = before.find((k) => k.active && !k.stationId)!;
    await rowOf(old.keyId).getByRole('button', { name: say(en.badges.deactivateWho, { id: old.keyId }) }).click();
    await page.getByRole('dialog').getByTestId('confirm').click();
    await expect.poll(async () => (await keys()).find((k) => k.keyId === old.keyId)!.active).toBe(false);
    await expect.poll(() => rowOf(old.keyId).textContent()).toContain(en.badges.inactive);

    // The desk's own key signs its uploads: shown as the station's, with no Deactivate, and the registry refuses to switch it off.
    const deskKey = before.find((k) => k.active && k.stationId === desk.station.id)!;
    expect(await rowOf(deskKey.keyId).textContent()).toContain(say(en.badges.stationKey, { name: 'Front desk' }));
    expect(await rowOf(deskKey.keyId).getByRole('button').count()).toBe(0);
    await expect(demo.reg.admin('POST', `/v1/admin/keys/${deskKey.keyId}/deactivate`, {})).rejects.toThrow(/409: .*signing key of station/);
    expect((await keys()).find((k) => k.keyId === deskKey.keyId)!.active).toBe(true);

    // A lost badge: found by name, reason "lost", revoked.
    const lost = people.find((p) => usable(p) && p.familyName.length > 3 && people.filter((q) => q.familyName === p.familyName).length === 1)!;
    const section = page.locator('section', { has: page.getByRole('heading', { name: en.badges.revokeTitle }) });
    await section.getByRole('searchbox').fill(lost.familyName);
    await section.getByRole('button', { name: en.people.searchButton }).click();
    await section.getByRole('radio', { name: new RegExp(`${lost.givenName} ${lost.familyName}`) }).check();
    await section.getByRole('combobox').selectOption('lost');
    await section.getByRole('button', { name: say(en.badges.revokeButton, { version: lost.badgeVersion }) }).click();
    await expect.poll(() => page.getByTestId('revocations-table').textContent()).toContain(lost.id);
    expect(await page.getByTestId('revocations-table').locator('tr', { hasText: lost.id }).textContent()).toContain(en.badges.reasons.lost);
    const revocations = await demo.reg.admin<{ attendeeId: string; badgeVersion: number; reason: string }[]>('GET', '/v1/admin/revocations');
    expect(revocations).toContainEqual(expect.objectContaining({ attendeeId: lost.id, badgeVersion: lost.badgeVersion, reason: 'lost' }));
    await desk.client.syncNow();
    const r = checkIn(desk.station, lost.badgeCodes[0]!, Date.now());
    expect([r.verdict, r.reason]).toEqual(['refused', 'revoked']);
    await expectAccessible(page, 'badges');
  });

  it('downloads the three exports with the registry’s own data in their bytes', async () => {
    const guest = people.find((p) => usable(p) && p.category === 'delegation')!;
    expect(checkIn(desk.station, guest.badgeCodes[0]!, Date.now()).verdict).toBe('admitted');
    await desk.client.syncNow();
    await goTo(page, 'exports');
    const read = async (id: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}`).click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
    };
    const parse = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

    const list = await read('attendees');
    expect(list.name).toBe('attendees.csv');
    const listed = parse(list.text);
    expect(listed.map((r) => r.id).sort()).toEqual(people.map((p) => p.id).sort());
    expect(listed.find((r) => r.id === guest.id)).toMatchObject({ givenName: guest.givenName, familyName: guest.familyName });

    const checkins = parse((await read('checkins')).text);
    expect(checkins.map((r) => r.attendee_id)).toContain(guest.id);
    expect(checkins.find((r) => r.attendee_id === guest.id)).toMatchObject({ given_name: guest.givenName, admitted_twice: 'false' });

    const log = parse((await read('events')).text);
    expect(log.some((e) => e.kind === 'scan' && e.attendeeId === guest.id && e.verdict === 'admitted')).toBe(true);
  });

  it('edits a session and restricts it to invited people', async () => {
    const sessions = await demo.reg.admin<{ id: string; title: string; invited?: string[] | null }[]>('GET', '/v1/admin/sessions');
    const session = sessions.find((s) => !s.invited && sessions.filter((o) => o.title === s.title).length === 1);
    expect(session).toBeDefined();
    await goTo(page, 'sessions');
    await page.getByRole('button', { name: say(en.sessions.editWho, { title: session!.title }) }).click();
    await page.getByTestId('session-title').fill('Closed briefing for heads of delegation');
    await page.getByTestId('session-end').fill('17:45');
    await page.getByTestId('session-save').click();
    await expect.poll(() => page.getByTestId('sessions-table').textContent()).toContain('Closed briefing for heads of delegation');

    const guests = people.filter((p) => usable(p) && p.familyName.length > 3 && people.filter((q) => q.familyName === p.familyName).length === 1).slice(3, 5);
    await page.getByTestId(`invite-${session!.id}`).click();
    await page.getByTestId('inv-restricted').check();
    for (const g of guests) {
      await page.getByTestId('inv-search').fill(g.familyName);
      await page.getByTestId('invitations').getByRole('button', { name: en.people.searchButton }).click();
      await page.getByRole('button', { name: say(en.sessions.addWho, { name: `${g.givenName} ${g.familyName}` }) }).click();
    }
    await page.getByTestId('inv-save').click();
    await expect.poll(() => page.getByTestId('sessions-table').locator('tr', { hasText: 'Closed briefing' }).textContent()).toContain(say(en.sessions.invitedCount_other, { count: 2 }));
    const stored = (await demo.reg.admin<{ id: string; title: string; endsAt: number; invited: string[] | null }[]>('GET', '/v1/admin/sessions')).find((s) => s.id === session!.id)!;
    expect(stored.title).toBe('Closed briefing for heads of delegation');
    expect(new Date(stored.endsAt).toLocaleTimeString('en-GB', { timeZone: (await demo.reg.admin<{ timeZone: string }>('GET', '/v1/admin/event')).timeZone, hour: '2-digit', minute: '2-digit' })).toBe('17:45');
    expect([...stored.invited!].sort()).toEqual(guests.map((g) => g.id).sort());
    await expectAccessible(page, 'sessions');
  });

  it('imports an XLSX workbook dropped on the page: preview first, then stored', async () => {
    // A real workbook as spreadsheet software writes it (shared strings, a numeric cell, a second sheet).
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Registrations');
    sheet.addRow(['Registration ID', 'First name', 'Last name', 'Organisation', 'Country', 'Category', 'Badge code']);
    sheet.addRow([90001, 'Ingrid', 'Lindqvist', 'Swedish Gender Equality Agency', 'Sweden', 'Delegation', 'XLSX-AAA111']);
    sheet.addRow([90002, 'Олена', 'Коваленко', 'La Strada Ukraine', 'Ukraine', 'NGO', 'XLSX-BBB222']);
    sheet.addRow([90003, 'Kwame', 'Asante', 'ECOWAS Commission', 'Ghana', 'International organisation', 'XLSX-CCC333']);
    wb.addWorksheet('Notes').addRow(['not the list']);
    const bytes = [...new Uint8Array(await wb.xlsx.writeBuffer())];
    await goTo(page, 'import');
    await page.evaluate((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'registrations.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await expect.poll(() => page.getByTestId('import-counts').textContent(), { timeout: 20_000 }).toContain(say(en.import.rows_other, { count: 3 }));
    const sample = await page.getByTestId('import-sample').textContent();
    expect(sample).toContain('Коваленко');
    expect(sample).toContain('90002');
    expect(await page.getByTestId('map-badgeCode').inputValue()).toBe('Badge code');
    // Nothing stored yet.
    expect((await demo.reg.admin<Person[]>('GET', '/v1/admin/attendees?q=Коваленко')).filter((a) => a.badgeCodes.includes('XLSX-BBB222'))).toEqual([]);
    await page.getByTestId('import-go').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 }).toContain(say(en.import.done_other, { count: 3 }));
    const stored = (await demo.reg.admin<Person[]>('GET', '/v1/admin/attendees?q=Коваленко')).find((a) => a.badgeCodes.includes('XLSX-BBB222'));
    expect(stored).toMatchObject({ givenName: 'Олена', category: 'ngo', badgeCodes: ['XLSX-BBB222'] });
  });
});

describe('other roles on the same registry', () => {
  it('logistics: rooms and the live view, the attendee list without notes, nothing to set up', async () => {
    const { page: p } = await openConsole(browser, `${demo.reg.url}/`);
    await loginWithPassword(p, 'logistics', PASSWORD);
    for (const id of ['live', 'attendees', 'rooms', 'sessions', 'stations']) expect(await p.getByTestId(`nav-${id}`).count(), id).toBe(1);
    for (const id of ['event', 'import', 'badges', 'exports', 'attendance', 'accounts']) expect(await p.getByTestId(`nav-${id}`).count(), id).toBe(0);
    // The live view is where logistics land.
    await expect.poll(() => p.getByTestId('live-rooms').locator('tbody tr').count()).toBeGreaterThan(0);
    await goTo(p, 'rooms');
    await expect.poll(() => p.getByTestId('rooms-table').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await p.getByTestId('rooms-table').getByRole('button').count()).toBe(0);
    await goTo(p, 'attendees');
    const withNotes = people.find((x) => x.notes.trim().length > 8 && !x.protected)!;
    await p.getByTestId('people-search').fill(withNotes.familyName);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByTestId('people-table').textContent()).toContain(withNotes.familyName);
    const headers = await p.getByTestId('people-table').locator('thead th').allTextContents();
    expect(headers).not.toContain(en.people.notes);
    expect(headers).not.toContain(en.people.codes);
    const html = await p.content();
    expect(html).not.toContain(withNotes.notes.trim());
    expect(html).not.toContain(withNotes.badgeCodes[0]);
    await expectAccessible(p, 'attendees as logistics');
    await p.context().close();
  });

  it('a viewer during an evacuation drill: the counts and each station’s freshness, not one name in the DOM', async () => {
    // Someone inside (a second check-in of the day), then the desk starts a drill.
    const inside = people.filter((x) => usable(x) && x.category === 'ngo')[0]!;
    expect(checkIn(desk.station, inside.badgeCodes[0]!, Date.now()).verdict).toBe('admitted');
    setEvacuation(desk.station, 'start', true, Date.now(), null);
    await desk.client.syncNow();
    const live = await demo.reg.admin<LiveSnapshot>('GET', '/v1/console/live');
    expect(live.evacuation).toMatchObject({ drill: true, stationName: 'Front desk' });
    expect(live.evacuation!.unaccounted).toBeGreaterThan(0);
    // The organiser's live view names the missing; the picture shows the card.
    await goTo(page, 'live');
    await expect.poll(() => page.getByTestId('evac-unaccounted-value').textContent()).toBe(String(live.evacuation!.unaccounted));
    await page.getByTestId('evacuation').locator('summary').click();
    await expect.poll(() => page.getByTestId('evac-people').locator('li').count()).toBe(live.evacuation!.unaccounted);
    await expectAccessible(page, 'live during a drill');
    await picture(page, 'console-live-evacuation', true);

    const { page: v } = await openConsole(browser, `${demo.reg.url}/`);
    await loginWithPassword(v, 'viewer', PASSWORD);
    for (const id of ['attendees', 'rooms', 'stations', 'import']) expect(await v.getByTestId(`nav-${id}`).count(), id).toBe(0);
    // The live view is where a viewer lands (the only page there is).
    const evac = v.getByTestId('evacuation');
    await expect.poll(() => v.getByTestId('evac-unaccounted-value').textContent()).toBe(String(live.evacuation!.unaccounted));
    expect(await v.getByTestId('evac-inside-value').textContent()).toBe(String(live.evacuation!.inside));
    expect(await evac.getByTestId('evac-freshness').textContent()).toContain('Front desk');
    expect(await v.getByTestId('evac-people').count()).toBe(0);
    // Not one person's name anywhere in what the viewer's browser holds (the page, and its text).
    const everything = `${await v.content()}\n${await v.evaluate(() => document.body.innerText)}`;
    const names = people.flatMap((x) => [x.familyName, `${x.givenName} ${x.familyName}`]).filter((n) => n.length >= 4);
    expect(names.filter((n) => everything.includes(n))).toEqual([]);
    await expectAccessible(v, 'live as a viewer during a drill');
    await v.setViewportSize({ width: 375, height: 812 });
    expect(await v.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(v, 'console-viewer-evacuation-phone');
    setEvacuation(desk.station, 'end', true, Date.now(), null);
    await desk.client.syncNow();
    await expect.poll(() => evac.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
