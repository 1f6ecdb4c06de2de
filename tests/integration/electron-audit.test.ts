// `npm run audit:electron` (Electronegativity) passes on the project as it is, and
// fails, naming the check, when a copy of it gets a classic Electron mistake.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/station';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/audit-electron.mjs');

function audit(args: string[] = []) {
  const res = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status, out: `${res.stdout}\n${res.stderr}` };
}

/** A copy of what the audit reads, for planting mistakes. */
function copyProject(): string {
  const dir = tempDir('foyer-audit-');
  const skip = (src: string) => !src.split(path.sep).includes('node_modules');
  for (const p of ['electron', 'renderer', 'docs', 'scripts']) fs.cpSync(path.join(root, p), path.join(dir, p), { recursive: true, filter: skip });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

describe('Electronegativity audit', () => {
  it('passes on the project: every finding is fixed or accepted with a documented reason', () => {
    const { code, out } = audit();
    expect(out).toMatch(/No (unexpected )?findings\./);
    expect(code, out).toBe(0);
  });

  it('fails on a window without isolation or sandbox and a shell.openExternal of page input', () => {
    const dir = copyProject();
    fs.writeFileSync(
      path.join(dir, 'electron/bad-window.ts'),
      `import { BrowserWindow, shell } from 'electron';
export function bad(url: string) {
  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  shell.openExternal(url);
  return w;
}
`,
    );
    const { code, out } = audit(['--root', dir]);
    expect(code, out).toBe(1);
    expect(out).toMatch(/CONTEXT_ISOLATION_JS_CHECK in electron\/bad-window\.ts/);
    expect(out).toMatch(/SANDBOX_JS_CHECK in electron\/bad-window\.ts/);
    expect(out).toMatch(/OPEN_EXTERNAL_JS_CHECK in electron\/bad-window\.ts/);
  });

  it('fails when an accepted finding is not explained in docs/security.md', () => {
    const dir = copyProject();
    const doc = path.join(dir, 'docs/security.md');
    fs.writeFileSync(doc, fs.readFileSync(doc, 'utf8').replaceAll('PRELOAD_JS_CHECK', 'a preload check'));
    const { code, out } = audit(['--root', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/PRELOAD_JS_CHECK is accepted .* but not explained in docs\/security\.md/);
  });
});
