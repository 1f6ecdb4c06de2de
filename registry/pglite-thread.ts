// The registry's embedded PostgreSQL (PGlite) in a worker thread of its own
// (registry/pglite-worker.mjs), seen from the request thread as the part of PGlite's interface
// that drizzle uses: query, exec and transaction. PGlite computes synchronously in whatever thread
// holds it; here the HTTP server keeps answering while it works (an import, a snapshot, a burst
// of pushes), and the two cores of a small server both do useful work.
import { Worker } from 'node:worker_threads';

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string } & Record<string, unknown> };

export interface PgliteResults<T = Record<string, unknown>> {
  rows: T[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, unknown>;
  /** COPY … FROM '/dev/blob' reads these bytes. */
  blob?: Blob | Uint8Array;
}

/** A statement PostgreSQL refused: its message and fields (code, detail, constraint…), as PGlite gives them. */
export class PgliteError extends Error {
  [field: string]: unknown;
}

/** The database thread stopped (it crashed, ran out of memory, or was closed). */
export class PgliteGone extends Error {}

export interface PgliteTx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<PgliteResults<T>>;
  exec(sql: string): Promise<PgliteResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

export class PgliteThread {
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private gone: string | null = null;
  private txIds = 0;

  private constructor(private worker: Worker) {
    worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.ok) p.resolve(m.result);
      else p.reject(Object.assign(new PgliteError(m.error.message), m.error));
    });
    const stop = (why: string) => {
      this.gone ??= why;
      for (const p of this.pending.values()) p.reject(new PgliteGone(this.gone));
      this.pending.clear();
    };
    worker.on('error', (err) => stop(`The registry's database stopped: ${err.message.split('\n')[0]}`));
    worker.on('exit', () => stop("The registry's database stopped."));
  }

  /** Starts the thread and opens (or, in an empty folder, creates) the cluster in `dataDir`. */
  static async open(dataDir: string, startParams: string[]): Promise<PgliteThread> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir, startParams } });
    let onMessage!: (m: Reply) => void;
    let onError!: (e: Error) => void;
    let onExit!: (code: number) => void;
    const ready = await new Promise<Reply>((resolve, reject) => {
      onMessage = resolve;
      onError = reject;
      onExit = (code) => reject(new Error(`The database thread exited (${code}) before it was ready.`));
      worker.once('message', onMessage).once('error', onError).once('exit', onExit);
    }).finally(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
    if (!ready.ok) {
      await worker.terminate();
      throw Object.assign(new PgliteError(ready.error.message), ready.error);
    }
    // Like PGlite in-process, an idle database does not keep the process alive; a statement under way does.
    worker.unref();
    return new PgliteThread(worker);
  }

  private call<T>(msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.gone) return Promise.reject(new PgliteGone(this.gone));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }

  private async statement<T>(sql: string, params: unknown[] | undefined, opts: QueryOptions | undefined, tx?: number): Promise<PgliteResults<T>> {
    let blob: Uint8Array | undefined;
    if (opts?.blob) blob = opts.blob instanceof Uint8Array ? opts.blob : new Uint8Array(await opts.blob.arrayBuffer());
    return this.call<PgliteResults<T>>({
      op: 'query',
      sql,
      params,
      tx,
      rowMode: opts?.rowMode,
      // drizzle's parsers only ever keep dates and intervals as text: the thread does the same.
      rawDates: opts?.parsers !== undefined,
      blob,
    });
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<PgliteResults<T>> {
    return this.statement<T>(sql, params, opts);
  }

  exec(sql: string): Promise<PgliteResults[]> {
    return this.call({ op: 'exec', sql });
  }

  /**
   * One transaction: BEGIN in the thread, the callback's statements in order, then COMMIT, or
   * ROLLBACK when the callback throws. Statements from outside wait until it ends (PGlite has one
   * connection), as they did in-process.
   */
  async transaction<T>(fn: (tx: PgliteTx) => Promise<T>): Promise<T> {
    const txId = ++this.txIds;
    await this.call({ op: 'begin', tx: txId });
    let closed = false;
    const tx: PgliteTx = {
      query: (sql, params, opts) => this.statement(sql, params, opts, txId),
      exec: (sql) => this.call({ op: 'exec', sql, tx: txId }),
      rollback: async () => {
        closed = true;
        await this.call({ op: 'end', tx: txId, commit: false });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      if (!closed) {
        closed = true;
        await this.call({ op: 'end', tx: txId, commit: false }).catch(() => {});
      }
      throw err;
    }
    if (!closed) {
      closed = true;
      await this.call({ op: 'end', tx: txId, commit: true });
    }
    return result;
  }

  async close(): Promise<void> {
    if (this.gone) return;
    await this.call({ op: 'close' }).catch(() => {});
    this.gone = "The registry's database is closed.";
    await this.worker.terminate();
  }
}
