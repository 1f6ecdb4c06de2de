// Bundles the Electron main process and preload into dist-electron/ (CJS).
//  main.cjs    – electron/main.ts with station/, db/, core/ inlined; `electron` and
//                `better-sqlite3` (a native module, unpacked from the asar) stay external.
//  preload.cjs – electron/preload.ts; sandboxed preloads may require only 'electron',
//                which is checked below so a stray import fails the build, not the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-electron');
const production = process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 41 ships Node 24; node22 syntax is safely below it
  sourcemap: production ? false : 'linked',
  minify: false,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

fs.rmSync(outdir, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { main: 'electron/main.ts' },
  outExtension: { '.js': '.cjs' },
  outdir,
  external: ['electron', 'better-sqlite3'],
  // ESM sources read import.meta.url (db/connection.ts); give CJS output a real one.
  define: { 'import.meta.url': '__foyer_import_meta_url' },
  banner: { js: "const __foyer_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outExtension: { '.js': '.cjs' },
  outdir,
  external: ['electron'],
});

const preload = fs.readFileSync(path.join(outdir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const stray = required.filter((r) => r !== 'electron');
if (stray.length > 0) {
  console.error(`build-electron: the sandboxed preload may only require 'electron', but requires: ${stray.join(', ')}`);
  process.exit(1);
}
console.log(`build-electron: wrote ${path.relative(root, outdir)}/main.cjs and preload.cjs`);
