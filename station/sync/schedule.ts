// When the next sync cycle runs. One cycle at a time; of two requests the sooner wins; a request
// made during a cycle runs another one right after it. Each cycle says when the next is due (or
// null: not until someone acts). The two waiting rules are here too: back-off with "equal
// jitter" for a registry in trouble, short jittered probes for a registry out of reach.
export interface Cycle<R> {
  report: R;
  /** Milliseconds until the next cycle; null: none until asked (revoked, wrong protocol). */
  next: number | null;
}

export class Schedule<R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<R> | null = null;
  private again = false;
  private on = false;
  /** When the next automatic cycle is due (for the status screen). */
  nextAt: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly cycle: () => Promise<Cycle<R>>,
  ) {}

  /** True between start() and stop(); only then do cycles follow each other by themselves. */
  get active(): boolean {
    return this.on;
  }

  start(): void {
    this.on = true;
  }

  stop(): void {
    this.on = false;
    this.clearTimer();
  }

  /** A cycle in `ms` (sooner wins); during a cycle, another one right after it. */
  kick(ms: number): void {
    if (!this.on) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const due = this.now() + ms;
    if (this.timer !== undefined && this.nextAt !== null && this.nextAt <= due) return;
    this.clearTimer();
    this.nextAt = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run().catch(() => {});
    }, ms);
  }

  /** Runs a cycle now (after the one in progress) and returns its report. */
  async runNow(): Promise<R> {
    if (this.running) await this.running.catch(() => undefined);
    return this.run();
  }

  /** Resolves once no cycle is running (after stop(), nothing starts another). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private run(): Promise<R> {
    this.clearTimer();
    this.again = false;
    const p = (async () => {
      try {
        const { report, next } = await this.cycle();
        this.running = null;
        if (this.on && next !== null) this.kick(this.again ? 0 : next);
        this.again = false;
        return report;
      } finally {
        this.running = null;
      }
    })();
    this.running = p;
    return p;
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAt = null;
  }
}

/** After the n-th failure in a row: base · 2ⁿ⁻¹ capped, half of it fixed and half random, so stations never retry in step. */
export function backoffDelay(failures: number, o: { baseMs: number; maxMs: number; random: () => number }): number {
  const cap = Math.min(o.maxMs, o.baseMs * 2 ** Math.min(failures - 1, 20));
  return Math.round(cap / 2 + (cap / 2) * o.random());
}

/** The next health probe while offline: about every `probeMs` (± 30 %), so stations spread out. */
export function probeDelay(o: { probeMs: number; random: () => number }): number {
  return Math.round(o.probeMs * (0.7 + 0.6 * o.random()));
}
