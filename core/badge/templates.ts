// Badge templates as plain geometry (millimetres), drawn by two renderers: the
// PDF writer (node-shared/badges/pdf.ts) and the SVG/HTML preview (core/badge/svg.ts).
import type { Category } from '../model';
import { bandStyle } from './style';

export const TEMPLATE_IDS = ['cr80', 'a6', 'a4-8'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** What is printed on one badge. */
export interface BadgePrint {
  attendeeId: string;
  givenName: string;
  familyName: string;
  organisation: string;
  delegation: string;
  /** ISO 3166 alpha-2, helps pick CJK glyph forms; may be ''. */
  country: string;
  category: Category | string;
  /** The QR code's text (a signed badge, or a plain code where the console cannot sign). */
  qrText: string;
  /** Short code printed under the QR for typing by hand, if any. */
  code: string;
  badgeVersion: number;
  /** A "no photography" strip under the band (anyone may ask for it). */
  noPhoto?: boolean;
}

/** The strip's words: the conference's working language, in capitals, legible from a camera's distance. */
export const NO_PHOTO_WORDS = 'NO PHOTOGRAPHY';

/**
 * A person's printed lines (names, organisation, delegation, band) with the QR text and code of one badge.
 * A protected person (docs/safeguarding.md) gets the variant: their chosen name only, no family name,
 * delegation, organisation or country, so the badge names them no more than a shared screen does.
 */
export function badgePrintOf(
  person: Pick<BadgePrint, 'givenName' | 'familyName' | 'organisation' | 'delegation' | 'country' | 'category'> & {
    id: string;
    protected?: boolean;
    chosenName?: string;
    noPhoto?: boolean;
  },
  badge: Pick<BadgePrint, 'qrText' | 'code' | 'badgeVersion'>,
): BadgePrint {
  const { id, givenName, familyName, organisation, delegation, country, category } = person;
  const noPhoto = person.noPhoto === true;
  if (person.protected) {
    return { attendeeId: id, givenName: person.chosenName?.trim() ?? '', familyName: '', organisation: '', delegation: '', country: '', category, noPhoto, ...badge };
  }
  return { attendeeId: id, givenName, familyName, organisation, delegation, country, category, noPhoto, ...badge };
}

export type Prim =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | {
      kind: 'text';
      /** Left edge of the box, its width, and the text baseline (mm). */
      x: number;
      w: number;
      baseline: number;
      text: string;
      /** Font size in points, and the smallest it may shrink to so the text fits the box. */
      size: number;
      minSize: number;
      /** Lines it may wrap onto (downwards from the baseline) before shrinking. */
      maxLines: number;
      bold: boolean;
      align: 'left' | 'center';
      colour: string;
      role: 'given' | 'family' | 'organisation' | 'delegation' | 'band' | 'code' | 'nophoto';
    }
  /** The QR square includes the quiet zone (QUIET_ZONE modules on each side). */
  | { kind: 'qr'; x: number; y: number; size: number; text: string };

export interface Template {
  id: TemplateId;
  label: string;
  page: { w: number; h: number };
  card: { w: number; h: number };
  /** Top-left corners of the badges on one page. */
  slots: { x: number; y: number }[];
  /** Draw cut marks around each slot (sheets that are cut after printing). */
  cutMarks: boolean;
}

const A4_COLS = 2;
const A4_ROWS = 4;
const A4_CARD = { w: 100, h: 70 };

export const TEMPLATES: Record<TemplateId, Template> = {
  cr80: { id: 'cr80', label: 'CR80 card (85.6 × 54 mm)', page: { w: 85.6, h: 54 }, card: { w: 85.6, h: 54 }, slots: [{ x: 0, y: 0 }], cutMarks: false },
  a6: { id: 'a6', label: 'A6 lanyard insert (105 × 148 mm)', page: { w: 105, h: 148 }, card: { w: 105, h: 148 }, slots: [{ x: 0, y: 0 }], cutMarks: false },
  'a4-8': {
    id: 'a4-8',
    label: 'A4 sheet of 8 (100 × 70 mm each)',
    page: { w: 210, h: 297 },
    card: A4_CARD,
    slots: Array.from({ length: A4_COLS * A4_ROWS }, (_, i) => ({
      x: (210 - A4_COLS * A4_CARD.w) / 2 + (i % A4_COLS) * A4_CARD.w,
      y: (297 - A4_ROWS * A4_CARD.h) / 2 + Math.floor(i / A4_COLS) * A4_CARD.h,
    })),
    cutMarks: true,
  },
};

const PT = 25.4 / 72; // mm per point

/** Lays out one badge with its top-left corner at (ox, oy). */
export function layoutBadge(b: BadgePrint, t: Template, ox = 0, oy = 0): Prim[] {
  const { w, h } = t.card;
  return w >= h ? landscape(b, w, h, ox, oy) : portrait(b, w, h, ox, oy);
}

function codeLine(b: BadgePrint): string {
  const parts = [b.code, b.badgeVersion > 1 ? `reprint ${b.badgeVersion}` : ''].filter(Boolean);
  return parts.join(' · ');
}

function landscape(b: BadgePrint, w: number, h: number, ox: number, oy: number): Prim[] {
  const s = h / 54;
  const pad = 3 * s;
  const band = bandStyle(b.category);
  const bandH = 8 * s;
  const q = Math.min(h - bandH - 2 * pad, 31);
  const qx = ox + w - pad - q;
  const qy = oy + h - pad - q;
  const tx = ox + pad;
  const tw = w - q - 2.5 * pad;
  const out: Prim[] = [
    { kind: 'rect', x: ox, y: oy, w, h: bandH, fill: band.fill },
    text(band.label, ox + pad, w - 2 * pad, oy + bandH / 2 + 9 * s * PT * 0.36, 9 * s, 6 * s, true, 'left', band.text, 'band'),
    { kind: 'qr', x: qx, y: qy, size: q, text: b.qrText },
  ];
  let y = oy + bandH + pad;
  if (b.noPhoto) y = noPhotoStrip(out, ox, oy + bandH, w, 5 * s, 8 * s) + pad;
  const line = (str: string, size: number, min: number, bold: boolean, role: Extract<Prim, { kind: 'text' }>['role'], colour = '#111111', lines = 1) => {
    if (!str) return;
    y += size * PT * 1.0;
    out.push(text(str, tx, tw, y, size, min, bold, 'left', colour, role, lines));
    y += size * PT * 0.3;
  };
  line(b.givenName, 17 * s, 9 * s, true, 'given');
  line(b.familyName, 12 * s, 7 * s, false, 'family');
  y += 1.5 * s;
  // The delegation is printed even when the organisation names it ("Delegation of X"): it is what ushers look for.
  line(b.delegation, 8.5 * s, 5.5 * s, true, 'delegation');
  line(b.organisation, 7.5 * s, 5.5 * s, false, 'organisation', '#333333', 2);
  const code = codeLine(b);
  if (code) out.push(text(code, tx, tw, oy + h - pad, 6 * s, 5 * s, false, 'left', '#444444', 'code'));
  return out;
}

function portrait(b: BadgePrint, w: number, h: number, ox: number, oy: number): Prim[] {
  const s = w / 105;
  const pad = 6 * s;
  const band = bandStyle(b.category);
  const bandH = 18 * s;
  const cw = w - 2 * pad;
  const out: Prim[] = [
    { kind: 'rect', x: ox, y: oy, w, h: bandH, fill: band.fill },
    text(band.label, ox + pad, cw, oy + bandH / 2 + 16 * s * PT * 0.36, 16 * s, 9 * s, true, 'center', band.text, 'band'),
  ];
  let y = oy + bandH + 10 * s;
  if (b.noPhoto) y = noPhotoStrip(out, ox, oy + bandH, w, 9 * s, 14 * s) + 6 * s;
  const line = (str: string, size: number, min: number, bold: boolean, role: Extract<Prim, { kind: 'text' }>['role'], colour = '#111111', lines = 1) => {
    if (!str) return;
    y += size * PT * 1.0;
    out.push(text(str, ox + pad, cw, y, size, min, bold, 'center', colour, role, lines));
    y += size * PT * 0.35;
  };
  line(b.givenName, 32 * s, 14 * s, true, 'given');
  line(b.familyName, 22 * s, 11 * s, false, 'family');
  y += 4 * s;
  line(b.delegation, 13 * s, 8 * s, true, 'delegation');
  line(b.organisation, 11 * s, 8 * s, false, 'organisation', '#333333', 2);
  const q = 52 * s;
  const code = codeLine(b);
  out.push({ kind: 'qr', x: ox + (w - q) / 2, y: oy + h - pad - q - (code ? 5 * s : 0), size: q, text: b.qrText });
  if (code) out.push(text(code, ox + pad, cw, oy + h - pad, 8 * s, 6 * s, false, 'center', '#444444', 'code'));
  return out;
}

/** The "no photography" strip: white capitals on dark red across the card under the band; returns its bottom edge. */
function noPhotoStrip(out: Prim[], ox: number, y: number, w: number, h: number, size: number): number {
  out.push({ kind: 'rect', x: ox, y, w, h, fill: '#9b1c1c' });
  out.push(text(NO_PHOTO_WORDS, ox, w, y + h / 2 + size * PT * 0.36, size, size * 0.6, true, 'center', '#ffffff', 'nophoto'));
  return y + h;
}

function text(
  str: string,
  x: number,
  w: number,
  baseline: number,
  size: number,
  minSize: number,
  bold: boolean,
  align: 'left' | 'center',
  colour: string,
  role: Extract<Prim, { kind: 'text' }>['role'],
  maxLines = 1,
): Prim {
  return { kind: 'text', x, w, baseline, text: str.normalize('NFC'), size, minSize, maxLines, bold, align, colour, role };
}

/** Hairline cut guides along each slot's edges (the badges on a sheet touch). */
export function cutMarks(t: Template): Prim[] {
  if (!t.cutMarks) return [];
  const th = 0.1;
  const fill = '#b0b0b0';
  return t.slots.flatMap((s) => [
    { kind: 'rect' as const, x: s.x, y: s.y, w: t.card.w, h: th, fill },
    { kind: 'rect' as const, x: s.x, y: s.y + t.card.h - th, w: t.card.w, h: th, fill },
    { kind: 'rect' as const, x: s.x, y: s.y, w: th, h: t.card.h, fill },
    { kind: 'rect' as const, x: s.x + t.card.w - th, y: s.y, w: th, h: t.card.h, fill },
  ]);
}

/** Pre-printing order: by delegation (or organisation), then family and given name. */
export function sortForPrinting<T extends Pick<BadgePrint, 'delegation' | 'organisation' | 'familyName' | 'givenName'>>(xs: T[]): T[] {
  const coll = new Intl.Collator('en', { sensitivity: 'base' });
  const group = (x: T) => x.delegation || x.organisation;
  return [...xs].sort((a, b) => coll.compare(group(a), group(b)) || coll.compare(a.familyName, b.familyName) || coll.compare(a.givenName, b.givenName));
}
