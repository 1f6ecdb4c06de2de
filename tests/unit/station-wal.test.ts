// The scan path's write-ahead log: WAL checkpoints happen between scans, never inside one
// (db/checkpoint.ts), and the clock, no longer saved with every scan, continues after a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as hlc from '../../core/hlc';
import { AUTOCHECKPOINT_PAGES, BATCH, IDLE_MS } from '../../db/checkpoint';
import { DB_FILE } from '../../db/connection';
import { checkIn } from '../../station/checkin';
import { openStation, type Station } from '../../station/station';
import { demoCodes, freshStation } from '../helpers/station';

/** The WAL header's checkpoint sequence number: SQLite bumps it each time it restarts the log after a full checkpoint. */
function walRestarts(dir: string): number {
  const fd = fs.openSync(path.join(dir, `${DB_FILE}-wal`), 'r');
  try {
    const head = Buffer.alloc(32);
    fs.readSync(fd, head, 0, 32, 0);
    return head.readUInt32BE(12);
  } finally {
    fs.closeSync(fd);
  }
}

const open: Station[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('WAL checkpoints run between scans', () => {
  it('scans back to back never restart the log themselves; an idle moment checkpoints it, the next scan restarts it', async () => {
    const { station, dir } = freshStation();
    open.push(station);
    expect(station.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    const codes = demoCodes(station, BATCH - 1).map((c) => c.code);
    checkIn(station, codes[0]!, Date.now());
    await new Promise((r) => setTimeout(r, IDLE_MS * 3));
    checkIn(station, codes[1]!, Date.now()); // restarts the log after the idle checkpoint
    const before = walRestarts(dir);
    // BATCH − 1 scans with no turn of the event loop in between: no checkpoint, however many pages
    // (SQLite's default would have checkpointed inside a scan every ~75 of them).
    for (let i = 0; i < 3; i++) for (const c of codes) checkIn(station, c, Date.now());
    expect(walRestarts(dir)).toBe(before);
    await new Promise((r) => setTimeout(r, IDLE_MS * 3));
    checkIn(station, codes[2]!, Date.now());
    expect(walRestarts(dir)).toBe(before + 1);
  });

  it('scans that never pause still get a checkpoint after every batch, right after a verdict', async () => {
    const { station, dir } = freshStation();
    open.push(station);
    const codes = demoCodes(station, BATCH + 5).map((c) => c.code);
    checkIn(station, codes[0]!, Date.now());
    const before = walRestarts(dir);
    for (const c of codes) checkIn(station, c, Date.now());
    await new Promise((r) => setImmediate(r)); // the checkpoint queued after the BATCH-th commit
    checkIn(station, codes[0]!, Date.now());
    expect(walRestarts(dir)).toBe(before + 1);
  });
});

describe('the clock across a restart', () => {
  it('continues from the newest own stamp, even when the wall clock went back meanwhile', () => {
    const { station, dir } = freshStation();
    const codes = demoCodes(station, 3).map((c) => c.code);
    const ahead = Date.now() + 60_000; // a laptop clock one minute fast, corrected before the restart
    const first = checkIn(station, codes[0]!, ahead).hlc!;
    const second = checkIn(station, codes[1]!, ahead).hlc!;
    expect(second > first).toBe(true);
    station.close();
    const again = openStation(dir);
    open.push(again);
    const third = checkIn(again, codes[2]!, Date.now()).hlc!;
    expect(third > second, `${third} after ${second}`).toBe(true);
    expect(hlc.parse(third)!.millis).toBe(hlc.parse(second)!.millis);
  });
});
