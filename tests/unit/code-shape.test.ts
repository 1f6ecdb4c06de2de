// "Badge not found" vs "not a badge for this event": the shape of this event's plain
// codes is learned from its list (core/checkin/code-shape.ts).
import { describe, expect, it } from 'vitest';
import { learnCodeShapes, looksLikeOurCode, skeletonOf } from '../../core/checkin/code-shape';

const B32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const code = (prefix: string, n: number, i: number) => prefix + Array.from({ length: n }, (_, k) => B32[(i * 7 + k * 13) % 32]).join('');
const imported = Array.from({ length: 300 }, (_, i) => code('A23-', 6, i));

describe('plain code shapes learned from the list', () => {
  const shapes = learnCodeShapes([...imported, 'W-K7M2QXAB']);

  it('sketches a code by its runs and separators', () => {
    expect(skeletonOf('A23-K7M2QX')).toBe('3-6');
    expect(skeletonOf('https://example.org/x')).toBe('5://7.3/1');
    expect(skeletonOf('Дел-123')).toBe('3-3');
  });

  it('recognises a code of ours that is not on the list (typo, lower case, a later walk-in)', () => {
    expect(looksLikeOurCode(shapes, 'A23-ZZZZZZ')).toBe(true);
    expect(looksLikeOurCode(shapes, 'a23-k7m2qx')).toBe(true);
    expect(looksLikeOurCode(shapes, 'A23-K7M2Q0')).toBe(true); // a zero typed for an O
    expect(looksLikeOurCode(shapes, 'W-ZZZZZZZZ')).toBe(true); // another station's walk-in, not synced yet
  });

  it('rejects text of another shape or another prefix', () => {
    for (const text of ['https://example.org/badge', '4006381333931', 'NOT-A-BADGE-123', 'B24-K7M2QX', 'A23-K7M2QXX', 'A23K7M2QX', 'X-ABCDEFGH', 'hello'])
      expect(looksLikeOurCode(shapes, text), text).toBe(false);
  });

  it('keeps a shared prefix of separator-less codes only when many codes share it', () => {
    const numeric = Array.from({ length: 100 }, (_, i) => String(900000 + i * 37));
    const many = learnCodeShapes(numeric);
    expect(looksLikeOurCode(many, '900999')).toBe(true);
    expect(looksLikeOurCode(many, '123456')).toBe(false);
    const few = learnCodeShapes(numeric.slice(0, 3));
    expect(looksLikeOurCode(few, '123456')).toBe(true);
    expect(looksLikeOurCode(few, '1234567')).toBe(false);
  });

  it('learns nothing from an empty list', () => {
    expect(learnCodeShapes([])).toEqual([]);
    expect(looksLikeOurCode([], 'A23-K7M2QX')).toBe(false);
  });
});
