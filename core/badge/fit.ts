// Fitting a text into a box: wrap onto up to maxLines lines, shrink down to the
// minimum size, and only then cut with an ellipsis. Both renderers use it, each
// with its own measure (real font metrics in the PDF, an estimate in the preview).

export interface FitSpec {
  size: number;
  minSize: number;
  maxLines: number;
}

export interface Fitted {
  size: number;
  lines: string[];
}

/** measure(text, size) → width in the same unit as boxWidth. */
export function fitText(text: string, spec: FitSpec, boxWidth: number, measure: (text: string, size: number) => number): Fitted {
  const fits = (s: string, size: number) => measure(s, size) <= boxWidth;
  for (let size = spec.size; size >= spec.minSize - 1e-9; size = size > spec.minSize ? Math.max(spec.minSize, size * 0.92) : -1) {
    if (fits(text, size)) return { size, lines: [text] };
    if (spec.maxLines > 1) {
      const lines = wrap(text, (s) => fits(s, size));
      if (lines.length <= spec.maxLines && lines.every((l) => fits(l, size))) return { size, lines };
    }
  }
  const size = spec.minSize;
  const lines = spec.maxLines > 1 ? wrap(text, (s) => fits(s, size)) : [text];
  const kept = lines.slice(0, spec.maxLines);
  if (lines.length > spec.maxLines) kept[kept.length - 1] = lines.slice(spec.maxLines - 1).join(' ');
  return { size, lines: kept.map((l) => (fits(l, size) ? l : ellipsize(l, (s) => fits(s, size)))) };
}

function wrap(text: string, fits: (s: string) => boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && !fits(next)) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

function ellipsize(text: string, fits: (s: string) => boolean): string {
  const chars = [...text];
  while (chars.length > 1) {
    chars.pop();
    const s = chars.join('').trimEnd() + '…';
    if (fits(s)) return s;
  }
  return '…';
}
