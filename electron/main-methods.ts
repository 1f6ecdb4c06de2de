// Capabilities only the desktop app has, reachable from the renderer through the
// same checked channel as the station API: `bridge.call('desktop.info', {})`.
//
// TO ADD ONE (badge printing with webContents.print, printToPDF, a save dialog…):
//   1. write electron/<area>.main.ts exporting a `MainMethods` object built with
//      `mainMethod(zodSchema, (args, { window, sender, station }) => …)`;
//   2. spread it into `mainMethods` below.
// Nothing else changes: the preload stays the same, the sender-frame check and zod
// validation apply, errors come back as sentences. Method names must not clash with
// the station API (tests/unit/electron-security.test.ts checks). The headless host
// answers these names with `unknown_method`, so the renderer can fall back (e.g. to
// window.print()) when it is not running in the desktop app.
import { z } from 'zod';
import { mainMethod, type MainMethods } from './ipc.main';
import { kioskWindowMethods } from './kiosk.main';
import { printMethods } from './print.main';

export interface DesktopInfo {
  desktop: true;
  electron: string | null;
  chrome: string | null;
  platform: string;
}

export const desktopMethods: MainMethods = {
  /** Lets the renderer tell it runs in the desktop app (and which runtime, for the about box). */
  'desktop.info': mainMethod(z.object({}).strict(), (): DesktopInfo => ({
    desktop: true,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    platform: process.platform,
  })),
};

export const mainMethods: MainMethods = {
  ...desktopMethods,
  ...printMethods,
  ...kioskWindowMethods,
};
