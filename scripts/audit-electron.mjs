// `npm run audit:electron`: Electronegativity (Doyensec's Electron security linter)
// over electron/ and renderer/ (TypeScript sources; it parses TS and TSX). Every
// finding must either be fixed or be listed in scripts/electronegativity-accepted.json
// with the reason it does not apply (mirrored in docs/security.md). Exits 1 on any
// other finding, on a file it could not parse, or when an accepted check is not
// explained in docs/security.md; exits 2 when the tool itself fails. Runs offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `--root DIR` audits another checkout (tests use a copy with a planted mistake).
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 && process.argv[rootArg + 1] ? path.resolve(process.argv[rootArg + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Needs the network (a list of Electron releases); the Electron version is kept
// current through package.json updates instead.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Copies what the desktop app runs: the main process + preload, the renderer, and package.json (for the Electron version). */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-electronegativity-'));
  const skip = (src) => !src.split(path.sep).includes('node_modules');
  fs.cpSync(path.join(root, 'electron'), path.join(dir, 'electron'), { recursive: true, filter: skip });
  fs.cpSync(path.join(root, 'renderer'), path.join(dir, 'renderer'), { recursive: true, filter: skip });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

async function main() {
  const accepted = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-accepted.json'), 'utf8')).accepted;
  const securityDoc = fs.readFileSync(path.join(root, 'docs/security.md'), 'utf8');
  const run = require('@doyensec/electronegativity');
  const input = stage();
  let result;
  const log = console.log;
  try {
    console.log = () => {}; // its progress chatter ("No connectivity?") is not a finding
    result = await run({ input, isRelative: true, excludeFromScan: EXCLUDED_CHECKS });
  } finally {
    console.log = log;
    fs.rmSync(input, { recursive: true, force: true });
  }

  // Not a finding: the Electron version it read from package.json (normally consumed
  // by the excluded release check).
  const versions = result.issues.filter((i) => i.id === 'ELECTRON_VERSION_JSON_CHECK').map((i) => i.properties?.versionNumber);
  const issues = result.issues.filter((i) => i.id !== 'ELECTRON_VERSION_JSON_CHECK');

  const problems = [];
  const rows = [];
  for (const issue of issues) {
    const file = issue.file.split(path.sep).join('/');
    const ok = accepted.find((a) => a.check === issue.id && a.file === file);
    rows.push({ ok, line: `${issue.id} ${file}:${issue.location.line}:${issue.location.column} [${issue.severity.name}/${issue.confidence.name}]` });
    if (!ok) problems.push(`${issue.id} in ${file}:${issue.location.line} — ${issue.description}\n    ${String(issue.sample ?? '').trim().slice(0, 160)}`);
  }
  for (const err of result.errors) {
    if (!err.tolerable) problems.push(`could not parse ${err.file}: ${err.message} (unparsed code is unaudited code)`);
  }
  for (const a of accepted) {
    if (!securityDoc.includes(a.check)) problems.push(`${a.check} is accepted in scripts/electronegativity-accepted.json but not explained in docs/security.md`);
  }
  const stale = accepted.filter((a) => !issues.some((i) => i.id === a.check && i.file.split(path.sep).join('/') === a.file));

  console.log(
    `Electronegativity: ${result.globalChecks} global + ${result.atomicChecks} atomic checks over electron/ and renderer/` +
      (versions.length ? ` (Electron ${versions.join(', ')}).` : '.'),
  );
  for (const r of rows) console.log(`  ${r.ok ? 'accepted' : 'FINDING '}  ${r.line}${r.ok ? `\n            ↳ ${r.ok.reason}` : ''}`);
  for (const s of stale) console.log(`  note: ${s.check} in ${s.file} is no longer reported; remove it from scripts/electronegativity-accepted.json.`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} unexpected Electronegativity result(s). Fix them, or accept them with a reason in`);
    console.error('scripts/electronegativity-accepted.json and docs/security.md:\n');
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(rows.length === 0 ? 'No findings.' : 'No unexpected findings.');
}

main().catch((err) => {
  console.error(`audit:electron could not run Electronegativity: ${err?.message ?? err}`);
  process.exit(2);
});
