// One badge as SVG (and a printable HTML page around it): the preview the
// renderer shows and the page Electron prints. The browser engine shapes and
// orders every script itself (Arabic joining, right-to-left, CJK), so the SVG
// names font families and lets it fall back; the PDF writer embeds fonts instead.
import { fitText } from './fit';
import { qrMatrix, qrRuns, QUIET_ZONE } from './qr';
import { layoutBadge, TEMPLATES, type BadgePrint, type Prim, type TemplateId } from './templates';

export const BADGE_FONT_STACK =
  "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Thai', 'Noto Sans Georgian', 'Noto Sans Armenian', 'Noto Sans CJK JP', 'Noto Sans JP', 'Noto Sans KR', 'Noto Sans SC', 'Segoe UI', Arial, sans-serif";

const PT = 25.4 / 72;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const f = (x: number) => Number(x.toFixed(3));

/** A rough width estimate (em per character) to shrink long names; the browser's own fit is close enough for a preview. */
function estimateWidthMm(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 0x1100 && (c < 0x11ff || c >= 0x2e80) ? 1 : ch === ' ' ? 0.26 : bold ? 0.6 : 0.55;
  }
  return em * sizePt * PT;
}

function prim(p: Prim): string {
  switch (p.kind) {
    case 'rect':
      return `<rect x="${f(p.x)}" y="${f(p.y)}" width="${f(p.w)}" height="${f(p.h)}" fill="${p.fill}"/>`;
    case 'text': {
      const fitted = fitText(p.text, p, p.w, (s, size) => estimateWidthMm(s, size, p.bold));
      const x = p.align === 'center' ? p.x + p.w / 2 : p.x;
      const anchor = p.align === 'center' ? 'middle' : 'start';
      // direction follows the text's first strong character (bidi "plaintext"), so Arabic and Hebrew names read right to left.
      return fitted.lines
        .map(
          (line, i) =>
            `<text x="${f(x)}" y="${f(p.baseline + i * fitted.size * PT * 1.15)}" font-size="${f(fitted.size * PT)}" font-weight="${p.bold ? 700 : 400}" fill="${p.colour}" text-anchor="${anchor}" style="unicode-bidi:plaintext" data-role="${p.role}">${escapeXml(line)}</text>`,
        )
        .join('');
    }
    case 'qr': {
      const m = qrMatrix(p.text);
      const n = m.size + 2 * QUIET_ZONE;
      const u = p.size / n;
      const d = qrRuns(m)
        .map(([r, c, len]) => `M${f(p.x + (c + QUIET_ZONE) * u)} ${f(p.y + (r + QUIET_ZONE) * u)}h${f(len * u)}v${f(u)}h${f(-len * u)}z`)
        .join('');
      return `<rect x="${f(p.x)}" y="${f(p.y)}" width="${f(p.size)}" height="${f(p.size)}" fill="#ffffff"/><path d="${d}" fill="#000000" shape-rendering="crispEdges" data-role="qr"/>`;
    }
  }
}

export interface BadgeSvg {
  svg: string;
  widthMm: number;
  heightMm: number;
}

/** One badge, sized in millimetres (A4 sheets preview a single slot). */
export function badgeSvg(b: BadgePrint, templateId: TemplateId): BadgeSvg {
  const t = TEMPLATES[templateId];
  const { w, h } = t.card;
  const body = layoutBadge(b, t).map(prim).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(BADGE_FONT_STACK)}" role="img" aria-label="${escapeXml(`Badge: ${b.givenName} ${b.familyName}`)}">` +
    `<rect width="${w}" height="${h}" fill="#ffffff"/>${body}</svg>`;
  return { svg, widthMm: w, heightMm: h };
}

/** A self-contained printable page: exactly one badge, page size = badge size, no margins, no scripts. */
export function badgeHtml(b: BadgePrint, templateId: TemplateId): string {
  const { svg, widthMm, heightMm } = badgeSvg(b, templateId);
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self'">` +
    `<title>${escapeXml(`${b.givenName} ${b.familyName}`)}</title>` +
    `<style>@page{size:${widthMm}mm ${heightMm}mm;margin:0}html,body{margin:0;padding:0;background:#fff}svg{display:block}</style>` +
    `</head><body>${svg}</body></html>`
  );
}
