// Web Worker: decodes camera frames off the main thread with the product's QR decoder
// (core/qr, 'camera' mode). Only the newest frame matters: one that arrives while a decode is
// running replaces any frame still waiting, and the older one is dropped (closed) unseen.
// The .wasm is a same-origin file emitted by Vite, compiled under CSP script-src 'wasm-unsafe-eval'.
/// <reference lib="webworker" />
/// <reference types="vite/client" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createQrDecoder } from '../../../core/qr';
import type { QrDecoder } from '../../../core/qr/types';
import { framePixels } from './frame-pixels';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);

let decoder: QrDecoder | null = null;
let busy = false;
let waiting: VideoFrame | ImageBitmap | null = null;

createQrDecoder({ wasmUrl: new URL(wasmUrl, scope.location.href).href }, 'camera').then(
  (d) => {
    decoder = d;
    post({ type: 'ready' });
    void pump();
  },
  (err: unknown) => post({ type: 'failed', message: String((err as Error)?.message ?? err) }),
);

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  if (e.data.type !== 'frame') return;
  waiting?.close();
  waiting = e.data.frame;
  void pump();
};

async function pump(): Promise<void> {
  if (busy || !decoder) return;
  while (waiting) {
    const frame = waiting;
    waiting = null;
    busy = true;
    try {
      const t = performance.now();
      const pixels = await framePixels(frame);
      const r = await decoder.decode(pixels);
      post({ type: 'result', text: r.text, decodeMs: r.ms, totalMs: performance.now() - t, width: pixels.width, height: pixels.height, source: pixels.source });
    } catch (err) {
      post({ type: 'result', text: null, decodeMs: 0, totalMs: 0, width: 0, height: 0, source: 'none', error: String((err as Error)?.message ?? err) });
    } finally {
      frame.close();
      busy = false;
    }
  }
}
