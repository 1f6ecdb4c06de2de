// Data folders hold names, desk notes, tokens and the registry's key: folders 0700 and files
// 0600 whatever the umask the app starts with (issue 12: PGlite's files were 0666, station
// databases 0644). Both processes are started with umask 000, the worst case.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStation } from '../../station/station';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { startStationProc, type StationProc } from '../../testkit/station-proc';
import { tempDir } from '../helpers/station';

/** Every folder and file under `dir` whose mode is not private, as "path mode". */
function loose(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) out.push(`${path.relative(dir, p) || '.'}/ ${mode.toString(8)}`);
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else if (mode !== 0o600) out.push(`${path.relative(dir, p)} ${mode.toString(8)}`);
  };
  walk(dir);
  return out;
}

let reg: RegistryProc | undefined;
let st: StationProc | undefined;
afterAll(async () => {
  await st?.kill();
  await reg?.kill('SIGTERM');
});

describe('private files', () => {
  it('registry (PGlite, certificate, token) and station (database, WAL, settings) are private under umask 000', async () => {
    const before = process.umask(0o000); // inherited by the processes started below
    try {
      const base = tempDir('foyer-modes-');
      reg = await startRegistryProc({ dataDir: path.join(base, 'registry'), args: ['--tls'], });
      await reg.admin('POST', '/v1/admin/demo', { attendees: 30 });
      st = await startStationProc({ dir: path.join(base, 'station'), name: 'Modes' });
      const { link } = await reg.admin<{ link: string }>('POST', '/v1/admin/pairing-codes', {});
      const p = await st.call<{ paired: boolean; message: string }>('pair', { url: link, code: '' });
      expect(p.paired, p.message).toBe(true);
      await st.call('sync');
      await st.call('scan', { code: 'not-a-badge' });
      await st.call('sync');
      expect(fs.readdirSync(st.dir)).toEqual(expect.arrayContaining(['foyer.sqlite-wal', 'foyer.sqlite-shm']));
      expect(loose(st.dir)).toEqual([]);
    } finally {
      process.umask(before);
    }
    await st.call('close');
    await reg.kill('SIGTERM');
    expect(fs.readdirSync(reg.dataDir)).toEqual(expect.arrayContaining(['pgdata', 'registry-cert.pem', 'registry-key.pem', 'registry.json']));
    expect(loose(reg.dataDir)).toEqual([]);
    expect(fs.readdirSync(st.dir)).toEqual(expect.arrayContaining(['foyer.sqlite', 'station.json']));
    expect(loose(st.dir)).toEqual([]);
  });

  it('a station folder left readable by an older build is made private when it opens', () => {
    const dir = tempDir('foyer-modes-old-');
    openStation(dir, { stationName: 'Old' }).close();
    fs.chmodSync(dir, 0o755);
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
    const mine = path.join(dir, 'operator-notes.txt'); // not Foyer's: left alone
    fs.writeFileSync(mine, 'x', { mode: 0o644 });
    fs.chmodSync(mine, 0o644);
    const s = openStation(dir);
    s.close();
    expect(loose(dir)).toEqual(['operator-notes.txt 644']);
  });
});
