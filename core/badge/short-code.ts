// Short badge codes a person can type from a badge or read out over a phone: walk-in badges
// ('W-K7P2MX9Q') and every reprint ('A23-4HW2MX', the shape of the person's first code).
// No I/O/0/1, so nothing is mistaken for another symbol.
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `prefix` + `length` symbols from `random` bytes (one byte per symbol; 32 symbols, so no bias). */
export function shortCode(prefix: string, length: number, random: (n: number) => Uint8Array): string {
  return prefix + [...random(length)].map((b) => CODE_ALPHABET[b & 31]).join('');
}

/** Fewest random symbols a reprint code gets (32^6 ≈ 10^9 codes). */
export const MIN_CODE_SYMBOLS = 6;

/**
 * The shape of a reprint's code, learnt from the badge it replaces: the same prefix up to its
 * last separator and as many symbols after it ('A23-V22JDF' → 'A23-' and 6); 'R-' + 8 when the
 * old code gives no usable shape (none, a long ticket id, or too few symbols to be safe).
 */
export function reprintCodeShape(oldCode: string | undefined): { prefix: string; length: number } {
  const m = oldCode ? /^(.*[-_.:/ ])([A-Za-z0-9]+)$/.exec(oldCode) : null;
  if (m && m[1]!.length <= 12 && m[2]!.length >= MIN_CODE_SYMBOLS && m[2]!.length <= 10) return { prefix: m[1]!.toUpperCase(), length: m[2]!.length };
  return { prefix: 'R-', length: 8 };
}
