/**
 * TikTok posts from what the page loaded: its own `/api/post/item_list/` responses (the
 * profile grid; the embedded `itemList` is empty since 2024) and the rehydration JSON of a
 * video page. Field paths: ../shared/research/engagement-data.md §1.2, §2.2, §6.1.
 * Fixtures: tests/fixtures/api/tiktok/README.md.
 */
import { findDisclosure } from '../posts/disclosure';
import { guarded, makePost, normalHandle, ownership, type Collector, type Measured } from '../posts/extract';
import { arr, count, dig, isObject, parseDocuments, secondsToMs, str } from '../posts/json';
import type { ExtractContext, PostMetric } from '../posts/types';

/** stats / statsV2 key → our metric (yt-dlp tiktok.py 687–694). `diggCount` on an item is
 * the video's likes (on a user it is likes given). */
const METRICS: [string, PostMetric][] = [
  ['playCount', 'views'],
  ['diggCount', 'likes'],
  ['commentCount', 'comments'],
  ['shareCount', 'shares'],
  ['collectCount', 'saves'],
];

const ITEM_ID = /^\d{5,25}$/;

export const readTiktokPosts = guarded((text, ctx, out) => {
  // Since 2026-07 a request without TikTok's signature gets "200" with an empty body
  // (TikTok-Api #1311): nothing to read, which is not zero posts.
  if (text.trim() === '') return out.skip('not-json');
  if (!['itemList', 'itemStruct', 'statusCode'].some((k) => text.includes(k))) return out.skip('no-posts');
  const { docs, problems } = parseDocuments(text);
  for (const p of problems) out.skip(p);
  for (const doc of docs) readDocument(doc, ctx, out);
});

function readDocument(doc: unknown, ctx: ExtractContext, out: Collector): void {
  // item_list answers a private or missing account with a statusCode (10222, 10221) and no list.
  const status = dig(doc, 'statusCode') ?? dig(doc, 'status_code');
  if (typeof status === 'number' && status !== 0) return out.skip('error-response');

  const scope = dig(doc, '__DEFAULT_SCOPE__');
  const list = dig(doc, 'itemList') ?? dig(scope, 'webapp.user-detail', 'userInfo', 'itemList');
  const single = dig(doc, 'itemInfo', 'itemStruct') ?? dig(scope, 'webapp.video-detail', 'itemInfo', 'itemStruct');
  if (Array.isArray(list)) {
    for (const item of list) readItem(item, ctx, out);
    const cursor = dig(doc, 'cursor');
    out.cursor = typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : out.cursor;
    out.hasMore = typeof dig(doc, 'hasMore') === 'boolean' ? (dig(doc, 'hasMore') as boolean) : out.hasMore;
  } else if (isObject(single)) {
    readItem(single, ctx, out);
  } else if (status === 0 && dig(doc, 'hasMore') === false) {
    // The last page of an account leaves `itemList` out: an empty page, not a new shape.
    out.hasMore = false;
  } else {
    out.skip('no-posts');
  }
}

function readItem(item: unknown, ctx: ExtractContext, out: Collector): void {
  if (!isObject(item)) return out.skip('bad-id');
  const id = str(item.id);
  if (!id || !ITEM_ID.test(id)) return out.skip('bad-id');
  // 2020–21 pages put the handle in `author` as a string.
  const author = isObject(item.author) ? item.author : null;
  const uniqueId = str(author?.uniqueId) ?? str(item.author);
  const owned = ownership({ handles: [uniqueId], ids: [str(author?.secUid)] }, ctx);
  if (owned !== 'own') return out.skip(owned === 'unknown' ? 'owner-unknown' : 'other-account');

  const counts: Partial<Record<PostMetric, Measured | null>> = {};
  for (const [key, metric] of METRICS) counts[metric] = measured(dig(item, 'statsV2', key), dig(item, 'stats', key));
  const images = arr(dig(item, 'imagePost', 'images'));
  const kind = images.length > 1 ? 'carousel' : images.length === 1 ? 'photo' : isObject(item.video) ? 'video' : null;
  const handle = normalHandle(uniqueId ?? ctx.handle);

  out.add(
    makePost({
      id,
      url: `https://www.tiktok.com/@${handle}/${kind === 'photo' || kind === 'carousel' ? 'photo' : 'video'}/${id}`,
      owner: handle,
      publishedAt: secondsToMs(item.createTime),
      kind,
      counts,
      pinned: item.isPinnedItem === true,
      // `adAuthorization`: the creator let a brand run the post as an ad (zeeschuimer maps
      // it to is_paid_partnership); `isAd`: TikTok marks it as an ad.
      sponsored: item.isAd === true || item.adAuthorization === true || findDisclosure(str(item.desc)) !== null,
    }),
  );
}

/**
 * `statsV2` carries exact strings; `stats` the same counts rounded (TikTok-Api PR #1143:
 * "1776621" beside 1800000; real-captures/api/tiktok: 37600, 402500, 3900000). A rounded
 * count is kept and marked inexact — unless it is below 1,000, where no rounding seen in
 * any capture changes a digit.
 */
function measured(v2: unknown, rounded: unknown): Measured | null {
  const exact = count(v2);
  if (exact !== null) return { value: exact, exact: true };
  const value = count(rounded);
  return value === null ? null : { value, exact: value < 1000 };
}
