/**
 * The collector's rules of whose posts a response may add to (lib/capture/collector.ts), the
 * embedded data of a full load, and how repeated captures of a post merge (store.ts).
 */
import { describe, expect, test, vi } from 'vitest';
import { PREFETCH_MS } from '../../lib/capture/collector';
import { instagramCapture } from '../../lib/capture/instagram';
import { mergePost, PostStore, type CapturedPost } from '../../lib/capture/store';
import { tiktokCapture } from '../../lib/capture/tiktok';
import { youtubeCapture } from '../../lib/capture/youtube';
import { readInstagramPosts } from '../../lib/sites/instagram/posts';
import { makePost } from '../../lib/sites/posts/extract';
import { fixture, testPage } from './capture-helpers';

const ids = (posts: { id: string }[]) => posts.map((p) => p.id);
const MAYA_TT = fixture('api/tiktok/item-list.json');
const LENA_TT = fixture('capture/tiktok-item-list-lena.kocht.json');
const MAYA_TT_OWN = ids(tiktokCapture.extract(MAYA_TT, { handle: 'maya.bakes' }).posts);

/** A TikTok profile of maya.bakes with item_list answers for her (secUid=maya) and lena.kocht (secUid=lena). */
function tiktokPage() {
  const page = testPage('https://www.tiktok.com/@maya.bakes', tiktokCapture);
  page.serve('/api/post/item_list/?secUid=maya', MAYA_TT);
  page.serve('/api/post/item_list/?secUid=lena', LENA_TT);
  return page;
}

describe('only the profile’s own posts', () => {
  test('a response adds the creator of the view it arrived in, and only their own posts', async () => {
    const page = tiktokPage();
    const collector = page.collect();
    await page.load('/api/post/item_list/?secUid=maya');
    await page.flush();
    const held = collector.postsFor('maya.bakes');
    expect(ids(held)).toEqual(MAYA_TT_OWN);
    expect(ids(held)).not.toContain('7387234567890123456'); // someone.else's item in her list
    expect(held.every((p) => p.owner === 'maya.bakes' && p.source === 'network')).toBe(true);
    expect(collector.postsFor('someone.else')).toEqual([]); // another author's item in her list
    expect(collector.creators()).toEqual(['maya.bakes']);
    expect(collector.postsFor('@Maya.Bakes')).toHaveLength(held.length); // handles compare as the extractors do
  });

  test('after in-page navigation the next creator gets their own posts, and the previous one never mixes in', async () => {
    const page = tiktokPage();
    const collector = page.collect();
    await page.load('/api/post/item_list/?secUid=maya');
    await page.flush();
    const maya = ids(collector.postsFor('maya.bakes'));
    page.clock.now += 10_000;
    page.navigate('/@lena.kocht');
    await page.load('/api/post/item_list/?secUid=lena'); // holds a duet of maya.bakes' too
    await page.load('/api/post/item_list/?secUid=maya'); // a late answer for the previous profile
    await page.flush();
    expect(ids(collector.postsFor('lena.kocht'))).toEqual(['7380000000000000001', '7380000000000000003']);
    expect(ids(collector.postsFor('maya.bakes'))).toEqual(maya); // neither the duet seen on lena's page nor anything else
    expect(collector.postsFor('lena.kocht').some((p) => p.owner !== 'lena.kocht')).toBe(false);
  });

  test(`a response requested just before the URL changed (≤ ${PREFETCH_MS / 1000} s) counts for the next creator`, async () => {
    const page = tiktokPage();
    const collector = page.collect();
    await page.load('/api/post/item_list/?secUid=lena'); // the app asks before it pushes the URL
    await page.flush();
    expect(collector.postsFor('lena.kocht')).toEqual([]);
    page.clock.now += 1000;
    page.navigate('/@lena.kocht');
    expect(ids(collector.postsFor('lena.kocht'))).toEqual(['7380000000000000001', '7380000000000000003']);
  });

  test('…but not one older than that, nor the previous creator’s own response (its suggested posts stay out)', async () => {
    const page = tiktokPage();
    const collector = page.collect();
    await page.load('/api/post/item_list/?secUid=lena');
    await page.flush();
    page.clock.now += PREFETCH_MS + 1;
    page.navigate('/@lena.kocht');
    expect(collector.postsFor('lena.kocht')).toEqual([]);

    // maya.bakes' own list holds someone.else's item; someone.else is opened a moment later.
    const again = tiktokPage();
    const c2 = again.collect();
    await again.load('/api/post/item_list/?secUid=maya');
    await again.flush();
    again.navigate('/@someone.else');
    expect(c2.postsFor('someone.else')).toEqual([]);
  });

  test('a view whose URL does not name its creator waits for identify (an Instagram post page)', async () => {
    const page = testPage('https://www.instagram.com/p/C5postAAA01/', instagramCapture);
    const collector = page.collect();
    const changes: (string | null)[] = [];
    collector.onChange((c) => changes.push(c));
    page.serve('/graphql/query', fixture('api/instagram/post-web-info.json'));
    await page.load('/graphql/query', { method: 'POST' });
    await page.flush();
    expect(changes).toEqual([null]);
    expect(collector.creators()).toEqual([]);
    collector.identify({ handle: 'maya.codes' });
    expect(changes).toEqual([null, 'maya.codes']);
    expect(ids(collector.postsFor('maya.codes'))).toEqual(ids(readInstagramPosts(fixture('api/instagram/post-web-info.json'), { handle: 'maya.codes' }).posts));
    collector.identify({ handle: 'random.chef' }); // a wrong name finds nothing of theirs in it
    expect(collector.postsFor('random.chef')).toEqual([]);
  });

  test('YouTube: a watch page’s navigation event, once the video’s channel is named', async () => {
    const page = testPage('https://www.youtube.com/watch?v=aB3dE5fG7hI', youtubeCapture);
    const collector = page.collect();
    page.dispatch('yt-navigate-finish', { response: JSON.parse(fixture('api/youtube/navigate-detail.json')) });
    await page.flush();
    collector.identify({ handle: 'mayacodes' });
    const [video] = collector.postsFor('mayacodes');
    expect(video).toMatchObject({ kind: 'video', source: 'network' });
    expect(video!.likes).not.toBeNull();
  });

  test('YouTube /channel/UC…: the channel id is the creator, and a continuation that names only it is read', async () => {
    const page = testPage('https://www.youtube.com/channel/UCmAyAc0des_channel-id01/videos', youtubeCapture);
    const collector = page.collect();
    page.serve('/youtubei/v1/browse', fixture('api/youtube/browse-continuation.json'));
    await page.load('/youtubei/v1/browse', { method: 'POST' });
    await page.flush();
    expect(collector.postsFor('UCmAyAc0des_channel-id01')).toHaveLength(3);
  });
});

describe('embedded data on a full load', () => {
  test('Instagram’s data-sjs relay payloads are read once at start; another account’s preloader stays out', async () => {
    const html = fixture('api/instagram/profile-2026-sjs.html');
    const page = testPage('https://www.instagram.com/maya.codes/', instagramCapture, html);
    const collector = page.collect();
    await page.flush();
    const held = collector.postsFor('maya.codes');
    const scripts = html.match(/<script[^>]*data-sjs>[\s\S]*?<\/script>/g)!.map((s) => s.replace(/<[^>]+>/g, ''));
    const expected = ids(readInstagramPosts(scripts.join('\n'), { handle: 'maya.codes' }).posts);
    expect(ids(held)).toEqual(expected);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((p) => p.source === 'embedded' && p.owner === 'maya.codes')).toBe(true);
    page.navigate('/random.chef/');
    expect(collector.postsFor('random.chef')).toEqual([]); // the document still describes maya.codes
  });

  test('YouTube: ytInitialData and ytInitialPlayerResponse of a watch page, joined', async () => {
    const next = fixture('api/youtube/watch-2026-next.json');
    const player = fixture('api/youtube/watch-2026-player.json');
    const html = `<html lang="en"><head></head><body><script>var ytInitialPlayerResponse = ${player};var meta = 1;</script><script>var ytInitialData = ${next};</script></body></html>`;
    const page = testPage('https://www.youtube.com/watch?v=aB3dE5fG7hI', youtubeCapture, html);
    const collector = page.collect();
    await page.flush();
    collector.identify({ handle: 'mayacodes' });
    const [video] = collector.postsFor('mayacodes');
    expect(video).toMatchObject({ source: 'embedded', likes: 12_345, exact: { likes: true, views: true } });
    expect(video!.views).not.toBeNull();
    expect(video!.publishedAt).not.toBeNull();
  });

  test('TikTok: a video page’s rehydration JSON', async () => {
    const data = fixture('api/tiktok/video-detail.json');
    const html = `<html><body><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${data}</script></body></html>`;
    const page = testPage('https://www.tiktok.com/@maya.bakes/video/7412345678901234567', tiktokCapture, html);
    const collector = page.collect();
    await page.flush();
    expect(collector.postsFor('maya.bakes')).toHaveLength(1);
  });
});

describe('keeping', () => {
  test('the same response twice keeps one entry per post; onChange fires only when something changed', async () => {
    const page = tiktokPage();
    const collector = page.collect();
    const changes = vi.fn();
    collector.onChange(changes);
    await page.load('/api/post/item_list/?secUid=maya');
    await page.flush();
    const n = collector.postsFor('maya.bakes').length;
    await page.load('/api/post/item_list/?secUid=maya');
    await page.flush();
    expect(collector.postsFor('maya.bakes')).toHaveLength(n);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(changes).toHaveBeenCalledWith('maya.bakes');
  });

  test('per creator at most the limit (the oldest left out), and at most so many creators (the stalest dropped)', async () => {
    const page = tiktokPage();
    const collector = page.collect({ limits: { perCreator: 2, creators: 1 } });
    await page.load('/api/post/item_list/?secUid=maya');
    await page.flush();
    expect(ids(collector.postsFor('maya.bakes'))).toEqual(ids(tiktokCapture.extract(MAYA_TT, { handle: 'maya.bakes' }).posts).slice(0, 2));
    page.clock.now += 10_000;
    page.navigate('/@lena.kocht');
    await page.load('/api/post/item_list/?secUid=lena');
    await page.flush();
    expect(collector.creators()).toEqual(['lena.kocht']);
  });

  test('after the content script’s context is invalidated nothing more is read', async () => {
    const page = tiktokPage();
    const collector = page.collect();
    page.invalidate();
    await page.load('/api/post/item_list/?secUid=maya');
    await page.flush();
    expect(collector.postsFor('maya.bakes')).toEqual([]);
  });
});

describe('mergePost: the newer capture wins, field by field', () => {
  const base = (over: Partial<CapturedPost>): CapturedPost => ({
    ...makePost({ id: 'grid00001aA', url: 'https://www.youtube.com/watch?v=grid00001aA', owner: 'mayacodes' }),
    source: 'network',
    capturedAt: 1,
    ...over,
  });
  const exact = (e: Partial<CapturedPost['exact']>) => ({ views: false, likes: false, comments: false, shares: false, saves: false, ...e });

  test('newer counts replace older ones; a missing count is kept from before', () => {
    const old = base({ views: 1000, likes: 50, exact: exact({ views: true, likes: true }), publishedText: '2 days ago' });
    const next = base({ views: 1100, exact: exact({ views: true }), publishedAt: 1_781_000_000_000, capturedAt: 2 });
    expect(mergePost(old, next)).toMatchObject({ views: 1100, likes: 50, exact: { views: true, likes: true }, publishedAt: 1_781_000_000_000, publishedText: '2 days ago', capturedAt: 2 });
  });

  test('a rounded count never replaces an exact one (the grid’s “1.2M views” after the watch page’s 1,234,567)', () => {
    const watch = base({ views: 1_234_567, exact: exact({ views: true }) });
    const grid = base({ views: 1_200_000, exact: exact({ views: false }), capturedAt: 2 });
    expect(mergePost(watch, grid)).toMatchObject({ views: 1_234_567, exact: { views: true } });
    expect(mergePost(grid, watch)).toMatchObject({ views: 1_234_567, exact: { views: true } });
  });

  test('pinned, sponsored, collab and hidden likes stay once seen; hidden likes make likes unknown', () => {
    const old = base({ pinned: true, sponsored: true, likesHidden: true });
    const next = base({ likes: 3, exact: exact({ likes: true }), capturedAt: 2 });
    expect(mergePost(old, next)).toMatchObject({ pinned: true, sponsored: true, likesHidden: true, likes: null, exact: { likes: false } });
  });

  test('the store hands out copies', () => {
    const store = new PostStore();
    store.add('mayacodes', [base({ views: 5 })], 'network', 1);
    store.postsFor('mayacodes')[0]!.views = 999;
    expect(store.postsFor('mayacodes')[0]!.views).toBe(5);
  });
});
