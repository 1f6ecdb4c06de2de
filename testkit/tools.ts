// The Debian programs that tests and the benchmark run as independent referees or real servers.
// `scripts/setup.sh --test` installs them; when one is missing the caller fails with a sentence
// naming that step — never a silent skip, never a bare ENOENT.
import fs from 'node:fs';
import path from 'node:path';

/** Each program and the Debian package `scripts/setup.sh --test` installs it from. */
const PACKAGE = {
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  zbarimg: 'zbar-tools',
  qrencode: 'qrencode',
  convert: 'imagemagick',
  chromium: 'chromium',
  initdb: 'postgresql',
  pg_ctl: 'postgresql',
  xkbcli: 'libxkbcommon-tools',
} as const;
export type Tool = keyof typeof PACKAGE;

const SETUP = 'run `npm run test:all` once, or `bash scripts/setup.sh --test`, which installs it';

function missingTool(name: Tool): Error {
  return new Error(`${name} is not installed (Debian package ${PACKAGE[name]}): ${SETUP}.`);
}

const found = new Map<Tool, string>();

/** The absolute path of a program; throws the set-up sentence when it is not installed. */
export function tool(name: Tool): string {
  const hit = found.get(name) ?? locate(name);
  if (!hit) throw missingTool(name);
  found.set(name, hit);
  return hit;
}

function locate(name: Tool): string | undefined {
  if (name === 'chromium' && process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  // PostgreSQL's server programs live outside PATH, one folder per major version: take the newest.
  if (PACKAGE[name] === 'postgresql') {
    const base = '/usr/lib/postgresql';
    const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
    dirs.unshift(...versions.map((v) => path.join(base, v, 'bin')));
  }
  return dirs.map((d) => path.join(d, name)).find((p) => isExecutable(p));
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
