/** TikTok post extractor over hand-written responses (tests/fixtures/api/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Extraction, Post } from '../../lib/sites/posts/types';
import { readTiktokPosts } from '../../lib/sites/tiktok/posts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/api/tiktok/${name}`, import.meta.url), 'utf8');
const MAYA = { handle: 'maya.bakes' };
const skipped = (x: Extraction) => Object.fromEntries(x.skipped.map((s) => [s.reason, s.count]));

describe('item_list first page (item-list.json)', () => {
  const x = readTiktokPosts(fixture('item-list.json'), MAYA);
  const post = (id: string) => x.posts.find((p) => p.id === id) ?? expect.unreachable(`no post ${id}`);

  test('the profile’s posts in response order; another author skipped; cursor and hasMore', () => {
    expect(x.posts.map((p) => p.id)).toEqual([
      '7301234567890123456', '7311234567890123456', '7391234567890123456', '7389234567890123456', '7388234567890123456',
      '7386234567890123456', '7385234567890123456', '7384234567890123456', '7383234567890123456',
    ]);
    expect(skipped(x)).toEqual({ 'other-account': 1 });
    expect([x.cursor, x.hasMore]).toEqual(['1779000000000', true]);
  });

  test('exact statsV2 strings win over the rounded stats', () => {
    expect(post('7301234567890123456')).toEqual<Post>({
      id: '7301234567890123456',
      url: 'https://www.tiktok.com/@maya.bakes/video/7301234567890123456',
      owner: 'maya.bakes',
      publishedAt: 1_700_000_000_000,
      publishedText: null,
      kind: 'video',
      views: 1_776_621,
      likes: 245_611,
      comments: 1_204,
      shares: 3_097,
      saves: 18_842,
      exact: { views: true, likes: true, comments: true, shares: true, saves: true },
      pinned: true,
      sponsored: false,
      collab: false,
      likesHidden: false,
    });
  });

  test('stats only: kept, and marked inexact where rounding could have changed it', () => {
    expect(post('7385234567890123456')).toMatchObject({
      views: 19_400,
      likes: 812,
      comments: 45,
      exact: { views: false, likes: true, comments: true, shares: true, saves: true },
    });
  });

  test('an overflowed counter is unknown, not a negative number', () => {
    expect(post('7383234567890123456')).toMatchObject({ views: 8_011, likes: null, exact: { likes: false } });
  });

  test('two pinned posts', () => {
    expect(x.posts.filter((p) => p.pinned).map((p) => p.id)).toEqual(['7301234567890123456', '7311234567890123456']);
  });

  test.each([
    ['7389234567890123456', true], // adAuthorization
    ['7388234567890123456', true], // isAd
    ['7384234567890123456', true], // "#werbung" in desc
    ['7391234567890123456', false],
  ])('%s sponsored: %s', (id, sponsored) => {
    expect(post(id).sponsored).toBe(sponsored);
  });

  test('a photo post is a carousel with a /photo/ URL', () => {
    expect(post('7386234567890123456')).toMatchObject({ kind: 'carousel', url: 'https://www.tiktok.com/@maya.bakes/photo/7386234567890123456' });
  });

  test('read for the other author, only their post counts', () => {
    const other = readTiktokPosts(fixture('item-list.json'), { handle: 'someone.else' });
    expect(other.posts.map((p) => p.id)).toEqual(['7387234567890123456']);
    expect(skipped(other)).toEqual({ 'other-account': 9 });
  });

  test.each([
    [{ handle: 'maya.bakes', ownerId: 'MS4wLjABAAAAmaya-bakes-sec-uid' }, 9],
    [{ handle: '', ownerId: 'MS4wLjABAAAAmaya-bakes-sec-uid' }, 9],
    [{ handle: 'maya.bakes', ownerId: 'MS4wLjABAAAAprevious-profile' }, 0],
  ])('secUid %j → %i posts', (ctx, n) => {
    expect(readTiktokPosts(fixture('item-list.json'), ctx).posts).toHaveLength(n);
  });
});

test('cursor paging: the next page and the last one', () => {
  const page2 = readTiktokPosts(fixture('item-list-page-2.json'), MAYA);
  expect(page2.posts.map((p) => [p.id, p.views])).toEqual([['7370234567890123456', 77_712]]);
  expect([page2.cursor, page2.hasMore]).toEqual(['1760000000000', false]);
  const last = readTiktokPosts(fixture('item-list-last-page.json'), MAYA);
  expect(last).toEqual({ posts: [], cursor: null, hasMore: false, skipped: [] });
});

test.each([
  ['a private account (statusCode 10222)', 'item-list-private.json', 'error-response'],
  ['an unsigned request’s empty 200 body', 'item-list-empty.txt', 'not-json'],
])('%s gives no posts and says why', (_name, file, reason) => {
  expect(readTiktokPosts(fixture(file), MAYA)).toEqual({ posts: [], cursor: null, hasMore: null, skipped: [{ reason, count: 1 }] });
});

test('a video page’s embedded itemStruct (createTime as a string)', () => {
  const x = readTiktokPosts(fixture('video-detail.json'), MAYA);
  expect(x.posts.map((p) => [p.id, p.publishedAt, p.views, p.likes, p.exact.likes])).toEqual([['7391234567890123456', 1_780_000_000_000, 44_301, 3_915, true]]);
});

test.each([
  ['an item without id', { itemList: [{ author: { uniqueId: 'maya.bakes' }, stats: {} }] }, 'bad-id'],
  ['an id that is a number (already rounded by JSON.parse)', { itemList: [{ id: 7301234567890123456, author: { uniqueId: 'maya.bakes' } }] }, 'bad-id'],
  ['an item without author', { itemList: [{ id: '7301234567890123456', stats: { playCount: 5 } }] }, 'owner-unknown'],
  ['a recommend list item by someone else', { itemList: [{ id: '7301234567890123456', author: { uniqueId: 'Someone.Else' } }] }, 'other-account'],
])('%s is skipped', (_name, body, reason) => {
  const x = readTiktokPosts(JSON.stringify(body), MAYA);
  expect(x.posts).toEqual([]);
  expect(x.skipped).toEqual([{ reason, count: 1 }]);
});

test('2020–21 pages: author as a string; handles compare without case or "@"', () => {
  const body = { itemList: [{ id: '6901234567890123456', author: 'Maya.Bakes', createTime: 1_609_459_200, stats: { playCount: 512 }, video: {} }] };
  const x = readTiktokPosts(JSON.stringify(body), { handle: '@maya.bakes' });
  expect(x.posts.map((p) => [p.id, p.owner, p.views, p.exact.views])).toEqual([['6901234567890123456', 'maya.bakes', 512, true]]);
});
