// Runs the headless host CLI (station/host/cli.ts) as a real child process on a data
// folder, the way a user starts it, and talks to it. Reused by integration and e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiResponse } from '../core/api/index';
import { tempDir } from './temp';

// import.meta.url, not __dirname: benchmarks run these helpers as ES modules under tsx.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(repoRoot, 'station/host/cli.ts');

export interface HostProcess {
  /** http://127.0.0.1:P/#token=… — open this in the browser. */
  url: string;
  /** http://127.0.0.1:P */
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  proc: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Calls one API method over HTTP with the token. */
  call<T = unknown>(method: string, args?: unknown): Promise<ApiResponse<T>>;
  /** SIGTERM (or `signal`) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stops, then starts a new process on the same data folder (new port and token). */
  restart(): Promise<HostProcess>;
}

export interface StartHostOptions {
  /** Defaults to a new temp folder (a fresh station seeded with the demo event). */
  dataDir?: string;
  /** Extra CLI arguments. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

function spawnCli(args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  // node --import tsx directly (no npx/tsx wrapper), so signals reach the host itself.
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

export async function startHostProcess(opts: StartHostOptions = {}): Promise<HostProcess> {
  const dataDir = opts.dataDir ?? tempDir('foyer-host-');
  const proc = spawnCli(['--data', dataDir, '--port', '0', '--json', ...(opts.args ?? [])], opts.env);
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));

  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`host did not start within ${opts.timeoutMs ?? 60_000} ms\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        proc.stdout!.resume();
        resolve(JSON.parse(line) as { url: string; port: number });
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready\n${stderr}`));
    });
  });

  const token = decodeURIComponent(/#token=([^&]+)/.exec(ready.url)![1]!);
  const origin = `http://127.0.0.1:${ready.port}`;
  const host: HostProcess = {
    url: ready.url,
    origin,
    port: ready.port,
    token,
    dataDir,
    proc,
    stderr: () => stderr,
    async call<T>(method: string, args: unknown = {}) {
      const res = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, args }),
      });
      return (await res.json()) as ApiResponse<T>;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited(proc);
    },
    async restart() {
      await host.stop();
      return startHostProcess({ ...opts, dataDir });
    },
  };
  return host;
}

/** Runs the CLI to completion (for start-up failures): exit code, stdout, stderr. */
export async function runHostCli(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawnCli(args);
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await exited(proc);
  clearTimeout(timer);
  return { code, stdout, stderr };
}
