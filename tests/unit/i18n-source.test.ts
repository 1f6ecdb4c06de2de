// Every word a person reads in the renderer and in the organiser console goes through i18next: no
// text is written into a screen's JSX (children, aria-label, title, placeholder, alt), there is
// one translation system per UI (no hand-made word tables beside it), and every key in a catalog
// is asked for somewhere (by its UI, or by the station for the words it writes itself: exports).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resources as consoleResources } from '../../console/src/i18n/catalog';
import { resources as rendererResources } from '../../renderer/src/i18n/index';

const repo = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}
const parse = (base: string) => (file: string) => ({
  file: path.relative(base, file),
  ast: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
});

/** Each UI: its sources, its catalog, and where its keys are asked for (the station also writes words itself: exports). */
const UIS = [
  { name: 'renderer', root: 'renderer/src', resources: rendererResources, askedIn: ['renderer/src', 'station', 'core', 'registry', 'node-shared'], catalog: /^(renderer\/src\/i18n|core\/i18n)\/(en|de|fr|ru)(\/|\.ts$)/ },
  { name: 'console', root: 'console/src', resources: consoleResources, askedIn: ['console/src'], catalog: /^console\/src\/i18n\/(en|de|fr|ru)\// },
] as const;

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** Text a person reads: letters, not just '−1', '/', '←' or '·'. */
const hasWords = (s: string) => /\p{L}{2,}/u.test(s);
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);

for (const ui of UIS) {
  const files = sources(path.join(repo, ui.root)).map(parse(path.join(repo, ui.root)));
  const askers = ui.askedIn.flatMap((d) => sources(path.join(repo, d)).map(parse(repo)));
  const catalogFile = (f: string) => ui.catalog.test(f);
  const resources = ui.resources;

  describe(`${ui.name} source`, () => {
    it('writes no user-facing text into JSX: every word comes from t()', () => {
      const found: string[] = [];
      for (const { file, ast } of files) {
        if (!file.endsWith('.tsx')) continue;
        walk(ast, (n) => {
          const at = () => `${file}:${ast.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
          if (ts.isJsxText(n) && hasWords(n.text)) found.push(`${at()} text "${n.text.trim()}"`);
          if (ts.isJsxAttribute(n) && READ_ATTRIBUTES.has(n.name.getText()) && n.initializer) {
            const v = n.initializer;
            const literal = ts.isStringLiteral(v) ? v : ts.isJsxExpression(v) && v.expression && ts.isStringLiteralLike(v.expression) ? v.expression : null;
            if (literal && hasWords(literal.text)) found.push(`${at()} ${n.name.getText()}="${literal.text}"`);
          }
          // {'Full screen'} as a child
          if (ts.isJsxExpression(n) && n.expression && ts.isStringLiteralLike(n.expression) && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent)) && hasWords(n.expression.text)) {
            found.push(`${at()} text {"${n.expression.text}"}`);
          }
        });
      }
      expect(found).toEqual([]);
    });

    it('has one translation system: no word tables of its own beside the i18next catalog', () => {
      // A table of translations is an object whose keys are language codes, or a function that
      // picks a table by the current language; both belong in renderer/src/i18n.
      const tables: string[] = [];
      for (const { file, ast } of files) {
        if (file.startsWith('i18n/')) continue;
        walk(ast, (n) => {
          if (ts.isObjectLiteralExpression(n)) {
            const perLanguage = n.properties.filter((p) => p.name && ['de', 'fr', 'ru'].includes(p.name.getText().replace(/['"]/g, '')));
            // NATIVE_NAMES-like maps of one word per language are fine; tables of words are not.
            if (perLanguage.length >= 2 && perLanguage.some((p) => !ts.isPropertyAssignment(p) || !ts.isStringLiteralLike(p.initializer))) {
              tables.push(`${file}:${ast.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
            }
          }
        });
      }
      expect(tables).toEqual([]);
      expect(files.map((f) => f.file).filter((f) => /(^|\/)words\.ts$/.test(f))).toEqual([]);
    });

    it('asks for every key of the catalog somewhere (no dead words for translators)', () => {
      const exact = new Set<string>();
      const prefixes = new Set<string>();
      for (const { file, ast } of askers) {
        if (catalogFile(file)) continue;
        walk(ast, (n) => {
          if (ts.isStringLiteralLike(n)) exact.add(n.text);
          if (ts.isTemplateExpression(n) && n.head.text.endsWith('.')) prefixes.add(n.head.text);
        });
      }
      const keys: string[] = [];
      const collect = (tree: object, prefix: string) => {
        for (const [k, v] of Object.entries(tree)) {
          if (typeof v === 'string') keys.push(prefix + k.replace(/_(zero|one|two|few|many|other)$/, ''));
          else collect(v as object, `${prefix}${k}.`);
        }
      };
      collect(resources.en, '');
      const unused = [...new Set(keys)].filter((k) => !exact.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
      expect(unused).toEqual([]);
    });
  });
}
