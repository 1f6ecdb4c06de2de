// Print and reprint from the check-in screen, in Debian Chromium on the headless
// host: the browser gets the badge as a PDF (no printer access outside the desktop
// app), its QR verifies, and after a reprint the old badge is refused at the desk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { readSignedBadge, signBadge } from '../../core/badge/signed';
import { dayInZone } from '../../core/time';
import { DEMO_EVENT_ID, DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { nodeEd25519 } from '../../node-shared/ed25519';
import { demoKeyPair } from '../../resources/demo/badges';
import { screenshot } from '../helpers/browser';
import { stationE2E } from '../helpers/station-e2e';
import { type HostProcess } from '../../testkit/host';
import { rasterise, zbarimg } from '../helpers/raster';
import { tempDir } from '../helpers/station';
import { tool } from '../../testkit/tools';

const demoEvent = generateDemoEvent(dayInZone(Date.now(), DEMO_TIME_ZONE));
const demo = demoEvent.attendees;
const person = demo.filter((a) => a.status === 'active' && a.validDays === null && !a.notes).at(-3)!;

async function savedPdf(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Types a code into the scan field and presses Enter (scanner bursts are tested in checkin.test.ts). */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('scan-input').fill(code);
  await page.getByTestId('scan-input').press('Enter');
}

function qrOf(pdf: string, dir: string): string {
  const [text] = zbarimg(rasterise(pdf, dir, 200));
  return text ?? '';
}

describe('print and reprint from the check-in screen (Chromium, headless host)', () => {
  let host: HostProcess;
  let page: Page;
  const work = tempDir('foyer-e2e-badges-');
  const verify = (text: string) =>
    readSignedBadge(text, { eventId: DEMO_EVENT_ID, publicKey: (k) => (k === 1 ? demoKeyPair(DEMO_EVENT_ID).publicKey : undefined), ed25519: nodeEd25519 });

  stationE2E({ onReady: (s) => ({ host, page } = s) });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('prints the badge of the person just checked in: a PDF whose QR is their signed badge', async () => {
    await typeCode(page, person.badgeCode);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    const pdf = await savedPdf(page, () => page.getByTestId('print-badge').click(), work);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(verify(qrOf(pdf, path.join(work, 'v1')))).toMatchObject({ ok: true, body: { attendeeId: person.id, badgeVersion: 1 } });
    await expect.poll(() => page.getByTestId('badge-status').textContent()).toContain('print it from your downloads');
    await screenshot(page, 'badges-printed');
    // Print-once, as at the badge desk: the first print recorded the hand-over here.
    const view = await host.call<{ handedOver: { stationName: string } | null }>('collect.person', { attendeeId: person.id });
    expect(view.ok && view.value.handedOver).toMatchObject({ stationName: expect.any(String) });
  });

  it('a second "Print badge" prints nothing until a reason is given; it is then a reprint, logged with its reason', async () => {
    let downloads = 0;
    const count = () => downloads++;
    page.on('download', count);
    await page.getByTestId('print-badge').click();
    await expect.poll(() => page.getByTestId('reprint-question').textContent()).toMatch(/already handed over at Front desk 1 .*reprint it and say why/);
    expect(await page.getByTestId('reprint-submit').isDisabled()).toBe(true);
    await screenshot(page, 'badges-print-twice-reason');
    await page.getByTestId('reprint-question').getByRole('button', { name: 'Cancel' }).click();
    expect(downloads).toBe(0);
    page.off('download', count);
    const view = await host.call<{ reprints: unknown[] }>('collect.person', { attendeeId: person.id });
    expect(view.ok && view.value.reprints).toEqual([]);
  });

  it('reprints after a reason, prints badge 2, and the old badge is then refused with the reprint time', async () => {
    await page.getByTestId('reprint-badge').click();
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('Badge 1 will stop working');
    await page.getByLabel('Lost').check();
    await screenshot(page, 'badges-reprint-confirm');
    const pdf = await savedPdf(page, () => page.getByTestId('reprint-submit').click(), work);
    expect(verify(qrOf(pdf, path.join(work, 'v2')))).toMatchObject({ ok: true, body: { attendeeId: person.id, badgeVersion: 2 } });
    await expect.poll(() => page.getByTestId('badge-status').textContent()).toMatch(/Badge 2 issued, code [A-Z0-9]+-[A-HJ-NP-Z2-9]{6}; the old badge no longer works\./);
    await screenshot(page, 'badges-reprinted');
    const view = await host.call<{ reprints: { reason: string }[] }>('collect.person', { attendeeId: person.id });
    expect(view.ok && view.value.reprints).toEqual([expect.objectContaining({ reason: 'lost' })]);
    // Badge 2 carries its own short code under the QR (#13.7), shaped like the first one.
    const newCode = /code ([A-Z0-9]+-[A-HJ-NP-Z2-9]{6})/.exec((await page.getByTestId('badge-status').textContent())!)![1]!;
    expect(newCode).not.toBe(person.badgeCode);
    expect(newCode.slice(0, 4)).toBe(person.badgeCode.slice(0, 4));
    expect(execFileSync(tool('pdftotext'), [pdf, '-'], { encoding: 'utf8' })).toContain(newCode);

    await typeCode(page, person.badgeCode); // the code printed on the old badge
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('refused');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/replaced by a reprint (today at|on \d{1,2} \w{3} at) \d{2}:\d{2}\./);
    await screenshot(page, 'badges-old-refused');
    // The new code, typed by hand (lower case too), is this person's: already in today, so a warning.
    await typeCode(page, newCode.toLowerCase());
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('warning');
    expect(await page.getByTestId('verdict-name').textContent()).toBe(`${person.givenName} ${person.familyName}`);
  });

  it('admits a genuine signed badge of someone registered after the last sync, marked "not yet synced", with no print buttons', async () => {
    const text = signBadge(
      { eventId: DEMO_EVENT_ID, attendeeId: crypto.randomUUID(), badgeVersion: 1, validDays: null, category: 'media' },
      demoEvent.event.days,
      { keyId: 1, privateKey: demoKeyPair(DEMO_EVENT_ID).privateKey },
      nodeEd25519,
    );
    await typeCode(page, text);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('admitted');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain('Genuine badge. Name not yet synced to this station.');
    expect(await page.getByTestId('verdict').textContent()).toContain('Not yet in this station’s list');
    expect(await page.getByTestId('badge-actions').count()).toBe(0);
    await screenshot(page, 'badges-unsynced-admitted');
  });
});
