// Printing one badge from the renderer. In the desktop app the main process prints
// (electron/print.main.ts: the chosen printer, silently if the desk chose so). In a
// browser on the headless host there is no printer access, so the station makes the
// PDF and the browser downloads it. Walk-ins and reprints use the same function.
import type { PrintBadgeResult, PrinterChoice } from '../../../core/api/badges';
import { TEMPLATE_IDS, type TemplateId } from '../../../core/badge/templates';
import { api, ApiCallError, bridge } from '../api';

export interface BadgePrintPrefs {
  template: TemplateId;
  /** null = the system's default printer. */
  printer: string | null;
  /** Print without the system dialog (desktop only). */
  silent: boolean;
}

const KEY = 'foyer.badgePrint';
const DEFAULTS: BadgePrintPrefs = { template: 'cr80', printer: null, silent: false };

export function getPrintPrefs(): BadgePrintPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<BadgePrintPrefs>;
    return {
      template: TEMPLATE_IDS.includes(raw.template as TemplateId) ? (raw.template as TemplateId) : DEFAULTS.template,
      printer: typeof raw.printer === 'string' && raw.printer ? raw.printer : null,
      silent: raw.silent === true,
    };
  } catch {
    return DEFAULTS;
  }
}

export function setPrintPrefs(p: BadgePrintPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage blocked: the choice lasts until reload
  }
}

export type PrintOutcome =
  | { kind: 'printed' }
  | { kind: 'cancelled' }
  | { kind: 'saved'; path: string; message: string }
  | { kind: 'downloaded'; fileName: string };

/** Printers of this computer, or null when not in the desktop app. */
export async function listPrinters(): Promise<PrinterChoice[] | null> {
  const res = await bridge.call('print.printers', {});
  return res.ok ? (res.value as PrinterChoice[]) : null;
}

function download(base64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Rejects with ApiCallError (a sentence) when the station refuses, e.g. "not yet synced". */
export async function printBadge(attendeeId: string, prefs: BadgePrintPrefs = getPrintPrefs()): Promise<PrintOutcome> {
  const res = await bridge.call('print.badge', { attendeeId, template: prefs.template, ...(prefs.printer ? { printer: prefs.printer } : {}), silent: prefs.silent });
  if (res.ok) {
    const r = res.value as PrintBadgeResult;
    if (r.printed) return { kind: 'printed' };
    if (r.cancelled) return { kind: 'cancelled' };
    return { kind: 'saved', path: r.pdfPath ?? '', message: r.message };
  }
  if (res.error.code !== 'unknown_method') throw new ApiCallError(res.error);
  const pdf = await api['badges.pdf']({ attendeeId, template: prefs.template });
  download(pdf.base64, pdf.fileName);
  return { kind: 'downloaded', fileName: pdf.fileName };
}
