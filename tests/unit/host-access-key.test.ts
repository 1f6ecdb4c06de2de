// The headless host's access key file (station/host/access-key.ts): the same key across
// restarts, 0600 whatever the umask, and replaced when it could have been read by others.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS_KEY_FILE, loadOrCreateAccessKey } from '../../station/host/access-key';
import { tempDir } from '../helpers/station';

describe('host access key', () => {
  it('is made once and read back on every later start', () => {
    const dir = tempDir('foyer-key-');
    const first = loadOrCreateAccessKey(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(loadOrCreateAccessKey(dir)).toBe(first);
  });

  it('is readable by the station user only, even under a permissive umask', () => {
    const dir = tempDir('foyer-key-');
    const old = process.umask(0);
    try {
      loadOrCreateAccessKey(dir);
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(path.join(dir, ACCESS_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('is replaced when others could read it, or when the file holds no key', () => {
    const dir = tempDir('foyer-key-');
    const file = path.join(dir, ACCESS_KEY_FILE);
    const first = loadOrCreateAccessKey(dir);
    fs.chmodSync(file, 0o644);
    const second = loadOrCreateAccessKey(dir);
    expect(second).not.toBe(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, 'short', { mode: 0o600 });
    expect(loadOrCreateAccessKey(dir)).not.toBe('short');
  });
});
