// @zxing/library (the Java ZXing port in TypeScript): QR only, no hints at all.
// The hints map is left out on purpose: the library switches TRY_HARDER on whenever the key is
// present (even set to false), which costs 10× per frame (docs: field notes, "QR decoding").
import * as zxingNs from '@zxing/library';
import { toLuminance } from './pixels';
import type { Pixels, QrDecoder } from './types';

// The package is CommonJS for Node (named exports not detectable → they sit on `default`) and ESM for
// bundlers (named exports): accept both shapes.
const zx: typeof zxingNs = 'QRCodeReader' in zxingNs ? zxingNs : (zxingNs as unknown as { default: typeof zxingNs }).default;
const { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zx;

export function createZxingJsDecoder(): QrDecoder {
  const reader = new QRCodeReader();
  return {
    name: 'zxing-js',
    async decode(pixels: Pixels) {
      const t = performance.now();
      let text: string | null = null;
      try {
        const source = new RGBLuminanceSource(toLuminance(pixels), pixels.width, pixels.height);
        text = reader.decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
      } catch {
        // NotFound / Checksum / Format exceptions all mean "no readable QR code in this frame".
        text = null;
      } finally {
        reader.reset();
      }
      return { text, ms: performance.now() - t, by: 'zxing-js' };
    },
  };
}
