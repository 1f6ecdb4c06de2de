// Badges as PDF (pdfkit): one per page for CR80 and A6, eight per A4 sheet.
// Text is drawn run by run (text-runs.ts) with embedded, subsetted Noto fonts;
// the QR is vector squares with its quiet zone, so it stays sharp at any printer.
import PDFDocument from 'pdfkit';
import { qrMatrix, qrRuns, QUIET_ZONE } from '../../core/badge/qr';
import { cutMarks, layoutBadge, TEMPLATES, type BadgePrint, type Prim, type TemplateId } from '../../core/badge/templates';
import { fitText } from '../../core/badge/fit';
import { cjkPreference, fontPicker, type Face } from './fonts';
import { visualRuns, type Run } from './text-runs';
import { sfntOf } from './woff';

const MM = 72 / 25.4; // points per millimetre

type Doc = InstanceType<typeof PDFDocument>;

class FontRegistry {
  private registered = new Set<string>();
  constructor(private doc: Doc) {}
  use(face: Face, sizePt: number): Doc {
    if (!this.registered.has(face.name)) {
      this.doc.registerFont(face.name, sfntOf(face.file));
      this.registered.add(face.name);
    }
    return this.doc.font(face.name).fontSize(sizePt);
  }
}

function runsWidth(fonts: FontRegistry, runs: Run[], sizePt: number): number {
  let w = 0;
  for (const r of runs) w += fonts.use(r.face, sizePt).widthOfString(r.text);
  return w;
}

function drawText(doc: Doc, fonts: FontRegistry, p: Extract<Prim, { kind: 'text' }>, country: string): void {
  const picker = fontPicker(p.bold ? 700 : 400, cjkPreference(p.text, country));
  const boxW = p.w * MM;
  const fitted = fitText(p.text, p, boxW, (s, size) => runsWidth(fonts, visualRuns(s, picker), size));
  doc.fillColor(p.colour);
  fitted.lines.forEach((line, i) => {
    const runs = visualRuns(line, picker);
    const width = runsWidth(fonts, runs, fitted.size);
    let x = p.x * MM + (p.align === 'center' ? (boxW - width) / 2 : 0);
    const y = p.baseline * MM + i * fitted.size * 1.15;
    for (const r of runs) {
      const d = fonts.use(r.face, fitted.size);
      d.text(r.text, x, y, { lineBreak: false, baseline: 'alphabetic' });
      x += d.widthOfString(r.text);
    }
  });
}

function drawQr(doc: Doc, p: Extract<Prim, { kind: 'qr' }>): void {
  const m = qrMatrix(p.text);
  const u = (p.size * MM) / (m.size + 2 * QUIET_ZONE);
  const x0 = p.x * MM + QUIET_ZONE * u;
  const y0 = p.y * MM + QUIET_ZONE * u;
  doc.rect(p.x * MM, p.y * MM, p.size * MM, p.size * MM).fill('#ffffff');
  for (const [r, c, len] of qrRuns(m)) doc.rect(x0 + c * u, y0 + r * u, len * u, u);
  doc.fill('#000000');
}

function draw(doc: Doc, fonts: FontRegistry, prims: Prim[], country: string): void {
  for (const p of prims) {
    if (p.kind === 'rect') doc.rect(p.x * MM, p.y * MM, p.w * MM, p.h * MM).fill(p.fill);
    else if (p.kind === 'qr') drawQr(doc, p);
    else drawText(doc, fonts, p, country);
  }
}

export interface PdfOptions {
  title?: string;
}

/** Renders badges in the given order; resolves with the whole PDF file. */
export function renderBadgesPdf(badges: BadgePrint[], templateId: TemplateId, opts: PdfOptions = {}): Promise<Buffer> {
  const t = TEMPLATES[templateId];
  const doc = new PDFDocument({
    size: [t.page.w * MM, t.page.h * MM],
    margin: 0,
    autoFirstPage: false,
    // Our own default font: pdfkit's built-in Helvetica is loaded through a package import
    // that bundlers (the Electron main bundle) cannot follow, and no badge text uses it.
    font: fontPicker(400, 'sc').faceFor(0x41).file,
    compress: true,
    info: { Title: opts.title ?? 'Badges', Creator: 'Foyer' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = new FontRegistry(doc);
  const perPage = t.slots.length;
  for (let i = 0; i < badges.length; i += perPage) {
    doc.addPage({ size: [t.page.w * MM, t.page.h * MM], margin: 0 });
    const page = badges.slice(i, i + perPage);
    page.forEach((b, k) => {
      const slot = t.slots[k]!;
      doc.rect(slot.x * MM, slot.y * MM, t.card.w * MM, t.card.h * MM).fill('#ffffff');
      draw(doc, fonts, layoutBadge(b, t, slot.x, slot.y), b.country);
    });
    draw(doc, fonts, cutMarks(t).slice(0, page.length * 4), '');
  }
  if (badges.length === 0) doc.addPage();
  doc.end();
  return done;
}
