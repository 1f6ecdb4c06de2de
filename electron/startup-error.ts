// Turns a failure while opening the station into words for the person at the
// desk (shown in a dialog by main.ts). The stack trace goes to the log only.
import { DbOpenError } from '../db/connection';

export interface StartupProblem {
  title: string;
  message: string;
  detail: string;
}

export function startupProblem(err: unknown, dataDir: string): StartupProblem {
  const title = 'Foyer cannot open this station';
  const msg = err instanceof Error ? err.message : String(err);
  // Checked first: db/connection wraps a native binding failure in a DbOpenError.
  if (/NODE_MODULE_VERSION|was compiled against a different|better_sqlite3\.node|invalid ELF header|not a valid Win32 application/i.test(msg)) {
    return {
      title,
      message: "Foyer's database engine was not built for this version of the app. Reinstall Foyer (or, in development, rebuild native modules for Electron).",
      detail: `Data folder: ${dataDir}\nNothing was changed or deleted.`,
    };
  }
  if (err instanceof DbOpenError) {
    return { title, message: err.message, detail: `Data folder: ${dataDir}\nNothing was changed or deleted.` };
  }
  if (/ENOENT.*index\.html|renderer has not been built/i.test(msg)) {
    return { title, message: 'The Foyer screens are missing from this installation. Run "npm run build" (or reinstall Foyer).', detail: '' };
  }
  return {
    title,
    message: 'Foyer could not start. Nothing was changed or deleted. Restart it; if this repeats, call the tech desk.',
    detail: `Data folder: ${dataDir}`,
  };
}
