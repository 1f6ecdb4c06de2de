// Messages between the camera hook (main thread) and decode.worker.ts.
export type ToWorker = { type: 'frame'; frame: VideoFrame | ImageBitmap };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | {
      type: 'result';
      text: string | null;
      decodeMs: number;
      /** Frame extraction + decode. */
      totalMs: number;
      width: number;
      height: number;
      /** 'luma': the frame's Y plane went straight to the decoder; 'rgba': it went through a canvas. */
      source: 'luma' | 'rgba' | 'none';
      error?: string;
    };
