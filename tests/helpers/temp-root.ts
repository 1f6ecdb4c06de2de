// vitest globalSetup (runs in vitest's main process, before any worker): one temp folder per test
// run, handed to every worker and every process they start through TMPDIR, and removed when the
// run ends. Tests make hundreds of station, registry and browser folders; before this each run
// left ~1,000 of them (several GB) in the system temp folder, which in time filled the disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): (() => void) | undefined {
  if (process.env.FOYER_TEST_TMP) return undefined; // another project of this run made it
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-run-'));
  fs.chmodSync(root, 0o1777); // like /tmp itself: the test PostgreSQL clusters run as the postgres user
  // tsx keeps its compile cache in <tmpdir>/tsx-<euid>: every registry and station process the
  // tests start reads it, so it stays shared and warm across lanes and runs (a link to the real one).
  const tsxName = `tsx-${process.geteuid ? process.geteuid() : os.userInfo().username}`;
  const tsxCache = path.join(os.tmpdir(), tsxName);
  fs.mkdirSync(tsxCache, { recursive: true, mode: 0o700 });
  fs.symlinkSync(tsxCache, path.join(root, tsxName));
  process.env.FOYER_TEST_TMP = root;
  process.env.TMPDIR = root;
  return () => {
    if (process.env.FOYER_KEEP_TEST_TMP) console.log(`test folders kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
