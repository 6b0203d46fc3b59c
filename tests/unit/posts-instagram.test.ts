/** Instagram post extractor over hand-written responses (tests/fixtures/api/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readInstagramPosts } from '../../lib/sites/instagram/posts';
import type { Extraction, Post } from '../../lib/sites/posts/types';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/api/instagram/${name}`, import.meta.url), 'utf8');
const MAYA = { handle: 'maya.codes' };
const byId = (x: Extraction) => new Map(x.posts.map((p) => [p.id, p]));
const skipped = (x: Extraction) => Object.fromEntries(x.skipped.map((s) => [s.reason, s.count]));

describe('timeline connection (graphql-profile-posts.json)', () => {
  const x = readInstagramPosts(fixture('graphql-profile-posts.json'), MAYA);
  const posts = byId(x);
  const post = (id: string) => posts.get(id) ?? expect.unreachable(`no post ${id}`);

  test('only the profile’s own posts, in response order, each skip counted', () => {
    expect(x.posts.map((p) => p.id)).toEqual([
      'C0pinnedAA1', 'DAreel00001', 'DAhidden002', 'DAcarous003', 'DAcollab004', 'DApaid00007', 'DAanzeige08', 'DAadvent009', 'DAvideo0011',
    ]);
    expect(skipped(x)).toEqual({ 'collab-other-owner': 1, 'other-account': 1, ad: 1, 'bad-id': 1 });
    expect(x.posts.every((p) => p.owner === 'maya.codes')).toBe(true);
    expect([x.cursor, x.hasMore]).toEqual(['QVFEmaya_cursor_2', true]);
  });

  test('a reel: play_count as views, exact counts, date, URL', () => {
    expect(post('DAreel00001')).toEqual<Post>({
      id: 'DAreel00001',
      url: 'https://www.instagram.com/reel/DAreel00001/',
      owner: 'maya.codes',
      publishedAt: 1_780_000_000_000,
      publishedText: null,
      kind: 'reel',
      views: 48_211,
      likes: 2_301,
      comments: 57,
      shares: null,
      saves: null,
      exact: { views: true, likes: true, comments: true, shares: false, saves: false },
      pinned: false,
      sponsored: false,
      collab: false,
      likesHidden: false,
    });
  });

  test('the old pinned post is pinned (out of date order), the rest are not', () => {
    expect(post('C0pinnedAA1')).toMatchObject({ pinned: true, publishedAt: 1_700_000_000_000, kind: 'photo', likes: 5_120 });
    expect(x.posts.filter((p) => p.pinned).map((p) => p.id)).toEqual(['C0pinnedAA1']);
  });

  test('hidden likes: unknown, never the fake 3', () => {
    expect(post('DAhidden002')).toMatchObject({ likes: null, likesHidden: true, comments: 41, exact: { likes: false, comments: true } });
  });

  test.each([
    ['DAcarous003', 'carousel', null],
    ['DAvideo0011', 'video', 15_500],
    ['C0pinnedAA1', 'photo', null],
  ])('%s is a %s with views %s', (id, kind, views) => {
    expect(post(id)).toMatchObject({ kind, views });
  });

  test('collab: the profile’s own is kept and flagged; one owned by someone else is not counted', () => {
    expect(post('DAcollab004')).toMatchObject({ collab: true, likes: 3_400 });
    expect(posts.has('DAtheirs005')).toBe(false);
    expect(posts.has('DAsuggest06')).toBe(false);
  });

  test.each([
    ['DApaid00007', true], // is_paid_partnership + sponsor_tags
    ['DAanzeige08', true], // "#Anzeige" in the caption
    ['DAadvent009', false], // #adventure, #adidas are not #ad
    ['DAreel00001', false],
  ])('%s sponsored: %s', (id, sponsored) => {
    expect(post(id).sponsored).toBe(sponsored);
  });

  test('ids are shortcodes: the pk past 2^53 never goes through a number', () => {
    expect(post('C0pinnedAA1').id).toBe('C0pinnedAA1');
    expect(JSON.stringify(x)).not.toContain('3254998171211465000');
  });

  test('another profile reading the same response gets only its own posts', () => {
    const lena = readInstagramPosts(fixture('graphql-profile-posts.json'), { handle: 'lena.bakes' });
    expect(lena.posts.map((p) => p.id)).toEqual(['DAtheirs005']);
    expect(lena.posts[0]).toMatchObject({ owner: 'lena.bakes', collab: true });
    // maya's own collab, with lena as co-author, is maya's post: not counted for lena.
    expect(skipped(lena)).toEqual({ 'collab-other-owner': 1, 'other-account': 9, ad: 1, 'bad-id': 1 });
  });
});

describe('pagination query as a stream (graphql-stream.txt)', () => {
  test('for (;;); prefix, two documents, partial errors beside data', () => {
    const x = readInstagramPosts(fixture('graphql-stream.txt'), MAYA);
    expect(x.posts.map((p) => [p.id, p.kind, p.likes, p.comments])).toEqual([
      ['C9page2AA01', 'photo', 640, 14],
      ['C9page2AA02', 'carousel', 1_210, 33],
    ]);
    expect(x.skipped).toEqual([]);
    expect([x.cursor, x.hasMore]).toEqual(['QVFEmaya_cursor_3', false]);
  });

  test('errors without data: an error response, not zero posts', () => {
    const x = readInstagramPosts(fixture('graphql-errors-only.json'), MAYA);
    expect(x).toEqual({ posts: [], cursor: null, hasMore: null, skipped: [{ reason: 'error-response', count: 1 }] });
  });
});

describe('data-sjs relay payloads embedded in the HTML (profile-2026-sjs.html)', () => {
  const scripts = [...fixture('profile-2026-sjs.html').matchAll(/<script type="application\/json"[^>]*\bdata-sjs>(.*?)<\/script>/g)].map((m) => m[1]!);

  test('four payloads; each is read on its own as the content script would', () => {
    expect(scripts).toHaveLength(4);
    const results = scripts.map((s) => readInstagramPosts(s, MAYA));
    expect(results.map((r) => r.posts.map((p) => p.id))).toEqual([
      [], // config blob
      ['C2sjs000001', 'C2sjs000002', 'C2sjs000003'], // targeted path, 16 levels down
      [], // suggested account's posts
      ['C2reel00001'], // reels root where only the bounded walk finds it
    ]);
    expect(results.map((r) => skipped(r))).toEqual([{ 'no-posts': 1 }, {}, { 'other-account': 2 }, {}]);
    expect(results[1]!.posts[0]).toMatchObject({ pinned: true, likes: 7_001, publishedAt: 1_690_000_000_000 });
    expect(results[1]!.posts[2]).toMatchObject({ kind: 'carousel', views: null });
    expect(results[3]!.posts[0]).toMatchObject({ kind: 'reel', views: 64_000 });
  });

  test('the walk is bounded: a root nested past depth 32 is not found, and does not stall', () => {
    let deep: unknown = { xdt_api__v1__feed__user_timeline_graphql_connection: { edges: [] } };
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const started = performance.now();
    const x = readInstagramPosts(JSON.stringify({ require: [deep] }), MAYA);
    expect(x.posts).toEqual([]);
    expect(skipped(x)).toEqual({ 'no-posts': 1 });
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('reels tab connection and its 2026 move', () => {
  test('2025: edges[].node.media; the clips-tab pin counts here, the timeline pin does not', () => {
    const x = readInstagramPosts(fixture('clips-connection-2025.json'), MAYA);
    expect(x.posts.map((p) => [p.id, p.kind, p.views, p.likes, p.pinned, p.likesHidden])).toEqual([
      ['DBclip00001', 'reel', 1_200_345, 45_210, true, false],
      ['DBclip00002', 'reel', 88_000, 3_100, false, false],
      ['DBclip00003', 'reel', null, null, false, true],
    ]);
    expect(x.posts[0]!.publishedAt).toBe(1_775_000_000_000);
  });

  test('2026-08: fetch__XDTUserDict.clips_connection, reduced nodes without a date', () => {
    const x = readInstagramPosts(fixture('clips-connection-2026.json'), MAYA);
    expect(x.posts.map((p) => [p.id, p.views, p.likes, p.comments, p.publishedAt])).toEqual([
      ['DCclip00001', 1_300_500, 46_002, 615, null],
      ['DCclip00002', 90_210, 3_180, 97, null], // no `user`: the dict it sits in is maya's
    ]);
    expect(skipped(x)).toEqual({ 'other-account': 1 });
    expect([x.cursor, x.hasMore]).toEqual(['QVFEclips2026', false]);
  });
});

describe('v1 REST feed and post pages', () => {
  test('/api/v1/feed/user/: items[], next_max_id, pinned, hidden likes, #sponsored', () => {
    const x = readInstagramPosts(fixture('v1-feed-user.json'), MAYA);
    expect(x.posts.map((p) => [p.id, p.kind, p.likes, p.views, p.pinned, p.likesHidden, p.sponsored])).toEqual([
      ['C1v1feed001', 'photo', 611, null, true, false, false],
      ['C1v1feed002', 'reel', null, null, false, true, false],
      ['C1v1feed003', 'carousel', 902, null, false, false, true],
    ]);
    expect([x.cursor, x.hasMore]).toEqual(['3253000000000000003_51234567890', true]);
  });

  test('a post page: xdt_api__v1__media__shortcode__web_info.items[0]', () => {
    const x = readInstagramPosts(fixture('post-web-info.json'), MAYA);
    expect(x.posts.map((p) => [p.id, p.url, p.views, p.likes, p.comments])).toEqual([
      ['DAreel00001', 'https://www.instagram.com/reel/DAreel00001/', 48_500, 2_311, 58],
    ]);
  });
});

describe('attribution without a username', () => {
  // Reduced nodes (as scrapfly saved them) carry only "<media pk>_<owner pk>" as `id`.
  const reduced = JSON.stringify({
    data: { xdt_api__v1__feed__user_timeline_graphql_connection: { edges: [{ node: { code: 'DDred000001', id: '3700000000000000001_51234567890', like_count: 10 } }, { node: { code: 'DDred000002', id: '3700000000000000002_999', like_count: 11 } }] } },
  });

  test.each([
    [{ handle: 'maya.codes' }, [], { 'owner-unknown': 2 }],
    [{ handle: 'maya.codes', ownerId: '51234567890' }, ['DDred000001'], { 'other-account': 1 }],
  ])('%j', (ctx, ids, skips) => {
    const x = readInstagramPosts(reduced, ctx);
    expect(x.posts.map((p) => p.id)).toEqual(ids);
    expect(skipped(x)).toEqual(skips);
  });

  test('a username that disagrees wins over an id that agrees (a previous profile)', () => {
    const text = JSON.stringify({ items: [{ code: 'DDred000003', id: '1_51234567890', user: { username: 'someone.else', pk: '51234567890' }, like_count: 1 }] });
    expect(skipped(readInstagramPosts(text, { handle: 'maya.codes', ownerId: '51234567890' }))).toEqual({ 'other-account': 1 });
  });
});

test('the same post twice in one response is kept once', () => {
  const node = { code: 'DDdup000001', user: { username: 'maya.codes' }, like_count: 1, media_type: 1 };
  const x = readInstagramPosts(JSON.stringify({ items: [node, node] }), MAYA);
  expect(x.posts).toHaveLength(1);
  expect(skipped(x)).toEqual({ duplicate: 1 });
});

test.each([
  ['another query entirely', '{"data":{"user":{"follower_count":12}}}', { 'no-posts': 1 }],
  ['the home feed (other accounts)', '{"feed_items":[{"media_or_ad":{"code":"DDhome00001","user":{"username":"maya.codes"}}}],"status":"ok"}', { 'no-posts': 1 }],
  ['an empty body', '', { 'not-json': 1 }],
  ['a truncated body', fixture('graphql-profile-posts.json').slice(0, 2000), { truncated: 1 }],
])('%s', (_name, text, skips) => {
  const x = readInstagramPosts(text, MAYA);
  expect(x.posts).toEqual([]);
  expect(skipped(x)).toEqual(skips);
});
