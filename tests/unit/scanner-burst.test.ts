// The scanner-vs-person rule of renderer/src/scanner/burst.ts, fed synthetic key timings.
import { describe, expect, it } from 'vitest';
import { BurstDetector, type KeyOutcome } from '../../renderer/src/scanner/burst';

/** Feeds `text` one key every `gap` ms from `start`, then `end` after `endGap` ms; returns the last outcome. */
function feed(d: BurstDetector, text: string, gap: number, opts: { start?: number; end?: string; endGap?: number } = {}): KeyOutcome {
  let t = opts.start ?? 1000;
  for (const ch of text) {
    d.feed({ key: ch, t });
    t += gap;
  }
  return d.feed({ key: opts.end ?? 'Enter', t: t - gap + (opts.endGap ?? gap) });
}

describe('BurstDetector', () => {
  it('recognises a scanner burst ending in Enter or Tab', () => {
    expect(feed(new BurstDetector(), 'A23-KX7PQM', 8)).toMatchObject({ kind: 'scan', text: 'A23-KX7PQM' });
    expect(feed(new BurstDetector(), 'A23-KX7PQM', 15, { end: 'Tab' })).toMatchObject({ kind: 'scan', text: 'A23-KX7PQM' });
  });

  it('does not take a person typing (100+ ms apart) for a scan', () => {
    expect(feed(new BurstDetector(), 'A23-KX7PQM', 110).kind).toBe('pass');
    expect(feed(new BurstDetector(), 'Müller', 90).kind).toBe('pass');
  });

  it('ignores short fast sequences (key rollover) and a late Enter', () => {
    expect(feed(new BurstDetector(), 'th', 10).kind).toBe('pass');
    expect(feed(new BurstDetector(), 'A23-KX7PQM', 8, { endGap: 400 }).kind).toBe('pass');
  });

  it('keeps only the burst when a person typed just before it', () => {
    const d = new BurstDetector();
    d.feed({ key: 'M', t: 0 });
    d.feed({ key: 'a', t: 150 });
    expect(feed(d, 'A23-ABCDEF', 6, { start: 600 })).toMatchObject({ kind: 'scan', text: 'A23-ABCDEF' });
  });

  it('Shift presses from the scanner do not break a burst; held-key repeats and shortcuts do', () => {
    const d = new BurstDetector();
    let t = 0;
    for (const ch of 'AB12') {
      d.feed({ key: 'Shift', t: (t += 3) });
      d.feed({ key: ch, t: (t += 3) });
    }
    expect(d.feed({ key: 'Enter', t: (t += 5) })).toMatchObject({ kind: 'scan', text: 'AB12' });

    const r = new BurstDetector();
    r.feed({ key: 'a', t: 0 });
    for (let i = 1; i < 8; i++) r.feed({ key: 'a', t: i * 33, repeat: true });
    expect(r.feed({ key: 'Enter', t: 8 * 33 }).kind).toBe('pass');

    const c = new BurstDetector();
    c.feed({ key: 'A', t: 0 });
    c.feed({ key: 'B', t: 5 });
    c.feed({ key: 'v', t: 10, ctrl: true });
    c.feed({ key: 'C', t: 15 });
    expect(c.feed({ key: 'Enter', t: 20 }).kind).toBe('pass');
  });

  it('says when a field snapshot must be taken (first key) and when keys belong to a burst', () => {
    const d = new BurstDetector();
    expect(d.feed({ key: 'A', t: 0 })).toEqual({ kind: 'pass', startsBuffer: true, inBurst: false });
    expect(d.feed({ key: 'B', t: 8 })).toEqual({ kind: 'pass', startsBuffer: false, inBurst: true });
    expect(d.feed({ key: 'C', t: 300 })).toEqual({ kind: 'pass', startsBuffer: true, inBurst: false });
  });

  it('an arrow key or Backspace in between means a person is at the keyboard', () => {
    const d = new BurstDetector();
    for (const [i, ch] of [...'ABCD'].entries()) d.feed({ key: ch, t: i * 5 });
    d.feed({ key: 'Backspace', t: 22 });
    expect(d.feed({ key: 'Enter', t: 25 }).kind).toBe('pass');
  });
});
