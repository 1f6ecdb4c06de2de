// How far this station's clock is from the registry's, measured from every answer: its
// serverTime against the middle of the request's round trip. Only shown, never acted on —
// ordering never depends on wall clocks (core/hlc.ts).
import { DRIFT_WARNING_MS } from '../../core/hlc';

export class ClockSkew {
  /** Registry clock − this station's clock (ms), from the last answer; positive: this laptop is behind. */
  ms = 0;
  /** False until an answer was measured. */
  measured = false;

  measure(sentAt: number, receivedAt: number, serverTime: number): void {
    this.ms = Math.round(serverTime - (sentAt + receivedAt) / 2);
    this.measured = true;
  }

  /** How far this station's clock is ahead of the registry's (negative: behind); null until measured. */
  get aheadMs(): number | null {
    return this.measured ? Math.max(-2e9, Math.min(2e9, -this.ms)) : null;
  }

  /** Off by more than two minutes: worth telling staff (the status bar and Settings do). */
  get warning(): boolean {
    return Math.abs(this.ms) > DRIFT_WARNING_MS;
  }
}
