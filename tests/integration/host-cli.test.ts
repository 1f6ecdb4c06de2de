// `npm run start:web` as a user runs it: a real process on a data folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runHostCli, startHostProcess, type HostProcess } from '../../testkit/host';
import { tempDir } from '../helpers/station';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)/m);

describe('headless host CLI', () => {
  const running: HostProcess[] = [];
  afterAll(async () => {
    for (const h of running) await h.stop('SIGKILL');
  });

  it('prints {url, port} as a JSON line and serves the API with a fresh token per run', async () => {
    const h = await startHostProcess();
    running.push(h);
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/#token=[\\w-]{20,}$`));
    const status = await h.call<{ event: { name: string } }>('station.status');
    expect(status.ok && status.value.event.name).toMatch(/Alliance against Trafficking/);
    // A second run gets a different token.
    const h2 = await startHostProcess();
    running.push(h2);
    expect(h2.token).not.toBe(h.token);
    expect((await fetch(`${h2.origin}/api/call`, { method: 'POST', headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' }, body: '{"method":"station.status"}' })).status).toBe(401);
  });

  it('closes the database cleanly on SIGTERM and keeps what was scanned', async () => {
    const h = await startHostProcess();
    const scan = await h.call<{ verdict: string }>('checkin.scan', { text: 'A23-NOSUCH' });
    expect(scan.ok && scan.value.verdict).toBe('refused');
    expect(await h.stop('SIGTERM')).toBe(0);
    expect(h.stderr()).toMatch(/stopped/);
    // The last connection checkpointed and removed the WAL: everything is in the main file.
    expect(fs.existsSync(path.join(h.dataDir, 'foyer.sqlite-wal'))).toBe(false);
    const again = await startHostProcess({ dataDir: h.dataDir });
    running.push(again);
    const recent = await again.call<unknown[]>('checkin.recent', {});
    expect(recent.ok && recent.value.length).toBe(1);
  });

  it('a damaged database prints a sentence and exits 1, without a stack trace', async () => {
    const dir = tempDir('foyer-bad-');
    fs.writeFileSync(path.join(dir, 'station.json'), '{}');
    fs.writeFileSync(path.join(dir, 'foyer.sqlite'), 'this is not a database '.repeat(200));
    const r = await runHostCli(['--data', dir, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
    expect(r.stdout).toBe('');
    noStackTrace(r.stderr);
  });

  it('a data folder that lost its database is an error, never a silent empty start', async () => {
    const dir = tempDir('foyer-lost-');
    fs.writeFileSync(path.join(dir, 'station.json'), '{}');
    const r = await runHostCli(['--data', dir, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing/);
    expect(fs.existsSync(path.join(dir, 'foyer.sqlite'))).toBe(false);
    noStackTrace(r.stderr);
  });

  it('a person\'s terminal gets one sentence with the address; the {url, port} JSON line only with --json', async () => {
    const started = async (json: boolean) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'station/host/cli.ts'), '--data', tempDir('foyer-cli-out-'), '--port', '0', ...(json ? ['--json'] : [])], { cwd: repoRoot });
      let out = '';
      proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; i < 600 && !/is ready/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      return out.trim().split('\n');
    };
    const plain = await started(false);
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/^Foyer station ".+" \(.+\) is ready: open http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const scripted = await started(true);
    expect(JSON.parse(scripted[0]!)).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/), port: expect.any(Number) });
    expect(scripted[1]).toMatch(/is ready: open/);
  });

  it('a port in use and bad arguments get a clear sentence', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = await runHostCli(['--data', tempDir('foyer-port-'), '--port', String(port)]);
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`Port ${port} is already in use`));
    noStackTrace(r.stderr);
    const bad = await runHostCli(['--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a number/);
  });
});
