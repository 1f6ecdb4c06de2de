// `npm run bench [-- --quick | --soak] [--only area]`: runs every bench/*.bench.ts module,
// prints one table (figure, unit, ratio against an anchor measured in the same run)
// and writes bench-results.json for comparison between commits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { argsProblem } from '../node-shared/args';
import { describeTarget, meetsTarget, type BenchModule, type BenchRow } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'Usage: npm run bench [-- --quick | --soak] [--only AREA]';
let flags;
try {
  ({ values: flags } = parseArgs({
    args: process.argv.slice(2),
    options: { quick: { type: 'boolean' }, soak: { type: 'boolean' }, only: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  console.error(`${argsProblem(err)} ${USAGE}`);
  process.exit(2);
}
const soak = !!flags.soak;
const quick = !!flags.quick && !soak;
const only = flags.only;

const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark module matches --only ${only}: the modules are ${fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', '')).join(', ')}.`);
  process.exit(2);
}

const machine = {
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  date: new Date().toISOString(),
  /** 1-minute load average when the run started: timings on a machine shared with other work are noisy. */
  loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
};

const rows: BenchRow[] = [];
/** Wall time of each module (s), printed and kept in bench-results.json. */
const durations: Record<string, number> = {};
const started = Date.now();
for (const f of files) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `foyer-bench-${f.replace('.bench.ts', '')}-`));
  const t = Date.now();
  process.stderr.write(`running ${f}…\n`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: BenchModule };
    const got = await mod.default({ quick, soak, tmp });
    rows.push(...got);
  } catch (err) {
    rows.push({ area: f.replace('.bench.ts', ''), name: 'the whole module', value: NaN, unit: '', failed: String((err as Error).message ?? err) });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const took = (Date.now() - t) / 1000;
  durations[f.replace('.bench.ts', '')] = Math.round(took * 10) / 10;
  process.stderr.write(`  ${f} took ${took.toFixed(1)} s\n`);
}

const fmt = (x: number | undefined) =>
  x === undefined ? '' : Number.isNaN(x) ? 'n/a' : Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3);
const met = (r: BenchRow) => ({ true: 'yes', false: 'NO', undefined: '' })[String(meetsTarget(r)) as 'true' | 'false' | 'undefined'];
const table = rows.map((r) => [
  r.area,
  r.name,
  r.failed ? 'FAILED' : fmt(r.value),
  r.unit,
  r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
  r.vs ?? '',
  describeTarget(r),
  met(r),
  r.failed ? r.failed.split('\n')[0]!.slice(0, 200) : (r.note ?? ''),
]);
const head = ['area', 'figure', 'value', 'unit', 'ratio', 'vs', 'target', 'met', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
const loadNow = Math.round(os.loadavg()[0]! * 10) / 10;
console.log(`\nFoyer benchmark — ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage} at start, ${loadNow} at end`);
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
const wallS = Math.round((Date.now() - started) / 1000);
const mode = quick ? 'quick' : soak ? 'soak' : 'full';
console.log(`\n${rows.length} figures in ${wallS} s (${mode}); per module: ${Object.entries(durations).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ')}`);
const targets = rows.filter((r) => r.target && !r.failed);
const missed = targets.filter((r) => meetsTarget(r) === false);
console.log(`targets: ${targets.length - missed.length} of ${targets.length} met${missed.length ? ` (missed: ${missed.map((r) => `${r.area} / ${r.name}`).join('; ')})` : ''}`);
fs.writeFileSync(
  'bench-results.json',
  JSON.stringify({ machine, mode, quick, wallSeconds: wallS, moduleSeconds: durations, rows: rows.map((r) => (r.target ? { ...r, met: meetsTarget(r) } : r)) }, null, 2),
);
// A figure that could not be measured fails the run, so a script or CI cannot mistake it for a result.
const failed = rows.filter((r) => r.failed);
if (failed.length > 0) {
  console.error(`\n${failed.length} figure${failed.length === 1 ? '' : 's'} FAILED:`);
  for (const r of failed) console.error(`  ${r.area} / ${r.name}: ${r.failed}`);
  process.exitCode = 1;
}
