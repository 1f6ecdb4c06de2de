// The webcam's "same code ignored for 3 s" rule (renderer/src/camera/repeat-guard.ts).
import { describe, expect, it } from 'vitest';
import { RepeatGuard } from '../../renderer/src/camera/repeat-guard';
import { cameraProblem } from '../../renderer/src/camera/camera-errors';

/** Feeds reads of `text` every 33 ms (30 fps) from `from` to `to` and returns the times that became scans. */
function hold(g: RepeatGuard, text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += 33) if (g.accept(text, t)) out.push(t);
  return out;
}

describe('RepeatGuard', () => {
  it('passes a badge once however long it lingers in view', () => {
    const g = new RepeatGuard(3000);
    expect(hold(g, 'A', 0, 10_000)).toEqual([0]);
  });

  it('passes the same badge again after it was out of view for 3 s, not sooner', () => {
    const g = new RepeatGuard(3000);
    hold(g, 'A', 0, 1000);
    expect(g.accept('A', 1000 + 2900)).toBe(false);
    expect(g.accept('A', 3900 + 3000)).toBe(true);
  });

  it('passes the next person at once, and two badges in view do not re-scan each other', () => {
    const g = new RepeatGuard(3000);
    expect(g.accept('A', 0)).toBe(true);
    expect(g.accept('B', 500)).toBe(true);
    const scans: string[] = [];
    for (let t = 533; t < 6000; t += 33) {
      const code = t % 2 ? 'A' : 'B';
      if (g.accept(code, t)) scans.push(code);
    }
    expect(scans).toEqual([]);
  });

  it('forgets everything on reset (camera switched off and on)', () => {
    const g = new RepeatGuard(3000);
    g.accept('A', 0);
    g.reset();
    expect(g.accept('A', 10)).toBe(true);
  });
});

describe('cameraProblem', () => {
  it('tells denied permission, no camera and a busy camera apart', () => {
    expect(cameraProblem(new DOMException('x', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem(new DOMException('x', 'NotFoundError'))).toBe('noCamera');
    expect(cameraProblem(new DOMException('x', 'OverconstrainedError'))).toBe('noCamera');
    expect(cameraProblem(new DOMException('x', 'NotReadableError'))).toBe('inUse');
    expect(cameraProblem(new Error('weird'))).toBe('failed');
  });
});
