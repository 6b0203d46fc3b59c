/**
 * The bridge between the page world and the isolated content script (lib/capture/bridge.ts),
 * with both halves on one happy-dom window: what a real response becomes, what a forged or
 * broken one is refused as, and the responses that arrive before the isolated side listens.
 * Every message from the page world is page-controlled text.
 */
import { describe, expect, test } from 'vitest';
import { decode, QUEUE, RATE, listenToPage } from '../../lib/capture/bridge';
import { instagramCapture } from '../../lib/capture/instagram';
import { PAGE_CAPTURE } from '../../lib/capture/page-sites';
import { MAX_TEXT, READY_EVENT, RESPONSE_EVENT, WIRE } from '../../lib/capture/page-world';
import { tiktokCapture } from '../../lib/capture/tiktok';
import { youtubeCapture } from '../../lib/capture/youtube';
import { readTiktokPosts } from '../../lib/sites/tiktok/posts';
import { fixture, testPage } from './capture-helpers';

const TT = 'https://www.tiktok.com/@maya.bakes';
const IG = 'https://www.instagram.com/maya.codes/';
const msg = (kind: string, url: string, text: string) => `${WIRE}${kind}\n${url}\n${text}`;
const ids = (posts: { id: string }[]) => posts.map((p) => p.id);

describe('decode: what the isolated side accepts from the page world', () => {
  const doc = testPage(IG, instagramCapture).win.document;
  const posts = fixture('api/instagram/graphql-profile-posts.json');
  const at = 1;

  test('a response in our format, from the page’s origin, on the list, with a posts root', () => {
    expect(decode(msg('xhr', 'https://www.instagram.com/graphql/query', posts), PAGE_CAPTURE.instagram, doc, at)).toEqual({
      kind: 'xhr', url: 'https://www.instagram.com/graphql/query', text: posts, at,
    });
  });

  test.each([
    ['an object (a page object: Firefox refuses it, Chrome gives null)', { text: posts }, 'not-a-string'],
    ['null', null, 'not-a-string'],
    ['a number', 42, 'not-a-string'],
    ['a string in another format', `{"url":"https://www.instagram.com/graphql/query","text":${JSON.stringify(posts)}}`, 'not-ours'],
    ['our first line only', `${WIRE}fetch`, 'malformed'],
    ['an unknown kind', msg('eval', 'https://www.instagram.com/graphql/query', posts), 'malformed'],
    ['a URL of another origin', msg('fetch', 'https://evil.example/graphql/query', posts), 'not-allowed'],
    ['a path not on the list', msg('fetch', 'https://www.instagram.com/api/v1/direct_v2/inbox/', posts), 'not-allowed'],
    ['GraphQL without a posts root', msg('fetch', 'https://www.instagram.com/graphql/query', '{"data":{"viewer":{}}}'), 'not-allowed'],
    ['a navigation on a site without a navigation event', msg('navigate', IG, posts), 'not-allowed'],
    ['an unparseable URL', msg('fetch', 'http://[::1', posts), 'not-allowed'],
    ['text over 4 MB', msg('fetch', 'https://www.instagram.com/graphql/query', `"xdt_api__v1__feed__user_timeline_graphql_connection"${' '.repeat(MAX_TEXT)}`), 'too-large'],
    ['a message far over the limit (not even sliced)', 'x'.repeat(MAX_TEXT + 10_000), 'too-large'],
  ])('refuses %s', (_, detail, reason) => {
    expect(decode(detail, PAGE_CAPTURE.instagram, doc, at)).toBe(reason);
  });

  test('XHR on YouTube (the capture does not wrap it there) and navigations off the page’s origin are refused', () => {
    const yt = testPage('https://www.youtube.com/@mayacodes', youtubeCapture).win.document;
    expect(decode(msg('xhr', 'https://www.youtube.com/youtubei/v1/browse', '{}'), PAGE_CAPTURE.youtube, yt, at)).toBe('not-allowed');
    expect(decode(msg('navigate', 'https://evil.example/@mayacodes', '{}'), PAGE_CAPTURE.youtube, yt, at)).toBe('not-allowed');
    expect(decode(msg('navigate', 'https://www.youtube.com/@mayacodes', '{}'), PAGE_CAPTURE.youtube, yt, at)).toMatchObject({ kind: 'navigate' });
  });
});

describe('listenToPage', () => {
  test('says ready at once and again when the page world says hello; hands payloads on later, never inside the event', () => {
    const page = testPage(TT, tiktokCapture);
    const doc = page.win.document;
    let readies = 0;
    doc.addEventListener(READY_EVENT, () => readies++);
    const later: (() => void)[] = [];
    const got: string[] = [];
    const bridge = listenToPage({ doc, config: PAGE_CAPTURE.tiktok, onPayload: (p) => got.push(p.url), schedule: (run) => void later.push(run) });
    expect(readies).toBe(1);
    page.dispatch('creator-lens:v1:hello', undefined);
    expect(readies).toBe(2);
    page.dispatch(RESPONSE_EVENT, msg('fetch', 'https://www.tiktok.com/api/post/item_list/?cursor=0', '{"itemList":[]}'));
    expect(got).toEqual([]);
    later.splice(0).forEach((r) => r());
    expect(got).toEqual(['https://www.tiktok.com/api/post/item_list/?cursor=0']);
    bridge.stop();
    page.dispatch(RESPONSE_EVENT, msg('fetch', 'https://www.tiktok.com/api/post/item_list/?cursor=1', '{"itemList":[]}'));
    expect(bridge.accepted).toBe(1);
  });

  test(`at most ${RATE} responses a second, at most ${QUEUE} waiting`, () => {
    const page = testPage(TT, tiktokCapture);
    let t = 0;
    const later: (() => void)[] = [];
    const got: string[] = [];
    const bridge = listenToPage({ doc: page.win.document, config: PAGE_CAPTURE.tiktok, now: () => t, onPayload: (p) => got.push(p.url), schedule: (run) => void later.push(run) });
    const send = (i: number) => page.dispatch(RESPONSE_EVENT, msg('fetch', `https://www.tiktok.com/api/post/item_list/?cursor=${i}`, '{}'));
    for (let i = 0; i < RATE + 5; i++) send(i);
    expect(bridge.rejected).toEqual({ rate: 5, 'queue-full': RATE - QUEUE });
    later.splice(0).forEach((r) => r());
    expect(bridge.accepted).toBe(QUEUE);
    expect(got).toHaveLength(QUEUE);
    expect(got[0]).toMatch(/cursor=4$/); // the oldest were dropped
    t += 1000; // a second later the bucket is full again
    send(99);
    later.splice(0).forEach((r) => r());
    expect(bridge.accepted).toBe(QUEUE + 1);
  });
});

describe('a real response through both halves', () => {
  test('responses the page loaded before the isolated side listened are replayed when it does', async () => {
    const page = testPage(TT, tiktokCapture);
    page.serve('/api/post/item_list/', fixture('api/tiktok/item-list.json'));
    await page.load('/api/post/item_list/?secUid=x&count=35&cursor=0');
    await page.flush();
    const collector = page.collect();
    await page.flush();
    expect(ids(collector.postsFor('maya.bakes'))).toEqual(ids(readTiktokPosts(fixture('api/tiktok/item-list.json'), { handle: 'maya.bakes' }).posts));
    expect(collector.postsFor('maya.bakes').length).toBeGreaterThan(3);
  });

  test('a for (;;); prefix, two newline-separated documents and partial errors (Instagram’s streamed GraphQL)', async () => {
    const page = testPage(IG, instagramCapture);
    const collector = page.collect();
    page.serve('/graphql/query', fixture('api/instagram/graphql-stream.txt'));
    await page.load('/graphql/query', { method: 'POST' });
    await page.flush();
    expect(ids(collector.postsFor('maya.codes'))).toEqual(['C9page2AA01', 'C9page2AA02']);
  });

  test('__proto__ keys reach no prototype, and the posts beside them are read', async () => {
    const page = testPage(TT, tiktokCapture);
    const collector = page.collect();
    const item = JSON.parse(fixture('api/tiktok/item-list-page-2.json')).itemList[0];
    const hostile = `{"__proto__":{"polluted":"yes"},"statusCode":0,"itemList":[${JSON.stringify({ ...item, __proto__: { isPinnedItem: true } }).replace('{', '{"__proto__":{"isPinnedItem":true},')}]}`;
    page.serve('/api/post/item_list/', hostile);
    await page.load('/api/post/item_list/');
    await page.flush();
    const [post] = collector.postsFor('maya.bakes');
    expect(post).toMatchObject({ id: item.id, pinned: false });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(post)).toBe(Object.prototype);
  });

  test.each([
    ['truncated', '{"statusCode":0,"itemList":[{"id":"7370234567890123456","author":{"uniqueId":"maya.bakes"},"stats":{"playCount":1', 'truncated'],
    ['malformed', '{"statusCode":0,"itemList":[{"id":"7370234567890123456",}]}', 'malformed'],
    ['empty (an unsigned request since 2026-07)', '', 'not-json'],
  ])('a %s body gives no posts and is counted', async (_, body, reason) => {
    const page = testPage(TT, tiktokCapture);
    const collector = page.collect();
    page.serve('/api/post/item_list/', body);
    await page.load('/api/post/item_list/');
    await page.flush();
    expect(collector.postsFor('maya.bakes')).toEqual([]);
    expect(collector.stats().skipped).toEqual({ [reason]: 1 });
  });

  test('an oversized body never crosses: the page world drops it, and a forged one is refused', async () => {
    const page = testPage(TT, tiktokCapture);
    const collector = page.collect();
    const big = `{"statusCode":0,"itemList":[],"pad":"${'x'.repeat(MAX_TEXT)}"}`;
    page.serve('/api/post/item_list/', big);
    expect((await page.load('/api/post/item_list/')).length).toBe(big.length);
    page.dispatch(RESPONSE_EVENT, msg('fetch', 'https://www.tiktok.com/api/post/item_list/', big));
    await page.flush();
    expect(collector.stats()).toMatchObject({ accepted: 0, responses: 0, rejected: { 'too-large': 1 } });
  });

  test('forged events are counted and change nothing; a forged response in the right form is read like the page’s own (never trusted more than the DOM)', async () => {
    const page = testPage(TT, tiktokCapture);
    const collector = page.collect();
    page.dispatch(RESPONSE_EVENT, { itemList: [] });
    page.dispatch(RESPONSE_EVENT, 'please read this');
    page.dispatch(RESPONSE_EVENT, msg('fetch', 'https://www.tiktok.com/api/recommend/item_list/', fixture('api/tiktok/item-list.json')));
    await page.flush();
    expect(collector.postsFor('maya.bakes')).toEqual([]);
    expect(collector.stats().rejected).toEqual({ 'not-a-string': 1, 'not-ours': 1, 'not-allowed': 1 });
    // The page could as well have written these numbers into its DOM: same extractor, same owner rule.
    page.dispatch(RESPONSE_EVENT, msg('fetch', 'https://www.tiktok.com/api/post/item_list/', fixture('capture/tiktok-item-list-lena.kocht.json')));
    await page.flush();
    // lena.kocht's two posts are not maya.bakes'; the one that says it is maya.bakes' counts as hers.
    expect(ids(collector.postsFor('maya.bakes'))).toEqual(['7380000000000000002']);
    expect(collector.stats().skipped).toMatchObject({ 'other-account': 2 });
  });
});
