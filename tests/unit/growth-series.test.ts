import { describe, expect, test } from 'vitest';
import { weeklyGrowthSeries, type Point } from '../../lib/metrics/growth';

const DAY = 86_400_000;
const at = (day: number, followers: number | null): Point => ({ takenAt: day * DAY, followers });

describe('weekly growth between consecutive snapshots', () => {
  test.each<[string, Point[], { takenAt: number; rate: number }[]]>([
    ['no snapshots', [], []],
    ['one snapshot', [at(0, 100)], []],
    ['a week apart: the plain change', [at(0, 1_000), at(7, 1_100)], [{ takenAt: 7 * DAY, rate: 0.1 }]],
    ['two weeks apart: compounded per week', [at(0, 1_000), at(14, 1_210)], [{ takenAt: 14 * DAY, rate: 0.1 }]],
    ['one day apart: scaled up to a week', [at(0, 1_000), at(1, 1_001)], [{ takenAt: DAY, rate: 1.001 ** 7 - 1 }]],
    ['a loss', [at(0, 1_000), at(7, 900)], [{ takenAt: 7 * DAY, rate: -0.1 }]],
    ['under a day apart: left out, the next pair still counts', [at(0, 1_000), at(0.5, 1_050), at(7.5, 1_155)], [{ takenAt: 7.5 * DAY, rate: 0.1 }]],
    ['from 0 followers: left out', [at(0, 0), at(7, 50), at(14, 55)], [{ takenAt: 14 * DAY, rate: 0.1 }]],
    ['snapshots without a count are skipped over', [at(0, 1_000), at(3, null), at(7, 1_100)], [{ takenAt: 7 * DAY, rate: 0.1 }]],
    ['out of order: sorted by time first', [at(7, 1_100), at(0, 1_000)], [{ takenAt: 7 * DAY, rate: 0.1 }]],
    ['dates as Date objects', [{ takenAt: new Date(0), followers: 1_000 }, { takenAt: new Date(7 * DAY), followers: 1_100 }], [{ takenAt: 7 * DAY, rate: 0.1 }]],
  ])('%s', (_, history, expected) => {
    const series = weeklyGrowthSeries(history);
    expect(series.map((s) => s.takenAt)).toEqual(expected.map((s) => s.takenAt));
    series.forEach((s, i) => expect(s.rate).toBeCloseTo(expected[i]!.rate, 12));
  });
});
