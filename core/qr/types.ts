// The one decoder interface: pixels in, text (or null) out, with the time it took.
// Runs in Node, in a browser Web Worker and in the renderer; nothing here may import node:*.

/** A frame or image: luminance (1 byte per pixel) or RGBA (4 bytes per pixel), row-major, no padding. */
export interface Pixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface DecodeResult {
  /** The QR code's text exactly as encoded (CR LF kept, non-ASCII kept), or null when no QR code was read. */
  text: string | null;
  /** Wall time of the decode call in milliseconds. */
  ms: number;
  /** Which implementation produced the text (or ran last when none did). */
  by: string;
}

export interface QrDecoder {
  readonly name: string;
  decode(pixels: Pixels): Promise<DecodeResult>;
}
