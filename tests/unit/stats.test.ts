import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { median, quantile } from '../../lib/metrics/stats';

describe('median', () => {
  test.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1], 2],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 10, 1_000_000], 10],
    [[-2, 0, 2], 0],
    [[0.1, 0.2], 0.15000000000000002],
  ])('median(%j) = %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantile (linear between ranks)', () => {
  test.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[5], 0, 5],
    [[5], 0.9, 5],
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 1, 5],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, 20], 0.1, 11],
    [[40, 10, 30, 20], 0.9, 37],
  ])('quantile(%j, %d) = %j', (values, q, expected) => {
    const got = quantile(values, q);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });

  test.each([-0.1, 1.5, NaN])('refuses q = %d', (q) => {
    expect(() => quantile([1, 2], q)).toThrow(RangeError);
  });

  test('the 0.5-quantile is the median; quantiles grow with q and stay within the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, a, b) => {
        expect(quantile(values, 0.5)).toBeCloseTo(median(values)!, 6);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(quantile(values, lo)!).toBeLessThanOrEqual(quantile(values, hi)! + 1e-9);
        expect(quantile(values, lo)!).toBeGreaterThanOrEqual(Math.min(...values));
        expect(quantile(values, hi)!).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});
