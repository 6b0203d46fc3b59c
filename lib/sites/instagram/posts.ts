/**
 * Instagram posts from what the page loaded: its own `/graphql/query` and `/api/graphql`
 * responses, the `data-sjs` relay payloads embedded in the HTML, and the v1 REST feeds.
 * Field paths: ../shared/research/engagement-data.md §1.1, §2.1, §6.1. Fixtures:
 * tests/fixtures/api/instagram/README.md.
 */
import { findDisclosure } from '../posts/disclosure';
import { guarded, makePost, normalHandle, ownership, type Collector } from '../posts/extract';
import { arr, count, dig, findObjectsWithKey, isObject, parseDocuments, secondsToMs, str } from '../posts/json';
import type { ExtractContext, PostKind } from '../posts/types';

/** Response roots that carry the profile's own posts, matched by key — never by `doc_id`,
 * which rotates every few weeks (research §2.1). */
const TIMELINE = 'xdt_api__v1__feed__user_timeline_graphql_connection'; // posts tab, first page and scroll pages
const CLIPS = 'xdt_api__v1__clips__user__connection_v2'; // reels tab until 2026-08
const USER_DICT = 'fetch__XDTUserDict'; // reels tab since 2026-08-23: `.clips_connection`
const WEB_INFO = 'xdt_api__v1__media__shortcode__web_info'; // a post page: `.items[0]`
const ROOTS = [TIMELINE, CLIPS, USER_DICT, WEB_INFO] as const;
// Left out on purpose: the tagged tab (`xdt_api__v1__usertags__…`) and reposts
// (`user_reposts_timeline`) hold other accounts' posts; the home feed (`feed_items`) too.

/** Which list pins a post depends on the tab it came from. */
type PinList = 'timeline_pinned_user_ids' | 'clips_tab_pinned_user_ids' | null;

const CODE = /^[\w-]{5,40}$/;

export const readInstagramPosts = guarded((text, ctx, out) => {
  // Most responses the hook forwards are other queries: skip them without parsing.
  if (!ROOTS.some((r) => text.includes(r)) && !text.includes('"items"') && !text.includes('"errors"')) {
    out.skip(text.length > 0 ? 'no-posts' : 'not-json');
    return;
  }
  const { docs, problems } = parseDocuments(text);
  for (const p of problems) out.skip(p);
  // Later chunks of a stream (`extensions.is_final`, deferred fragments) hold no root:
  // the text as a whole says whether it had posts.
  const found = docs.map((doc) => readDocument(doc, ctx, out)).some(Boolean);
  if (!found && docs.length > 0 && problems.length === 0) out.skip('no-posts');
});

/** Reads one document; false when it holds no shape this reader knows. */
function readDocument(doc: unknown, ctx: ExtractContext, out: Collector): boolean {
  const data = dig(doc, 'data');
  // Partial errors beside data (a `field_exception` on one field) do not reject the posts.
  if (arr(dig(doc, 'errors')).length > 0 && !isObject(data)) {
    out.skip('error-response');
    return true;
  }

  // The v1 REST shapes: /api/v1/feed/user/…, /api/v1/media/<id>/info/ (`items[]` media) and
  // /api/v1/clips/user/ (`items[].media`).
  if (Array.isArray(dig(doc, 'items'))) {
    for (const item of arr(dig(doc, 'items'))) {
      const clip = dig(item, 'media');
      if (clip !== undefined) readMedia(clip, ctx, out, 'clips_tab_pinned_user_ids', null);
      else readMedia(item, ctx, out, 'timeline_pinned_user_ids', null);
    }
    out.cursor = str(dig(doc, 'next_max_id')) ?? str(dig(doc, 'paging_info', 'max_id')) ?? out.cursor;
    out.hasMore = bool(dig(doc, 'more_available')) ?? bool(dig(doc, 'paging_info', 'more_available')) ?? out.hasMore;
    return true;
  }

  const holders = rootHolders(doc);
  for (const holder of holders) {
    if (isObject(holder[TIMELINE])) readConnection(holder[TIMELINE], ctx, out, 'timeline_pinned_user_ids', null);
    if (isObject(holder[CLIPS])) readConnection(holder[CLIPS], ctx, out, 'clips_tab_pinned_user_ids', null);
    const dict = holder[USER_DICT];
    if (isObject(dict) && isObject(dict.clips_connection)) readConnection(dict.clips_connection, ctx, out, 'clips_tab_pinned_user_ids', dict);
    for (const item of arr(dig(holder, WEB_INFO, 'items'))) readMedia(item, ctx, out, null, null);
  }
  return holders.length > 0;
}

/** The objects holding a root: `data` of a GraphQL response, then the targeted relay path
 * of a `data-sjs` payload, then a bounded walk (Meta's envelope is ~16 levels deep). */
function rootHolders(doc: unknown): Record<string, unknown>[] {
  const data = dig(doc, 'data');
  if (isObject(data) && ROOTS.some((r) => r in data)) return [data];
  const targeted: Record<string, unknown>[] = [];
  // {"require":[["ScheduledServerJS","handle",null,[{"__bbox":{"require":[["RelayPrefetchedStreamCache","next",[],["<preloader id>",{"__bbox":{"result":{"data":…}}}]]]}}]]]}
  for (const entry of arr(dig(doc, 'require'))) {
    for (const arg of arr(dig(entry, 3))) {
      for (const inner of arr(dig(arg, '__bbox', 'require'))) {
        if (dig(inner, 0) !== 'RelayPrefetchedStreamCache') continue;
        const d = dig(inner, 3, 1, '__bbox', 'result', 'data');
        if (isObject(d) && ROOTS.some((r) => r in d)) targeted.push(d);
      }
    }
  }
  return targeted.length > 0 ? targeted : findObjectsWithKey(doc, ROOTS);
}

function readConnection(conn: unknown, ctx: ExtractContext, out: Collector, pins: PinList, dict: Record<string, unknown> | null): void {
  for (const edge of arr(dig(conn, 'edges'))) {
    const node = dig(edge, 'node');
    // The reels connection wraps each media in `node.media`; the 2026 one may not.
    readMedia(dig(node, 'media') ?? node, ctx, out, pins, dict);
  }
  out.cursor = str(dig(conn, 'page_info', 'end_cursor')) ?? out.cursor;
  out.hasMore = bool(dig(conn, 'page_info', 'has_next_page')) ?? out.hasMore;
}

function readMedia(node: unknown, ctx: ExtractContext, out: Collector, pins: PinList, dict: Record<string, unknown> | null): void {
  if (!isObject(node)) return out.skip('bad-id');
  // zeeschuimer drops these: ads Instagram injects into a feed.
  if (node.product_type === 'ad' || node.ad_id != null) return out.skip('ad');
  const code = str(node.code) ?? str(node.shortcode); // `shortcode`: reduced / older nodes
  if (!code || !CODE.test(code)) return out.skip('bad-id');

  const user = isObject(node.user) ? node.user : isObject(node.owner) ? node.owner : null;
  const username = str(user?.username) ?? (user ? null : str(dict?.username));
  const pk = idString(user?.pk) ?? idString(user?.id) ?? (user ? null : idString(dict?.pk) ?? idString(dict?.id));
  // A media id is "<media pk>_<owner pk>": the owner even when a reduced node has no `user`.
  const suffix = /^\d+_(\d+)$/.exec(str(node.id) ?? '')?.[1] ?? null;
  const owned = ownership({ handles: [username], ids: [pk, suffix] }, ctx);
  const coauthors = arr(node.coauthor_producers)
    .filter(isObject)
    .map((c) => ownership({ handles: [str(c.username)], ids: [idString(c.pk) ?? idString(c.id)] }, ctx));
  if (owned !== 'own') return out.skip(owned === 'unknown' ? 'owner-unknown' : coauthors.includes('own') ? 'collab-other-owner' : 'other-account');

  const kind = kindOf(node);
  // Hiding counts makes Instagram send a fake small like_count (zeeschuimer #45: "3" on 447
  // of 540 posts); the flag is the only way to tell, and it hides views too.
  const hidden = node.like_and_view_counts_disabled === true;
  const exact = (v: unknown) => {
    const n = count(v);
    return n === null ? null : { value: n, exact: true };
  };
  // `play_count` is the larger reels measure the app shows; `view_count` the older one
  // (research §2.1); photos have no views at all.
  const views = hidden || kind === 'photo' || kind === 'carousel' ? null : exact(node.play_count) ?? exact(node.view_count);
  const ownerPk = pk ?? suffix ?? (ctx.ownerId ? String(ctx.ownerId) : null);
  const pinnedBy = pins ? arr(node[pins]).map((v) => idString(v)) : [];
  const caption = str(dig(node, 'caption', 'text'));

  out.add(
    makePost({
      id: code,
      url: `https://www.instagram.com/${kind === 'reel' ? 'reel' : 'p'}/${code}/`,
      owner: normalHandle(username ?? ctx.handle),
      publishedAt: secondsToMs(node.taken_at),
      kind,
      counts: { views, likes: hidden ? null : exact(node.like_count), comments: exact(node.comment_count) },
      pinned: ownerPk ? pinnedBy.includes(ownerPk) : pinnedBy.length > 0,
      sponsored: node.is_paid_partnership === true || arr(node.sponsor_tags).length > 0 || findDisclosure(caption) !== null,
      collab: coauthors.some((c) => c !== 'own'), // co-authors besides the profile itself
      likesHidden: hidden,
    }),
  );
}

/** media_type 1 image, 2 video, 8 carousel (research §2.1); a video is a reel when its
 * product_type says "clips". */
function kindOf(node: Record<string, unknown>): PostKind | null {
  switch (node.media_type) {
    case 1:
      return 'photo';
    case 8:
      return 'carousel';
    case 2:
      return node.product_type === 'clips' ? 'reel' : 'video';
    default:
      return null;
  }
}

/** An id as text. A number past 2^53 was already rounded by JSON.parse, so it is refused. */
function idString(value: unknown): string | null {
  if (typeof value === 'string' && /^\d{1,25}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
