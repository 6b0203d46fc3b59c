/** The creator page's Recent posts: rates by the platform's definition, sorting with unknowns last (lib/view/recent-posts.ts). */
import { describe, expect, test } from 'vitest';
import { postRate } from '../../lib/metrics/engagement';
import { recentPost } from '../../lib/sites/types';
import { postRows, sortPosts } from '../../lib/view/recent-posts';

const post = (id: string, f: Partial<Parameters<typeof recentPost>[0]> = {}) => recentPost({ id, url: `https://www.tiktok.com/@maya.bakes/video/${id}`, source: 'network', ...f });

describe('postRate', () => {
  test.each([
    ['instagram', { likes: 90, comments: 10, views: 5_000 }, 10_000, 0.01],
    ['tiktok', { likes: 80, comments: 10, shares: 10, views: 1_000 }, 10_000, 0.1],
    ['youtube', { likes: 40, comments: 10, views: 1_000 }, 10_000, 0.05],
  ] as const)('%s', (platform, counts, followers, rate) => {
    expect(postRate(platform, post('1', counts), followers)).toBeCloseTo(rate, 10);
  });

  test.each([
    ['hidden likes', 'instagram', { likes: null, comments: 10, likesHidden: true }, 10_000],
    ['no followers known', 'instagram', { likes: 1, comments: 1 }, null],
    ['no shares on TikTok', 'tiktok', { likes: 1, comments: 1, views: 10 }, 1],
    ['zero views', 'youtube', { likes: 1, comments: 1, views: 0 }, 1],
  ] as const)('unknown with %s', (_why, platform, counts, followers) => {
    expect(postRate(platform, post('1', counts), followers)).toBeNull();
  });
});

describe('sortPosts', () => {
  const rows = postRows([
    post('a', { publishedAt: 300, views: 10, likes: 5, comments: 0, shares: 0, kind: 'video' }),
    post('b', { publishedAt: null, views: null, kind: null }),
    post('c', { publishedAt: 100, views: 30, likes: 1, comments: 0, shares: 0, kind: 'photo' }),
    post('d', { publishedAt: 200, views: 20, likes: null, kind: 'video' }),
  ], 'tiktok', 1_000);

  test('newest first by default order; unknown dates last either way', () => {
    expect(sortPosts(rows, { key: 'published', dir: 'desc' }).map((r) => r.post.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(sortPosts(rows, { key: 'published', dir: 'asc' }).map((r) => r.post.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  test('by views, by rate (a post without the counts has none and goes last), by kind', () => {
    expect(sortPosts(rows, { key: 'views', dir: 'desc' }).map((r) => r.post.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(sortPosts(rows, { key: 'rate', dir: 'desc' }).map((r) => [r.post.id, r.rate])).toEqual([['a', 0.5], ['c', 1 / 30], ['b', null], ['d', null]]);
    expect(sortPosts(rows, { key: 'kind', dir: 'asc' }).map((r) => r.post.id)).toEqual(['c', 'a', 'd', 'b']);
  });
});
