// Enforces docs/architecture.md "What runs where" by reading it: each folder imports only the
// project folders its row allows, none of the packages it must never import, the demo only from
// the files listed under "Where the demo starts"; the table names every top folder with code;
// no file imports itself round a loop; every path the docs name exists; and the repository is
// self-contained (a user's clone has nothing beside it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
const CODE = /\.(ts|tsx|mjs|cjs|js)$/;

/** Words the table uses for packages a folder must never import. */
const PACKAGE_WORDS: Record<string, RegExp> = {
  Electron: /^electron$/,
  React: /^react(-dom)?(\/|$)/,
  '`node:*`': /^node:/,
  'better-sqlite3': /^better-sqlite3$/,
  drizzle: /^drizzle-orm(\/|$)/,
};

interface Row {
  folder: string;
  mayImport: string[];
  neverFolders: string[];
  neverPackages: RegExp[];
}

const folderTokens = (cell: string) => [...cell.matchAll(/`([\w-]+)\/`/g)].map((m) => m[1]!);

function section(title: string): string {
  const start = doc.indexOf(title);
  if (start < 0) throw new Error(`docs/architecture.md has no "${title}" section.`);
  const next = doc.slice(start + title.length).search(/\n#{2,3} /);
  return next < 0 ? doc.slice(start) : doc.slice(start, start + title.length + next);
}

const rows: Row[] = section('## What runs where')
  .split('\n')
  .filter((l) => /^\| `[\w-]+\/` \|/.test(l))
  .map((l) => {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    const never = cells[3] ?? '';
    return {
      folder: folderTokens(cells[0]!)[0]!,
      mayImport: folderTokens(cells[2] ?? ''),
      neverFolders: folderTokens(never),
      neverPackages: Object.entries(PACKAGE_WORDS)
        .filter(([word]) => never.split(',').some((part) => part.trim().replace(/ \(.*\)$/, '') === word))
        .map(([, re]) => re),
    };
  });

/** Files that may import resources/ because they start a demo. */
const demoEntryPoints = [...section('### Where the demo starts').matchAll(/`([\w/.-]+\.tsx?)`/g)].map((m) => m[1]!);

/** Top folders git would hold: not hidden, not ignored build output. */
function topFolders(): string[] {
  const ignored = fs
    .readFileSync(path.join(root, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/\/$/, ''))
    .filter((l) => l && !l.includes('*'));
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !ignored.includes(d.name))
    .map((d) => d.name);
}

function files(dir: string, ext = CODE): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

/** Resolves a relative import to the project file it names (null for packages). */
function resolveFile(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec));
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx'), base]) {
    if (CODE.test(c) && fs.existsSync(path.join(root, c))) return c;
  }
  return null;
}

/** Resolves a relative import to its top-level project folder. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(path.join(root, file)), spec);
  return path.relative(root, abs).split(path.sep)[0] ?? null;
}

describe('architecture: docs/architecture.md is what the imports do', () => {
  it('the table has one row for every top folder that holds code, and no other', () => {
    const withCode = topFolders().filter((d) => files(d).length > 0);
    expect(rows.map((r) => r.folder).sort()).toEqual(withCode.sort());
  });

  it('the table never both allows and forbids a folder, and every demo entry point exists', () => {
    for (const r of rows) expect(r.mayImport.filter((f) => r.neverFolders.includes(f)), r.folder).toEqual([]);
    expect(demoEntryPoints.length).toBeGreaterThan(0);
    for (const f of demoEntryPoints) expect(fs.existsSync(path.join(root, f)), f).toBe(true);
  });

  for (const row of rows) {
    it(`${row.folder}/ imports only what its row allows`, () => {
      const bad: string[] = [];
      for (const f of files(row.folder)) {
        for (const spec of imports(f)) {
          const t = targetFolder(f, spec);
          if (t && t !== row.folder && !row.mayImport.includes(t) && !(t === 'resources' && demoEntryPoints.includes(f))) bad.push(`${f} → ${spec}`);
          if (!spec.startsWith('.') && row.neverPackages.some((re) => re.test(spec))) bad.push(`${f} → ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  // A cycle, even a type-only one, means two files each need the other to be understood:
  // the shared part belongs in one of them, or in a third.
  it('no import cycles between files', () => {
    const graph = new Map<string, string[]>();
    for (const { folder } of rows) {
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

describe('docs follow code', () => {
  it('every project file or folder docs/*.md and README.md name (in backticks) exists', () => {
    const tops = new Set(topFolders());
    const docs = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];
    const missing: string[] = [];
    for (const d of docs) {
      for (const m of fs.readFileSync(path.join(root, d), 'utf8').matchAll(/`([\w.-]+\/[\w./-]*)`/g)) {
        const p = m[1]!;
        if (tops.has(p.split('/')[0]!) && !fs.existsSync(path.join(root, p))) missing.push(`${d}: ${p}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('tests, test kit and benchmark', () => {
  it('nothing reads a path outside the repository (no ../shared, no /work/…)', () => {
    const bad: string[] = [];
    for (const f of rows.flatMap((r) => files(r.folder, /\.(ts|tsx|mjs|cjs|js|sh)$/))) {
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
