// The app:// protocol handler serves only the built renderer (no traversal, no
// other host, CSP on every response), and the desktop app finds its parts and data.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbOpenError } from '../../db/connection';
import { dataArg, desktopPaths } from '../../electron/paths';
import { resolveAppPath, serveAppRequest } from '../../electron/protocol.main';
import { mimeTypeFor } from '../../node-shared/static-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { startupProblem } from '../../electron/startup-error';
import { tempDir } from '../helpers/station';

let base: string;
let root: string;

beforeAll(() => {
  base = tempDir('foyer-protocol-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Foyer</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'decoder.wasm'), Buffer.from([0, 97, 115, 109]));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'attendee list');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

describe('app:// protocol', () => {
  it('serves index.html for the root and for client-side routes, with the CSP header', async () => {
    for (const url of ['app://foyer/', 'app://foyer/index.html', 'app://foyer/search', 'app://foyer/rooms/plenary']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('<title>Foyer</title>');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves assets with their real type (wasm must be application/wasm to stream-compile)', async () => {
    const js = await get('app://foyer/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    const wasm = await get('app://foyer/assets/decoder.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it.each([
    'app://foyer/../secret.txt',
    'app://foyer/%2e%2e/secret.txt',
    'app://foyer/assets/%2e%2e/%2e%2e/secret.txt',
    'app://foyer/..%2fsecret.txt',
    'app://foyer/assets%2f..%2f..%2fsecret.txt',
    'app://foyer/..%5csecret.txt',
    'app://foyer/%00index.html',
    'app://foyer/%E0%A4%A.js',
    'app://foyer/assets/link.txt',
    'app://foyer/missing.js',
    'app://evil/index.html',
    'app://foyer.evil.com/index.html',
    'app://foyer:99/index.html',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('attendee list');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never resolves a path outside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://foyer/a/b/../../../../etc/passwd')).toSatisfy(
      (p: string | null) => p === null || p.startsWith(root + path.sep),
    );
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
    expect(resolveAppPath(root, 'app://x@foyer/index.html')).toBeNull(); // (a Request cannot even carry this)
    expect(resolveAppPath(root, 'app://foyer/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://foyer/index.html', 'POST')).status).toBe(405);
    expect((await get('app://foyer/index.html', 'PUT')).status).toBe(405);
    const head = await get('app://foyer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows the types the renderer ships', () => {
    expect(mimeTypeFor('a.css')).toMatch(/^text\/css/);
    expect(mimeTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

const builtRenderer = path.resolve(__dirname, '../../dist/renderer');

describe('the built renderer over app://', () => {
  it('serves index.html and every asset it and its assets reference, with the right types', async () => {
    // `npm test` builds the renderer first; run on its own, say what is missing instead of skipping.
    if (!fs.existsSync(path.join(builtRenderer, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (`npm test` does).');
    const html = await (await serveAppRequest(new Request('app://foyer/'), builtRenderer)).text();
    const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    const assets = fs.readdirSync(path.join(builtRenderer, 'assets')).map((f) => `assets/${f}`);
    expect(refs.length).toBeGreaterThan(0);
    for (const rel of new Set([...refs, ...assets])) {
      const res = await serveAppRequest(new Request(`app://foyer/${rel}`), builtRenderer);
      expect(res.status, rel).toBe(200);
      const type = res.headers.get('content-type')!;
      if (rel.endsWith('.js')) expect(type, rel).toMatch(/^text\/javascript/);
      if (rel.endsWith('.css')) expect(type, rel).toMatch(/^text\/css/);
      if (rel.endsWith('.wasm')) expect(type, rel).toBe('application/wasm');
      expect(type, rel).not.toBe('application/octet-stream');
    }
  });
});

describe('desktop paths', () => {
  const inputs = {
    isPackaged: false,
    appPath: '/repo',
    resourcesPath: '/opt/Foyer/resources',
    userData: '/home/u/.config/Foyer',
    argv: ['/usr/bin/electron', '.'],
    env: {},
  };

  it('development: data in userData/station, migrations from the repo', () => {
    const p = desktopPaths(inputs);
    expect(p.dataDir).toBe(path.join('/home/u/.config/Foyer', 'station'));
    expect(p.dataDirFromArgs).toBe(false);
    expect(p.migrations).toBe(path.join('/repo', 'db', 'migrations'));
    expect(p.renderer).toBe(path.join('/repo', 'dist', 'renderer'));
    expect(p.preload).toBe(path.join('/repo', 'dist-electron', 'preload.cjs'));
  });

  it('packaged: migrations from resources (extraResources), code from the asar', () => {
    const p = desktopPaths({ ...inputs, isPackaged: true, appPath: '/opt/Foyer/resources/app.asar' });
    expect(p.migrations).toBe(path.join('/opt/Foyer/resources', 'migrations'));
    expect(p.renderer).toBe(path.join('/opt/Foyer/resources/app.asar', 'dist', 'renderer'));
  });

  it('--data and FOYER_DATA_DIR choose another station folder', () => {
    expect(desktopPaths({ ...inputs, argv: ['e', '.', '--data', '/tmp/s2'] }).dataDir).toBe('/tmp/s2');
    expect(desktopPaths({ ...inputs, argv: ['e', '.', '--data=/tmp/s3'] })).toMatchObject({ dataDir: '/tmp/s3', dataDirFromArgs: true });
    expect(desktopPaths({ ...inputs, env: { FOYER_DATA_DIR: '/tmp/s4' } }).dataDir).toBe('/tmp/s4');
    expect(dataArg(['--data'])).toBeNull();
    expect(dataArg(['--data='])).toBeNull();
  });
});

describe('start-up problems', () => {
  it('shows the database sentence for a DbOpenError, never a stack', () => {
    const p = startupProblem(new DbOpenError('The station database is damaged and was not opened (x).', 'corrupt'), '/data');
    expect(p.message).toBe('The station database is damaged and was not opened (x).');
    expect(p.detail).toContain('/data');
    expect(p.detail).toMatch(/Nothing was changed/);
  });

  it('explains a native module built for the wrong runtime', () => {
    const err = new DbOpenError(
      'The station database could not be opened: The module better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115.',
      'other',
    );
    expect(startupProblem(err, '/data').message).toMatch(/database engine was not built for this version/);
  });

  it('gives a calm generic sentence for anything else', () => {
    const err = new TypeError("Cannot read properties of undefined (reading 'x')");
    const p = startupProblem(err, '/data');
    expect(p.message).toMatch(/could not start/);
    expect(`${p.message}${p.detail}`).not.toMatch(/TypeError|reading 'x'|\bat /);
  });
});
