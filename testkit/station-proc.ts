// Parent side of station-child.ts: start, command, SIGKILL and restart a station process.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StationProc {
  dir: string;
  stationId: string;
  proc: ChildProcess | null;
  start(): Promise<void>;
  call<T = unknown>(cmd: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  kill(): Promise<void>;
  close(): Promise<void>;
  alive(): boolean;
}

export async function startStationProc(o: { dir: string; name: string; skewMs?: number; env?: Record<string, string> }): Promise<StationProc> {
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const s: StationProc = {
    dir: o.dir,
    stationId: '',
    proc: null,
    alive: () => !!s.proc && s.proc.exitCode === null && s.proc.signalCode === null,
    async start() {
      const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'station-child.ts'), [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, STATION_DIR: o.dir, STATION_NAME: o.name, STATION_SKEW_MS: String(o.skewMs ?? 0), ...o.env },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      s.proc = child;
      const ready = new Promise<void>((resolve, reject) => {
        child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
          if (m.id === 0) {
            s.stationId = (m.value as { stationId: string }).stationId;
            resolve();
            return;
          }
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (m.ok) p?.resolve(m.value);
          else p?.reject(new Error(m.error));
        });
        child.on('exit', (code, sig) => {
          reject(new Error(`station exited ${code ?? sig}`));
          for (const p of pending.values()) p.reject(new Error('station process died'));
          pending.clear();
        });
      });
      await ready;
    },
    call<T>(cmd: string, args?: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
      if (!s.alive()) return Promise.reject(new Error('station process is not running'));
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        const t = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`station ${cmd} timed out`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(t);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(t);
            reject(e);
          },
        });
        s.proc!.send({ id, cmd, args });
      });
    },
    async kill() {
      const child = s.proc;
      if (!child || !s.alive()) return;
      const gone = new Promise((x) => child.once('exit', x));
      child.kill('SIGKILL');
      await gone;
      s.proc = null;
    },
    async close() {
      if (!s.alive()) return;
      const child = s.proc!;
      const gone = new Promise((x) => child.once('exit', x));
      await s.call('close').catch(() => child.kill('SIGKILL'));
      await gone;
      s.proc = null;
    },
  };
  await s.start();
  return s;
}
