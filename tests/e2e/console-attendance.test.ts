// Issue #16.3 in the organiser console (Chromium): after a session, the organiser imports its
// Zoom participant report on the "Online attendance" page and reads who was matched by e-mail or
// by name and who was not; a file that is not a Zoom report gets a sentence in the reader's
// language; the attendance report downloads as a PDF and a workbook. The registry is a real
// process with the demo event (whose opening session already has its sample Zoom report).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { launchBrowser, screenshot } from '../helpers/browser';
import { expectAccessible, goTo, loginWithToken, openConsole, requireConsoleBuild } from '../helpers/console-e2e';
import { tempDir } from '../helpers/station';

describe('online attendance in the console (Chromium)', () => {
  let reg: RegistryProc;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let zoomCsv = '';

  beforeAll(async () => {
    requireConsoleBuild();
    [reg, browser] = await Promise.all([startRegistryProc({ dataDir: tempDir('foyer-console-attendance-') }), launchBrowser()]);
    await reg.admin('POST', '/v1/admin/demo', {});
    // Three demo people as a Zoom export of the second session lists them: one by the e-mail
    // they registered with, one renamed on a tablet, one guest typing the name family first.
    const stored = await reg.admin<{ people: { attendeeId: string | null; email: string; match: string }[] }>('GET', '/v1/admin/sessions/s1/zoom-report');
    const byEmail = stored.people.find((p) => p.match === 'email')!;
    const people = await reg.admin<{ id: string; givenName: string; familyName: string }[]>('GET', '/v1/admin/attendees?limit=1000');
    const unique = people.filter((p) => people.filter((q) => q.givenName === p.givenName && q.familyName === p.familyName).length === 1 && /^[A-Za-z]+$/.test(p.givenName + p.familyName));
    const [a, b] = [unique[3]!, unique[7]!];
    zoomCsv = [
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
      `Delegate,${byEmail.email},11/30/2026 11:35:00 AM,11/30/2026 12:50:00 PM,75,No`,
      `iPad (${a.givenName} ${a.familyName}),,11/30/2026 11:40:00 AM,11/30/2026 12:10:00 PM,30,Yes`,
      `${b.familyName.toUpperCase()} ${b.givenName},,11/30/2026 11:45:00 AM,11/30/2026 12:55:00 PM,70,Yes`,
      'Galaxy S24,,11/30/2026 11:50:00 AM,11/30/2026 12:00:00 PM,10,Yes',
    ].join('\r\n');
    const c = await openConsole(browser, `${reg.url}/`);
    page = c.page;
    problems.push(...c.problems);
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await loginWithToken(page, reg.adminToken);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await reg?.kill('SIGTERM');
  });

  it('imports a session’s Zoom report and says who matched by e-mail, by name, and who not', async () => {
    await goTo(page, 'attendance');
    // Which sessions have a report: the demo's opening has one, this one none yet.
    await expect.poll(() => page.getByTestId('zoom-status-s1').getAttribute('data-reports')).toBe('1');
    expect(await page.getByTestId('zoom-status-s2').textContent()).toBe('No Zoom report yet.');
    await page.getByTestId('zoom-file-s2').setInputFiles({ name: 'participants_82233445566.csv', mimeType: 'text/csv', buffer: Buffer.from(zoomCsv, 'utf8') });
    const result = page.getByTestId('zoom-result-s2');
    await result.waitFor();
    expect(await result.textContent()).toContain('Imported: 4 people from 4 rows. Matched by e-mail 1, by name 2; not matched 1');
    expect(await page.getByTestId('zoom-s2').textContent()).toContain('Not matched: Galaxy S24');
    await expect.poll(() => page.getByTestId('zoom-status-s2').textContent()).toMatch(/^1 Zoom report, 4 people online: participants_82233445566\.csv \(last imported /);
    await expectAccessible(page, 'online attendance');
    await screenshot(page, 'console-attendance');
  });

  it('a file that is not a Zoom report: a sentence in the reader’s language, nothing imported', async () => {
    await page.getByTestId('language').selectOption('de');
    await page.getByTestId('zoom-file-s3').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from('Vorname,Nachname\nAnna,Berg\n') });
    await expect.poll(() => page.getByTestId('zoom-s3').textContent()).toContain('Das ist kein Zoom-Teilnehmerbericht');
    const none = await fetch(`${reg.url}/v1/admin/sessions/s3/zoom-report`, { headers: { authorization: `Bearer ${reg.adminToken}` } });
    expect(none.status).toBe(404);
  });

  it('the attendance report downloads as PDF and as a workbook, in the page’s language', async () => {
    const href = await page.getByTestId('attendance-pdf').getAttribute('href');
    expect(href).toBe('/v1/admin/reports/attendance.pdf?lang=de');
    const [pdf, xlsx] = await Promise.all(['attendance-pdf', 'attendance-xlsx'].map((id) => page.evaluate(async (u) => {
      const r = await fetch(u!, { credentials: 'same-origin' });
      return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
    }, `${id === 'attendance-pdf' ? '/v1/admin/reports/attendance.pdf' : '/v1/admin/reports/attendance.xlsx'}?lang=de`)));
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(xlsx).toMatchObject({ status: 200, type: expect.stringContaining('spreadsheetml') });
    expect(pdf!.bytes).toBeGreaterThan(5000);
    // The refused file's answer (422) is logged by Chromium as a failed load; nothing else may be.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
  });
});
