// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder,
// start on a free port with its socket in that folder, listen on 127.0.0.1 only.
// Needs only Debian's `postgresql` package. As root, the server runs as user postgres.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './registry-proc';
import { tool } from './tools';

export interface PgCluster {
  url(db?: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = path.dirname(tool('initdb'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`,
    'start',
  ]);
  const url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    url,
    async createDatabase(name) {
      const { default: postgres } = await import('postgres');
      const sql = postgres(url(), { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await sql.end({ timeout: 2 });
      }
      return url(name);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
