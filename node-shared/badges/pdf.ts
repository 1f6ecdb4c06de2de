// Badges as PDF (pdfkit): one per page for CR80 and A6, eight per A4 sheet.
// Text is drawn run by run (text-runs.ts) with embedded, subsetted Noto fonts;
// the QR is vector squares with its quiet zone, so it stays sharp at any printer.
import PDFDocument from 'pdfkit';
import { qrMatrix, qrRuns, QUIET_ZONE } from '../../core/badge/qr';
import { cutMarks, layoutBadge, TEMPLATES, type BadgePrint, type Prim, type TemplateId } from '../../core/badge/templates';
import { fitText } from '../../core/badge/fit';
import { cjkPreference, fontPicker } from './fonts';
import { defaultFontFile, drawRuns, PdfFonts, runsWidth, type Doc } from './pdf-text';
import { visualRuns } from './text-runs';

const MM = 72 / 25.4; // points per millimetre

function drawText(doc: Doc, fonts: PdfFonts, p: Extract<Prim, { kind: 'text' }>, country: string): void {
  const picker = fontPicker(p.bold ? 700 : 400, cjkPreference(p.text, country));
  const boxW = p.w * MM;
  const fitted = fitText(p.text, p, boxW, (s, size) => runsWidth(fonts, visualRuns(s, picker), size));
  doc.fillColor(p.colour);
  fitted.lines.forEach((line, i) => {
    const runs = visualRuns(line, picker);
    const width = runsWidth(fonts, runs, fitted.size);
    const x = p.x * MM + (p.align === 'center' ? (boxW - width) / 2 : 0);
    drawRuns(fonts, runs, x, p.baseline * MM + i * fitted.size * 1.15, fitted.size);
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

function draw(doc: Doc, fonts: PdfFonts, prims: Prim[], country: string): void {
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
    font: defaultFontFile(),
    compress: true,
    info: { Title: opts.title ?? 'Badges', Creator: 'Foyer' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = new PdfFonts(doc);
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
