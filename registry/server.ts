// `npm run registry -- --data DIR [--port P] [--host ADDR] [--cert FILE --key FILE] [--tls] [--insecure-http] [--public-url URL] [--max-clock-ahead MIN] [--reset-admin-token]`
// Storage: embedded PGlite in DIR/pgdata, or DATABASE_URL=postgres://… for a real server
// (several processes may share it). Off loopback the registry speaks HTTPS only, with a
// certificate it makes at first start (DIR/registry-cert.pem) or the one given; stations pin
// its fingerprint (docs/security.md, "Registry"). Start-up problems are one sentence, and
// nothing is created before the database answers and the port is free.
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { MAX_CLOCK_AHEAD_MS } from '../core/hlc';
import { argsProblem } from '../node-shared/args';
import { makePrivateDir, privateUmask, tightenTree, writePrivateFile } from '../node-shared/private-files';
import { ensureAdminToken } from './admin-tokens';
import { createApp } from './app';
import { applyRegistryRetention } from './retention';
import { Snapshots } from './snapshot';
import type { RegistryContext } from './context';
import { DatabaseOpenError, databaseUrlProblem, openRegistryDb, type RegistryDb } from './db';
import { LiveHub } from './live';
import { StartupError, loadOrCreateTls, type TlsMaterial } from './tls';

export interface StartOptions {
  dataDir: string;
  port: number;
  host?: string;
  databaseUrl?: string;
  adminToken?: string;
  resetAdminToken?: boolean;
  heartbeatMs?: number;
  /** PEM files; without them an HTTPS registry uses the certificate it made at first start. */
  certFile?: string;
  keyFile?: string;
  /** HTTPS even on loopback (tests; a registry reached through an SSH tunnel). */
  tls?: boolean;
  /** Plain HTTP off loopback: only behind a reverse proxy that does TLS (docs/security.md). */
  insecureHttp?: boolean;
  /** The address stations use, when it differs from the listening one (reverse proxy, DNS name). */
  publicUrl?: string;
  /** Events stamped more than this ahead of the registry's clock are refused (default 5 minutes). */
  maxClockAheadMs?: number;
  /** The built organiser console (default dist/console of this checkout); null serves none. */
  consoleDir?: string | null;
}

export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

export async function startRegistry(o: StartOptions) {
  privateUmask();
  const host = o.host ?? '127.0.0.1';
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new StartupError(`--port must be a number from 1 to 65535 (got ${o.port}).`);
  const useTls = !!(o.certFile || o.keyFile || o.tls || (!isLoopback(host) && !o.insecureHttp));
  if (useTls && o.insecureHttp) throw new StartupError('--insecure-http cannot be combined with --cert/--key or --tls.');
  if (o.databaseUrl) {
    const problem = databaseUrlProblem(o.databaseUrl);
    if (problem) throw new StartupError(problem);
  }
  if (o.maxClockAheadMs !== undefined && !(o.maxClockAheadMs >= 60_000 && o.maxClockAheadMs <= 24 * 3600_000)) {
    throw new StartupError('--max-clock-ahead must be a number of minutes from 1 to 1440.');
  }
  if (o.publicUrl && !/^https?:\/\/[^/\s]+/.test(o.publicUrl)) throw new StartupError('--public-url must be an address such as https://registry.example.org');
  checkDataFolder(o.dataDir);
  await checkPortFree(host, o.port);

  // Nothing exists yet: a database that cannot be reached leaves no folder behind.
  const dirExisted = fs.existsSync(o.dataDir);
  let db: RegistryDb;
  try {
    if (o.databaseUrl) db = await openRegistryDb({ dataDir: o.dataDir, databaseUrl: o.databaseUrl });
    makePrivateDir(o.dataDir);
    tightenTree(o.dataDir);
    if (!o.databaseUrl) db = await openRegistryDb({ dataDir: o.dataDir });
  } catch (err) {
    if (!dirExisted) fs.rmSync(o.dataDir, { recursive: true, force: true });
    if (err instanceof DatabaseOpenError) throw new StartupError(err.message);
    throw err;
  }
  db = db!;
  try {
    const tls: TlsMaterial | null = useTls ? await loadOrCreateTls({ dataDir: o.dataDir, certFile: o.certFile, keyFile: o.keyFile, host }) : null;
    const madeToken = await ensureAdminToken(db.orm, { given: o.adminToken, reset: o.resetAdminToken }, Date.now());
    const tokenFile = path.join(o.dataDir, 'admin-token');
    if (madeToken) writePrivateFile(tokenFile, madeToken + '\n');
    // Snapshots are remade from the database on demand: none survives a restart.
    const snapshotDir = path.join(o.dataDir, 'snapshots');
    Snapshots.clear(snapshotDir);
    const live = new LiveHub(db);
    await live.start();
    const scheme = tls ? 'https' : 'http';
    const localHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    const ctx: RegistryContext = {
      db,
      orm: db.orm,
      live,
      now: Date.now,
      heartbeatMs: o.heartbeatMs ?? 15_000,
      publicUrl: '',
      fingerprint: tls?.fingerprint ?? null,
      tls: !!tls,
      consoleDir: o.consoleDir === undefined ? defaultConsoleDir() : o.consoleDir,
      maxClockAheadMs: o.maxClockAheadMs ?? MAX_CLOCK_AHEAD_MS,
      snapshots: new Snapshots(db.orm, snapshotDir),
    };
    // Data retention on the registry's own clock (registry/retention.ts): at start, then every minute.
    const retain = () => void applyRegistryRetention(ctx, Date.now()).catch((err) => console.error('[registry] data retention failed; it will be tried again', (err as Error).message));
    retain();
    const retentionTimer = setInterval(retain, 60_000);
    retentionTimer.unref();
    const app = createApp(ctx);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve(
        {
          fetch: app.fetch,
          port: o.port,
          hostname: host,
          ...(tls ? { createServer: https.createServer, serverOptions: { key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' as const } } : {}),
        },
        () => resolve(s),
      );
      s.once('error', (err) => reject(portProblem(err, host, o.port)));
    });
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : o.port;
    const url = `${scheme}://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`;
    // Listening on every address: stations need one they can reach, not 0.0.0.0.
    const everywhere = localHost !== host;
    ctx.publicUrl = (o.publicUrl ?? (everywhere ? `${scheme}://${lanAddress() ?? localHost}:${port}` : url)).replace(/\/+$/, '');
    // Written whole, then renamed: the admin CLI (and tests) may read it the moment it appears.
    const info = path.join(o.dataDir, 'registry.json');
    writePrivateFile(`${info}.tmp`, JSON.stringify({ url, publicUrl: ctx.publicUrl, fingerprint: ctx.fingerprint, pid: process.pid, database: db.kind }, null, 2));
    fs.renameSync(`${info}.tmp`, info);
    return {
      url,
      publicUrl: ctx.publicUrl,
      port,
      fingerprint: ctx.fingerprint,
      adminTokenFile: madeToken ? tokenFile : null,
      close: async () => {
        clearInterval(retentionTimer);
        live.closeAll();
        await new Promise<void>((r) => server.close(() => r()));
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}

/** The console build of this checkout (`npm run build:console`). */
function defaultConsoleDir(): string {
  return path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist', 'console');
}

/** An unusable data folder is found before anything is written. */
function checkDataFolder(dir: string): void {
  let probe = path.resolve(dir);
  for (;;) {
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(probe);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new StartupError(`Cannot use the data folder ${dir} (${code}).`);
    }
    if (st) {
      if (!st.isDirectory()) throw new StartupError(`The data folder ${probe === path.resolve(dir) ? dir : probe} is a file, not a folder.`);
      try {
        fs.accessSync(probe, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
      } catch {
        throw new StartupError(
          probe === path.resolve(dir)
            ? `The registry cannot read and write its data folder ${dir}. Check its permissions or choose another with --data.`
            : `The registry cannot create its data folder ${dir}: ${probe} is not writable.`,
        );
      }
      return;
    }
    const up = path.dirname(probe);
    if (up === probe) return;
    probe = up;
  }
}

async function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', (err) => reject(portProblem(err, host, port)));
    s.listen(port, host, () => s.close(() => resolve()));
  });
}

function portProblem(err: unknown, host: string, port: number): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`Port ${port} on ${host} is already in use (another registry?). Stop it, or choose another port with --port.`);
  if (code === 'EACCES') return new StartupError(`Port ${port} needs administrator rights. Choose a port above 1024 with --port.`);
  if (code === 'EADDRNOTAVAIL') return new StartupError(`This computer has no address ${host}. Use --host 0.0.0.0 for every network, or one of its own addresses.`);
  return err instanceof Error ? err : new Error(String(err));
}

/** The address other machines most likely reach this one by (for the pairing link). */
function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  return null;
}

/** A command line the registry cannot start from: the sentence ends with the usage (exit status 2). */
export class UsageError extends StartupError {}

export const USAGE =
  'Usage: npm run registry -- --data DIR [--port 8787] [--host 127.0.0.1] [--cert FILE --key FILE] [--tls] [--insecure-http] [--public-url URL] [--max-clock-ahead MINUTES] [--reset-admin-token]';

/**
 * The command line (node:util parseArgs): every flag declared once, a flag's value never taken
 * for another flag, and an unknown or incomplete flag a sentence with the usage (UsageError).
 * Storage and secrets come from the environment (DATABASE_URL, FOYER_ADMIN_TOKEN).
 */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv = {}): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        tls: { type: 'boolean' },
        'insecure-http': { type: 'boolean' },
        'public-url': { type: 'string' },
        'max-clock-ahead': { type: 'string' },
        'reset-admin-token': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${argsProblem(err)} ${USAGE}`);
  }
  if (!values.data) throw new UsageError(`Which data folder? ${USAGE}`);
  return {
    dataDir: values.data,
    port: Number(values.port),
    host: values.host,
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.FOYER_ADMIN_TOKEN || undefined,
    resetAdminToken: values['reset-admin-token'],
    heartbeatMs: env.FOYER_HEARTBEAT_MS ? Number(env.FOYER_HEARTBEAT_MS) : undefined,
    certFile: values.cert,
    keyFile: values.key,
    tls: values.tls,
    insecureHttp: values['insecure-http'],
    publicUrl: values['public-url'],
    maxClockAheadMs: values['max-clock-ahead'] !== undefined ? Number(values['max-clock-ahead']) * 60_000 : undefined,
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '') === path.resolve(new URL(import.meta.url).pathname).replace(/\.ts$/, '');
if (isMain) {
  let o: StartOptions;
  let r: Awaited<ReturnType<typeof startRegistry>>;
  try {
    o = parseServerArgs(process.argv.slice(2), process.env);
    r = await startRegistry(o);
  } catch (err) {
    if (err instanceof StartupError) {
      console.error(err.message);
      process.exit(err instanceof UsageError ? 2 : 1);
    }
    throw err;
  }
  console.log(`Foyer registry listening on ${r.url} (${o.databaseUrl ? 'PostgreSQL' : 'PGlite in ' + o.dataDir})`);
  if (r.publicUrl !== r.url) console.log(`Stations reach it at ${r.publicUrl}`);
  if (r.fingerprint) console.log(`Certificate fingerprint (SHA-256, stations pin it): ${r.fingerprint}`);
  if (r.adminTokenFile) console.log(`Admin token: ${r.adminTokenFile}`);
  else if (!o.adminToken) console.log('Admin tokens are kept (hashed) in the database; make another with: npm run registry:admin -- --data DIR token --new');
  const stop = async () => {
    await r.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
