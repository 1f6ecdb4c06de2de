// Bundles the Electron main process and preload into dist-electron/ (CJS).
//  main.cjs    – electron/main.ts with our own code (station/, db/, core/, node-shared/, the demo) inlined.
//                npm packages stay external and load from node_modules (electron-builder
//                ships the production dependencies): better-sqlite3 is native (unpacked
//                from the asar) and pdfkit reads its own data files via __dirname, which
//                inlining breaks. ESM-only packages (e.g. any-ascii) are inlined instead,
//                since a CJS bundle cannot import their default export.
//  preload.cjs – electron/preload.ts; sandboxed preloads may require only 'electron',
//                which is checked below so a stray import fails the build, not the app.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` (tests build a private copy inside the repo, so packages still resolve).
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist-electron');
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

const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** True for a package that ships only ES modules (no `require` entry). */
function isEsmOnly(name) {
  let meta;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
  } catch {
    return false;
  }
  if (meta.type !== 'module') return false;
  return !JSON.stringify(meta.exports ?? {}).includes('"require"') && !String(meta.main ?? '').endsWith('.cjs');
}

/** Keeps npm packages external, except ESM-only ones, which are bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = packageOf(args.path);
      if (!fs.existsSync(path.join(root, 'node_modules', name, 'package.json'))) return undefined; // builtins etc.
      return isEsmOnly(name) ? undefined : { path: args.path, external: true };
    });
  },
};

fs.rmSync(outdir, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { main: 'electron/main.ts' },
  outExtension: { '.js': '.cjs' },
  outdir,
  external: ['electron'],
  plugins: [externalPackages],
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
// The packaged app has only the production dependency tree: a package that main.cjs
// requires but that is dev-only (or absent) in package-lock.json would make the
// installed app crash at start, so fail the build instead.
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const inProduction = (name) => {
  const entry = lock.packages?.[`node_modules/${name}`];
  return entry !== undefined && entry.dev !== true && entry.devOptional !== true;
};
const main = fs.readFileSync(path.join(outdir, 'main.cjs'), 'utf8');
const missing = [...new Set([...main.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]))]
  .filter((spec) => !spec.startsWith('node:') && !spec.startsWith('.') && spec !== 'electron' && !builtinModules.includes(spec))
  .map(packageOf)
  .filter((name) => !inProduction(name));
if (missing.length > 0) {
  console.error(`build-electron: main.cjs needs ${[...new Set(missing)].join(', ')} at run time; add them to "dependencies" in package.json.`);
  process.exit(1);
}

console.log(`build-electron: wrote ${path.relative(root, outdir)}/main.cjs and preload.cjs`);
