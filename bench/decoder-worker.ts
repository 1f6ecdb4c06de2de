// Per-frame decode cost inside Chromium's Web Worker, with the product's own worker
// (renderer/src/camera/decode.worker.ts, bundled here by esbuild exactly as written) fed I420
// VideoFrames the way a webcam feeds it: the Y plane goes straight to the decoder. The figure is
// the worker's own `decodeMs` (what the camera panel shows as data-decode-ms) and, for context,
// `totalMs` (frame copy + decode). Debian Chromium via playwright-core; no renderer build needed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { zxingWasmBinary } from '../station/qr/node-decoder';
import { addNoise, badgeFrame, noiseFrame, sampleBadgeText, sceneFrame } from '../testkit/qr-frames';
import { tool } from '../testkit/tools';
import type { Pixels } from '../core/qr/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Synthetic webcam frames, for the Node and the worker figures alike: a badge, and three kinds with no code. */
export function webcamFrames(w: number, h: number): Record<string, { frame: Pixels; text: string | null }> {
  const text = sampleBadgeText(3);
  return {
    badge: { frame: badgeFrame(w, h, text, { angle: 12, seed: w }), text },
    'empty scene': { frame: sceneFrame(w, h, 21), text: null },
    'dim scene (noise σ20)': { frame: addNoise(sceneFrame(w, h, 22), 20, 9), text: null },
    'pure noise σ40': { frame: noiseFrame(w, h, 5, 40), text: null },
  };
}

export interface WorkerMeasurement {
  kind: string;
  width: number;
  height: number;
  decodeMs: number[];
  totalMs: number[];
  /** Frames on which the expected text was read. */
  read: number;
}

/** Bundles the product worker; Vite's `?url` import of the .wasm becomes the file this server serves. */
async function bundleWorker(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'renderer/src/camera/decode.worker.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'wasm-url',
        setup(b) {
          b.onResolve({ filter: /\.wasm\?url$/ }, (a) => ({ path: a.path, namespace: 'wasm-url' }));
          b.onLoad({ filter: /.*/, namespace: 'wasm-url' }, () => ({ contents: 'export default "/zxing_reader.wasm";', loader: 'js' }));
        },
      },
    ],
  });
  return out.outputFiles[0]!.text;
}

/** Measures `n` frames of each kind at 640×480 and 1280×720, one after another (never dropped). */
export async function measureInChromiumWorker(n: number): Promise<WorkerMeasurement[]> {
  const executablePath = tool('chromium');
  const worker = await bundleWorker();
  const wasm = zxingWasmBinary();
  const frames: { id: string; kind: string; width: number; height: number; text: string | null; y: Uint8Array }[] = [];
  for (const [w, h] of [[640, 480], [1280, 720]] as const)
    for (const [kind, f] of Object.entries(webcamFrames(w, h))) frames.push({ id: String(frames.length), kind, width: w, height: h, text: f.text, y: new Uint8Array(f.frame.data) });

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>decoder bench</title>');
    if (url === '/worker.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(worker);
    if (url === '/zxing_reader.wasm') return res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(wasm);
    const f = frames.find((x) => url === `/frame/${x.id}`);
    if (f) return res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(f.y);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const meta = frames.map(({ y: _, ...rest }) => rest);
    return await page.evaluate(
      async ({ meta, n }) => {
        const w = new Worker('/worker.js', { type: 'module' });
        let next: ((d: { type: string; message?: string; text?: string | null; decodeMs?: number; totalMs?: number }) => void) | null = null;
        w.onmessage = (e) => next?.(e.data);
        const ready = await new Promise<{ type: string; message?: string }>((r) => (next = r));
        if (ready.type !== 'ready') throw new Error(`the decode worker did not start: ${ready.message}`);
        const out = [];
        for (const f of meta) {
          const y = new Uint8Array(await (await fetch(`/frame/${f.id}`)).arrayBuffer());
          const i420 = new Uint8Array((f.width * f.height * 3) / 2).fill(128);
          i420.set(y);
          const decodeMs: number[] = [], totalMs: number[] = [];
          let read = 0;
          for (let i = 0; i < n; i++) {
            const frame = new VideoFrame(i420, { format: 'I420', codedWidth: f.width, codedHeight: f.height, timestamp: i * 33_333 });
            const r = await new Promise<{ text?: string | null; decodeMs?: number; totalMs?: number }>((res) => {
              next = res;
              w.postMessage({ type: 'frame', frame }, [frame as unknown as Transferable]);
            });
            decodeMs.push(r.decodeMs!);
            totalMs.push(r.totalMs!);
            if (f.text !== null && r.text === f.text) read++;
          }
          out.push({ kind: f.kind, width: f.width, height: f.height, decodeMs: decodeMs.sort((a, b) => a - b), totalMs: totalMs.sort((a, b) => a - b), read });
        }
        w.terminate();
        return out;
      },
      { meta, n },
    );
  } finally {
    await browser.close();
    server.close();
  }
}
