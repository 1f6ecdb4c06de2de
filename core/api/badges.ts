// Badges area of the station API: reprint a badge, preview it, save it as PDF.
// Printing itself is Electron's (electron/print.main.ts), from the preview's HTML.
import { z } from 'zod';
import { TEMPLATE_IDS } from '../badge/templates';
import type { AttendeeSummary } from '../model';
import { typedLine } from '../text';

const attendeeId = z.string().min(1).max(64);
const template = z.enum(TEMPLATE_IDS).default('cr80');

export const badgeMethods = {
  /** `reason`: why a badge is printed again (a badge desk always asks; the log keeps it). */
  'badges.reprint': z.object({ attendeeId, operator: typedLine(120).optional(), reason: typedLine(200).optional() }),
  'badges.preview': z.object({ attendeeId, template }),
  'badges.pdf': z.object({ attendeeId, template }),
} as const;

export interface ReprintResult {
  attendee: AttendeeSummary;
  oldVersion: number;
  newVersion: number;
  /** The new badge's short code (printed under its QR, typeable at any desk). */
  code: string;
  /** The 'reprint' event in the log. */
  eventId: string;
  at: number;
}

export interface BadgePreview {
  /** The badge as SVG, sized in millimetres. */
  svg: string;
  /** A printable page holding only the badge (page size = badge size): what Electron prints. */
  html: string;
  widthMm: number;
  heightMm: number;
  template: (typeof TEMPLATE_IDS)[number];
  badgeVersion: number;
  /** False when this station cannot sign and the QR holds the imported plain code. */
  signed: boolean;
}

export interface BadgePdf {
  /** Where the station saved it (inside its data folder). */
  path: string;
  fileName: string;
  base64: string;
  bytes: number;
}

/**
 * Desktop-only methods (electron/print.main.ts), reached through the same bridge:
 * 'print.badge' {attendeeId, template?, printer?, silent?} → PrintBadgeResult and
 * 'print.printers' {} → PrinterChoice[]. The headless host answers 'unknown_method'.
 */
export interface PrintBadgeResult {
  printed: boolean;
  /** The operator closed the print dialog: nothing printed, nothing to fall back to. */
  cancelled: boolean;
  /** Set when printing failed and the badge was saved as PDF instead. */
  pdfPath: string | null;
  message: string;
}

export interface PrinterChoice {
  name: string;
  displayName: string;
}

export interface BadgesResults {
  'badges.reprint': ReprintResult;
  'badges.preview': BadgePreview;
  'badges.pdf': BadgePdf;
}
