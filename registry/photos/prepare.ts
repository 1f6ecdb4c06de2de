// Photos prepared in one worker thread with its own heap limit: a hostile file that exhausts
// memory kills the worker (and is refused with a sentence), never the registry. Jobs queue;
// the worker is started on first use and let go when idle.
import { Worker } from 'node:worker_threads';
import { PhotoRefused, type Photo } from '../../node-shared/photo';

export interface PhotoJob {
  id: number;
  bytes: ArrayBuffer;
}
export type PhotoReply = { id: number; ok: true; jpeg: Uint8Array; width: number; height: number } | { id: number; ok: false; message: string };

const TIMEOUT_MS = 30_000;
let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (p: Photo) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

function start(): Worker {
  const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 },
    stdout: false,
    stderr: false,
  });
  w.on('message', (m: PhotoReply | { id: 0; ready: true }) => {
    if (m.id === 0) return;
    const job = waiting.get(m.id);
    if (!job) return;
    waiting.delete(m.id);
    clearTimeout(job.timer);
    if ('ok' in m && m.ok) job.resolve({ jpeg: Buffer.from(m.jpeg), width: m.width, height: m.height });
    else job.reject(new PhotoRefused((m as { message: string }).message));
    if (waiting.size === 0) w.unref();
  });
  const die = (why: string) => {
    if (worker === w) worker = null;
    for (const [id, job] of waiting) {
      clearTimeout(job.timer);
      job.reject(new PhotoRefused(why));
      waiting.delete(id);
    }
  };
  w.on('error', (err) =>
    die((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'Reading this picture needed more memory than Foyer allows; it was refused. Upload an ordinary photo.' : 'The picture could not be read; it was refused.'),
  );
  w.on('exit', () => die('The picture could not be read; it was refused.'));
  return w;
}

/** The stored form of an uploaded picture (PhotoRefused with a sentence when it is not one). */
export function preparePhotoOffThread(bytes: Uint8Array): Promise<Photo> {
  worker ??= start();
  const w = worker;
  w.ref();
  const id = nextId++;
  const copy = new Uint8Array(bytes).buffer; // moved to the worker, not shared
  return new Promise<Photo>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A picture that takes this long is hostile or broken: the worker is replaced.
      waiting.delete(id);
      reject(new PhotoRefused(`Reading this picture took longer than ${TIMEOUT_MS / 1000} s; it was refused.`));
      void w.terminate();
    }, TIMEOUT_MS);
    waiting.set(id, { resolve, reject, timer });
    w.postMessage({ id, bytes: copy } satisfies PhotoJob, [copy]);
  });
}
