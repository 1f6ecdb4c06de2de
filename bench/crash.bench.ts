// Crash safety over many seeds (issue 7): the headless host SIGKILLed at a random point of a
// burst of 1,000 scans, restarted, and checked (testkit/crash-scenario.ts). The figure
// that matters is "acknowledged scans lost" — it must be 0; the ratio is against that limit
// in the only meaningful way: lost ÷ acknowledged.
import { runCrash } from '../testkit/crash-scenario';
import { round, type BenchModule } from './harness';

const bench: BenchModule = async ({ quick, soak }) => {
  // Each seed starts the host twice and takes 1,000 durable scans (2–3 s on a quiet 2-core box, ~8 s loaded).
  const seeds = Array.from({ length: quick ? 2 : soak ? 40 : 10 }, (_, i) => 101 + i);
  let acknowledged = 0;
  let cut = 0;
  let lost = 0;
  let other = 0;
  const t0 = performance.now();
  const notes: string[] = [];
  for (const seed of seeds) {
    const r = await runCrash({ seed });
    acknowledged += r.acknowledged;
    cut += r.cut;
    lost += r.violations.filter((v) => /missing|stored as/.test(v)).length;
    other += r.violations.filter((v) => !/missing|stored as/.test(v)).length;
    if (r.violations.length > 0) notes.push(`seed ${seed}: ${r.violations[0]}`);
  }
  const s = (performance.now() - t0) / 1000;
  return [
    { area: 'crash', name: `SIGKILLs of the host mid-burst (${seeds.length} seeds × 1,000 scans)`, value: seeds.length, unit: 'kills', note: `${round(s, 1)} s in all` },
    { area: 'crash', name: 'scans acknowledged before the kills', value: acknowledged, unit: 'scans', note: `${cut} requests cut by the kill (shown as "Not saved")` },
    {
      area: 'crash',
      name: 'acknowledged scans lost or changed after restart',
      value: lost,
      unit: 'scans',
      ratio: acknowledged > 0 ? lost / acknowledged : undefined,
      vs: 'acknowledged (limit 0)',
      note: notes.join('; ').slice(0, 200) || undefined,
    },
    { area: 'crash', name: 'other invariant violations (derived state, outbox, sequence)', value: other, unit: 'violations' },
  ];
};
export default bench;
