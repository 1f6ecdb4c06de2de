// Turns a camera frame into decoder pixels, in the worker. A webcam's frames are usually planar
// YUV (I420 / NV12): their first plane IS the luminance the decoder wants, copied out with no
// conversion. Anything else (RGB frames, ImageBitmaps) goes through a canvas as RGBA.
import type { Pixels } from '../../../core/qr/types';

const LUMA_FIRST = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

export async function framePixels(frame: VideoFrame | ImageBitmap): Promise<Pixels & { source: 'luma' | 'rgba' }> {
  if (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame && frame.format && LUMA_FIRST.has(frame.format)) {
    const rect = frame.visibleRect!;
    const buf = scratch(frame.allocationSize({ rect }));
    const [y] = await frame.copyTo(buf, { rect });
    const { width, height } = rect;
    if (y!.stride === width) return { data: buf.subarray(y!.offset, y!.offset + width * height), width, height, source: 'luma' };
    const data = new Uint8Array(width * height);
    for (let row = 0; row < height; row++) data.set(buf.subarray(y!.offset + row * y!.stride, y!.offset + row * y!.stride + width), row * width);
    return { data, width, height, source: 'luma' };
  }
  const width = 'displayWidth' in frame ? frame.displayWidth : frame.width;
  const height = 'displayHeight' in frame ? frame.displayHeight : frame.height;
  const ctx = canvas(width, height);
  ctx.drawImage(frame, 0, 0);
  return { data: ctx.getImageData(0, 0, width, height).data, width, height, source: 'rgba' };
}

// One reusable buffer: frames are decoded one at a time and the decoder copies the pixels into
// WASM memory at once, so 30 frames a second need not allocate 1.4 MB each.
let buffer = new Uint8Array(0);

function scratch(size: number): Uint8Array {
  if (buffer.length < size) buffer = new Uint8Array(size);
  return buffer.subarray(0, size);
}

let ctx2d: OffscreenCanvasRenderingContext2D | null = null;

function canvas(width: number, height: number): OffscreenCanvasRenderingContext2D {
  if (!ctx2d || ctx2d.canvas.width !== width || ctx2d.canvas.height !== height) {
    const c = new OffscreenCanvas(width, height);
    ctx2d = c.getContext('2d', { willReadFrequently: true, alpha: false });
    if (!ctx2d) throw new Error('no 2D canvas in this worker');
  }
  return ctx2d;
}
