// Badge printing in the desktop app: the badge's printable HTML (core/badge/svg.ts,
// the same page the renderer previews) is loaded into a hidden, script-less window
// and sent to the printer the operator chose with webContents.print — silently if
// they chose so. When printing fails (no printer, driver error) the same page is
// saved with printToPDF instead, so the desk still gets a file to print elsewhere.
// The badge content comes from station/; this file only drives Chromium's printing.
import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, type PrintToPDFOptions, type WebContentsPrintOptions } from 'electron';
import { z } from 'zod';
import type { PrintBadgeResult, PrinterChoice } from '../core/api/badges';
import { badgeHtml } from '../core/badge/svg';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../core/badge/templates';
import { printableBadge } from '../station/badges/print';
import { mainMethod, type MainMethods } from './ipc.main';

export const printBadgeArgs = z
  .object({
    attendeeId: z.string().min(1).max(64),
    template: z.enum(TEMPLATE_IDS).default('cr80'),
    /** A printer name from print.printers; omitted = the system default. */
    printer: z.string().min(1).max(256).optional(),
    /** Print without the system dialog (the operator's choice for a busy desk). */
    silent: z.boolean().default(false),
  })
  .strict();

/** Options for webContents.print: page = badge size (microns), no margins, colours on. */
export function badgePrintOptions(template: TemplateId, printer: string | undefined, silent: boolean): WebContentsPrintOptions {
  const { w, h } = TEMPLATES[template].card;
  return {
    silent,
    ...(printer ? { deviceName: printer } : {}),
    printBackground: true,
    color: true,
    margins: { marginType: 'none' },
    pageSize: { width: Math.round(w * 1000), height: Math.round(h * 1000) },
    copies: 1,
  };
}

/** Options for the printToPDF fallback: page = badge size (inches), no margins. */
export function badgePdfOptions(template: TemplateId): PrintToPDFOptions {
  const { w, h } = TEMPLATES[template].card;
  return {
    printBackground: true,
    preferCSSPageSize: true,
    pageSize: { width: w / 25.4, height: h / 25.4 },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

async function hiddenPage(html: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 700,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
  });
  await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return win;
}

function print(win: BrowserWindow, opts: WebContentsPrintOptions): Promise<{ success: boolean; reason: string }> {
  return new Promise((resolve) => win.webContents.print(opts, (success, reason) => resolve({ success, reason })));
}

export const printMethods: MainMethods = {
  /** The printers this computer knows, for the operator's choice. */
  'print.printers': mainMethod(z.object({}).strict(), async (_args, { sender }): Promise<PrinterChoice[]> =>
    (await sender.getPrintersAsync()).map((p) => ({ name: p.name, displayName: p.displayName || p.name })),
  ),

  'print.badge': mainMethod(printBadgeArgs, async (args, { station }): Promise<PrintBadgeResult> => {
    const badge = printableBadge(station, args.attendeeId);
    const win = await hiddenPage(badgeHtml(badge, args.template));
    try {
      const r = await print(win, badgePrintOptions(args.template, args.printer, args.silent));
      if (r.success) return { printed: true, cancelled: false, pdfPath: null, message: 'Badge sent to the printer.' };
      if (/cancel/i.test(r.reason)) return { printed: false, cancelled: true, pdfPath: null, message: 'Printing was cancelled.' };
      const pdf = await win.webContents.printToPDF(badgePdfOptions(args.template));
      const dir = path.join(station.dataDir, 'badges');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `badge-${badge.attendeeId.slice(0, 8)}-v${badge.badgeVersion}-${args.template}-unprinted.pdf`);
      fs.writeFileSync(file, pdf);
      return { printed: false, cancelled: false, pdfPath: file, message: `The printer did not take the badge (${r.reason || 'no reason given'}). It was saved as a PDF instead.` };
    } finally {
      win.destroy();
    }
  }),
};
