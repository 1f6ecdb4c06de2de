// `npm test`'s runner (Node, runs on the developer's machine or CI; never shipped).
// Integration files run one at a time (their ports, processes and timings are their own), and so do
// end-to-end files; but an integration file spends most of its time waiting on the processes it
// started, so the whole suite runs as two vitest processes side by side:
//   integration            |  unit (two workers), then e2e
// which keeps both cores busy and takes CI from ~11 to ~6 minutes of test time. Output is streamed
// with a tag per lane, and the combined totals are printed last in vitest's own format (.ci/run reads it).
// With arguments (`npm test -- tests/unit/foo.test.ts`) it is plain `vitest run <args>`.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const args = process.argv.slice(2);

if (args.length > 0) {
  const child = spawn(process.execPath, [...vitest, ...args], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  // Lane balance (measured on a clean CI run: integration 763 s, unit+e2e 617 s): the registry's
  // production checks run in the second lane, after the e2e files.
  const moved = ['tests/integration/registry-production.test.ts'];
  const lanes = [
    { tag: 'integration', projects: ['integration'], extra: moved.flatMap((f) => ['--exclude', f]) },
    { tag: 'unit+e2e   ', projects: ['unit', 'e2e', 'integration'], extra: ['tests/unit/', 'tests/e2e/', ...moved] },
  ];
  const results = await Promise.all(lanes.map(runLane));
  const sum = (k) => results.reduce((a, r) => a + r.totals[k], 0);
  const failed = sum('failed'), passed = sum('passed'), skipped = sum('skipped');
  const parts = [failed && `${failed} failed`, `${passed} passed`, skipped && `${skipped} skipped`].filter(Boolean);
  console.log(`\n all lanes:\n      Tests  ${parts.join(' | ')} (${failed + passed + skipped})`);
  const bad = results.filter((r) => r.code !== 0);
  for (const r of bad) console.log(` lane "${r.tag.trim()}" failed (exit ${r.code}); its failures are listed above with its tag.`);
  process.exit(bad.length ? 1 : 0);
}

/** One vitest process; every line tagged; its "Tests" totals parsed from its summary. */
function runLane({ tag, projects, extra }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...vitest, ...projects.flatMap((p) => ['--project', p]), ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    const totals = { failed: 0, passed: 0, skipped: 0 };
    const onLine = (line) => {
      process.stdout.write(`[${tag}] ${line}\n`);
      // eslint-disable-next-line no-control-regex
      const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
      if (/^\s+Tests\s/.test(plain)) {
        for (const k of Object.keys(totals)) totals[k] = Number(plain.match(new RegExp(`(\\d+) ${k}`))?.[1] ?? 0);
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('close', (code, signal) => resolve({ tag, totals, code: code ?? (signal ? 1 : 0) }));
  });
}
