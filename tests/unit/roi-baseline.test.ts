/**
 * Issue 14 §4 in lib/roi: the organic baseline of the deliverable's kind feeds the quote's
 * expected views and impressions; sponsored posts and deliverables never enter it; fewer
 * than 5 posts' views make it thin, with its range widened.
 */
import { describe, expect, test } from 'vitest';
import type { MetricPost } from '../../lib/metrics/engagement';
import { baselineKinds, expectedViews, judgePrice, MARKET_CPM, organicBaseline } from '../../lib/roi/market';
import { impressionsFor } from '../../lib/roi/quote';

const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
let n = 0;
const post = (age: number, views: number, over: Partial<MetricPost> = {}): MetricPost => ({ id: `p${++n}`, likes: null, comments: null, views, publishedAt: NOW - age * DAY, ...over });

describe('the deliverable picks the baseline’s kind', () => {
  test.each([
    ['youtube', 'video', ['video'], true, 'long videos'],
    ['youtube', 'short', ['short'], false, 'Shorts'],
    ['instagram', 'reel', ['reel'], false, 'reels'],
    ['instagram', 'post', ['photo', 'carousel', 'video'], true, 'feed posts'],
    ['tiktok', 'video', null, true, 'videos'],
  ] as const)('%s %s → %j', (platform, deliverable, kinds, unknownKind, label) => {
    expect(baselineKinds(platform, deliverable)).toEqual({ kinds, unknownKind, label });
  });
  test('an Instagram story has no views to go by', () => {
    expect(baselineKinds('instagram', 'story')).toBeNull();
  });

  test('YouTube: a Short’s quote from Shorts, a video’s from long videos; a tracked deliverable never enters', () => {
    const posts = [
      ...[600, 620, 640, 660, 680].map((v, i) => post(5 + i, v * 1_000, { kind: 'video' })),
      post(6, 993_000, { kind: 'video', deliverable: true }),
      post(7, 2_000_000, { kind: 'video', sponsored: true }),
      ...[50, 60, 70, 80, 90].map((v, i) => post(5 + i, v * 1_000, { url: `https://www.youtube.com/shorts/s${i}abcdefghi` })),
    ];
    expect(organicBaseline({ platform: 'youtube', deliverable: 'video', posts, now: NOW })).toMatchObject({ median: 640_000, postsUsed: 5, thin: false, postsLeftOut: { sponsored: 2, otherKind: 5 } });
    expect(organicBaseline({ platform: 'youtube', deliverable: 'short', posts, now: NOW })).toMatchObject({ median: 70_000, postsUsed: 5, kinds: 'Shorts' });
    const e = expectedViews({ platform: 'youtube', deliverable: 'video', posts, now: NOW });
    expect(e).toMatchObject({ value: 640_000, basis: 'median recent views', baseline: { sample: 'median views of 5 long videos · 2 sponsored apart · 5 of other kinds apart' } });
  });
});

describe('thin under 5 posts’ views', () => {
  const three = [post(5, 10_000), post(6, 20_000), post(7, 30_000)];

  test('impressions: the range widened to ÷3 … ×3, and the source says why', () => {
    const i = impressionsFor({ platform: 'tiktok', followers: 1_000, recent: three, deliverable: 'video', now: NOW });
    expect(i).toEqual({ low: 20_000 / 3, expected: 20_000, high: 60_000, source: expect.stringMatching(/^median views of 3 videos \(thin: from 3 posts’ views \(fewer than 5\), so the range is widened/) });
    const five = [...three, post(8, 40_000), post(9, 50_000)];
    expect(impressionsFor({ platform: 'tiktok', followers: 1_000, recent: five, deliverable: 'video', now: NOW })).toEqual({ low: 20_000, expected: 30_000, high: 40_000, source: 'median views of 5 videos (range: middle half)' });
  });

  test('the price judgement carries the baseline and says it is thin; typed views stay as they were', () => {
    const e = expectedViews({ platform: 'tiktok', deliverable: 'video', posts: three, now: NOW });
    if (e.value === null || !('baseline' in e) || !e.baseline) throw new Error('no baseline');
    const j = judgePrice({ fee: 300, currency: 'USD', views: e.value, basis: e.basis, market: MARKET_CPM.tiktok, baseline: e.baseline });
    expect(j.baseline).toMatchObject({ thin: true, postsUsed: 3, viewsRange: { low: 20_000 / 3, high: 60_000 } });
    expect(j.baseline!.fairFeeRange!.high).toBeCloseTo(60 * 15, 9);
    expect(j.summary).toMatch(/The views stand on 3 posts only: a thin basis\.$/);
    const typed = judgePrice({ fee: 1500, currency: 'USD', views: 100_000, basis: 'median recent views', market: MARKET_CPM.tiktok });
    expect(typed).not.toHaveProperty('baseline');
    expect(typed.cpm).toBe(15);
  });
});
