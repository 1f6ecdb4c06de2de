// Kiosk mode in the desktop app (docs/kiosk.md): the window follows the station's kiosk state —
// Electron's kiosk (full screen, no leaving it by F11 or the window manager) while it is on, and
// it cannot be closed (closing would leave the public at the operating system's desktop; Quit in
// the menu closes the window too, so it is stopped the same way). Only the staff PIN ends kiosk
// mode at the station; the renderer then asks this file to let the window go.
import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import { kioskActive } from '../station/kiosk';
import type { Station } from '../station/station';
import { mainMethod, type MainMethods } from './ipc.main';

type KioskWindow = Pick<BrowserWindow, 'setKiosk' | 'isDestroyed' | 'on'>;

/** Puts the window in or out of Electron's kiosk to match the station; returns whether it is on. */
export function applyKioskWindow(win: KioskWindow, station: Station): boolean {
  const on = kioskActive(station);
  if (!win.isDestroyed()) win.setKiosk(on);
  return on;
}

/** At start: a station that was a kiosk comes back as one; its window refuses to close while it is. */
export function guardKioskWindow(win: KioskWindow, station: Station): void {
  applyKioskWindow(win, station);
  win.on('close', (e) => {
    if (kioskActive(station)) e.preventDefault();
  });
}

export const kioskWindowMethods: MainMethods = {
  /** After kiosk.start / kiosk.exit (and when the kiosk screen shows): the window follows the station's state. */
  'kiosk.window': mainMethod(z.object({}).strict(), (_args, { window, station }) => ({ kiosk: applyKioskWindow(window, station) })),
};
