// `npm run registry -- --data DIR --port P [--host 127.0.0.1]`
// Storage: embedded PGlite in DIR/pgdata, or DATABASE_URL=postgres://… for a real server.
// The admin token is written once to DIR/admin-token (mode 0600) unless FOYER_ADMIN_TOKEN
// is given; the registry keeps only its hash.
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { RegistryContext } from './context';
import { openRegistryDb } from './db';
import { LiveHub } from './live';
import { getMeta, setMeta } from './store';
import { hashSecret, newToken } from './tokens';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  host?: string;
  databaseUrl?: string;
  adminToken?: string;
  heartbeatMs?: number;
}

export async function startRegistry(o: StartOptions) {
  fs.mkdirSync(o.dataDir, { recursive: true });
  const db = await openRegistryDb({ dataDir: o.dataDir, databaseUrl: o.databaseUrl });
  let adminHash = await getMeta<string>(db.orm, 'adminTokenHash');
  const tokenFile = path.join(o.dataDir, 'admin-token');
  if (o.adminToken) {
    adminHash = hashSecret(o.adminToken);
    await setMeta(db.orm, 'adminTokenHash', adminHash);
  } else if (!adminHash || process.argv.includes('--reset-admin-token')) {
    const token = newToken();
    fs.writeFileSync(tokenFile, token + '\n', { mode: 0o600 });
    adminHash = hashSecret(token);
    await setMeta(db.orm, 'adminTokenHash', adminHash);
  }
  const live = new LiveHub(db);
  await live.start();
  const hash = adminHash;
  const ctx: RegistryContext = { db, orm: db.orm, live, now: Date.now, adminHash: () => hash, heartbeatMs: o.heartbeatMs ?? 15_000 };
  const app = createApp(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host ?? '127.0.0.1' }, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const url = `http://${o.host ?? '127.0.0.1'}:${port}`;
  fs.writeFileSync(path.join(o.dataDir, 'registry.json'), JSON.stringify({ url, pid: process.pid, database: db.kind }, null, 2));
  return {
    url,
    port,
    close: async () => {
      live.closeAll();
      await new Promise<void>((r) => server.close(() => r()));
      await db.close();
    },
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '') === path.resolve(new URL(import.meta.url).pathname).replace(/\.ts$/, '');
if (isMain) {
  const dataDir = arg('data');
  if (!dataDir) {
    console.error('Usage: npm run registry -- --data DIR --port P [--host 127.0.0.1]');
    process.exit(2);
  }
  const r = await startRegistry({
    dataDir,
    port: Number(arg('port') ?? 8787),
    host: arg('host'),
    databaseUrl: process.env.DATABASE_URL,
    adminToken: process.env.FOYER_ADMIN_TOKEN,
    heartbeatMs: process.env.FOYER_HEARTBEAT_MS ? Number(process.env.FOYER_HEARTBEAT_MS) : undefined,
  });
  console.log(`Foyer registry listening on ${r.url} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in ' + dataDir})`);
  if (!process.env.FOYER_ADMIN_TOKEN) console.log(`Admin token: ${path.join(dataDir, 'admin-token')}`);
  const stop = async () => {
    await r.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
