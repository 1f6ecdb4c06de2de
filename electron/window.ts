// The station window: laptop-sized, hardened, shown only once painted.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

export const WINDOW_SIZE = { width: 1366, height: 768, minWidth: 1024, minHeight: 640 } as const;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZE,
    title: 'Foyer',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
