// What counts as scanner input at all, before any badge format is tried.
// A badge QR holds a short printable code; anything else is "not a readable badge".

export const MAX_SCAN_LENGTH = 1024;

export type ScanInput = { ok: true; text: string } | { ok: false; why: 'empty' | 'too_long' | 'binary' };

export function cleanScan(raw: unknown): ScanInput {
  if (typeof raw !== 'string') return { ok: false, why: 'binary' };
  // Scanners end a burst with Enter or Tab; some prefix/suffix spaces.
  const text = raw.replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
  if (text.length === 0) return { ok: false, why: 'empty' };
  if (text.length > MAX_SCAN_LENGTH) return { ok: false, why: 'too_long' };
  // Control characters, lone surrogates and U+FFFD mean binary junk or a mis-decoded image.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text) || /[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
    return { ok: false, why: 'binary' };
  }
  return { ok: true, text };
}

/** Most other readings of one scan a station tries (keyboard layouts, core/keyboard/scanner-text.ts). */
export const MAX_ALTERNATIVES = 8;

/**
 * The scanned text and the other readings of the same keys, cleaned: the typed text first (its
 * refusal is what a scan that is no badge at all reports), then each distinct valid alternative.
 */
export function cleanReadings(raw: unknown, alternatives: readonly unknown[] = []): { input: ScanInput; readings: string[] } {
  const input = cleanScan(raw);
  const readings = input.ok ? [input.text] : [];
  for (const alt of alternatives.slice(0, MAX_ALTERNATIVES)) {
    const c = cleanScan(alt);
    if (c.ok && !readings.includes(c.text)) readings.push(c.text);
  }
  return { input, readings };
}
