// Enforces docs/architecture.md "What runs where": folder import boundaries, and that the
// repository is self-contained (a user's clone has nothing beside it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function files(dir: string, ext = /\.(ts|tsx)$/): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

/** Resolves a relative import to the project file it names (null for packages). */
function resolveFile(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec));
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx'), base]) {
    if (/\.tsx?$/.test(c) && fs.existsSync(path.join(root, c))) return c;
  }
  return null;
}

/** Resolves a relative import to its top-level project folder. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(path.join(root, file)), spec);
  return path.relative(root, abs).split(path.sep)[0] ?? null;
}

const rules: Record<string, { folders: string[]; packages: RegExp[] }> = {
  core: { folders: ['db', 'station', 'electron', 'renderer', 'registry', 'node-shared'], packages: [/^electron$/, /^react/, /^node:/, /^better-sqlite3$/] },
  db: { folders: ['station', 'electron', 'renderer', 'registry'], packages: [/^electron$/, /^react/] },
  station: { folders: ['electron', 'renderer', 'registry'], packages: [/^electron$/, /^react/] },
  renderer: { folders: ['db', 'station', 'electron', 'registry', 'node-shared'], packages: [/^electron$/, /^node:/, /^better-sqlite3$/, /^drizzle-orm/] },
  registry: { folders: ['db', 'station', 'electron', 'renderer'], packages: [/^electron$/, /^react/] },
  electron: { folders: ['renderer', 'registry'], packages: [/^react/] },
  'node-shared': { folders: ['db', 'station', 'electron', 'renderer', 'registry'], packages: [/^electron$/, /^react/, /^better-sqlite3$/] },
};

describe('architecture boundaries', () => {
  for (const [folder, rule] of Object.entries(rules)) {
    it(`${folder}/ imports only what it may`, () => {
      const bad: string[] = [];
      for (const f of files(folder)) {
        for (const spec of imports(f)) {
          const t = targetFolder(f, spec);
          if (t && rule.folders.includes(t)) bad.push(`${f} → ${spec}`);
          if (!spec.startsWith('.') && rule.packages.some((re) => re.test(spec))) bad.push(`${f} → ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  // A cycle, even a type-only one, means two files each need the other to be understood:
  // the shared part belongs in one of them, or in a third.
  it('no import cycles between files', () => {
    const graph = new Map<string, string[]>();
    for (const folder of Object.keys(rules)) {
      for (const f of files(folder)) {
        graph.set(f, imports(f).map((s) => resolveFile(f, s)).filter((t): t is string => t !== null));
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});

const PRODUCT = ['core', 'db', 'station', 'electron', 'renderer', 'registry', 'node-shared', 'resources'];

describe('tests, test kit and benchmark', () => {
  it('product code never imports tests/, testkit/ or bench/', () => {
    const bad = PRODUCT.flatMap((d) => files(d)).flatMap((f) => imports(f).filter((s) => ['tests', 'testkit', 'bench'].includes(targetFolder(f, s) ?? '')).map((s) => `${f} → ${s}`));
    expect(bad).toEqual([]);
  });

  it('bench/ and testkit/ never import tests/: what both need lives in testkit/', () => {
    const bad = [...files('bench'), ...files('testkit')].flatMap((f) => imports(f).filter((s) => targetFolder(f, s) === 'tests').map((s) => `${f} → ${s}`));
    expect(bad).toEqual([]);
  });

  it('nothing reads a path outside the repository (no ../shared, no /work/…)', () => {
    const bad: string[] = [];
    for (const f of ['tests', 'testkit', 'bench', 'scripts', ...PRODUCT].flatMap((d) => files(d, /\.(ts|tsx|mjs|cjs|js|sh)$/))) {
      if (f.startsWith(path.join('tests', 'unit', 'architecture.test.ts'))) continue;
      const src = fs.readFileSync(path.join(root, f), 'utf8');
      // Every relative path literal, resolved from the file's folder, must stay inside the repository.
      for (const m of src.matchAll(/['"`]((?:\.\.\/)+[^'"`$]*)['"`]/g)) {
        const rel = path.relative(root, path.resolve(path.dirname(path.join(root, f)), m[1]!));
        if (rel.startsWith('..')) bad.push(`${f}: ${m[1]}`);
      }
      for (const m of src.matchAll(/\.\.\/shared\b|['"`]\/work\/[^'"`]*/g)) bad.push(`${f}: ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });
});
