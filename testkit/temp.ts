// A new empty folder under the OS temp dir, for one test's or benchmark's station, registry or files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'foyer-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
