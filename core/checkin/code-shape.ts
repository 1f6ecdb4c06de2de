// Does scanned text look like one of this event's plain badge codes? Learned from the
// imported list itself, so "badge not found" (our format, not on the list: a typo, a
// badge registered after the last sync) can be told from "not a badge for this event"
// (a URL, a product barcode, another event's code). A shape is the code's skeleton —
// runs of letters/digits by length, separators kept ('A23-K7M2QX' → '3-6') — plus the
// prefix every code of that skeleton shares ('A23-', 'W-'). Letters are not checked
// against the codes' alphabet on purpose: 'A23-K7M2Q0' with a zero for an O is a typo of
// ours, and the volunteer should search by name, not be told it is someone else's badge.

export interface CodeShape {
  skeleton: string;
  prefix: string;
}

/** Enough codes to know the list's shapes; more only costs time. */
const SAMPLE_LIMIT = 200_000;
/** Codes without separators keep a shared prefix only when this many share it. */
const PREFIX_MIN_CODES = 50;

export function skeletonOf(code: string): string {
  return code.replace(/[\p{L}\p{N}]+/gu, (run) => String([...run].length));
}

export function learnCodeShapes(codes: Iterable<string>): CodeShape[] {
  const groups = new Map<string, { prefix: string; count: number }>();
  let n = 0;
  for (const code of codes) {
    if (++n > SAMPLE_LIMIT) break;
    const skeleton = skeletonOf(code);
    const g = groups.get(skeleton);
    if (!g) groups.set(skeleton, { prefix: code, count: 1 });
    else {
      g.count++;
      g.prefix = commonPrefix(g.prefix, code);
    }
  }
  return [...groups].map(([skeleton, g]) => ({ skeleton, prefix: sharedPrefix(g.prefix, skeleton, g.count) }));
}

/** True when `text` (in any letter case) has a learned skeleton and that skeleton's prefix. */
export function looksLikeOurCode(shapes: readonly CodeShape[], text: string): boolean {
  const skeleton = skeletonOf(text);
  const upper = text.toUpperCase();
  return shapes.some((s) => s.skeleton === skeleton && upper.startsWith(s.prefix.toUpperCase()));
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * The common prefix, cut back to the end of its last separator so it never includes the
 * variable part of a code (a lone walk-in 'W-ABCDEFGH' shares all of itself: keep 'W-').
 */
function sharedPrefix(prefix: string, skeleton: string, count: number): string {
  if (/^\d+$/.test(skeleton)) return count >= PREFIX_MIN_CODES ? prefix : '';
  return /^.*[^\p{L}\p{N}]/u.exec(prefix)?.[0] ?? '';
}
