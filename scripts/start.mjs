// `npm start [-- --data DIR]`: the desktop app on the demo event when an Electron
// binary is installed; otherwise (e.g. `npm ci` with ELECTRON_SKIP_BINARY_DOWNLOAD=1,
// or no internet) say so plainly and start the headless station instead, which
// serves the same screens to any browser (`npm run start:web`).
// `npm start -- --web` always starts the headless station.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable, or null when the package was installed without its binary. */
function electronBinary() {
  try {
    const p = require('electron'); // the package's index.js returns the binary's path…
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null; // …or throws when path.txt is missing (binary download skipped)
  }
}

/** Runs an npm script with the same npm that runs us (works on Windows too). */
function npmArgs(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.(c?js|mjs)$/.test(npmCli)) return { cmd: process.execPath, args: [npmCli, ...args], shell: false };
  return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args, shell: process.platform === 'win32' };
}

function runOrExit(label, cmd, args, shell = false) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell });
  if (res.status !== 0) {
    console.error(`\nFoyer: ${label} failed (see above), so the app was not started.`);
    process.exit(res.status ?? 1);
  }
}

/**
 * Starts a long-running child on our terminal; its exit code becomes ours. On POSIX
 * it gets its own process group and a signal to us goes to the whole group: `npm run`
 * runs its script through a shell that would not pass SIGTERM on, leaving an orphaned
 * station holding the database.
 */
function handOver(cmd, args, opts = {}) {
  const group = process.platform !== 'win32';
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', detached: group, ...opts });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode !== null) return;
      try {
        if (group) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    console.error(`Foyer: could not start ${path.basename(cmd)}: ${err.message}`);
    process.exit(1);
  });
}

const userArgs = process.argv.slice(2);
const forceWeb = userArgs.includes('--web');
const passArgs = userArgs.filter((a) => a !== '--web');
const electron = forceWeb ? null : electronBinary();

if (electron) {
  const npm = npmArgs(['run', 'build', '--silent']);
  runOrExit('building the app', npm.cmd, npm.args, npm.shell);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node
  console.log('Foyer: starting the desktop app on the demo event…');
  handOver(electron, ['.', ...passArgs], { env });
} else {
  if (!forceWeb) {
    console.log(
      [
        'Foyer: no Electron binary is installed on this machine (the electron package was',
        'installed without it, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline).',
        'Starting the headless station instead: it serves the same screens on the demo event;',
        'open the address printed below in any browser.',
        'For the desktop app, run `node node_modules/electron/install.js` with internet access,',
        'then `npm start` again.',
        '',
      ].join('\n'),
    );
  }
  const npm = npmArgs(['run', 'start:web', '--silent', ...(passArgs.length ? ['--', ...passArgs] : [])]);
  handOver(npm.cmd, npm.args, { shell: npm.shell });
}
