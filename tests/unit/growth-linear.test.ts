/**
 * Jump detection in O(k log k) and the weekly rate in one pass give the same results as the
 * quadratic growth() they replace (tests/unit/growth-reference.ts), on random histories:
 * steady, flat (many equal rates), jumpy, with gaps under an hour, repeated times, missing
 * counts, zeros, out of order, and long (a year at one snapshot every 6 hours).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { growth, jumpsIn, weeklyRate, type Point } from '../../lib/metrics/growth';
import { growthBefore } from './growth-reference';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 0, 1);

/** A follower history: gaps and steps drawn from shapes real histories take. */
const step = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: HOUR }), fc.constantFrom(6 * HOUR, DAY, 7 * DAY), fc.integer({ min: 1, max: 60 * DAY })),
  change: fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: -0.01, max: 0.02, noNaN: true }) }, // usual drift
    { weight: 3, arbitrary: fc.constant(0) }, // flat: many equal daily rates
    { weight: 1, arbitrary: fc.constantFrom(0.021, 0.05, 0.2, 0.5, 1, -0.025, -0.3, -0.9) }, // jumps (some just over 2 %) and purges
  ),
  missing: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  zero: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const history = (maxLength: number) =>
  fc.record({
    start: fc.integer({ min: 0, max: 5_000_000 }),
    steps: fc.array(step, { maxLength }),
    shuffle: fc.boolean(),
    dates: fc.boolean(),
  }).map(({ start, steps, shuffle, dates }) => {
    let t = T0;
    let followers = start;
    const points: Point[] = steps.map((s) => {
      t += s.gap;
      followers = s.zero ? 0 : Math.max(0, Math.round((followers || 1) * (1 + s.change)));
      return { takenAt: dates ? new Date(t) : t, followers: s.missing ? null : followers };
    });
    if (shuffle) points.reverse();
    return points;
  });

describe('growth in linear-logarithmic time, same results as before', () => {
  test('short and medium histories: growth(), jumpsIn() and weeklyRate() agree with the old growth()', () => {
    fc.assert(
      fc.property(history(60), (h) => {
        const before = growthBefore(h);
        expect(growth(h)).toEqual(before);
        expect(jumpsIn(h)).toEqual({ jumps: before.jumps, note: before.jumpNote });
        expect(weeklyRate(h)).toBe(before.weeklyRate);
      }),
      { numRuns: 1_500 },
    );
  });

  test('long histories (hundreds of snapshots)', () => {
    fc.assert(
      fc.property(history(600), (h) => {
        expect(growth(h)).toEqual(growthBefore(h));
      }),
      { numRuns: 40 },
    );
  });

  test('the histories drawn do find jumps, and flat runs of equal rates', () => {
    // The generator is only worth its runs if it reaches the branches that matter.
    const samples = fc.sample(history(60), { numRuns: 400, seed: 1 });
    expect(samples.filter((h) => growthBefore(h).jumps.length > 0).length).toBeGreaterThan(20);
    expect(samples.filter((h) => growthBefore(h).jumpNote === null && growthBefore(h).jumps.length === 0).length).toBeGreaterThan(20);
  });

  test('counts so large that a daily rate overflows take the old way, with the same result', () => {
    const h: Point[] = [1e-300, 1e300, 5, 6, 7, 8, 9].map((followers, i) => ({ takenAt: T0 + i * DAY, followers }));
    expect(growth(h)).toEqual(growthBefore(h));
  });

  test('a year at one snapshot every 6 hours, with one bought-followers jump', () => {
    let followers = 40_000;
    const h: Point[] = Array.from({ length: 1_460 }, (_, i) => {
      followers = Math.round(followers * (i === 900 ? 1.25 : 1.0004));
      return { takenAt: T0 + i * 6 * HOUR, followers };
    });
    const g = growth(h);
    expect(g.jumps.map((j) => j.to.takenAt)).toEqual([T0 + 900 * 6 * HOUR]);
    expect(g).toEqual(growthBefore(h));
  });
});
