// Text in any script in a pdfkit document, set in the embedded Noto fonts the badges use
// (fonts.ts): each font file is embedded once per document, a line is drawn run by run (one
// font per script, bidi order from text-runs.ts), and a paragraph wraps to a width. pdfkit's
// own Helvetica cannot draw Cyrillic, Greek, Arabic or CJK, and is never loaded.
import PDFDocument from 'pdfkit';
import { fitText } from '../../core/badge/fit';
import { cjkPreference, fontPicker, type Face, type FontPicker } from './fonts';
import { visualRuns, type Run } from './text-runs';
import { sfntOf } from './woff';

export type Doc = InstanceType<typeof PDFDocument>;

/** The file a new document starts with, so pdfkit never loads its built-in Helvetica (bundlers cannot follow it). */
export function defaultFontFile(): string {
  return (defaultFile ??= fontPicker(400, 'sc').faceFor(0x41).file);
}
let defaultFile: string | undefined;

export class PdfFonts {
  private registered = new Set<string>();
  constructor(private doc: Doc) {}
  use(face: Face, sizePt: number): Doc {
    // A document opened on defaultFontFile() holds that font under its path. pdfkit never caches
    // the same font registered again under another name (it finds the equal copy and returns it,
    // re-reading the bytes on every font() call: ~3 ms each, 8 s for a 1,200-line list), so the
    // default face is asked for by its path, which pdfkit caches (and opens once otherwise).
    if (face.file === defaultFontFile()) return this.doc.font(face.file).fontSize(sizePt);
    if (!this.registered.has(face.name)) {
      this.doc.registerFont(face.name, sfntOf(face.file));
      this.registered.add(face.name);
    }
    return this.doc.font(face.name).fontSize(sizePt);
  }
}

export function runsWidth(fonts: PdfFonts, runs: Run[], sizePt: number): number {
  let w = 0;
  for (const r of runs) w += fonts.use(r.face, sizePt).widthOfString(r.text);
  return w;
}

/** Draws one line with its left end at x and its baseline at y; returns its width. */
export function drawRuns(fonts: PdfFonts, runs: Run[], x: number, y: number, sizePt: number): number {
  let at = x;
  for (const r of runs) {
    const d = fonts.use(r.face, sizePt);
    d.text(r.text, at, y, { lineBreak: false, baseline: 'alphabetic' });
    at += d.widthOfString(r.text);
  }
  return at - x;
}

export interface Paragraph {
  x: number;
  /** Top of the first line. */
  y: number;
  width: number;
  size: number;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  colour?: string;
  /** Lines kept before the rest is cut with an ellipsis. */
  maxLines?: number;
  /** Country of the text's owner, for Han characters (see cjkPreference). */
  country?: string;
}

export const LINE_HEIGHT = 1.3;

function picker(text: string, p: Pick<Paragraph, 'bold' | 'country'>): FontPicker {
  return fontPicker(p.bold ? 700 : 400, cjkPreference(text, p.country ?? ''));
}

/** Lines of `text` wrapped to the paragraph's width at its size. */
export function wrapText(fonts: PdfFonts, text: string, p: Omit<Paragraph, 'x' | 'y'>): string[] {
  const pick = picker(text, p);
  const spec = { size: p.size, minSize: p.size, maxLines: p.maxLines ?? 1000 };
  return fitText(text, spec, p.width, (s, size) => runsWidth(fonts, visualRuns(s, pick), size)).lines;
}

/** Height a paragraph takes, in points. */
export function paragraphHeight(fonts: PdfFonts, text: string, p: Omit<Paragraph, 'x' | 'y'>): number {
  return text ? wrapText(fonts, text, p).length * p.size * LINE_HEIGHT : 0;
}

/** Draws a wrapped paragraph (`lines`: as wrapText gave them, when the caller measured first); returns its height. */
export function drawParagraph(doc: Doc, fonts: PdfFonts, text: string, p: Paragraph, lines = text ? wrapText(fonts, text, p) : []): number {
  if (!text) return 0;
  const pick = picker(text, p);
  doc.fillColor(p.colour ?? '#000000');
  lines.forEach((line, i) => {
    const runs = visualRuns(line, pick);
    const w = runsWidth(fonts, runs, p.size);
    const x = p.align === 'right' ? p.x + p.width - w : p.align === 'center' ? p.x + (p.width - w) / 2 : p.x;
    // Baseline a little below the top, as a font's ascent is (Noto's is about 1.07 em).
    drawRuns(fonts, runs, x, p.y + i * p.size * LINE_HEIGHT + p.size * 1.05, p.size);
  });
  return lines.length * p.size * LINE_HEIGHT;
}
