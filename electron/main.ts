// Electron main process: windows, security and IPC wiring only. Every decision
// lives in station/ and core/ (logic) or electron/security.ts (policy).
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { seedDemoEvent } from '../resources/demo/seed';
import { createHandlers } from '../station/handlers/index';
import { openStation, type Station } from '../station/station';
import { resumeHub, setHubEnabled, stopHub } from '../station/hub/index';
import { startSync, type SyncClient } from '../station/sync/index';
import { wireIpc } from './ipc.main';
import { guardKioskWindow } from './kiosk.main';
import { mainMethods } from './main-methods';
import { installOsSecretStore } from './secrets.main';
import { menuTemplate } from './menu';
import { desktopPaths } from './paths';
import { serveAppRequest } from './protocol.main';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, hardenSession, hardenWebContents } from './security';
import { startupProblem } from './startup-error';
import { createMainWindow } from './window';

// ---- before ready: scheme privileges, sandbox everywhere, paths ---------------
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

const paths = desktopPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  userData: app.getPath('userData'),
  argv: process.argv,
  env: process.env,
});
// db/connection.ts reads this to find the migrations (packaged: resources/migrations).
process.env.FOYER_MIGRATIONS = paths.migrations;
// A station chosen with --data gets its own Chromium profile, so the single-instance
// lock below is per database: one writer per database, two stations can coexist.
if (paths.dataDirFromArgs) app.setPath('userData', path.join(paths.dataDir, 'electron-profile'));

// Any webContents that ever gets created (ours or not) is hardened.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

let station: Station | null = null;
let mainWindow: BrowserWindow | null = null;
let disposeIpc: (() => void) | null = null;
let sync: SyncClient | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Foyer window already owns this station's database (single writer).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, paths.renderer));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged, process.platform)));

  try {
    if (!fs.existsSync(path.join(paths.renderer, 'index.html'))) throw new Error('The renderer has not been built.');
    // better-sqlite3 loads its native binding here (not at import), so a binding not
    // rebuilt for Electron's ABI is caught and explained like any other open failure.
    installOsSecretStore(); // the registry token is sealed by the OS from here on
    station = openStation(paths.dataDir, { seed: seedDemoEvent }); // a new desktop station starts on the demo event
    sync = startSync(station, { discover: true }); // background sync with the registry; idle until paired in Settings
    // `npm start -- --hub`, or the Settings switch remembered from before: serve the other stations (docs/lan-hub.md).
    void (process.argv.includes('--hub') ? setHubEnabled(station, true) : resumeHub(station)).then((h) => h.message && console.warn(`[foyer] ${h.message}`));
    const win = createMainWindow(paths.preload);
    mainWindow = win;
    guardKioskWindow(win, station); // a kiosk stays full screen and cannot be closed until the staff PIN ends it
    disposeIpc = wireIpc(ipcMain, { station, handlers: createHandlers(), mainMethods, window: win });
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      mainWindow = null;
    });
    keepRendererAlive(win);
    await win.loadURL(APP_ENTRY_URL);
  } catch (err) {
    await fail(err);
  }
}

/** Scans are committed in this process, so a crashed renderer loses nothing: reload it. */
function keepRendererAlive(win: BrowserWindow): void {
  let lastReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[foyer] renderer gone: ${details.reason}`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    if (now - lastReload < 5_000) return; // crashing in a loop: leave it for a person to see
    lastReload = now;
    win.webContents.reload();
  });
}

async function fail(err: unknown): Promise<void> {
  console.error('[foyer] start-up failed', err);
  const problem = startupProblem(err, paths.dataDir);
  try {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: problem.title,
      message: problem.message,
      detail: problem.detail,
      buttons: ['Quit', 'Show data folder'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // openPath opens our own local folder in the file manager; never a URL.
    if (response === 1 && fs.existsSync(paths.dataDir)) await shell.openPath(paths.dataDir);
  } catch {
    console.error(`[foyer] ${problem.message}`);
  } finally {
    closeStation();
    app.exit(1);
  }
}

app.on('window-all-closed', () => app.quit());

/** Stops everything that writes (IPC, sync), then checkpoints and closes the single writer connection. */
function closeStation(): void {
  disposeIpc?.();
  disposeIpc = null;
  sync?.stop();
  sync = null;
  if (station) void stopHub(station);
  station?.close();
  station = null;
}

app.on('will-quit', closeStation);

// `npm start` in a terminal: Ctrl+C and kill quit cleanly (closing the database).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
