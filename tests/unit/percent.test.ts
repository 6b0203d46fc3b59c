import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { percentField, toFraction, toPercent } from '../../lib/roi/percent';

describe('percent and fraction', () => {
  test.each<[number, number]>([
    [0, 0],
    [0.025, 2.5],
    [1, 100],
    [-0.5, -50],
    [1.25, 125],
  ])('toPercent(%d) = %d, and back', (fraction, percent) => {
    expect(toPercent(fraction)).toBeCloseTo(percent, 12);
    expect(toFraction(percent)).toBeCloseTo(fraction, 12);
  });

  test.each<[number, number, string]>([
    [0.025, 2, '2.5'],
    [0.07, 2, '7'],
    [0.123456, 2, '12.35'],
    [0.123456, 3, '12.346'],
    [0.123456, 4, '12.3456'],
    [0.0001, 2, '0.01'],
    [0.00001, 2, '0'],
    [0, 3, '0'],
    [-0.15, 2, '-15'],
    [0.1 + 0.2, 4, '30'],
  ])('percentField(%d, %d) = %s', (fraction, digits, text) => {
    expect(percentField(fraction, digits)).toBe(text);
  });

  test('a shown percent read back is the fraction, to the digits shown', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 4 }), (fraction, digits) => {
        expect(Math.abs(toFraction(Number(percentField(fraction, digits))) - fraction)).toBeLessThanOrEqual(0.5 * 10 ** -digits / 100 + 1e-12);
      }),
    );
  });
});
