// Badge layout rules a printer and a reader care about: every category band is
// readable (AA contrast, with its name), the QR sits inside the card with its
// quiet zone, long names shrink or wrap rather than overflow, right-to-left names
// are ordered right, and batches are sorted the way a desk files them.
import { describe, expect, it } from 'vitest';
import { fitText } from '../../core/badge/fit';
import { qrMatrix, QUIET_ZONE } from '../../core/badge/qr';
import { bandStyle, contrastRatio } from '../../core/badge/style';
import { badgeSvg } from '../../core/badge/svg';
import { layoutBadge, sortForPrinting, TEMPLATE_IDS, TEMPLATES, type BadgePrint } from '../../core/badge/templates';
import { CATEGORIES, CATEGORY_LABELS } from '../../core/model';
import { fontPicker } from '../../node-shared/badges/fonts';
import { visualRuns } from '../../node-shared/badges/text-runs';

const badge = (over: Partial<BadgePrint> = {}): BadgePrint => ({
  attendeeId: 'a',
  givenName: 'Maximilian',
  familyName: 'Schröder-Köhler',
  organisation: 'OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings',
  delegation: 'Austria',
  country: 'AT',
  category: 'delegation',
  qrText: 'FY1:' + 'A'.repeat(144),
  code: 'A23-ABCDEF',
  badgeVersion: 1,
  ...over,
});

describe('category bands', () => {
  it('every category has its name on the band, in AA contrast', () => {
    for (const c of CATEGORIES) {
      const s = bandStyle(c);
      expect(s.label).toBe(CATEGORY_LABELS[c].toUpperCase());
      expect(contrastRatio(s.fill, s.text), c).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(CATEGORIES.map((c) => bandStyle(c).fill)).size).toBe(CATEGORIES.length);
  });
});

describe('layout', () => {
  it('puts the QR inside the card with ≥ 4 quiet modules and ≥ 0.5 mm per module, and no text over it', () => {
    const m = qrMatrix(badge().qrText);
    for (const id of TEMPLATE_IDS) {
      const t = TEMPLATES[id];
      const prims = layoutBadge(badge(), t);
      const qr = prims.find((p) => p.kind === 'qr')!;
      if (qr.kind !== 'qr') throw new Error('no qr');
      expect(qr.x).toBeGreaterThanOrEqual(0);
      expect(qr.y).toBeGreaterThanOrEqual(0);
      expect(qr.x + qr.size).toBeLessThanOrEqual(t.card.w);
      expect(qr.y + qr.size).toBeLessThanOrEqual(t.card.h);
      expect(QUIET_ZONE).toBeGreaterThanOrEqual(4);
      expect(qr.size / (m.size + 2 * QUIET_ZONE), id).toBeGreaterThanOrEqual(0.5);
      for (const p of prims) {
        if (p.kind !== 'text' || p.role === 'band' || p.role === 'code') continue;
        const right = p.x + p.w;
        const overlapsX = p.x < qr.x + qr.size && right > qr.x;
        const overlapsY = p.baseline > qr.y && p.baseline - (p.size * 25.4) / 72 < qr.y + qr.size;
        expect(overlapsX && overlapsY, `${id}: ${p.role} overlaps the QR`).toBe(false);
      }
      // The A4 sheet's eight slots stay on the page.
      for (const s of t.slots) expect(s.x + t.card.w <= t.page.w + 1e-9 && s.y + t.card.h <= t.page.h + 1e-9).toBe(true);
    }
  });

  it('escapes names in the SVG preview (a name is data, never markup)', () => {
    const { svg } = badgeSvg(badge({ givenName: '<script>alert(1)</script>', familyName: 'O\'Brien & "Sons"' }), 'cr80');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('O&#39;Brien &amp; &quot;Sons&quot;');
  });

  it('fits text: shrink first, then wrap onto the allowed lines, then cut with an ellipsis', () => {
    const measure = (s: string, size: number) => s.length * size * 0.5;
    expect(fitText('Anna', { size: 10, minSize: 6, maxLines: 1 }, 100, measure)).toEqual({ size: 10, lines: ['Anna'] });
    const shrunk = fitText('A'.repeat(24), { size: 10, minSize: 6, maxLines: 1 }, 100, measure);
    expect(shrunk.size).toBeLessThan(10);
    expect(shrunk.lines).toEqual(['A'.repeat(24)]);
    const wrapped = fitText('Office of the Special Representative', { size: 10, minSize: 9, maxLines: 2 }, 100, measure);
    expect(wrapped.lines.length).toBe(2);
    expect(wrapped.lines.join(' ')).toBe('Office of the Special Representative');
    const cut = fitText('W'.repeat(80), { size: 10, minSize: 8, maxLines: 1 }, 100, measure);
    expect(cut.size).toBe(8);
    expect(cut.lines[0]!.endsWith('…')).toBe(true);
    expect(measure(cut.lines[0]!, 8)).toBeLessThanOrEqual(100);
  });
});

describe('text runs for the PDF', () => {
  const picker = fontPicker(400, 'sc');
  const runs = (s: string) => visualRuns(s, picker).map((r) => [r.face.name.replace(/-\d+$/, ''), r.text]);

  it('orders right-to-left names by the bidi algorithm and picks a font per script', () => {
    // Two Arabic words: the second word is drawn first (leftmost); fontkit reverses the letters inside each run.
    expect(runs('عبد الله')).toEqual([
      ['noto-sans-arabic-arabic', 'الله'],
      ['noto-sans-latin', ' '],
      ['noto-sans-arabic-arabic', 'عبد'],
    ]);
    expect(runs('abc עברית def')).toEqual([
      ['noto-sans-latin', 'abc '],
      ['noto-sans-hebrew-hebrew', 'עברית'],
      ['noto-sans-latin', ' def'],
    ]);
    expect(runs('Jürgen Dvořák')).toEqual([
      ['noto-sans-latin', 'Jürgen Dvo'],
      ['noto-sans-latin-ext', 'ř'],
      ['noto-sans-latin', 'ák'],
    ]);
    expect(runs('გიორგი')[0]![0]).toBe('noto-sans-georgian-georgian');
    expect(runs('Տիգրան')[0]![0]).toBe('noto-sans-armenian-armenian');
    expect(runs('สมชาย')[0]![0]).toBe('noto-sans-thai-thai');
    expect(runs('민준')[0]![0]).toMatch(/^noto-sans-kr-\d+$/);
    expect(fontPicker(400, 'jp').faceFor('佐'.codePointAt(0)!).name).toMatch(/^noto-sans-jp-/);
  });
});

describe('pre-printing order', () => {
  it('sorts by delegation (or organisation when there is none), then family and given name, ignoring accents', () => {
    const xs = [
      { delegation: 'Austria', organisation: '', familyName: 'Öztürk', givenName: 'B' },
      { delegation: '', organisation: 'Amnesty', familyName: 'Zed', givenName: 'A' },
      { delegation: 'Austria', organisation: '', familyName: 'Ober', givenName: 'C' },
      { delegation: 'Albania', organisation: '', familyName: 'Xhaka', givenName: 'D' },
    ];
    expect(sortForPrinting(xs).map((x) => x.givenName)).toEqual(['D', 'A', 'C', 'B']);
  });
});
