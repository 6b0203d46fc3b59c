/**
 * lib/capture/merge.ts (the grid's posts and the captured ones as one list) and what
 * `read-page` prints from it (scripts/saved-page.ts readSavedPosts, --engagement, --now):
 * tables, the fixtures in tests/fixtures/api and capture/, and real captures read in place
 * from ../shared/real-captures (HARs built here around a real api/ response).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { mergeRecent } from '../../lib/capture/merge';
import type { CapturedPost } from '../../lib/capture/store';
import { recentPost, type ProfileReading } from '../../lib/sites/types';
import { readSavedPosts, savedDocument, type EngagementReport, type PrintedPost } from '../../scripts/saved-page';
import { readPage } from '../../lib/sites/registry';
import { fixture } from './capture-helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL = fileURLToPath(new URL('../../../shared/real-captures/', import.meta.url));
const present = existsSync(`${REAL}expected.json`);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);

const dom = (id: string, over: Partial<Parameters<typeof recentPost>[0]> = {}) => recentPost({ id, url: `https://www.tiktok.com/@a/video/${id}`, views: 1_200_000, source: 'dom', ...over });
const cap = (id: string, over: Partial<CapturedPost> = {}): CapturedPost => ({
  id, url: `https://www.tiktok.com/@a/video/${id}`, owner: 'a', publishedAt: null, publishedText: null, kind: 'video',
  views: 1_234_567, likes: 50_000, comments: 700, shares: null, saves: 10, exact: { views: true, likes: true, comments: true, shares: false, saves: true },
  pinned: false, sponsored: false, collab: false, likesHidden: false, source: 'network', capturedAt: T0, ...over,
});

describe('mergeRecent', () => {
  test('one entry per id; captured counts win where known, the grid fills the rest (not exact)', () => {
    const [m] = mergeRecent([dom('1', { shares: 40 })], [cap('1')]);
    expect(m).toEqual({
      id: '1', url: 'https://www.tiktok.com/@a/video/1', publishedAt: null, publishedText: null, kind: 'video',
      views: 1_234_567, likes: 50_000, comments: 700, shares: 40, saves: 10,
      exact: { views: true, likes: true, comments: true, shares: false, saves: true },
      pinned: false, sponsored: false, collab: false, likesHidden: false, source: 'network',
    });
  });

  test.each([
    ['grid only', [dom('1')], [], { source: 'dom', views: 1_200_000, kind: null, exact: { views: false } }],
    ['capture only', [], [cap('1', { source: 'embedded' })], { source: 'embedded', views: 1_234_567 }],
    ['hidden likes stay unknown whatever the grid says', [dom('1', { likes: 7 })], [cap('1', { likes: null, likesHidden: true, exact: { views: true, likes: false, comments: true, shares: false, saves: true } })], { likes: null, likesHidden: true, exact: { likes: false } }],
    ['the grid’s worded age kept where the capture has no date', [dom('1', { publishedText: '2 days ago' })], [cap('1')], { publishedText: '2 days ago', publishedAt: null }],
    ['flags from either side', [dom('1', { pinned: true })], [cap('1', { sponsored: true })], { pinned: true, sponsored: true }],
  ] as const)('%s', (_what, d, c, want) => {
    const out = mergeRecent(d, c);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject(want);
  });

  test('order: the grid’s, then capture-only posts; dated posts newest first in the dated places, undated ones stay', () => {
    const at = (days: number) => T0 - days * DAY;
    // Grid: a (undated), b, c; capture: c (5 days), b (20 days), d (2 days, beyond the grid), e (undated).
    const out = mergeRecent([dom('a'), dom('b'), dom('c')], [cap('c', { publishedAt: at(5) }), cap('b', { publishedAt: at(20) }), cap('d', { publishedAt: at(2) }), cap('e')]);
    // Places: a(undated) b(dated) c(dated) d(dated) e(undated) → dated sorted: d, c, b.
    expect(out.map((p) => p.id)).toEqual(['a', 'd', 'c', 'b', 'e']);
    // Duplicates in either list are kept once (the first).
    expect(mergeRecent([dom('a'), dom('a', { views: 1 })], [cap('x'), cap('x', { views: 2 })]).map((p) => [p.id, p.views])).toEqual([['a', 1_200_000], ['x', 1_234_567]]);
  });
});

describe('read-page’s recent posts and engagement (readSavedPosts)', () => {
  const tiktokPage = () => {
    const doc = savedDocument(fixture('tiktok/profile-2024-universal.html'));
    const url = new URL('https://www.tiktok.com/@maya.bakes');
    return { doc, url, reading: readPage(doc, url) as ProfileReading };
  };

  test('TikTok fixture + HAR: the grid’s 12 tiles with the responses’ 10 posts merged in, dates as ISO times', () => {
    const { doc, url, reading } = tiktokPage();
    const out = readSavedPosts(reading, url, doc, { har: JSON.parse(fixture('capture/tiktok-profile.har')) });
    const recent = out.recent as PrintedPost[];
    const domIds = reading.recent.map((p) => p.id);
    expect(domIds.every((id) => recent.some((p) => p.id === id))).toBe(true);
    expect(recent.filter((p) => p.source === 'dom').every((p) => domIds.includes(p.id))).toBe(true);
    expect(recent.filter((p) => p.source === 'network')).toHaveLength(10);
    for (const p of recent) if (p.publishedAt !== null) expect(p.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(out.capture).toMatchObject({ creator: 'maya.bakes' });
    // Without a HAR: no capture account; the page's own (here: none embedded) posts still merged.
    const plain = readSavedPosts(reading, url, doc);
    expect(plain).not.toHaveProperty('capture');
    expect((plain.recent as PrintedPost[]).map((p) => p.id)).toEqual(domIds);
  });

  test('--engagement at a fixed clock: every summary names its definition, median, mean, sample and posts left out', () => {
    const { doc, url, reading } = tiktokPage();
    const har = JSON.parse(fixture('capture/tiktok-profile.har'));
    const at = (iso: string) => readSavedPosts(reading, url, doc, { har, engagement: { now: Date.parse(iso) } }).engagement as EngagementReport;
    const e = at('2026-06-01T00:00:00Z');
    expect(e).toMatchObject({ now: '2026-06-01T00:00:00.000Z', headline: 'engagement', windowSize: 30, minAgeDays: 3, tier: 'mega' });
    for (const key of ['definition', 'median', 'mean', 'postsUsed', 'postsLeftOut', 'sample'] as const) expect(e.engagement).toHaveProperty(key);
    expect(e.engagement).toMatchObject({ definition: '(likes + comments + shares) / views', postsLeftOut: { pinned: 2, sponsored: 3 }, verdict: { kind: 'too-few', message: expect.stringMatching(/^Too few posts for a verdict/) } });
    expect(e.cadence.windows).not.toBeNull();
    // The same check gives the same answer later, and another clock another one (before the posts: all too young).
    expect(at('2026-06-01T00:00:00Z')).toEqual(e);
    // The 5 dated organic posts are then too young; the 2 grid tiles without a date are of unknown age, so they stay (with no likes).
    expect(e.engagement).toMatchObject({ postsInWindow: 7, postsLeftOut: { tooYoung: 0 } });
    expect(at('2023-01-01T00:00:00Z').engagement).toMatchObject({ postsUsed: 0, postsInWindow: 2, postsLeftOut: { tooYoung: 5, missingCounts: 2 } });
  });

  describe('npm run read-page --engagement --now', { timeout: 60_000 }, () => {
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/read-page.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    test('prints the engagement object; a bad --now is a usage error', () => {
      const args = ['--url', 'https://www.tiktok.com/@maya.bakes', '--har', 'tests/fixtures/capture/tiktok-profile.har', '--engagement'];
      const r = run(...args, '--now', '2026-06-01T00:00:00Z', 'tests/fixtures/tiktok/profile-2024-universal.html');
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.engagement).toMatchObject({ now: '2026-06-01T00:00:00.000Z', engagement: { definition: '(likes + comments + shares) / views' } });
      const bad = run(...args, '--now', 'next tuesday', 'tests/fixtures/tiktok/profile-2024-universal.html');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/--now is an ISO time/);
    });
  });
});

describe.runIf(present)('real captures (read in place from ../shared/real-captures)', () => {
  const read = (path: string) => readFileSync(`${REAL}${path}`, 'utf8');
  const harOf = (url: string, body: string) => ({ log: { version: '1.2', entries: [{ startedDateTime: '2025-11-27T00:00:00.000Z', request: { method: 'GET', url }, response: { status: 200, content: { mimeType: 'application/json', text: body } } }] } });

  test('every expected.json page with recent posts: the merged list keeps every expected count (no wrong number)', () => {
    const cases = (JSON.parse(read('expected.json')) as { name: string; file: string; url: string; expect: { recent?: Record<string, Record<string, number | null>> } }[]).filter((c) => c.expect.recent);
    expect(cases.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const c of cases) {
      const url = new URL(c.url);
      const doc = savedDocument(read(c.file));
      const reading = readPage(doc, url) as ProfileReading;
      const recent = readSavedPosts(reading, url, doc).recent as PrintedPost[];
      expect(new Set(recent.map((p) => p.id)).size, c.name).toBe(recent.length);
      for (const [id, counts] of Object.entries(c.expect.recent!)) {
        const post = recent.find((p) => p.id === id);
        for (const [field, want] of Object.entries(counts)) {
          const got = post ? post[field as 'views'] : undefined;
          if (got !== want) wrong.push(`${c.name} ${id}.${field}: expected ${want}, got ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('TikTok @oddanimalspecimens: a HAR around the real item_list items; the engagement of the newest 30 at least 3 days old, figured here from the raw JSON', () => {
    // scrapfly-channel.json: item_list items reduced by the scraper (no author, statsV2, isPinnedItem);
    // the author from scrapfly-posts.json, as tests/unit/posts-real-captures.test.ts does.
    const items = JSON.parse(read('api/tiktok/scrapfly-channel.json')) as { id: string; createTime: number | string; stats: Record<string, number> }[];
    const author = JSON.parse(read('api/tiktok/scrapfly-posts.json'))[0].author;
    const body = JSON.stringify({ statusCode: 0, itemList: items.map((i) => ({ ...i, author })), cursor: '0', hasMore: true });
    const url = new URL('https://www.tiktok.com/@oddanimalspecimens');
    const doc = savedDocument(read('tiktok/tt-2026-01-oddanimalspecimens-userinfo-wrapped.html'));
    const reading = readPage(doc, url) as ProfileReading;
    expect(reading.kind).toBe('profile');
    const now = Date.parse('2025-11-27T00:00:00Z'); // the newest video (2025-11-25 22:04) is a day old
    const out = readSavedPosts(reading, url, doc, { har: harOf('https://www.tiktok.com/api/post/item_list/?secUid=x&count=35&cursor=0', body), engagement: { now } });
    const recent = out.recent as PrintedPost[];
    expect(recent.filter((p) => p.source === 'network')).toHaveLength(53);
    expect(recent[0]).toMatchObject({ publishedAt: '2025-11-25T22:04:31.000Z' });

    const byAge = [...items].sort((a, b) => Number(b.createTime) - Number(a.createTime)).filter((i) => now - Number(i.createTime) * 1000 >= 3 * DAY);
    const window = byAge.slice(0, 30);
    const rates = window.map((i) => (i.stats.diggCount! + i.stats.commentCount! + i.stats.shareCount!) / i.stats.playCount!).sort((a, b) => a - b);
    const e = out.engagement as EngagementReport;
    // No caption carries a disclosure tag, and the scraper dropped the pinned flags.
    expect(recent.filter((p) => p.sponsored || p.pinned)).toEqual([]);
    expect(e.engagement).toMatchObject({ postsUsed: 30, postsLeftOut: { tooYoung: 1, beyondWindow: 53 - 1 - 30, pinned: 0, sponsored: 0 } });
    expect(e.engagement.median).toBeCloseTo((rates[14]! + rates[15]!) / 2, 12);
    expect(e.engagement.sample).toMatch(/^median of 30 posts/);
    // 4,001,943 followers: mega; 30 posts, so a verdict against Modash's TikTok band.
    expect(e.engagement.verdict).toMatchObject({ kind: 'verdict', source: expect.stringMatching(/^Modash/) });
    // Dated posts: 30 days back from 2025-11-27.
    const in30 = items.filter((i) => now - Number(i.createTime) * 1000 <= 30 * DAY).length;
    expect(e.cadence.windows![30]).toMatchObject({ posts: in30, covered: true });
  });

  test('YouTube @CaptainDisillusion Videos tab: views per subscriber over 30 long videos, likes on none of them', () => {
    const url = new URL('https://www.youtube.com/@CaptainDisillusion/videos');
    const doc = savedDocument(read('youtube/yt-2026-captaindisillusion-videos.html'));
    const reading = readPage(doc, url) as ProfileReading;
    const out = readSavedPosts(reading, url, doc, { engagement: { now: Date.parse('2026-06-01T00:00:00Z') } });
    const e = out.engagement as EngagementReport;
    expect(e.headline).toBe('viewsPerSubscriber');
    const videos = e.viewsPerSubscriber!.videos;
    const views = (out.recent as PrintedPost[]).filter((p) => p.kind !== 'short').map((p) => p.views!).sort((a, b) => a - b);
    expect(views).toHaveLength(30);
    expect(videos.definition).toBe('views / subscribers');
    // The Videos tab words every age ("3 weeks ago"): none under 3 days here, none of unknown age.
    expect(videos).toMatchObject({ postsUsed: 30, unknownAge: 0, postsLeftOut: { tooYoung: 0 }, sample: 'median of 30 videos' });
    expect(videos.median).toBeCloseTo((views[14]! + views[15]!) / 2 / reading.followers!, 12);
    // 2.52M subscribers: BrightBean's 500K+ band of 5–15 %; a median of 73 % is above it.
    expect(videos.verdict).toMatchObject({ kind: 'verdict', position: 'above', source: expect.stringMatching(/^BrightBean/) });
    expect(e.engagement).toMatchObject({ postsUsed: 0, median: null, sample: 'no videos with the counts (of 30)' });
  });
});
