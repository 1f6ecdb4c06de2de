// Where the desktop app finds its parts and its data. Pure, so it is unit-tested.
import path from 'node:path';

export interface PathInputs {
  isPackaged: boolean;
  /** app.getAppPath(): the repo root in development, resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath (extraResources land here when packaged). */
  resourcesPath: string;
  /** app.getPath('userData'). */
  userData: string;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

export interface DesktopPaths {
  /** The station's data folder (database + marker). */
  dataDir: string;
  /** True when --data / FOYER_DATA_DIR chose it (tests, a second station on one machine). */
  dataDirFromArgs: boolean;
  /** The built renderer served on app://foyer/. */
  renderer: string;
  preload: string;
  migrations: string;
}

/** `--data DIR` or `--data=DIR` from the command line, if given. */
export function dataArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data' && argv[i + 1]) return argv[i + 1]!;
    if (a.startsWith('--data=') && a.length > '--data='.length) return a.slice('--data='.length);
  }
  return null;
}

export function desktopPaths(p: PathInputs): DesktopPaths {
  const chosen = dataArg(p.argv) ?? p.env.FOYER_DATA_DIR ?? null;
  return {
    dataDir: chosen ? path.resolve(chosen) : path.join(p.userData, 'station'),
    dataDirFromArgs: chosen !== null,
    renderer: path.join(p.appPath, 'dist', 'renderer'),
    preload: path.join(p.appPath, 'dist-electron', 'preload.cjs'),
    // Packaged: electron-builder's extraResources (db/migrations → migrations); dev: the repo's folder.
    migrations: p.env.FOYER_MIGRATIONS ?? (p.isPackaged ? path.join(p.resourcesPath, 'migrations') : path.join(p.appPath, 'db', 'migrations')),
  };
}
