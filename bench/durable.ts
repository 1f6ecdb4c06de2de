// Shared by the check-in, door and host benches: a durable scan measured against its anchor, a
// bare fsync'd single-row INSERT into a WAL + synchronous=FULL database on the same disk,
// interleaved one for one so both see the same disk and the same neighbours. Between scans the
// event loop turns once (a desk has seconds between people), so the checkpoint that runs between
// scans (db/checkpoint.ts) runs here too — and is never inside a measured scan.
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import Database from 'better-sqlite3';

export interface Anchor {
  insert(): void;
  close(): void;
  db: Database.Database;
  file: string;
}

export function bareInsert(dir: string): Anchor {
  const file = path.join(dir, 'bare.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table t (id integer primary key, v text)');
  const ins = db.prepare('insert into t (v) values (?)');
  let i = 0;
  return { insert: () => void ins.run(`v${i++}`), close: () => db.close(), db, file };
}

export interface Interleaved {
  /** Wall time of each scan (ms), sorted. */
  scan: number[];
  /** CPU time of the process during each scan (ms), sorted: the part that is not waiting for the disk. */
  scanCpu: number[];
  /** Wall time of each bare insert (ms), sorted. */
  bare: number[];
  /** Garbage-collection pauses seen during the run. */
  gc: { count: number; totalMs: number; maxMs: number };
}

export async function interleaved(n: number, scan: (i: number) => unknown, anchor: Anchor): Promise<Interleaved> {
  const out: Interleaved = { scan: [], scanCpu: [], bare: [], gc: { count: 0, totalMs: 0, maxMs: 0 } };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      out.gc.count++;
      out.gc.totalMs += e.duration;
      out.gc.maxMs = Math.max(out.gc.maxMs, e.duration);
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  try {
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setImmediate(r));
      const c0 = process.cpuUsage();
      let t = performance.now();
      await scan(i);
      out.scan.push(performance.now() - t);
      const c = process.cpuUsage(c0);
      out.scanCpu.push((c.user + c.system) / 1000);
      t = performance.now();
      anchor.insert();
      out.bare.push(performance.now() - t);
    }
  } finally {
    await new Promise((r) => setImmediate(r)); // deliver the last gc entries
    obs.disconnect();
  }
  for (const xs of [out.scan, out.scanCpu, out.bare]) xs.sort((a, b) => a - b);
  return out;
}

/**
 * WAL pages one commit writes: `n` commits with no checkpoint in between, from the WAL's growth
 * (every page a commit changes is appended to the WAL whole: the bytes each fsync must flush).
 */
export function walPagesPerCommit(db: Database.Database, dbFile: string, n: number, commit: (i: number) => void): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${dbFile}-wal`;
  const before = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  for (let i = 0; i < n; i++) commit(i);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const frames = (fs.statSync(wal).size - Math.max(before, 32)) / (pageSize + 24);
  return frames / n;
}
