/** YouTube post extractor over hand-written responses (tests/fixtures/api/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Extraction, Post } from '../../lib/sites/posts/types';
import { readYoutubePosts } from '../../lib/sites/youtube/posts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/api/youtube/${name}`, import.meta.url), 'utf8');
const json = (name: string) => JSON.parse(fixture(name));
const CHANNEL = 'UCmAyAc0des_channel-id01';
const MAYA = { handle: 'mayacodes' };
const skipped = (x: Extraction) => Object.fromEntries(x.skipped.map((s) => [s.reason, s.count]));
const one = (x: Extraction): Post => {
  expect(x.posts).toHaveLength(1);
  return x.posts[0]!;
};

/** The like button of watch-2026-next.json, to make the variants below. */
function withLikeButton(edit: (segmented: any, next: any) => void): string {
  const next = json('watch-2026-next.json');
  const segmented = next.contents.twoColumnWatchNextResults.results.results.contents[0].videoPrimaryInfoRenderer.videoActions.menuRenderer.topLevelButtons[0].segmentedLikeDislikeButtonViewModel;
  edit(segmented, next);
  return JSON.stringify(next);
}

describe('watch page 2026 (next + player, as the page’s two scripts)', () => {
  const text = `var ytInitialData = ${fixture('watch-2026-next.json')};\nvar ytInitialPlayerResponse = ${fixture('watch-2026-player.json')};`;

  test('one post from both documents', () => {
    expect(one(readYoutubePosts(text, MAYA))).toEqual<Post>({
      id: 'vid0000001A',
      url: 'https://www.youtube.com/watch?v=vid0000001A',
      owner: 'mayacodes',
      publishedAt: Date.parse('2026-03-01T08:00:05-08:00'),
      publishedText: '1 Mar 2026',
      kind: 'video',
      views: 98_765,
      likes: 12_345,
      comments: 1_234, // the panel's exact count beats the entry point's "1.2K"
      shares: null,
      saves: null,
      exact: { views: true, likes: true, comments: true, shares: false, saves: false },
      pinned: false,
      sponsored: false,
      collab: false,
      likesHidden: false,
    });
  });

  test('the sidebar’s other videos are never read as posts', () => {
    expect(readYoutubePosts(text, MAYA).posts.map((p) => p.id)).toEqual(['vid0000001A']);
  });

  test.each([
    ['by channel id', { handle: '', ownerId: CHANNEL }],
    ['by a channel id given as the handle', { handle: CHANNEL }],
    ['by handle, any case, with "@"', { handle: '@MayaCodes' }],
  ])('attributed %s', (_name, ctx) => {
    expect(readYoutubePosts(text, ctx).posts).toHaveLength(1);
  });

  test('another channel’s watch page is not this channel’s post', () => {
    expect(skipped(readYoutubePosts(text, { handle: 'someoneelse' }))).toEqual({ 'other-account': 1 });
  });
});

describe('likes, best first', () => {
  const player = fixture('watch-2026-player.json');
  const likes = (next: string) => {
    const p = one(readYoutubePosts(`${next}\n${player}`, MAYA));
    return [p.likes, p.exact.likes];
  };

  test.each([
    ['likeCountIfIndifferentNumber beats the sentence', (s: any, n: any) => (n.frameworkUpdates.entityBatchUpdate.mutations[0].payload.likeCountEntity.likeCountIfIndifferentNumber = '12399'), [12_399, true]],
    ['the entity in the button model (2023–24) counts too', (s: any, n: any) => {
      delete n.frameworkUpdates;
      s.likeCountEntity = { likeCountIfIndifferentNumber: '12377' };
    }, [12_377, true]],
    ['without the entity: the exact number in the accessibility sentence', (_s: any, n: any) => delete n.frameworkUpdates, [12_345, true]],
    ['an entity with an abbreviation is not a number', (_s: any, n: any) => (n.frameworkUpdates.entityBatchUpdate.mutations[0].payload.likeCountEntity.likeCountIfIndifferentNumber = '12K'), [12_345, true]],
    ['without the sentence: the abbreviated title', (s: any, n: any) => {
      delete n.frameworkUpdates;
      delete s.likeButtonViewModel.likeButtonViewModel.toggleButtonViewModel.toggleButtonViewModel.defaultButtonViewModel.buttonViewModel.accessibilityText;
    }, [12_000, false]],
    ['likes hidden by the creator: the button says only "Like"', (s: any, n: any) => {
      delete n.frameworkUpdates;
      const b = s.likeButtonViewModel.likeButtonViewModel.toggleButtonViewModel.toggleButtonViewModel.defaultButtonViewModel.buttonViewModel;
      b.title = 'Like';
      b.accessibilityText = 'like this video';
    }, [null, false]],
  ])('%s', (_name, edit, expected) => {
    expect(likes(withLikeButton(edit))).toEqual(expected);
  });

  test('the viewer liked it: IfLiked (their like included), never the sentence', () => {
    expect(likes(fixture('watch-2026-next-viewer-liked.json'))).toEqual([12_346, true]);
    const noEntity = JSON.parse(fixture('watch-2026-next-viewer-liked.json'));
    delete noEntity.frameworkUpdates;
    expect(likes(JSON.stringify(noEntity))).toEqual([12_000, false]); // the sentence would be one short
  });

  test('ratings turned off in the player: likes unknown', () => {
    const p = JSON.parse(player);
    p.videoDetails.allowRatings = false;
    expect(one(readYoutubePosts(`${fixture('watch-2026-next.json')}\n${JSON.stringify(p)}`, MAYA)).likes).toBeNull();
  });
});

test('a script joined with a bare response, and documents of different videos kept apart', () => {
  const joined = one(readYoutubePosts(`var ytInitialData = ${fixture('watch-2026-next.json')};\n${fixture('watch-2026-player.json')}`, MAYA));
  expect(joined.publishedAt).toBe(Date.parse('2026-03-01T08:00:05-08:00')); // only the player has it
  const otherPlayer = JSON.stringify(json('navigate-detail.json').playerResponse); // vid0000002B
  const x = readYoutubePosts(`${fixture('watch-2026-next.json')}\n${otherPlayer}`, MAYA);
  expect(x.posts.map((p) => [p.id, p.publishedAt !== null, p.likes])).toEqual([
    ['vid0000001A', false, 12_345],
    ['vid0000002B', true, null],
  ]);
});

test('2020–22 watch page: toggleButtonRenderer, owner by channel id, a date-only publishDate', () => {
  const p = one(readYoutubePosts(`${fixture('watch-2020-next.json')}\n${fixture('watch-2020-player.json')}`, { handle: 'mayacodes', ownerId: CHANNEL }));
  expect(p).toMatchObject({ id: 'vid2020000D', likes: 4_512, views: 123_470, publishedAt: Date.UTC(2020, 2, 1), publishedText: 'Mar 1, 2020', exact: { likes: true, views: true } });
  // The next response alone: views from its own exact "123,456 views" text.
  const nextOnly = one(readYoutubePosts(fixture('watch-2020-next.json'), { handle: '', ownerId: CHANNEL }));
  expect(nextOnly).toMatchObject({ views: 123_456, exact: { views: true }, likes: 4_512, publishedAt: null, kind: 'video' });
});

test('yt-navigate-finish detail.response: both responses in one document; #ad in the description', () => {
  const p = one(readYoutubePosts(fixture('navigate-detail.json'), MAYA));
  expect(p).toMatchObject({ id: 'vid0000002B', views: 5_001, likes: 310, comments: 18, sponsored: true, exact: { comments: true } });
});

test('paid promotion from the player’s paidContentOverlay, whatever language its text is in', () => {
  const p = one(readYoutubePosts(fixture('watch-paid-player.json'), MAYA));
  expect(p).toMatchObject({ id: 'vid0000003C', sponsored: true, views: 45_012, likes: null, kind: null, publishedAt: Date.UTC(2026, 1, 10) });
});

test('Shorts: kind short, compact like title marked inexact, views from the player', () => {
  const p = one(readYoutubePosts(`${fixture('shorts-reel-next.json')}\n${fixture('shorts-reel-player.json')}`, MAYA));
  expect(p).toMatchObject({ id: 'short00001E', url: 'https://www.youtube.com/shorts/short00001E', kind: 'short', likes: 1_200, views: 22_104, exact: { likes: false, views: true } });
});

test('a stream that is live now is skipped', () => {
  expect(readYoutubePosts(fixture('watch-live-player.json'), MAYA)).toMatchObject({ posts: [], skipped: [{ reason: 'live', count: 1 }] });
});

describe('channel grids', () => {
  test('Videos tab: exact and abbreviated views, relative dates; live and other channels’ shelf left out', () => {
    const x = readYoutubePosts(fixture('browse-videos.json'), MAYA);
    expect(x.posts.map((p) => [p.id, p.kind, p.views, p.exact.views, p.publishedText, p.publishedAt])).toEqual([
      ['grid00001aA', 'video', 12_345, true, '2 days ago', null],
      ['grid00002bB', 'video', 26_000, false, '1 week ago', null],
      ['grid00003cC', 'video', 0, true, '3 weeks ago', null], // "No views" says zero
    ]);
    expect(skipped(x)).toEqual({ live: 1 });
    expect([x.cursor, x.hasMore]).toEqual(['4qmFsgKmaya-next-page', true]);
  });

  test('a continuation, attributed by the browse_id it carries', () => {
    const x = readYoutubePosts(fixture('browse-continuation.json'), { handle: '', ownerId: CHANNEL });
    expect(x.posts.map((p) => [p.id, p.views, p.exact.views, p.publishedText])).toEqual([
      ['grid00004dD', 1_100_000, false, '2 months ago'],
      ['grid00005eE', 980, true, '3 months ago'],
      ['grid00006fF', 3_210, true, '4 months ago'],
    ]);
    expect([x.cursor, x.hasMore]).toEqual([null, false]);
    // Only a handle to go by: a continuation names no handle, so nothing is attributed.
    expect(skipped(readYoutubePosts(fixture('browse-continuation.json'), MAYA))).toEqual({ 'owner-unknown': 3 });
  });

  test('Shorts tab: shortsLockupViewModel and the older reelItemRenderer', () => {
    const x = readYoutubePosts(fixture('browse-shorts.json'), { ...MAYA, lang: 'de' });
    expect(x.posts.map((p) => [p.id, p.kind, p.views, p.url])).toEqual([
      ['short00001E', 'short', 22_000, 'https://www.youtube.com/shorts/short00001E'],
      ['short00002F', 'short', 1_400_000, 'https://www.youtube.com/shorts/short00002F'],
      ['short00003G', 'short', 5_400, 'https://www.youtube.com/shorts/short00003G'],
    ]);
  });

  test('a grid after in-page navigation to another channel is not counted for this one', () => {
    expect(skipped(readYoutubePosts(fixture('browse-videos.json'), { handle: 'previouschannel' }))).toEqual({ 'other-account': 4 });
  });
});

test.each([
  [')]}\' prefix', `)]}'\n${fixture('watch-paid-player.json')}`, 1, {}],
  ['a search response', '{"contents":{"twoColumnSearchResultsRenderer":{}}}', 0, { 'no-posts': 1 }],
  ['an HTML page', '<!DOCTYPE html><html></html>', 0, { 'not-json': 1 }],
  ['a truncated player response', fixture('watch-2026-player.json').slice(0, 300), 0, { truncated: 1 }],
])('%s', (_name, text, n, skips) => {
  const x = readYoutubePosts(text, MAYA);
  expect(x.posts).toHaveLength(n);
  expect(skipped(x)).toEqual(skips);
});
