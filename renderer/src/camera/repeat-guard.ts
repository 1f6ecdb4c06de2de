// A badge held in front of the camera is decoded ~30 times a second. Each code is passed on once,
// then ignored while it stays in view and until it has been out of view for `quietMs` (3 s):
// a lingering badge is never re-scanned, yet the same person can scan again on purpose by taking
// the badge away for three seconds. A different code passes at once (the next person), and two
// badges alternating in view do not re-scan each other.

export class RepeatGuard {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly quietMs = 3000) {}

  /** True when this read should become a scan. `now` in ms on a monotonic clock. */
  accept(text: string, now: number): boolean {
    for (const [code, t] of this.lastSeen) if (now - t >= this.quietMs) this.lastSeen.delete(code);
    const repeat = this.lastSeen.has(text);
    this.lastSeen.set(text, now);
    return !repeat;
  }

  reset(): void {
    this.lastSeen.clear();
  }
}
