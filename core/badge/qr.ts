// The QR matrix of a badge text. Error correction M: a signed badge (148
// alphanumeric characters) fits version 6 (41 × 41 modules); see docs/badge-format.md.
import QRCode from 'qrcode';

export const BADGE_QR_ECL = 'M' as const;
/** Light modules around the code; the QR standard asks for at least 4. */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: BADGE_QR_ECL });
  const m = qr.modules;
  return { version: qr.version, size: m.size, dark: (r, c) => !!m.get(r, c) };
}

/** Dark modules as horizontal runs [row, col, length]: fewer shapes in a PDF or SVG. */
export function qrRuns(m: QrMatrix): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      out.push([r, start, c - start]);
    }
  }
  return out;
}
