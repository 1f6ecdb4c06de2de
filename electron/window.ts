// The station window: laptop-sized, hardened, shown only once painted.
// The options are one object literal on purpose: Electronegativity (npm run
// audit:electron) checks them where BrowserWindow is constructed, and
// tests/unit/electron-security.test.ts checks the same object.
import { BrowserWindow } from 'electron';

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Foyer',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      // The renderer is an untrusted web page with one narrow bridge (electron/preload.ts).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would try to open a new window; window.open is denied anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
