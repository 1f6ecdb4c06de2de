// Shared by every bench/*.bench.ts module: the row format and small timing helpers.
// Benchmarks print figures; nothing here asserts a time (timing here is noisy).

export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  /** value ÷ anchor, when an anchor (a limit or a bare baseline) was measured in the same run. */
  ratio?: number;
  /** What the ratio is against, e.g. 'bare fsync insert' or 'target 20 ms'. */
  vs?: string;
  note?: string;
  /**
   * The issue's target for this figure: a bound on the value (in its unit) or on the ratio.
   * `npm run bench` prints it and whether this run met it; bench-results.json keeps both.
   */
  target?: Target;
  /** Set when the figure could not be measured: the sentence why. `npm run bench` then exits non-zero. */
  failed?: string;
}

export interface Target {
  /** 'max': the figure must be at most `limit`; 'min': at least. */
  bound: 'max' | 'min';
  limit: number;
  /** Which figure the bound is on. */
  on: 'value' | 'ratio';
}

/** Whether a row meets its target (undefined when it has none or was not measured). */
export function meetsTarget(r: BenchRow): boolean | undefined {
  if (!r.target || r.failed) return undefined;
  const x = r.target.on === 'ratio' ? r.ratio : r.value;
  if (x === undefined || Number.isNaN(x)) return false;
  return r.target.bound === 'max' ? x <= r.target.limit : x >= r.target.limit;
}

/** '≤ 2×', '≤ 1 ms', '≥ 86 of 90'. */
export function describeTarget(r: BenchRow): string {
  if (!r.target) return '';
  const { bound, limit, on } = r.target;
  return `${bound === 'max' ? '≤' : '≥'} ${limit}${on === 'ratio' ? '×' : ` ${r.unit}`}`;
}

export interface BenchContext {
  /** Smaller sizes for a quick run (`npm run bench -- --quick`). */
  quick: boolean;
  /**
   * The sizes the issues name where they do not fit the 10-minute default run on a shared
   * 2-core machine (`npm run bench -- --soak`, ~1 h): 1M occupancy events, 100 sync fault
   * schedules, every QR of the batch PDF, 40 crash seeds. Implies not quick.
   */
  soak: boolean;
  tmp: string;
}

export type BenchModule = (ctx: BenchContext) => Promise<BenchRow[]>;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs fn n times and returns per-call durations in ms, sorted. */
export async function sample(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
