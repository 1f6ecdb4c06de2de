// WAL checkpoints between scans, never inside one.
//
// SQLite copies the WAL back into the database file (a checkpoint) by itself every
// `wal_autocheckpoint` pages, and does it inside the commit that crosses the mark: that scan
// pays for copying ~1,000 pages and an extra fsync of the database file, several times a normal
// scan (the p99 of issue 14). Here the automatic mark is pushed far out, and a PASSIVE
// checkpoint runs after the scan's verdict has been returned: when the station has been idle
// for IDLE_MS, or at once after every BATCH commits if scans keep coming without a pause.
// Durability is unchanged: a commit is durable in the WAL (synchronous=FULL) before it returns.
import type Database from 'better-sqlite3';

/** Backstop only: a station scanning without a single pause still never grows the WAL past ~16 MB. */
export const AUTOCHECKPOINT_PAGES = 4000;
/** A pause this long between writes is idle time. */
export const IDLE_MS = 200;
/** Commits without a pause after which the checkpoint runs right after the next verdict anyway. */
export const BATCH = 40;

export interface Checkpointer {
  /** Call after each committed write (outside the transaction). */
  afterCommit(): void;
  /** Runs a PASSIVE checkpoint now; returns the WAL pages it copied. */
  now(): number;
  close(): void;
}

export function createCheckpointer(sqlite: Database.Database): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  let timer: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let since = 0;
  const run = (): number => {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = immediate = null;
    since = 0;
    if (!sqlite.open || sqlite.inTransaction) return 0;
    try {
      const [r] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      return r?.checkpointed ?? 0;
    } catch {
      // A full disk or a read-only file: the WAL keeps the data; the next commit's backstop retries.
      return 0;
    }
  };
  return {
    afterCommit() {
      if (++since >= BATCH) {
        immediate ??= setImmediate(run);
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, IDLE_MS);
      timer.unref();
    },
    now: run,
    close() {
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      timer = immediate = null;
    },
  };
}
