// Command lines on node:util parseArgs (the registry server, the benchmark): flags in any
// order, a flag's value never taken for another flag, and a mistyped or incomplete command
// line is one sentence with the usage — nothing starts half-configured (before, unknown flags
// were ignored and `--host --tls` read "--tls" as the host).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE, UsageError, parseServerArgs } from '../../registry/server';
import { tempDir } from '../../testkit/temp';

const root = path.resolve(__dirname, '../..');

describe('registry command line', () => {
  it('reads every flag, in any order; storage and secrets come from the environment', () => {
    const o = parseServerArgs(
      ['--tls', '--max-clock-ahead', '10', '--data', '/srv/foyer', '--public-url', 'https://registry.example.org', '--port', '9443', '--host', '0.0.0.0', '--reset-admin-token'],
      { DATABASE_URL: 'postgres://foyer@db/foyer', FOYER_ADMIN_TOKEN: 'secret' },
    );
    expect(o).toMatchObject({
      dataDir: '/srv/foyer',
      port: 9443,
      host: '0.0.0.0',
      tls: true,
      publicUrl: 'https://registry.example.org',
      maxClockAheadMs: 600_000,
      resetAdminToken: true,
      databaseUrl: 'postgres://foyer@db/foyer',
      adminToken: 'secret',
    });
    expect(parseServerArgs(['--data', 'd'])).toMatchObject({ dataDir: 'd', port: 8787, host: undefined, tls: undefined, databaseUrl: undefined });
  });

  it('a mistyped, incomplete or stray argument is a sentence with the usage', () => {
    const refusal = (argv: string[]) => {
      try {
        parseServerArgs(argv);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        expect((err as Error).message.endsWith(USAGE)).toBe(true);
        expect((err as Error).message).not.toContain('\n');
        return (err as Error).message;
      }
      throw new Error(`${argv.join(' ')} was accepted`);
    };
    expect(refusal(['--data', 'd', '--prot', '9000'])).toMatch(/^Unknown option '--prot'\. Usage/);
    expect(refusal(['--data', 'd', '--port'])).toMatch(/^Option '--port <value>' argument missing\. Usage/);
    // The old reader took "--tls" as the host here and started without TLS.
    expect(refusal(['--data', 'd', '--host', '--tls'])).toMatch(/^Option '--host' argument is ambiguous/);
    expect(refusal(['--data', 'd', 'extra'])).toMatch(/^Unexpected argument 'extra'/);
    expect(refusal(['--port', '9000'])).toMatch(/^Which data folder\?/);
  });

  it('the real registry refuses a mistyped flag with exit status 2, one line, and creates nothing', () => {
    const dir = path.join(tempDir('foyer-reg-args-'), 'registry');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'registry/server.ts'), '--data', dir, '--prot', '9000'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', FOYER_ADMIN_TOKEN: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`Unknown option '--prot'. ${USAGE}`]);
    expect(fs.existsSync(dir)).toBe(false);
  }, 60_000);
});

describe('benchmark command line', () => {
  const bench = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('a mistyped flag or a missing area is a sentence with the usage, before any benchmark runs', () => {
    const typo = bench('--qick');
    expect(typo.status).toBe(2);
    expect(typo.stderr.trim()).toBe("Unknown option '--qick'. Usage: npm run bench [-- --quick | --soak] [--only AREA]");
    const bare = bench('--only');
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^Option '--only <value>' argument missing\. Usage/);
    expect(`${typo.stderr}${bare.stderr}`).not.toMatch(/running /);
  }, 60_000);
});
