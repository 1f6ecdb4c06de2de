// Runs the real registry (`registry/server.ts`) as a child process on 127.0.0.1, so tests
// can SIGKILL it and start it again on the same port and data.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryFetch } from '../node-shared/pinned-fetch';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

let template: Promise<string> | null = null;

/**
 * An empty, migrated PGlite cluster to copy: the installation's template, the one a new registry
 * starts from (registry/pglite-template.ts), made once if this installation has none yet. With
 * templates off (FOYER_PGLITE_TEMPLATE=off), one made for this test process.
 */
export function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const { openRegistryDb, makeEmptyCluster } = await import('../registry/db');
    const { ensureTemplate, templateDir } = await import('../registry/pglite-template');
    if (await ensureTemplate(makeEmptyCluster)) return templateDir()!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-pglite-template-'));
    const db = await openRegistryDb({ dataDir: dir });
    await db.close();
    return path.join(dir, 'pgdata');
  })();
  return template;
}

export interface RegistryProc {
  /** http://127.0.0.1:port, or https://… when the registry serves TLS (from its registry.json). */
  url: string;
  /** SHA-256 of its certificate (base64url) when it serves TLS. */
  fingerprint: string | null;
  port: number;
  adminToken: string;
  dataDir: string;
  proc: ChildProcess | null;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  admin<T = unknown>(method: string, p: string, body?: unknown): Promise<T>;
}

export async function startRegistryProc(o: {
  dataDir: string;
  databaseUrl?: string;
  heartbeatMs?: number;
  /** Extra command-line flags (--tls, --cert …). */
  args?: string[];
  port?: number;
  /** null: none is given, the registry makes its own at first start (DIR/admin-token), as for a new organiser. */
  adminToken?: string | null;
  /** Extra environment (e.g. FOYER_PGLITE_TEMPLATE=off: a first start without the template). */
  env?: Record<string, string>;
  /** Node flags for the registry process (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): Promise<RegistryProc> {
  const port = o.port ?? (await freePort());
  // A new PGlite registry copies the installation's template itself (registry/pglite-template.ts);
  // made here first, so registries started at once do not all pay for initdb.
  if (!o.databaseUrl && !fs.existsSync(path.join(o.dataDir, 'pgdata')) && o.env?.FOYER_PGLITE_TEMPLATE !== 'off') await pgliteTemplate();
  let adminToken = o.adminToken === null ? '' : (o.adminToken ?? `admin-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}-test-token`);
  const r: RegistryProc = {
    url: `http://127.0.0.1:${port}`,
    fingerprint: null,
    port,
    adminToken,
    dataDir: o.dataDir,
    proc: null,
    async start() {
      const info = path.join(o.dataDir, 'registry.json');
      fs.rmSync(info, { force: true });
      const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', path.join(root, 'registry/server.ts'), '--data', o.dataDir, '--port', String(port), ...(o.args ?? [])], {
        cwd: root,
        env: {
          ...process.env,
          FOYER_ADMIN_TOKEN: adminToken,
          FOYER_HEARTBEAT_MS: String(o.heartbeatMs ?? 1000),
          ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : { DATABASE_URL: '' }),
          ...o.env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      r.proc = child;
      const deadline = Date.now() + 60_000;
      while (!fs.existsSync(info)) {
        if (child.exitCode !== null) throw new Error(`registry exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error('registry did not start in 60 s');
        await new Promise((x) => setTimeout(x, 50));
      }
      const written = JSON.parse(fs.readFileSync(info, 'utf8')) as { url: string; fingerprint: string | null };
      r.url = written.url;
      r.fingerprint = written.fingerprint;
      // A registry left to make its own admin token wrote it at its first start.
      const made = path.join(o.dataDir, 'admin-token');
      if (!adminToken && fs.existsSync(made)) r.adminToken = adminToken = fs.readFileSync(made, 'utf8').trim();
    },
    async kill(signal = 'SIGKILL') {
      const child = r.proc;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((x) => child.once('exit', x));
      child.kill(signal);
      await gone;
      r.proc = null;
    },
    async admin<T>(method: string, p: string, body?: unknown): Promise<T> {
      const res = await registryFetch(r.fingerprint)(r.url + p, {
        method,
        headers: { authorization: `Bearer ${r.adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${p} → ${res.status}: ${text.slice(0, 300)}`);
      return (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
    },
  };
  await r.start();
  return r;
}
