// Messages between the camera hook (main thread) and decode.worker.ts.
export type ToWorker = { type: 'frame'; frame: VideoFrame | ImageBitmap };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; text: string | null; decodeMs: number; totalMs: number; width: number; height: number; error?: string };
