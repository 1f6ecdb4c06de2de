// Category colour bands. Colour is never alone: the band always carries the
// category's name, and its text colour is picked for WCAG AA contrast (≥ 4.5:1).
import { CATEGORY_LABELS, type Category } from '../model';

export const CATEGORY_FILL: Record<Category, string> = {
  delegation: '#1f4e9c',
  partner: '#6a3d9a',
  io: '#00695c',
  ngo: '#2e7d32',
  private_sector: '#5d4037',
  media: '#f9a825',
  speaker: '#c62828',
  staff: '#212121',
  participant: '#455a64',
};

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface BandStyle {
  fill: string;
  text: string;
  label: string;
}

export function bandStyle(category: Category | string): BandStyle {
  const fill = CATEGORY_FILL[category as Category] ?? '#455a64';
  const text = contrastRatio(fill, '#ffffff') >= contrastRatio(fill, '#111111') ? '#ffffff' : '#111111';
  return { fill, text, label: (CATEGORY_LABELS[category as Category] ?? category).toUpperCase() };
}
