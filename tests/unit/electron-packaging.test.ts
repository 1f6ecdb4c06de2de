// The desktop packaging config: valid for electron-builder, all five targets, the
// native module unpacked, migrations where the packaged app looks for them, a
// camera-only macOS entitlement, hardened Electron fuses, and a real 512 px icon.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopPaths } from '../../electron/paths';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: (string | { filter: string[] })[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; entitlements: string; extendInfo: Record<string, string> };
}

let config: BuilderConfig;

beforeAll(async () => {
  // electron-builder's own loader and schema validation (what `electron-builder` runs first).
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('electron-builder.yml', () => {
  it('names the app and passes electron-builder schema validation', () => {
    expect(config.productName).toBe('Foyer');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
  });

  it('builds Windows NSIS + portable, Linux AppImage + deb, macOS dmg', () => {
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
  });

  it('packs the renderer, the bundled main process and package.json, whose main it points at', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    const patterns = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(patterns).toEqual(expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*', 'package.json']));
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });

  it('unpacks better-sqlite3 from the asar and rebuilds native modules for Electron', () => {
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('ships the migrations where the packaged app reads them', () => {
    const res = config.extraResources.find((r) => r.from === 'db/migrations');
    expect(res).toBeDefined();
    const packaged = desktopPaths({
      isPackaged: true,
      appPath: '/opt/Foyer/resources/app.asar',
      resourcesPath: '/opt/Foyer/resources',
      userData: '/u',
      argv: [],
      env: {},
    });
    expect(packaged.migrations).toBe(path.join('/opt/Foyer/resources', res!.to));
    expect(fs.existsSync(path.join(root, 'db/migrations/meta/_journal.json'))).toBe(true);
  });

  it('flips the Electron fuses that turn the app into a general Node runtime off', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('macOS: explains the camera and is entitled to the camera only (no microphone)', () => {
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/i);
    const plist = fs.readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.device.camera');
    expect(plist).not.toContain('audio-input');
    expect(plist).not.toMatch(/network\.server/);
  });

  it('has a 512×512 PNG icon (and its SVG source) for every platform', () => {
    for (const icon of [config.win.icon, config.linux.icon, config.mac.icon]) {
      const png = fs.readFileSync(path.join(root, icon));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.subarray(12, 16).toString()).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
    expect(fs.readFileSync(path.join(root, 'resources/icons/icon.svg'), 'utf8')).toMatch(/<svg[^>]+viewBox="0 0 512 512"/);
  });
});
