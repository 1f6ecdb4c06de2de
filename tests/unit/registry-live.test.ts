// Live pokes after pushes (registry/live.ts LiveHub.soon): a burst of pushes is announced by a
// few reads of the change number, not one per push, and the last poke always carries the latest
// change — a station never misses that something changed.
import { describe, expect, it } from 'vitest';
import type { RegistryDb } from '../../registry/db';
import { LiveHub } from '../../registry/live';

describe('pokes after a burst of pushes', () => {
  it('reads the change number a few times for 50 pushes, and the last poke names the last change', async () => {
    const hub = new LiveHub({ notify: async () => {} } as unknown as RegistryDb);
    const heard: number[] = [];
    hub.subscribe({ stationId: 's1', poke: (n) => heard.push(n), close: () => {} });
    let committed = 0;
    let reads = 0;
    const read = async () => {
      reads++;
      const n = committed;
      await new Promise((r) => setTimeout(r, 5)); // a query's round trip
      return n;
    };
    for (let i = 0; i < 50; i++) {
      committed++; // a push commits, then asks for the poke
      hub.soon(read);
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 1));
    }
    for (let i = 0; i < 100 && heard.at(-1) !== 50; i++) await new Promise((r) => setTimeout(r, 5));
    expect(heard.at(-1)).toBe(50);
    expect(reads).toBeLessThanOrEqual(10);
    // Later changes are announced too (nothing is left marked as in flight).
    committed = 51;
    hub.soon(read);
    for (let i = 0; i < 100 && heard.at(-1) !== 51; i++) await new Promise((r) => setTimeout(r, 5));
    expect(heard.at(-1)).toBe(51);
  });
});
