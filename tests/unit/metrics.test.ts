import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { benchmarkFor, DEFAULT_BENCHMARKS, TIERS, tierOf, validateBand, validateBoundaries, verdict } from '../../lib/metrics/benchmarks';
import { ageFromText, engagement, medianViews, type PostCounts } from '../../lib/metrics/engagement';
import { growth } from '../../lib/metrics/growth';

const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
const post = (likes: number | null, comments: number | null, views: number | null, ageDays: number, shares: number | null = null): PostCounts => ({
  likes, comments, views, shares, publishedAt: NOW - ageDays * DAY,
});

describe('engagement, with the denominator named', () => {
  test('Instagram: (likes + comments) / followers, median and mean, young posts left out', () => {
    // 10,000 followers. Posts (likes + comments): 300 → 3 %, 100 → 1 %, 200 → 2 %; one 1 day old (left out);
    // one with hidden likes (left out as missing). Median 2 %, mean (3 + 1 + 2) / 3 = 2 %.
    const r = engagement({ platform: 'instagram', followers: 10_000, now: NOW, posts: [post(280, 20, null, 5), post(90, 10, null, 9), post(190, 10, null, 12), post(5_000, 900, null, 1), post(null, 30, null, 20)] });
    expect(r.engagement).toMatchObject({ definition: '(likes + comments) / followers', denominator: 'followers', postsUsed: 3, postsSkipped: { tooYoung: 1, missingCounts: 1 } });
    expect(r.engagement.median).toBeCloseTo(0.02, 12);
    expect(r.engagement.mean).toBeCloseTo(0.02, 12);
    expect(r.reach).toBeNull();
  });

  test('TikTok: (likes + comments + shares) / views, and views / followers', () => {
    // 100,000 followers. (900 + 50 + 50) / 10,000 = 10 %; (1,500 + 300 + 200) / 40,000 = 5 %.
    // Median (two posts) = (10 + 5) / 2 = 7.5 %. Reach: 10,000 / 100,000 = 0.1, 40,000 / 100,000 = 0.4 → median 0.25.
    const r = engagement({ platform: 'tiktok', followers: 100_000, now: NOW, posts: [post(900, 50, 10_000, 4, 50), post(1_500, 300, 40_000, 8, 200)] });
    expect(r.engagement.denominator).toBe('views');
    expect(r.engagement.median).toBeCloseTo(0.075, 12);
    expect(r.reach?.median).toBeCloseTo(0.25, 12);
  });

  test('YouTube: (likes + comments) / views and views / subscribers', () => {
    // (4,000 + 1,000) / 100,000 = 5 % ; reach 100,000 / 1,000,000 = 10 %.
    const r = engagement({ platform: 'youtube', followers: 1_000_000, now: NOW, posts: [post(4_000, 1_000, 100_000, 30)] });
    expect(r.engagement).toMatchObject({ definition: '(likes + comments) / views', median: 0.05, mean: 0.05 });
    expect(r.reach).toMatchObject({ denominator: 'subscribers', median: 0.1 });
  });

  test('missing inputs give null, not 0', () => {
    const r = engagement({ platform: 'instagram', followers: null, now: NOW, posts: [post(10, 1, null, 10)] });
    expect(r.engagement.median).toBeNull();
    expect(engagement({ platform: 'youtube', followers: 5, now: NOW, posts: [] }).engagement.mean).toBeNull();
    // Views of 0 cannot be a denominator.
    expect(engagement({ platform: 'tiktok', followers: 5, now: NOW, posts: [post(1, 1, 0, 10, 0)] }).engagement.median).toBeNull();
  });

  test('age from the page’s words (YouTube grid): "2 days ago" is too young, "2 weeks ago" is not', () => {
    expect(ageFromText('2 days ago')).toBe(2);
    expect(ageFromText('Streamed 2 weeks ago')).toBe(14);
    expect(ageFromText('vor 3 Tagen')).toBeNull();
    const r = engagement({ platform: 'youtube', followers: 1_000, now: NOW, posts: [{ likes: 1, comments: 1, views: 10, publishedText: '2 days ago' }, { likes: 1, comments: 0, views: 10, publishedText: '2 weeks ago' }] });
    expect(r.engagement).toMatchObject({ postsUsed: 1, median: 0.1, postsSkipped: { tooYoung: 1 } });
    expect(medianViews([{ likes: null, comments: null, views: 100, publishedText: '1 hour ago' }, { likes: null, comments: null, views: 300, publishedText: '1 month ago' }, { likes: null, comments: null, views: 500, publishedText: null }], NOW)).toBe(400);
  });
});

describe('tiers and benchmark bands', () => {
  test.each([[0, 'nano'], [9_999, 'nano'], [10_000, 'micro'], [99_999, 'micro'], [100_000, 'mid'], [500_000, 'macro'], [999_999, 'macro'], [1_000_000, 'mega']] as const)('%d followers → %s', (n, tier) => {
    expect(tierOf(n)).toBe(tier);
  });

  test('configurable boundaries, validated', () => {
    expect(tierOf(15_000, [20_000, 50_000, 200_000, 2_000_000])).toBe('nano');
    expect(tierOf(null)).toBeNull();
    expect(validateBoundaries([10, 5, 20, 30])).toMatch(/increase/);
    expect(validateBoundaries([10, 20, 30])).toMatch(/four/);
    expect(validateBoundaries([10_000, 100_000, 500_000, 1_000_000])).toBeNull();
  });

  test('every preset band is valid and names its source and year', () => {
    for (const platform of ['instagram', 'tiktok', 'youtube'] as const)
      for (const tier of TIERS) {
        const band = DEFAULT_BENCHMARKS[platform][tier];
        expect(validateBand(band), `${platform} ${tier}`).toBeNull();
        expect(band.source.length).toBeGreaterThan(5);
        expect(band.year).toBeGreaterThan(2000);
      }
  });

  test.each([
    // Instagram micro band 0.75–1.11 %: 0.5 % is below; 0.93 % sits at (0.93 − 0.75) / 0.36 = 50 %; 2 % is above.
    [0.005, 'below'],
    [0.0093, 'within'],
    [0.02, 'above'],
  ] as const)('Instagram micro at %d → %s', (rate, position) => {
    const v = verdict(rate, benchmarkFor('instagram', 'micro'))!;
    expect(v.position).toBe(position);
    if (position === 'within') expect(v.positionInBand).toBeCloseTo(50, 6);
  });

  test('a user override replaces the preset and says so; an invalid one is ignored', () => {
    const band = benchmarkFor('tiktok', 'mid', { tiktok: { mid: { low: 0.05, typical: 0.06, high: 0.07 } } });
    expect(band).toMatchObject({ low: 0.05, high: 0.07, overridden: true, source: expect.stringMatching(/^Your setting/) });
    expect(benchmarkFor('tiktok', 'mid', { tiktok: { mid: { low: 0.5, high: 0.1 } } })).toBe(DEFAULT_BENCHMARKS.tiktok.mid);
    expect(verdict(null, band)).toBeNull();
  });

  test('position in band grows with the rate', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (a, b) => {
      const band = benchmarkFor('instagram', 'mid');
      return a <= b ? verdict(a, band)!.positionInBand <= verdict(b, band)!.positionInBand : true;
    }));
  });
});

describe('growth from snapshots', () => {
  const snap = (daysAgo: number, followers: number | null) => ({ takenAt: NOW - daysAgo * DAY, followers });

  test('7 / 30 / 90-day change and the weekly compound rate', () => {
    // 100,000 → 121,000 over 14 weeks (98 days): weekly rate (1.21)^(1/14) − 1 = 1.371 %.
    // 30 days: newest snapshot ≥ 30 days old is day 35 (110,000) → +11,000 = +10 %.
    const g = growth([snap(98, 100_000), snap(35, 110_000), snap(8, 120_000), snap(0, 121_000)]);
    expect(g.windows[30]).toMatchObject({ absolute: 11_000 });
    expect(g.windows[30]!.percent).toBeCloseTo(0.1, 12);
    expect(g.windows[7]).toMatchObject({ absolute: 1_000 });
    expect(g.windows[90]).toMatchObject({ absolute: 21_000 });
    expect(g.weeklyRate).toBeCloseTo(1.21 ** (1 / 14) - 1, 12);
    expect(g.jumpNote).toMatch(/five snapshots/);
  });

  test('too little history: null, not 0', () => {
    const g = growth([snap(3, 1_000), snap(0, 1_100)]);
    expect(g.windows[7]).toBeNull();
    expect(growth([]).weeklyRate).toBeNull();
    expect(growth([snap(2, null), snap(0, 5)]).weeklyRate).toBeNull();
  });

  test('a jump far outside the creator’s own trend is flagged and explained', () => {
    // Steady +0.5 %/week, then +20 % in two days.
    const history = [50, 43, 36, 29, 22, 15, 8].map((d, i) => snap(d, Math.round(50_000 * 1.005 ** i)));
    history.push(snap(6, Math.round(history[6]!.followers! * 1.2)), snap(0, Math.round(history[6]!.followers! * 1.2 * 1.005)));
    const g = growth(history);
    expect(g.jumps).toHaveLength(1);
    expect(g.jumps[0]!.percent).toBeCloseTo(0.2, 4); // follower counts are rounded to whole people
    expect(g.jumps[0]!.explanation).toMatch(/^Followers rose 20.0 % \(\+10,\d{3}\) between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d, \d+× the creator's usual/);
    expect(g.jumps[0]!.explanation).toMatch(/bought followers/);
  });

  test('steady growth raises no flag', () => {
    const history = Array.from({ length: 12 }, (_, i) => snap(77 - i * 7, Math.round(20_000 * 1.03 ** i)));
    expect(growth(history).jumps).toEqual([]);
  });
});
