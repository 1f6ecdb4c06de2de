// Runs an import in a worker thread with hard bounds, so no file can stop, slow or exhaust the
// registry: the request thread only moves bytes and records (/v1/health keeps answering), the
// worker gets its own heap limit (an out-of-memory file kills the worker, not the registry),
// and a time limit after which it is terminated. Every failure is a sentence.
import { Worker } from 'node:worker_threads';
import { refusedReport } from './parse';
import type { ImportOptions, ImportReport, RowsImport } from './types';

export type ImportJob = { kind: 'file'; file: ArrayBuffer; options: ImportOptions } | { kind: 'rows'; input: RowsImport };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'report'; report: ImportReport; total: number }
  | { type: 'batch'; csv: Uint8Array; ids: string[] }
  | { type: 'done' }
  | { type: 'failed'; message: string };

export const IMPORT_LIMITS = {
  /** Wall-clock limit of one import (a 50 MB CSV takes a few seconds here). */
  timeoutMs: 60_000,
  /** The worker's JavaScript heap. */
  heapMb: 512,
};

/** A batch of valid records, as COPY input (copy.ts), and their ids. */
export interface ImportBatch {
  csv: Uint8Array;
  ids: string[];
}

export interface ImportRun {
  report: ImportReport;
  /** The valid records, batch by batch, as the worker hands them over (empty when nothing is to be stored). */
  batches: AsyncIterable<ImportBatch>;
}

function spawnWorker(limits: typeof IMPORT_LIMITS): { worker: Worker; ready: Promise<void> } {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  const ready = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  return { worker, ready };
}

/**
 * One worker, loaded and idle, for the next import: starting one costs a second or two (the
 * worker loads the import code through tsx), which a user should not wait for, and a hostile
 * file should be refused at once.
 */
let spare: { worker: Worker; ready: Promise<void>; dead: boolean } | null = null;

export function warmImportWorker(): Promise<void> {
  if (!spare || spare.dead) {
    const s = { ...spawnWorker(IMPORT_LIMITS), dead: false };
    // Loading keeps the process alive (someone awaits it); once idle, it does not.
    void s.ready.then(() => {
      if (spare === s) s.worker.unref();
    });
    s.worker.once('exit', () => (s.dead = true));
    s.worker.once('error', () => (s.dead = true));
    spare = s;
  }
  return spare.ready;
}

function takeWorker(limits: typeof IMPORT_LIMITS): Worker {
  if (limits === IMPORT_LIMITS && spare && !spare.dead) {
    const w = spare.worker;
    spare = null;
    w.ref();
    void warmImportWorker();
    return w;
  }
  return spawnWorker(limits).worker;
}

/** Starts the job; resolves once the report is known (records follow through `batches`). */
export function runImport(job: ImportJob, limits = IMPORT_LIMITS): Promise<ImportRun> {
  return new Promise((resolve) => {
    const worker = takeWorker(limits);
    const queue: ImportBatch[] = [];
    let finished = false;
    let failure: string | null = null;
    let wake: (() => void) | null = null;
    let reported = false;
    const fail = (sentence: string) => {
      if (finished) return;
      finished = true;
      failure = sentence;
      clearTimeout(timer);
      void worker.terminate();
      if (!reported) {
        reported = true;
        resolve({ report: refusedReport(sentence), batches: empty() });
      }
      wake?.();
    };
    const timer = setTimeout(
      () => fail(`Reading the file took longer than ${Math.max(1, Math.round(limits.timeoutMs / 1000))} s and was stopped; nothing was imported. Split the file, or save it as CSV.`),
      limits.timeoutMs,
    );
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') return;
      if (m.type === 'report') {
        reported = true;
        resolve({ report: m.report, batches: drain() });
      } else if (m.type === 'batch') queue.push({ csv: m.csv, ids: m.ids });
      else if (m.type === 'done') {
        finished = true;
        clearTimeout(timer);
        void worker.terminate();
      } else fail(`The file could not be read: ${m.message}. Nothing was imported.`);
      wake?.();
    });
    worker.on('error', (err) => {
      const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      fail(
        oom
          ? `Reading the file needed more than the ${limits.heapMb} MB the registry allows for an import; nothing was imported. Save the registration list alone, or as CSV.`
          : `The import stopped unexpectedly (${err.message.split('\n')[0]}); nothing was imported.`,
      );
    });
    worker.on('exit', () => {
      if (!finished) fail('The import stopped unexpectedly; nothing was imported.');
    });
    if (job.kind === 'file') worker.postMessage(job, [job.file]);
    else worker.postMessage(job);

    async function* drain(): AsyncIterable<ImportBatch> {
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (failure) throw new ImportStopped(failure);
        if (finished) return;
        await new Promise<void>((r) => (wake = r));
        wake = null;
      }
    }
  });
}

export class ImportStopped extends Error {}

async function* empty(): AsyncIterable<ImportBatch> {}
