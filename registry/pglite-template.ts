// A new PGlite registry starts from a copy of an empty, migrated cluster instead of running
// initdb: initdb in WebAssembly costs ~4 s of CPU and leaves ~500 MB of its memory behind in the
// process, a copy of the 39 MB folder a fraction of a second. The template is made once per
// installed PGlite version — by `scripts/setup.sh` at install, or else by the first registry
// started on this machine (which then pays for initdb once) — in node_modules/.cache/foyer, and
// is exactly what initdb and the registry's migrations make: a registry started from it runs
// any newer migration at start like every other registry. FOYER_PGLITE_TEMPLATE=off skips it
// (initdb in the data folder, the way without a template).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function pgliteVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Where this installation keeps its template (null: templates are off). */
export function templateDir(): string | null {
  if (process.env.FOYER_PGLITE_TEMPLATE === 'off') return null;
  return path.join(root, 'node_modules/.cache/foyer', `pglite-${pgliteVersion()}-cluster`);
}

const isCluster = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/**
 * Makes the template if this installation has none: `make(dir)` creates and migrates a cluster
 * in an empty folder and closes it. Made aside and renamed into place, so a registry never copies
 * half a template, and two made at once leave one. False when it cannot be made here (templates
 * off, or node_modules not writable).
 */
export async function ensureTemplate(make: (dir: string) => Promise<void>): Promise<boolean> {
  const dir = templateDir();
  if (!dir) return false;
  if (isCluster(dir)) return true;
  const aside = `${dir}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.mkdirSync(aside, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  try {
    await make(aside);
    fs.renameSync(aside, dir);
  } catch (err) {
    fs.rmSync(aside, { recursive: true, force: true });
    if (isCluster(dir)) return true; // another process made it first
    if ((err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'EROFS') return false;
    throw err;
  }
  return true;
}

/**
 * A new data folder gets a copy of the template (made first if need be). Nothing happens to a
 * folder that already holds a cluster; false when there is no template to copy (PGlite then
 * runs initdb in the folder itself).
 */
export async function seedFromTemplate(pgdata: string, make: (dir: string) => Promise<void>): Promise<boolean> {
  if (isCluster(pgdata)) return false;
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) return false; // something else is there: let PGlite say what
  if (!(await ensureTemplate(make))) return false;
  fs.cpSync(templateDir()!, pgdata, { recursive: true });
  return true;
}
