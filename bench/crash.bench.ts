// Crash safety over many seeds (issue 7): the headless host SIGKILLed at a random point of a
// burst (1,000 requests planned: desk and door scans, manual counters, undos, junk; the kill
// comes after 10–90 % of the scans are acknowledged), restarted, and checked
// (testkit/crash-scenario.ts). The figure that matters is "acknowledged actions lost" — scans,
// counters and undos the screen confirmed but the restarted station lacks or stores differently.
// It must be 0; the ratio is lost ÷ acknowledged.
import { runCrash } from '../testkit/crash-scenario';
import { round, type BenchModule } from './harness';

const bench: BenchModule = async ({ quick, soak }) => {
  // Each seed starts the host twice and sends up to 1,000 requests (2–3 s on a quiet 2-core box, ~8 s loaded).
  const seeds = Array.from({ length: quick ? 2 : soak ? 40 : 10 }, (_, i) => 101 + i);
  let acknowledged = 0;
  let counters = 0;
  let undos = 0;
  let cut = 0;
  let lost = 0;
  let other = 0;
  const sent: number[] = [];
  const t0 = performance.now();
  const notes: string[] = [];
  for (const seed of seeds) {
    const r = await runCrash({ seed });
    acknowledged += r.acknowledged;
    counters += r.acknowledgedCounters;
    undos += r.acknowledgedUndos;
    cut += r.cut;
    lost += r.lost.length;
    other += r.violations.length;
    sent.push(r.sent);
    const first = r.lost[0] ?? r.violations[0];
    if (first) notes.push(`seed ${seed}: ${first}`);
  }
  const s = (performance.now() - t0) / 1000;
  const actions = acknowledged + counters + undos;
  return [
    {
      area: 'crash',
      name: `SIGKILLs of the host mid-burst (${seeds.length} seeds, bursts of ${Math.min(...sent)}–${Math.max(...sent)} requests)`,
      value: seeds.length,
      unit: 'kills',
      note: `${sent.reduce((a, b) => a + b, 0).toLocaleString('en')} requests sent before the kills; ${round(s, 1)} s in all`,
    },
    {
      area: 'crash',
      name: 'actions acknowledged before the kills (scans + counters + undos)',
      value: actions,
      unit: 'actions',
      note: `${acknowledged} scans, ${counters} counters, ${undos} undos; ${cut} requests cut by the kill (shown as "Not saved")`,
    },
    {
      area: 'crash',
      name: 'acknowledged actions lost or changed after restart',
      value: lost,
      unit: 'actions',
      ratio: actions > 0 ? lost / actions : undefined,
      vs: 'acknowledged (limit 0)',
      note: notes.join('; ').slice(0, 200) || undefined,
    },
    { area: 'crash', name: 'other invariant violations (derived state, outbox, sequence, restart)', value: other, unit: 'violations' },
  ];
};
export default bench;
