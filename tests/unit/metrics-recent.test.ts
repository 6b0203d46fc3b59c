/**
 * lib/metrics: the recent posts' samples (engagement.ts windowOf / engagement / sampleWords),
 * the band verdict that knows its sample (benchmarks.ts sampleVerdict), YouTube's views per
 * subscriber band, the cadence (cadence.ts), the standouts and sponsored posts apart
 * (recent.ts), and the organic views baseline (baseline.ts).
 */
import { describe, expect, test } from 'vitest';
import { viewsBaseline } from '../../lib/metrics/baseline';
import { benchmarkFor, DEFAULT_BENCHMARKS, MIN_POSTS_FOR_VERDICT, sampleVerdict, TIERS, validateBand, VIEWS_PER_SUBSCRIBER } from '../../lib/metrics/benchmarks';
import { cadence } from '../../lib/metrics/cadence';
import { engagement, kindOf, medianViews, newestFirst, type MetricPost } from '../../lib/metrics/engagement';
import { recentMetrics } from '../../lib/metrics/recent';
import type { Post } from '../../lib/sites/posts/types';
import { recentPost, type RecentPost } from '../../lib/sites/types';

const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;

let n = 0;
/** A post `age` days old (null: no date), with these counts and flags. */
const p = (age: number | null, over: Partial<MetricPost> = {}): MetricPost => ({
  id: `p${++n}`, likes: 100, comments: 10, views: 1_000, shares: 5, publishedAt: age === null ? null : NOW - age * DAY, ...over,
});
/** `count` posts, 4, 5, 6 … days old, the newest first. */
const series = (count: number, over: (i: number) => Partial<MetricPost> = () => ({})) => Array.from({ length: count }, (_, i) => p(4 + i, over(i)));

describe('the sample: newest N, at least 3 days old, pinned out, sponsored apart', () => {
  test('Instagram: the newest 12 organic posts; pinned, young, sponsored and older ones counted by reason', () => {
    const posts = [
      p(400, { pinned: true, likes: 90_000 }), p(300, { pinned: true }),
      p(1), // too young
      ...series(14, (i) => ({ likes: 100 + i * 10, sponsored: i === 3 })),
    ];
    const r = engagement({ platform: 'instagram', followers: 10_000, posts, now: NOW });
    // 14 in the series: one sponsored, 13 organic; the newest 12 of those are used, 1 older left out.
    expect(r.engagement).toMatchObject({
      postsUsed: 12, postsInWindow: 12, windowSize: 12, unknownAge: 0,
      postsLeftOut: { pinned: 2, tooYoung: 1, sponsored: 1, organic: 0, otherKind: 0, missingCounts: 0, beyondWindow: 1 },
      postsSkipped: { tooYoung: 1, missingCounts: 0 },
      sample: 'median of 12 posts · 2 pinned left out · 1 sponsored apart · 1 under 3 days old left out · 1 older than the newest 12 left out',
    });
    // likes 100, 110, 120, (130 sponsored), 140 … 220 → organic newest 12: 100,110,120,140…230 minus 230 beyond → up to 220.
    const used = [100, 110, 120, 140, 150, 160, 170, 180, 190, 200, 210, 220].map((l) => (l + 10) / 10_000);
    expect(r.engagement.median).toBeCloseTo((used[5]! + used[6]!) / 2, 12);
    expect(r.engagement.mean).toBeCloseTo(used.reduce((a, b) => a + b) / 12, 12);
    expect(r.engagement.used).toHaveLength(12);
  });

  test.each([
    ['instagram', 12],
    ['tiktok', 30],
    ['youtube', 30],
  ] as const)('%s: a window of %d posts', (platform, size) => {
    const r = engagement({ platform, followers: 1_000, posts: series(40), now: NOW });
    expect([r.engagement.postsUsed, r.engagement.postsLeftOut.beyondWindow]).toEqual([size, 40 - size]);
  });

  test('ordered by date where every post has one, else in the page’s order; worded ages count as dates for the order', () => {
    const a = p(10), b = p(5), c = p(20);
    expect(newestFirst([a, b, c], NOW).map((x) => x.id)).toEqual([b.id, a.id, c.id]);
    const d = p(null);
    expect(newestFirst([a, d, b, c], NOW).map((x) => x.id)).toEqual([a.id, d.id, b.id, c.id]);
    const w = { ...p(null), publishedText: '2 weeks ago' };
    expect(newestFirst([a, w, b], NOW).map((x) => x.id)).toEqual([b.id, a.id, w.id]);
    // A pinned post without a date does not stop the ordering (it is left out anyway).
    const pin = { ...p(null), pinned: true };
    expect(newestFirst([pin, a, b], NOW).map((x) => x.id)).toEqual([b.id, a.id, pin.id]);
  });

  test('posts of unknown age are counted as old enough, and the sample names them', () => {
    const r = engagement({ platform: 'instagram', followers: 1_000, posts: [p(null), p(null), p(10)], now: NOW });
    expect(r.engagement).toMatchObject({ postsUsed: 3, unknownAge: 2, sample: 'median of 3 posts · 2 of unknown age counted' });
  });

  test('missing counts stay in the window: "on 9 of 12"', () => {
    const r = engagement({ platform: 'instagram', followers: 1_000, posts: series(12, (i) => (i < 3 ? { likes: null } : {})), now: NOW });
    expect(r.engagement).toMatchObject({ postsUsed: 9, postsInWindow: 12, postsLeftOut: { missingCounts: 3 }, sample: 'median on 9 of 12 posts' });
  });

  test('no post with the counts: null, never 0, and the sample says so', () => {
    const r = engagement({ platform: 'instagram', followers: 1_000, posts: series(3, () => ({ likes: null })), now: NOW });
    expect(r.engagement).toMatchObject({ median: null, mean: null, postsUsed: 0, sample: 'no posts with the counts (of 3)' });
  });

  test('both the capture’s Post and the reading’s RecentPost are inputs', () => {
    const post: Post = {
      id: 'x', url: 'https://www.tiktok.com/@a/video/1', owner: 'a', publishedAt: NOW - 10 * DAY, publishedText: null, kind: 'video',
      views: 1_000, likes: 50, comments: 5, shares: 5, saves: 1, exact: { views: true, likes: true, comments: true, shares: true, saves: true },
      pinned: false, sponsored: false, collab: false, likesHidden: false,
    };
    const recent: RecentPost = recentPost({ id: 'y', url: 'https://www.tiktok.com/@a/video/2', views: 2_000, likes: 100, comments: 10, publishedText: '2 weeks ago', source: 'dom' });
    const posts: MetricPost[] = [post, recent];
    expect(engagement({ platform: 'tiktok', followers: 10, posts, now: NOW }).engagement.median).toBeCloseTo(0.06, 12);
  });
});

describe('YouTube: views per subscriber the headline, long videos and Shorts apart, likes only where a watch page was opened', () => {
  const short = (age: number, views: number, over: Partial<MetricPost> = {}) => p(age, { url: `https://www.youtube.com/shorts/${`s${++n}`.padEnd(11, 'x')}`, views, likes: null, comments: null, ...over });
  const long = (age: number, views: number, over: Partial<MetricPost> = {}) => p(age, { kind: 'video', views, likes: null, comments: null, ...over });

  test('kinds from the post, else its URL', () => {
    expect(kindOf('youtube', { url: 'https://www.youtube.com/shorts/abcdefghijk' })).toBe('short');
    expect(kindOf('youtube', { url: 'https://www.youtube.com/watch?v=abcdefghijk' })).toBe('video');
    expect(kindOf('instagram', { url: 'https://www.instagram.com/reel/C5abcdef/' })).toBe('reel');
    expect(kindOf('instagram', { url: 'https://www.instagram.com/p/C5abcdef/' })).toBeNull();
    expect(kindOf('youtube', { kind: 'short', url: 'https://www.youtube.com/watch?v=abcdefghijk' })).toBe('short');
  });

  test('30 recent long videos, 4 watch pages opened; Shorts apart', () => {
    const posts = [
      ...Array.from({ length: 30 }, (_, i) => long(4 + i, 10_000 + i * 1_000, i < 4 ? { likes: 400, comments: 100 } : {})),
      short(5, 500_000), short(6, 700_000), short(7, 900_000, { likes: 90_000, comments: 1_000 }),
    ];
    const m = recentMetrics({ platform: 'youtube', followers: 100_000, posts, now: NOW });
    expect(m.headline).toBe('reach');
    // Views 10,000 … 39,000: median (24,000 + 25,000) / 2 = 24,500 → 24.5 % of 100,000.
    expect(m.reach).toMatchObject({ definition: 'views / subscribers', postsUsed: 30, sample: 'median of 30 videos · 3 Shorts apart' });
    expect(m.reach!.median).toBeCloseTo(0.245, 12);
    // Likes + comments 500 over 10,000 … 13,000 views.
    expect(m.engagement).toMatchObject({ postsUsed: 4, postsInWindow: 30, sample: 'median on 4 of 30 videos · 3 Shorts apart' });
    expect(m.engagement.median).toBeCloseTo(((500 / 11_000) + (500 / 12_000)) / 2, 12);
    expect(m.shorts!.reach).toMatchObject({ postsUsed: 3, median: 7, sample: 'median of 3 Shorts · 30 long videos apart' });
    expect(m.shorts!.engagement).toMatchObject({ postsUsed: 1, sample: 'median on 1 of 3 Shorts · 30 long videos apart' });
  });

  test('the views-per-subscriber band names its source and year, and is indicative', () => {
    for (const tier of TIERS) {
      const band = VIEWS_PER_SUBSCRIBER[tier];
      expect(validateBand(band)).toBeNull();
      expect(band).toMatchObject({ definition: 'views / subscribers', year: 2026, yearIsRead: true, source: expect.stringMatching(/^BrightBean.*indicative/) });
    }
    // BrightBean: <10k 30–50 %, 10k–500k 14–20 %, 500k+ 5–15 %.
    expect([VIEWS_PER_SUBSCRIBER.nano.low, VIEWS_PER_SUBSCRIBER.mid.high, VIEWS_PER_SUBSCRIBER.mega.low]).toEqual([0.3, 0.2, 0.05]);
  });
});

describe('a verdict only from 6 posts, with the band’s source and the sample', () => {
  const band = benchmarkFor('instagram', 'micro');
  test.each([
    [5, 'too-few'],
    [6, 'verdict'],
    [12, 'verdict'],
  ] as const)('%d posts → %s', (count, kind) => {
    const r = engagement({ platform: 'instagram', followers: 50_000, posts: series(count, () => ({ likes: 1_000, comments: 0 })), now: NOW });
    const v = sampleVerdict(r.engagement, band);
    expect(v.kind).toBe(kind);
    expect(v).toMatchObject({ sample: `median of ${count} posts`, source: expect.stringMatching(/^Modash.*2026 \(the year the figures were read\)$/) });
    if (v.kind === 'too-few') expect(v).toMatchObject({ rate: 0.02, postsUsed: 5, needed: MIN_POSTS_FOR_VERDICT, message: 'Too few posts for a verdict: 5 of the 6 a verdict needs.' });
    if (v.kind === 'verdict') expect(v).toMatchObject({ position: 'above', rate: 0.02, band });
  });

  test('no rate: unknown; no band: no verdict, the rate kept', () => {
    expect(sampleVerdict({ median: null, postsUsed: 0, sample: 'no posts with the counts' }, band)).toMatchObject({ kind: 'unknown' });
    expect(sampleVerdict({ median: 0.1, postsUsed: 30, sample: 's' }, null)).toEqual({ kind: 'no-band', rate: 0.1, sample: 's', message: 'No published band to compare with.' });
  });

  test('the presets are unchanged', () => {
    expect(DEFAULT_BENCHMARKS.youtube.mid.typical).toBe(0.04);
  });
});

describe('sponsored apart (paid post performance) and the standouts', () => {
  test('sponsored posts get their own summary; compared with the organic one from 3 each', () => {
    const posts = [
      ...series(3, () => ({ sponsored: true, views: 1_000, likes: 20, comments: 0, shares: 0 })),
      ...series(6, () => ({ views: 1_000, likes: 80, comments: 0, shares: 0 })),
      p(5, { deliverable: true, likes: 10, comments: 0, shares: 0 }),
    ];
    const m = recentMetrics({ platform: 'tiktok', followers: 10_000, posts, now: NOW });
    expect(m.engagement).toMatchObject({ postsUsed: 6, median: 0.08, sample: 'median of 6 posts · 4 sponsored apart' });
    expect(m.sponsored!.engagement).toMatchObject({ postsUsed: 4, sample: 'median of 4 sponsored posts', postsLeftOut: { organic: 6, sponsored: 0 } });
    expect(m.sponsored!.engagement.median).toBeCloseTo(0.02, 12); // 0.02, 0.02, 0.02, 0.01 → (0.02 + 0.02) / 2
    expect(m.sponsored!.vsOrganic.engagement).toBeCloseTo(0.25, 12);
    expect(recentMetrics({ platform: 'tiktok', followers: 10_000, posts: series(4), now: NOW }).sponsored).toBeNull();
  });

  test('best and worst against the creator’s own median, outliers past 3× or under ⅓', () => {
    const views = [1_000, 2_000, 3_000, 4_000, 20_000];
    const posts = views.map((v, i) => p(4 + i, { views: v, likes: v / 10, comments: 0, shares: 0, id: `v${v}` }));
    const m = recentMetrics({ platform: 'tiktok', followers: 10_000, posts, now: NOW });
    expect(m.standouts.views).toMatchObject({ measure: 'views', median: 3_000, posts: 5, best: { id: 'v20000', value: 20_000, outlier: true }, worst: { id: 'v1000', value: 1_000, outlier: false } });
    expect(m.standouts.views!.best.ratio).toBeCloseTo(20 / 3, 12);
    expect(m.standouts.views!.worst.ratio).toBeCloseTo(1 / 3, 12);
    // Every post's rate is 10 %: best and worst at 1× the median.
    expect(m.standouts.engagement).toMatchObject({ median: 0.1, best: { ratio: 1, outlier: false } });
    expect(recentMetrics({ platform: 'tiktok', followers: 1, posts: posts.slice(0, 2), now: NOW }).standouts).toEqual({ engagement: null, views: null });
  });
});

describe('posting cadence over 30 and 90 days, from dated posts only', () => {
  test('covered windows', () => {
    // One post every 5 days for 100 days: 6 in 30 days (ages 5 … 30), 18 in 90.
    const c = cadence(Array.from({ length: 20 }, (_, i) => p(5 + i * 5)), NOW);
    expect(c).toMatchObject({ dated: 20, undated: 0, reachesBackDays: 100, note: null });
    expect(c.windows![30]).toMatchObject({ posts: 6, covered: true, text: '1.4 a week over 30 days' });
    expect(c.windows![30].perWeek).toBeCloseTo(1.4, 12);
    expect(c.windows![90]).toMatchObject({ posts: 18, covered: true });
  });

  test('dates that do not reach back: "at least"; pinned posts do not stretch the coverage; undated posts named', () => {
    const c = cadence([p(800, { pinned: true }), ...Array.from({ length: 12 }, (_, i) => p(1 + i * 3)), p(null)], NOW);
    expect(c.reachesBackDays).toBe(34);
    expect(c.windows![30]).toMatchObject({ posts: 10, covered: true });
    expect(c.windows![90]).toMatchObject({ posts: 12, covered: false, text: 'at least 0.9 a week over 90 days (the dates reach back 34 days only)' });
    expect(c.note).toBe('1 post without a date not counted.');
  });

  test('no dates: unknown, never 0', () => {
    const c = cadence([{ ...p(null), publishedText: '2 weeks ago' }], NOW);
    expect(c).toMatchObject({ dated: 0, windows: null, note: expect.stringMatching(/no dates/) });
  });
});

describe('the organic views baseline', () => {
  test('sponsored posts, deliverables and pinned posts never enter it; kinds apart', () => {
    const posts = [
      p(500, { pinned: true, views: 9_000_000 }),
      p(5, { sponsored: true, views: 993_000 }),
      p(6, { deliverable: true, views: 993_000 }),
      ...series(6, (i) => ({ kind: 'video', views: 600_000 + i * 10_000 })),
      p(8, { kind: 'short', views: 5_000_000 }),
    ];
    const b = viewsBaseline({ platform: 'youtube', posts, filter: { kinds: ['video'], unknownKind: true, label: 'long videos' }, now: NOW });
    expect(b).toMatchObject({ median: 625_000, postsUsed: 6, thin: false, sample: 'median views of 6 long videos · 2 sponsored apart · 1 pinned left out · 1 of other kinds apart' });
    expect(b.range).toEqual({ low: 612_500, high: 637_500 });
    expect(b.rangeRule).toMatch(/middle half/);
    // The panel's median views leave them out too.
    expect(medianViews(posts, NOW)).toBe(630_000);
  });

  test.each([
    [1, true],
    [4, true],
    [5, false],
  ] as const)('%d posts’ views → thin %s; thin widens the range to ÷3 … ×3', (count, thin) => {
    const b = viewsBaseline({ platform: 'tiktok', posts: series(count, () => ({ views: 30_000 })), now: NOW });
    expect(b).toMatchObject({ median: 30_000, postsUsed: count, thin });
    expect(b.range).toEqual(thin ? { low: 10_000, high: 90_000 } : { low: 30_000, high: 30_000 });
    if (thin) expect(b.rangeRule).toMatch(/^thin: from \d posts?’ views \(fewer than 5\), so the range is widened/);
  });
});
