/**
 * The captured posts joining the reading (lib/content-script.ts withCapturedPosts,
 * lib/capture/merge.ts): the page's own data fills each profile reading's recent posts, for
 * the creator the reading names only, merged by id with what the grid showed.
 */
import { describe, expect, test } from 'vitest';
import { mergeRecent } from '../../lib/capture/merge';
import type { CapturedPost } from '../../lib/capture/store';
import { tiktokCapture } from '../../lib/capture/tiktok';
import { youtubeCapture } from '../../lib/capture/youtube';
import { withCapturedPosts } from '../../lib/content-script';
import { ReadingSchema } from '../../lib/schema/reading';
import { recentPost, type ProfileReading } from '../../lib/sites/types';
import { fixture, testPage } from './capture-helpers';

const profile = (handle: string, url: string, recent = [] as ProfileReading['recent']): ProfileReading => ({
  kind: 'profile', platform: 'tiktok', handle, displayName: null, url, followers: 1000, following: null, posts: null, likes: null, views: null,
  exact: { followers: true, following: false, posts: false, likes: false, views: false }, sources: {}, recent,
});

const captured = (id: string, fields: Partial<CapturedPost> = {}): CapturedPost => ({
  ...recentPost({ id, url: `https://www.tiktok.com/@maya.bakes/video/${id}`, source: 'network' }),
  source: 'network', owner: 'maya.bakes', capturedAt: 1, ...fields,
});

describe('the reading carries the page’s own per-post data', () => {
  test('TikTok: the item_list posts join the reading, merged with the grid’s tiles, and the result passes the background’s validation', async () => {
    const page = testPage('https://www.tiktok.com/@maya.bakes', tiktokCapture);
    page.serve('/api/post/item_list/', fixture('api/tiktok/item-list.json'));
    const collector = page.collect();
    await page.load('/api/post/item_list/');
    await page.flush();
    const own = collector.postsFor('maya.bakes');
    expect(own.length).toBeGreaterThan(2);
    const tile = recentPost({ id: own[0]!.id, url: own[0]!.url, views: 1_200_000, source: 'dom' });
    const reading = withCapturedPosts(profile('maya.bakes', 'https://www.tiktok.com/@maya.bakes', [tile]), collector);
    expect(reading.recent.map((p) => p.id).sort()).toEqual(own.map((p) => p.id).sort());
    const first = reading.recent.find((p) => p.id === own[0]!.id)!;
    expect(first.source).toBe('network');
    expect(first.likes).toBe(own[0]!.likes);
    expect(first.publishedAt).toBe(own[0]!.publishedAt);
    if (own[0]!.exact.views) expect(first.views).toBe(own[0]!.views); // exact data wins over the grid's "1.2M"
    expect(ReadingSchema.safeParse(reading).success).toBe(true);
  });

  test('a reading that names someone else than the URL’s creator gets none of the URL creator’s posts', async () => {
    const page = testPage('https://www.tiktok.com/@maya.bakes', tiktokCapture);
    page.serve('/api/post/item_list/', fixture('api/tiktok/item-list.json'));
    const collector = page.collect();
    await page.load('/api/post/item_list/');
    await page.flush();
    // The page still shows the previous profile's header while the URL is maya.bakes'.
    const stale = withCapturedPosts(profile('lena.kocht', 'https://www.tiktok.com/@lena.kocht'), collector);
    expect(stale.recent).toEqual([]);
  });

  test('YouTube /channel/UC…: the reader’s handle names the channel, and the posts read for its id join that handle’s reading', async () => {
    const page = testPage('https://www.youtube.com/channel/UCmAyAc0des_channel-id01/videos', youtubeCapture);
    page.serve('/youtubei/v1/browse', fixture('api/youtube/browse-continuation.json'));
    const collector = page.collect();
    await page.load('/youtubei/v1/browse', { method: 'POST' });
    await page.flush();
    const reading = withCapturedPosts({ ...profile('mayacodes', 'https://www.youtube.com/channel/UCmAyAc0des_channel-id01'), platform: 'youtube' }, collector);
    expect(reading.recent).toHaveLength(3);
    expect(reading.recent.every((p) => p.source === 'network')).toBe(true);
  });

  test('no capture (it failed to start): the reading is as the page showed it', () => {
    const r = profile('maya.bakes', 'https://www.tiktok.com/@maya.bakes');
    expect(withCapturedPosts(r, null)).toBe(r);
  });
});

describe('mergeRecent', () => {
  const tile = (id: string, fields: Parameters<typeof recentPost>[0] extends infer F ? Partial<F> : never = {}) => recentPost({ id, url: `https://www.tiktok.com/@maya.bakes/video/${id}`, source: 'dom', ...fields });

  test('each count from whichever side has it exact, else the data; flags and date from the data; hidden likes stay unknown', () => {
    const [p] = mergeRecent(
      [tile('1', { views: 1_234_567, exact: { views: true }, likes: 40, publishedText: '3 days ago' })],
      [captured('1', { views: 1_200_000, exact: { views: false, likes: false, comments: true, shares: true, saves: false }, likes: null, likesHidden: true, comments: 5, shares: 2, pinned: true, publishedAt: 1_000 })],
    );
    expect(p).toMatchObject({ views: 1_234_567, likes: null, comments: 5, shares: 2, pinned: true, likesHidden: true, publishedAt: 1_000, publishedText: '3 days ago', source: 'network' });
    expect(p!.exact).toMatchObject({ views: true, likes: false, comments: true });
  });

  test('posts the grid has not rendered yet are added; dated posts newest first in the places dated posts hold, undated ones keep theirs', () => {
    const dated = mergeRecent([tile('1')], [captured('1', { publishedAt: 100 }), captured('2', { publishedAt: 300 }), captured('3', { publishedAt: 200 })]);
    expect(dated.map((p) => p.id)).toEqual(['2', '3', '1']);
    const undated = mergeRecent([tile('9'), tile('1')], [captured('1', { publishedAt: 100 }), captured('2', { publishedAt: 300 })]);
    expect(undated.map((p) => p.id)).toEqual(['9', '2', '1']);
  });

  test('nothing captured: the grid’s posts unchanged; never more than the reading may carry', () => {
    const grid = [tile('1'), tile('2')];
    expect(mergeRecent(grid, [])).toEqual(grid);
    expect(mergeRecent([], Array.from({ length: 600 }, (_, i) => captured(String(i)))).length).toBe(500);
  });
});
