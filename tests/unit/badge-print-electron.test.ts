// electron/print.main.ts against a stand-in Electron (no binary here): what it
// asks Chromium to print, the printer choice, and the PDF fallback.
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attendees } from '../../db/schema/index';
import type { Station } from '../../station/station';
import { freshStation } from '../helpers/station';

const fake = vi.hoisted(() => ({
  windows: [] as { opts: Record<string, unknown>; url: string; printOpts: unknown; destroyed: boolean; pdfOpts: unknown }[],
  printResult: { success: true, reason: '' },
}));

vi.mock('electron', () => {
  class BrowserWindow {
    rec: (typeof fake.windows)[number];
    webContents: Record<string, unknown>;
    constructor(opts: Record<string, unknown>) {
      this.rec = { opts, url: '', printOpts: null, destroyed: false, pdfOpts: null };
      fake.windows.push(this.rec);
      this.webContents = {
        print: (o: unknown, cb: (ok: boolean, reason: string) => void) => {
          this.rec.printOpts = o;
          setTimeout(() => cb(fake.printResult.success, fake.printResult.reason), 1);
        },
        printToPDF: async (o: unknown) => {
          this.rec.pdfOpts = o;
          return Buffer.from('%PDF-1.4 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.rec.url = url;
    }
    destroy() {
      this.rec.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { printMethods, printBadgeArgs } = await import('../../electron/print.main');
const { mainMethods } = await import('../../electron/main-methods');

let station: Station;
beforeEach(() => {
  ({ station } = freshStation());
  fake.windows.length = 0;
  fake.printResult = { success: true, reason: '' };
});
afterEach(() => station.close());

function someone() {
  return station.db.orm.select().from(attendees).where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''))).get()!;
}

async function printBadge(args: unknown) {
  const parsed = printBadgeArgs.parse(args);
  return printMethods['print.badge']!.run(parsed as never, { station, window: {} as never, sender: {} as never }) as Promise<{
    printed: boolean;
    cancelled: boolean;
    pdfPath: string | null;
    message: string;
  }>;
}

describe('Electron badge printing', () => {
  it('is reachable from the renderer through the checked main-method channel', () => {
    expect(Object.keys(mainMethods)).toEqual(expect.arrayContaining(['print.badge', 'print.printers']));
    expect(printBadgeArgs.safeParse({ attendeeId: 'x', template: 'poster' }).success).toBe(false);
    expect(printBadgeArgs.safeParse({ attendeeId: 'x', sneaky: true }).success).toBe(false);
  });

  it('prints the badge page silently to the chosen printer, at the card size, from a script-less hidden window', async () => {
    const a = someone();
    const r = await printBadge({ attendeeId: a.id, template: 'cr80', printer: 'Zebra ZC300', silent: true });
    expect(r).toMatchObject({ printed: true, cancelled: false, pdfPath: null });
    const w = fake.windows[0]!;
    expect(w.opts).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    const html = decodeURIComponent(w.url.replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('<svg');
    expect(html).toContain(a.familyName.replace(/&/g, '&amp;'));
    expect(html).toContain('@page{size:85.6mm 54mm;margin:0}');
    expect(w.printOpts).toMatchObject({ silent: true, deviceName: 'Zebra ZC300', printBackground: true, margins: { marginType: 'none' }, pageSize: { width: 85600, height: 54000 } });
    expect(w.destroyed).toBe(true);
  });

  it('shows the system dialog by default, and a cancelled dialog is neither an error nor a PDF', async () => {
    fake.printResult = { success: false, reason: 'Print job canceled' };
    const r = await printBadge({ attendeeId: someone().id, template: 'a6' });
    expect(fake.windows[0]!.printOpts).toMatchObject({ silent: false, pageSize: { width: 105000, height: 148000 } });
    expect(fake.windows[0]!.printOpts).not.toHaveProperty('deviceName');
    expect(r).toMatchObject({ printed: false, cancelled: true, pdfPath: null });
  });

  it('falls back to printToPDF when the printer fails, and says where the file is', async () => {
    fake.printResult = { success: false, reason: 'Printer is offline' };
    const r = await printBadge({ attendeeId: someone().id, template: 'cr80', printer: 'Gone', silent: true });
    expect(r.printed).toBe(false);
    expect(r.pdfPath).toBeTruthy();
    expect(fs.readFileSync(r.pdfPath!, 'utf8')).toContain('%PDF');
    expect(r.message).toContain('Printer is offline');
    expect(fake.windows[0]!.pdfOpts).toMatchObject({ pageSize: { width: 85.6 / 25.4, height: 54 / 25.4 }, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    expect(fake.windows[0]!.destroyed).toBe(true);
  });

  it('refuses to print for someone not on the list, with a sentence', async () => {
    await expect(printBadge({ attendeeId: 'nobody' })).rejects.toThrow(/not on this station/);
    expect(fake.windows).toHaveLength(0);
  });
});
