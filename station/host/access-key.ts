// The headless host's access key, kept in the station's data folder (file mode 0600) so a
// restart of the station keeps the key its open tabs hold: they reconnect by themselves
// instead of being locked out by a new per-run key. Anyone who can read this file can
// already read the station database next to it; a key file others could read may have
// been copied, so it is replaced (open tabs then say plainly that their key is no longer
// valid). Deleting the file is how an operator revokes every open tab.
import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE, writePrivateFile } from '../../node-shared/private-files';
import { newToken } from './security';

export const ACCESS_KEY_FILE = 'host-access-key';
const KEY_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

/** The key in `dataDir`, created (0600, written atomically) when missing, unreadable, malformed or readable by others. */
export function loadOrCreateAccessKey(dataDir: string): string {
  const file = path.join(dataDir, ACCESS_KEY_FILE);
  try {
    const st = fs.statSync(file);
    const key = fs.readFileSync(file, 'utf8').trim();
    if (st.isFile() && (process.platform === 'win32' || (st.mode & 0o777 & ~FILE_MODE) === 0) && KEY_SHAPE.test(key)) return key;
  } catch {
    // missing or unreadable: make a new one below
  }
  const key = newToken();
  const tmp = `${file}.${process.pid}.tmp`;
  writePrivateFile(tmp, `${key}\n`);
  fs.renameSync(tmp, file);
  return key;
}
