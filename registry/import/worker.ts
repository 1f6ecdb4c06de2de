// The import worker thread: reads and validates a whole file (or a connector's rows) in one
// pass, off the registry's request thread, then hands the records over in batches, already
// written as COPY input (copy.ts) and moved, not copied, to the request thread, which streams
// them into the database as they come. Started by registry/import/run.ts through
// worker-entry.mjs; it never touches the database.
import { parentPort } from 'node:worker_threads';
import { copyCsv } from './copy';
import { parseFileImport, parseRowsImport } from './parse';
import type { ImportJob, WorkerMessage } from './run';

export const BATCH = 5000;

const port = parentPort;
if (port) {
  // Loaded and waiting: a registry keeps one such worker warm, so an import starts at once.
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
  port.once('message', (job: ImportJob) => {
    const post = (m: WorkerMessage) => port.postMessage(m);
    try {
      const r = job.kind === 'file' ? parseFileImport(Buffer.from(job.file), job.options) : parseRowsImport(job.input);
      post({ type: 'report', report: r.report, total: r.records.length });
      for (let i = 0; i < r.records.length; i += BATCH) {
        const part = r.records.slice(i, i + BATCH);
        const csv = copyCsv(part);
        port.postMessage({ type: 'batch', csv, ids: part.map((a) => a.id) } satisfies WorkerMessage, [csv.buffer as ArrayBuffer]);
      }
      post({ type: 'done' });
    } catch (err) {
      post({ type: 'failed', message: (err as Error).message.split('\n')[0] ?? 'unknown error' });
    }
  });
}
