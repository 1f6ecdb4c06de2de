// Data folders hold personal data (attendee names, desk notes) and secrets (station tokens,
// the registry's key and database): folders 0700, files 0600, whatever the umask the app was
// started with. New files are created private; folders set up by an older build are tightened
// at start. (POSIX modes only: on Windows the user's profile folder already keeps others out.)
import fs from 'node:fs';
import path from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Files this process creates from now on are private (umask 077), which also covers files made
 * by libraries (SQLite's -wal/-shm, PGlite's cluster). A worker thread cannot change the umask:
 * there the explicit modes below still apply.
 */
export function privateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // worker thread (tests): modes are set explicitly
  }
}

/** Creates the folder (and missing parents) private, or makes an existing one private. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodQuiet(dir, DIR_MODE);
}

/** Writes a file that only this user can read, even if it existed with a wider mode. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  fs.writeFileSync(file, data, { mode: FILE_MODE });
  chmodQuiet(file, FILE_MODE);
}

/** Creates an empty private file if it does not exist (SQLite then gives its -wal/-shm the same mode). */
export function touchPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  chmodQuiet(file, FILE_MODE);
}

/** Folders 0700 and files 0600 under `dir` (symlinks are left alone: they may point anywhere). */
export function tightenTree(dir: string, opts: { only?: (name: string) => boolean } = {}): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  chmodQuiet(dir, DIR_MODE);
  for (const e of entries) {
    if (opts.only && !opts.only(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tightenTree(p);
    else if (e.isFile()) chmodQuiet(p, FILE_MODE);
  }
}

function chmodQuiet(p: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    const st = fs.lstatSync(p);
    if ((st.mode & 0o777) !== mode && !st.isSymbolicLink()) fs.chmodSync(p, mode);
  } catch {
    // not ours to change (read-only medium, another owner): opening reports real problems
  }
}
