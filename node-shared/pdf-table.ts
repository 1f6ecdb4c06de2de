// A printable A4 document of headings, paragraphs and tables in the embedded Noto fonts (any
// script: a delegation or session title in Cyrillic or Arabic prints), with page breaks that
// repeat a table's column titles. Reports the organiser prints use it (registry/hybrid/report-pdf.ts).
import PDFDocument from 'pdfkit';
import { defaultFontFile, drawParagraph, paragraphHeight, PdfFonts, type Doc } from './badges/pdf-text';

export interface Column {
  title: string;
  /** Width in points. */
  w: number;
  right?: boolean;
}

const MARGIN = 48;
const PAD = 3;

export class PdfReport {
  readonly doc: Doc;
  private fonts: PdfFonts;
  private y = MARGIN;
  private chunks: Buffer[] = [];
  private done: Promise<Buffer>;
  /** The widest a paragraph or table may be. */
  readonly width: number;

  constructor(opts: { title: string; lang: string }) {
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: defaultFontFile(), lang: opts.lang, info: { Title: opts.title, Author: 'Foyer' } });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.fonts = new PdfFonts(this.doc);
    this.width = this.doc.page.width - 2 * MARGIN;
  }

  private room(h: number): boolean {
    if (this.y + h <= this.doc.page.height - MARGIN) return false;
    this.doc.addPage();
    this.y = MARGIN;
    return true;
  }

  para(text: string, size: number, opts: { bold?: boolean; colour?: string; keepWithNext?: number } = {}): void {
    const h = paragraphHeight(this.fonts, text, { width: this.width, size, ...opts });
    this.room(h + (opts.keepWithNext ?? 0));
    this.y += drawParagraph(this.doc, this.fonts, text, { x: MARGIN, y: this.y, width: this.width, size, ...opts });
  }

  gap(pt: number): void {
    this.y += pt;
  }

  /** A table; every page it runs onto starts with its column titles. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], opts: { boldLast?: boolean } = {}): void {
    const spec = (i: number, bold: boolean) => ({ width: columns[i]!.w - 2 * PAD, size: 9, bold, maxLines: 4 });
    const height = (cells: readonly string[], bold: boolean) => Math.max(...cells.map((c, i) => paragraphHeight(this.fonts, c, spec(i, bold)))) + 2 * PAD;
    const draw = (cells: readonly string[], bold: boolean) => {
      const h = height(cells, bold);
      if (this.room(h) && !bold) draw(columns.map((c) => c.title), true);
      let x = MARGIN;
      cells.forEach((c, i) => {
        drawParagraph(this.doc, this.fonts, c, { ...spec(i, bold), x: x + PAD, y: this.y + PAD, align: columns[i]!.right ? 'right' : 'left' });
        x += columns[i]!.w;
      });
      this.doc.moveTo(MARGIN, this.y + h).lineTo(x, this.y + h).strokeColor('#bbbbbb').lineWidth(0.5).stroke();
      this.y += h;
    };
    // The titles and the first row stay together.
    this.room(height(columns.map((c) => c.title), true) + (rows[0] ? height(rows[0], false) : 0));
    draw(columns.map((c) => c.title), true);
    rows.forEach((r, i) => draw(r, opts.boldLast === true && i === rows.length - 1));
  }

  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
