/**
 * Per-post data read from what the page itself loaded: the JSON its own app fetched
 * (`network`) or embedded in the HTML (`embedded`). Research with field paths:
 * ../shared/research/engagement-data.md. Plain data only: these cross a message boundary.
 *
 * Unknown is `null` — never 0 and never a guess. A count the page rounded is kept, and its
 * `exact` flag says so.
 */

import type { PostKind, PostMetric } from '../types';

export { POST_METRICS, type PostKind, type PostMetric } from '../types';

export interface Post {
  /** The site's own post key, as in its URLs: Instagram shortcode, TikTok item id, YouTube
   * video id. Always a string (TikTok ids and Instagram pks exceed 2^53). */
  id: string;
  url: string;
  /** Lower-case handle of the post's owner (YouTube: the @handle, or the channel id). */
  owner: string;
  /** Milliseconds since the epoch; null when the response carries no date (Instagram's
   * 2026 reels connection, YouTube grids). */
  publishedAt: number | null;
  /** As the page words it ("3 days ago") where it gives no date; never turned into one here. */
  publishedText: string | null;
  /** null when the response does not say (a reduced node without `media_type`). */
  kind: PostKind | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  /** true when the count is every digit (false: rounded or abbreviated; also false when unknown). */
  exact: Record<PostMetric, boolean>;
  /** Pinned to the top of the profile: out of date order, left out of recent-post metrics. */
  pinned: boolean;
  /** The platform's own flag or a disclosure tag in the caption (see disclosure.ts). */
  sponsored: boolean;
  /** The profile's own post made with co-authors (a collab owned by someone else is skipped). */
  collab: boolean;
  /** The owner hid like counts: `likes` is null even though the response sent a number. */
  likesHidden: boolean;
}

/**
 * Why a post or a whole response was not used. Counted, never thrown: the caller shows
 * them in diagnostics and `read-page` output.
 */
export type SkipReason =
  | 'too-large' // body over MAX_BODY
  | 'not-json' // nothing parseable
  | 'truncated' // a JSON document that stops before its end
  | 'malformed' // JSON.parse refused a document
  | 'no-posts' // parsed, but no shape this reader knows (another query, a config blob)
  | 'error-response' // GraphQL errors without data; TikTok statusCode ≠ 0
  | 'other-account' // owned by another account (tagged, suggested, previous profile)
  | 'collab-other-owner' // a collab the profile is part of, owned by someone else
  | 'owner-unknown' // nothing in the post says whose it is
  | 'bad-id' // missing or implausible id
  | 'ad' // an ad injected into the feed (Instagram `product_type: "ad"`)
  | 'live' // a stream that is live now or upcoming: no settled counts
  | 'duplicate' // the same post twice in one response
  | 'extractor-error'; // a bug of ours: the response is dropped, nothing thrown

export interface Skipped {
  reason: SkipReason;
  count: number;
}

export interface Extraction {
  /** The profile's own posts, in response order. */
  posts: Post[];
  /** Where the next page starts (Instagram `end_cursor` / `next_max_id`, TikTok `cursor`,
   * YouTube continuation token), for diagnostics; we never request it ourselves. */
  cursor: string | null;
  hasMore: boolean | null;
  skipped: Skipped[];
}

export interface ExtractContext {
  /** The profile being read: handle without "@" (YouTube: @handle or channel id). */
  handle: string;
  /** Its stable id where known — Instagram user pk, TikTok `secUid`, YouTube channel id
   * (UC…): lets posts that carry no username be attributed. */
  ownerId?: string | null;
  /** The page's language, for counts the site words ("1,2 K"). */
  lang?: string | null;
}

export type PostExtractor = (text: string, ctx: ExtractContext) => Extraction;
