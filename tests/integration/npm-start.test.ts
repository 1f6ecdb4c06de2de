// `npm start` (scripts/start.mjs) picks the desktop app when an Electron binary is
// installed and otherwise says so and starts the headless station. npm and the
// Electron binary are replaced by small recording stubs so the test does not
// rebuild dist/renderer under the other suites' feet.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/station';

const root = path.resolve(__dirname, '../..');

/** A stub that logs its argv as JSON to $STUB_LOG, then behaves as $STUB_MODE says. */
const STUB = `
const fs = require('node:fs');
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }) + '\\n');
const long = process.argv.includes('start:web') || process.env.STUB_ROLE === 'electron';
if (long) {
  process.on('SIGTERM', () => { fs.appendFileSync(process.env.STUB_LOG, '"SIGTERM"\\n'); process.exit(0); });
  console.log('STUB RUNNING'); // only once the handler is in place
  setInterval(() => {}, 1000);
} else {
  process.exit(Number(process.env.STUB_BUILD_EXIT ?? 0));
}
`;

interface Run {
  stdout: string;
  log: unknown[];
  code: number | null;
}

async function runStart(args: string[], extraEnv: Record<string, string>, stopWhenRunning = true): Promise<Run> {
  const dir = tempDir('foyer-start-');
  const stub = path.join(dir, 'stub-npm.cjs');
  const log = path.join(dir, 'log.jsonl');
  fs.writeFileSync(stub, STUB);
  fs.writeFileSync(log, '');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), npm_execpath: stub, STUB_LOG: log, ...extraEnv };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  if (extraEnv.ELECTRON_OVERRIDE_DIST_PATH) env.ELECTRON_OVERRIDE_DIST_PATH = extraEnv.ELECTRON_OVERRIDE_DIST_PATH;
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), ...args], { cwd: root, env });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stopWhenRunning && stdout.includes('STUB RUNNING')) child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  await new Promise((r) => setTimeout(r, 200)); // let the stub write its last line
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { stdout, code, log: lines.map((l) => JSON.parse(l) as unknown) };
}

/** A fake Electron install: ELECTRON_OVERRIDE_DIST_PATH/electron is the "binary". */
function fakeElectronDist(): string {
  const dir = tempDir('foyer-electron-dist-');
  const bin = path.join(dir, 'electron');
  fs.writeFileSync(bin, `#!/bin/sh\nSTUB_ROLE=electron exec "${process.execPath}" "$npm_execpath" "$@"\n`);
  fs.chmodSync(bin, 0o755);
  return dir;
}

describe('npm start', () => {
  it('without an Electron binary: says so plainly and starts the headless station with the given arguments', async () => {
    const run = await runStart(['--data', '/tmp/foyer-x'], {});
    expect(run.stdout).toMatch(/no Electron binary is installed on this machine/);
    expect(run.stdout).toMatch(/headless station/);
    expect(run.log[0]).toMatchObject({ argv: ['run', 'start:web', '--silent', '--', '--data', '/tmp/foyer-x'] });
    expect(run.log, JSON.stringify(run)).toContain("SIGTERM"); // stopping npm start stops the station too
    expect(run.code).toBe(0);
  });

  it('--web starts the headless station without the notice', async () => {
    const run = await runStart(['--web'], {});
    expect(run.stdout).not.toMatch(/no Electron binary/);
    expect(run.log[0]).toMatchObject({ argv: ['run', 'start:web', '--silent'] });
  });

  it.skipIf(process.platform === 'win32')('with an Electron binary: builds, then launches it on the app folder', async () => {
    const run = await runStart(['--data', '/tmp/foyer-y'], { ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist(), ELECTRON_RUN_AS_NODE: '1' });
    expect(run.stdout).toMatch(/starting the desktop app/);
    expect(run.log[0]).toMatchObject({ argv: ['run', 'build', '--silent'] });
    expect(run.log[1]).toMatchObject({ argv: ['.', '--data', '/tmp/foyer-y'], runAsNode: null });
    expect(run.log).toContain('SIGTERM');
  });

  it('the renderer build that npm start runs prints no warnings into the person\'s terminal', async () => {
    // The same vite build (config and log level) as `npm run build:renderer`, into a folder of
    // its own so the other suites' dist/renderer is left alone.
    const script = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts['build:renderer'] as string;
    expect(script).toMatch(/^vite build\b/);
    const out = tempDir('foyer-vite-');
    const args = [path.join(root, 'node_modules/vite/bin/vite.js'), ...script.split(' ').slice(1), '--outDir', out, '--emptyOutDir'];
    // In the person's environment: vitest sets NODE_ENV=test, which makes vite build React's larger development bundle.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 180_000, env });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
  }, 200_000);

  it('a failed build stops there with a sentence and its exit code', async () => {
    const run = await runStart([], { ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDist(), STUB_BUILD_EXIT: '3' }, false);
    expect(run.code).toBe(3);
    expect(run.log).toHaveLength(1); // Electron never launched
  });
});
