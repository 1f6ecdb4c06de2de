// Boots the real bundled main process (dist-electron/main.cjs) under plain Node with
// a stand-in 'electron' module (tests/helpers/fake-electron.cjs), because no Electron
// binary exists here. Proves the bundle itself works: it finds the migrations
// (development and packaged layouts), opens the station, serves the renderer with
// the CSP, answers IPC through the sender check, hardens navigation and
// permissions, closes the database on quit, and explains a broken data folder.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { openStation } from '../../station/station';
import { tempDir } from '../helpers/station';

const root = path.resolve(__dirname, '../..');
const fakeElectron = path.join(root, 'tests/helpers/fake-electron.cjs');
// A private build inside the repo (.tmp/ is ignored): packages resolve from node_modules,
// and other runs that rebuild dist-electron/ cannot pull it away mid-test.
const outdir = path.join(root, '.tmp', `electron-main-test-${process.pid}`);
const mainBundle = path.join(outdir, 'main.cjs');

interface Report {
  kind: string;
  [k: string]: unknown;
}

/** A minimal app folder: a built renderer and (dev layout) the migrations. */
function appFolder(withMigrations: boolean): string {
  const dir = tempDir('foyer-app-');
  fs.mkdirSync(path.join(dir, 'dist/renderer'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist/renderer/index.html'), '<!doctype html><title>Foyer test renderer</title>');
  if (withMigrations) {
    fs.mkdirSync(path.join(dir, 'db'));
    fs.symlinkSync(path.join(root, 'db/migrations'), path.join(dir, 'db/migrations'));
  }
  return dir;
}

function boot(env: Record<string, string>, args: string[] = []): { reports: Report[]; status: number | null; stderr: string } {
  const cleanEnv = { ...process.env };
  delete cleanEnv.FOYER_MIGRATIONS;
  delete cleanEnv.FOYER_DATA_DIR;
  const res = spawnSync(process.execPath, ['--require', fakeElectron, mainBundle, ...args], {
    env: { ...cleanEnv, FAKE_USER_DATA: tempDir('foyer-userdata-'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const reports = res.stdout
    .split('\n')
    .filter((l) => l.startsWith('FAKE '))
    .map((l) => JSON.parse(l.slice(5)) as Report);
  return { reports, status: res.status, stderr: res.stderr };
}

const find = (reports: Report[], kind: string) => reports.find((r) => r.kind === kind);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('bundled Electron main process (fake electron module)', () => {
  it('development layout: opens the station, serves the renderer with CSP, answers IPC, closes the DB on quit', () => {
    const data = tempDir('foyer-station-');
    const { reports, status, stderr } = boot({ FAKE_APP_PATH: appFolder(true) }, ['--data', data]);
    expect(find(reports, 'error'), stderr).toBeUndefined();
    expect(status, stderr).toBe(0);

    const schemes = find(reports, 'schemes')!.schemes as { scheme: string; privileges: Record<string, boolean> }[];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
    expect(find(reports, 'enableSandbox')).toBeDefined();
    // --data gives the station its own Chromium profile (single-instance lock per database)
    expect(find(reports, 'setPath')).toMatchObject({ name: 'userData', value: path.join(data, 'electron-profile') });

    const loaded = find(reports, 'loaded')!;
    expect(loaded).toMatchObject({ url: 'app://foyer/index.html', status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(loaded.body).toContain('Foyer test renderer');

    const { results, windowOptions } = find(reports, 'results') as unknown as {
      results: Record<string, { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }> & {
        topics: unknown[][];
        navigationRefused: boolean;
        windowOpen: unknown;
        permissions: boolean[];
        downloadsCancelled: boolean[];
      };
      windowOptions: { width: number; height: number; webPreferences: Record<string, unknown> };
    };
    expect(windowOptions).toMatchObject({ width: 1366, height: 768 });
    expect(windowOptions.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(windowOptions.webPreferences.preload)).toMatch(/dist-electron[/\\]preload\.cjs$/); // where packaging puts it

    expect(results.status).toMatchObject({ ok: true, value: { attendees: expect.any(Number) } });
    expect((results.status!.value as { attendees: number }).attendees).toBeGreaterThan(100); // the demo event
    expect(results.checkin).toMatchObject({ ok: true, value: { verdict: 'admitted' } });
    expect(results.invalid).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(results.desktop).toMatchObject({ ok: true, value: { desktop: true } });
    expect(results.pdf).toMatchObject({ ok: true, magic: '%PDF-' }); // pdfkit + fonts load from node_modules
    expect(results.fromSubframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(results.topics).toContainEqual(['foyer:topic', 'scan']);
    expect(results.navigationRefused).toBe(true);
    expect(results.windowOpen).toEqual({ action: 'deny' });
    expect(results.permissions).toEqual([true, false]);
    expect(results.downloadsCancelled).toEqual([false, true]);
    expect(find(reports, 'openExternal')).toBeUndefined();

    // Quit closed the database cleanly: WAL checkpointed, and the admission survived.
    expect(find(reports, 'quit')).toBeDefined();
    const wal = path.join(data, 'foyer.sqlite-wal');
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const again = openStation(data);
    try {
      const row = again.db.sqlite.prepare("SELECT count(*) AS n FROM events WHERE operator = 'fake-electron'").get() as { n: number };
      expect(row.n).toBe(1);
    } finally {
      again.close();
    }
  });

  it('packaged layout: migrations come from resources/migrations via FOYER_MIGRATIONS', () => {
    const resources = tempDir('foyer-resources-');
    fs.symlinkSync(path.join(root, 'db/migrations'), path.join(resources, 'migrations'));
    const data = tempDir('foyer-station-');
    // The app folder has no db/migrations: only the packaged path can work.
    const { reports, status, stderr } = boot(
      { FAKE_APP_PATH: appFolder(false), FAKE_PACKAGED: '1', FAKE_RESOURCES_PATH: resources },
      ['--data', data],
    );
    expect(find(reports, 'dialog'), stderr).toBeUndefined();
    expect(status, stderr).toBe(0);
    expect(find(reports, 'results')).toBeDefined();
    // Packaged builds have no developer tools in the menu.
    expect(JSON.stringify(find(reports, 'menu'))).not.toContain('toggleDevTools');
  });

  it('a station whose database went missing gets a clear dialog, not a crash or an empty start', () => {
    const data = tempDir('foyer-station-');
    fs.writeFileSync(path.join(data, 'station.json'), JSON.stringify({ stationId: 'x' }));
    const { reports, status } = boot({ FAKE_APP_PATH: appFolder(true) }, ['--data', data]);
    expect(status).toBe(1);
    const dialog = find(reports, 'dialog')!.options as { message: string; detail: string; buttons: string[] };
    expect(dialog.message).toMatch(/The station database is missing/);
    expect(dialog.detail).toContain(data);
    expect(`${dialog.message}${dialog.detail}`).not.toMatch(/\n\s+at |Error:/);
    expect(find(reports, 'loaded')).toBeUndefined();
    expect(fs.existsSync(path.join(data, 'foyer.sqlite'))).toBe(false); // nothing created silently
  });

  it('a second instance on the same station quits without touching the database', () => {
    const data = tempDir('foyer-station-');
    const { reports, status } = boot({ FAKE_APP_PATH: appFolder(true), FAKE_SECOND_INSTANCE: '1' }, ['--data', data]);
    expect(status).toBe(0);
    expect(find(reports, 'quit')).toBeDefined();
    expect(find(reports, 'loaded')).toBeUndefined();
    expect(fs.existsSync(path.join(data, 'foyer.sqlite'))).toBe(false);
  });
});
