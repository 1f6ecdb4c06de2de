// Main thread side of the decode worker: takes the video's current frame only when the worker is
// idle (frames that arrive while it is busy are never grabbed: dropped for free) and hands it over
// without copying (VideoFrame / ImageBitmap are transferred).
import type { FromWorker, ToWorker } from './worker-protocol';

export interface FrameResult {
  text: string | null;
  decodeMs: number;
  totalMs: number;
  source: 'luma' | 'rgba' | 'none';
}

export class FrameDecoder {
  private readonly worker: Worker;
  private busy = false;
  private ready = false;
  frames = 0;

  constructor(
    private readonly onResult: (r: FrameResult) => void,
    private readonly onFailed: (message: string) => void,
  ) {
    this.worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ready') this.ready = true;
      else if (m.type === 'failed') this.onFailed(m.message);
      else {
        this.busy = false;
        this.frames++;
        this.onResult({ text: m.text, decodeMs: m.decodeMs, totalMs: m.totalMs, source: m.source });
      }
    };
    this.worker.onerror = (e) => this.onFailed(e.message || 'decoder worker failed to load');
  }

  /** Sends the video's current frame if the worker is free; returns whether it did. */
  offer(video: HTMLVideoElement): boolean {
    if (!this.ready || this.busy || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return false;
    this.busy = true;
    if (typeof VideoFrame !== 'undefined') {
      try {
        const frame = new VideoFrame(video);
        this.post({ type: 'frame', frame }, [frame]);
        return true;
      } catch {
        // fall through to ImageBitmap (e.g. no frame decoded yet)
      }
    }
    createImageBitmap(video).then(
      (bitmap) => this.post({ type: 'frame', frame: bitmap }, [bitmap]),
      () => (this.busy = false),
    );
    return true;
  }

  dispose(): void {
    this.worker.terminate();
  }

  private post(m: ToWorker, transfer: Transferable[]): void {
    this.worker.postMessage(m, transfer);
  }
}
