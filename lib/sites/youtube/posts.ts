/**
 * YouTube posts from what the page loaded: watch pages (`ytInitialData` = the /next
 * response, `ytInitialPlayerResponse` = the /player response, or both as the
 * `yt-navigate-finish` event's `detail.response` carries them) and the channel's grid
 * (browse responses and their continuations). Likes and comments exist only on watch
 * pages; grids carry views and a relative date. Field paths:
 * ../shared/research/engagement-data.md §1.3, §2.3, §6.1. Fixtures:
 * tests/fixtures/api/youtube/README.md.
 *
 * Several documents in one text are read together: a watch page's two scripts (or the
 * two responses) are joined by video id.
 */
import { parseCount } from '../../parse-count';
import { findDisclosure } from '../posts/disclosure';
import { guarded, makePost, normalHandle, ownership, type Collector, type Measured, type Ownership } from '../posts/extract';
import { arr, count, dig, findObjectsWithKey, isObject, isoToMs, parseDocuments, str } from '../posts/json';
import type { ExtractContext, PostKind } from '../posts/types';
import { NOT_VIEW_WORDS, VIEW_WORDS } from '../words';

const VIDEO_ID = /^[\w-]{11}$/;
const CHANNEL_ID = /^UC[\w-]{22}$/;

export const readYoutubePosts = guarded((text, rawCtx, out) => {
  // A channel id given as the handle is an id (the reader keys channels without a handle so).
  const ctx: ExtractContext = CHANNEL_ID.test(rawCtx.handle) && !rawCtx.ownerId ? { ...rawCtx, ownerId: rawCtx.handle, handle: '' } : rawCtx;
  const { docs, problems } = parseDocuments(text);
  for (const p of problems) out.skip(p);

  const watch = new Map<string, { next?: Record<string, unknown>; player?: Record<string, unknown> }>();
  const slot = (id: string) => watch.get(id) ?? watch.set(id, {}).get(id)!;
  let known = false;
  for (const part of docs.flatMap(parts)) {
    const playerId = str(dig(part, 'videoDetails', 'videoId'));
    const nextId = str(dig(part, 'currentVideoEndpoint', 'watchEndpoint', 'videoId')) ?? str(dig(part, 'currentVideoEndpoint', 'reelWatchEndpoint', 'videoId'));
    if (playerId) slot(playerId).player = part;
    else if (nextId) slot(nextId).next = part;
    else if (isBrowse(part)) readGrid(part, ctx, out);
    else continue;
    known = true;
  }
  for (const [id, { next, player }] of watch) readWatch(id, next, player, ctx, out);
  if (!known && docs.length > 0) out.skip('no-posts');
});

/** The documents inside one: the navigate event's `{response, playerResponse}` and the
 * `?pbj=1` array of parts hold the responses side by side. */
function parts(doc: unknown, depth = 0): Record<string, unknown>[] {
  if (Array.isArray(doc)) return depth < 2 ? doc.flatMap((d) => parts(d, depth + 1)) : [];
  if (!isObject(doc)) return [];
  const inner = [doc.response, doc.playerResponse].filter(isObject);
  return inner.length > 0 ? inner : [doc];
}

function isBrowse(doc: Record<string, unknown>): boolean {
  return isObject(dig(doc, 'contents', 'twoColumnBrowseResultsRenderer')) || Array.isArray(doc.onResponseReceivedActions);
}

// ─── Watch pages ────────────────────────────────────────────────────────────

function readWatch(id: string, next: Record<string, unknown> | undefined, player: Record<string, unknown> | undefined, ctx: ExtractContext, out: Collector): void {
  if (!VIDEO_ID.test(id)) return out.skip('bad-id');
  const details = dig(player, 'videoDetails');
  const micro = dig(player, 'microformat', 'playerMicroformatRenderer');
  const primary = arr(dig(next, 'contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents'));
  const info = primary.map((c) => dig(c, 'videoPrimaryInfoRenderer')).find(isObject);
  // A stream that is live or upcoming has no settled counts (and "watching now" is not views).
  if (dig(details, 'isLive') === true || dig(details, 'isUpcoming') === true || dig(info, 'viewCount', 'videoViewCountRenderer', 'isLive') === true) return out.skip('live');
  const owner = dig(primary.map((c) => dig(c, 'videoSecondaryInfoRenderer')).find(isObject), 'owner', 'videoOwnerRenderer');
  // 2025–: a video by several channels lists them in a "Collaborators" dialog instead of one link.
  const collaborators = arr(
    dig(owner, 'navigationEndpoint', 'showDialogCommand', 'panelLoadingStrategy', 'inlineContent', 'dialogViewModel', 'customContent', 'listViewModel', 'listItems'),
  ).map((item) => dig(item, 'listItemViewModel', 'title', 'commandRuns', 0, 'onTap', 'innertubeCommand', 'browseEndpoint'));
  const ownerLink = dig(owner, 'navigationEndpoint', 'browseEndpoint');
  const primaryChannel = str(dig(details, 'channelId')) ?? str(dig(micro, 'externalChannelId'));

  const owned = ownership(
    {
      handles: [handleOf(str(dig(micro, 'ownerProfileUrl'))), handleOf(str(dig(ownerLink, 'canonicalBaseUrl')))],
      ids: [primaryChannel, str(dig(ownerLink, 'browseId'))],
    },
    ctx,
  );
  if (owned !== 'own') {
    const isCollaborator = collaborators.some((c) => ownership({ handles: [handleOf(str(dig(c, 'canonicalBaseUrl')))], ids: [str(dig(c, 'browseId'))] }, ctx) === 'own');
    return out.skip(skipFor(owned, isCollaborator));
  }

  const shorts = !!dig(next, 'currentVideoEndpoint', 'reelWatchEndpoint') || isObject(dig(next, 'overlay', 'reelPlayerOverlayRenderer'));
  const kind: PostKind | null = shorts ? 'short' : next ? 'video' : null;
  const views = exactCount(dig(details, 'viewCount')) ?? exactCount(dig(micro, 'viewCount')) ?? viewsText(runsText(dig(info, 'viewCount', 'videoViewCountRenderer', 'viewCount')), ctx);
  // Likes sit in the primary info (watch) or the reel overlay (Shorts); the sidebar's other
  // videos are never searched.
  const likeRegion = shorts ? dig(next, 'overlay', 'reelPlayerOverlayRenderer') : info;
  const likes = dig(details, 'allowRatings') === false ? null : likesOf(next, likeRegion, ctx);
  const title = str(dig(details, 'title'));

  out.add(
    makePost({
      id,
      url: shorts ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`,
      owner: ownerKey(ctx),
      publishedAt: isoToMs(dig(micro, 'publishDate')) ?? isoToMs(dig(micro, 'uploadDate')),
      publishedText: runsText(dig(info, 'dateText')),
      kind,
      counts: { views, likes, comments: commentsOf(next, primary, ctx) },
      // Present only when the creator ticked "includes paid promotion"; its text is
      // translated, the field name is stable (research §1.3).
      sponsored: isObject(dig(player, 'paidContentOverlay')) || findDisclosure(title, str(dig(details, 'shortDescription'))) !== null,
      collab: collaborators.length > 1,
    }),
  );
}

/**
 * Likes, best first (research §1.3): the exact locale-free `likeCountIfIndifferentNumber`
 * (or `…IfLiked…` when the viewer liked it: that one then includes their like), the exact
 * number in the button's accessibility sentence, then the abbreviated button title.
 */
function likesOf(next: unknown, region: unknown, ctx: ExtractContext): Measured | null {
  const small = { maxDepth: 12, maxNodes: 5000 };
  // 2023–: segmentedLikeDislikeButtonViewModel › likeButtonViewModel › likeButtonViewModel
  // (watch) or buttonViewModels[] › likeButtonViewModel (Shorts).
  const holder = region ? findObjectsWithKey(region, ['likeButtonViewModel'], small)[0] : undefined;
  let model = dig(holder, 'likeButtonViewModel');
  while (isObject(dig(model, 'likeButtonViewModel'))) model = dig(model, 'likeButtonViewModel');
  const status = str(dig(model, 'likeStatusEntity', 'likeStatus'));
  // 2023–: the entity sits in the segmented button, the like model, or frameworkUpdates'
  // mutations; the first two are often a bare placeholder key (real-captures 2024-01 pages).
  const field = status === 'LIKE' ? 'likeCountIfLikedNumber' : 'likeCountIfIndifferentNumber';
  const entities = [
    dig(holder, 'likeCountEntity'),
    dig(model, 'likeCountEntity'),
    ...arr(dig(next, 'frameworkUpdates', 'entityBatchUpdate', 'mutations')).map((m) => dig(m, 'payload', 'likeCountEntity')),
  ];
  const fromEntity = entities.map((e) => exactCount(dig(e, field))).find((c) => c !== null);
  if (fromEntity) return fromEntity;

  const button = dig(model, 'toggleButtonViewModel', 'toggleButtonViewModel', 'defaultButtonViewModel', 'buttonViewModel');
  // ≤2023: a toggleButtonRenderer with the LIKE icon ("Me gusta: 116.280").
  const old = region
    ? findObjectsWithKey(region, ['toggleButtonRenderer'], small)
        .map((b) => dig(b, 'toggleButtonRenderer'))
        .find((b) => dig(b, 'defaultIcon', 'iconType') === 'LIKE')
    : undefined;
  // "like this video along with 2,560 other people": exact, but it counts the others, so
  // it is one short once the viewer has liked the video.
  const sentences =
    status === 'LIKE' || dig(old, 'isToggled') === true
      ? []
      : [str(dig(button, 'accessibilityText')), str(dig(old, 'accessibility', 'label')), str(dig(old, 'defaultText', 'accessibility', 'accessibilityData', 'label'))];
  for (const s of sentences) {
    const c = parseCount(s, { lang: ctx.lang });
    if (c?.exact) return { value: c.value, exact: true };
  }
  // The button's own label: "2.5k", "14 K" (abbreviated), "116.280" (2020: every digit).
  for (const t of [str(dig(button, 'title')), runsText(dig(old, 'defaultText'))]) {
    const c = parseCount(t, { lang: ctx.lang });
    if (c && !c.unit) return { value: c.value, exact: c.exact };
  }
  return null;
}

function commentsOf(next: unknown, primary: unknown[], ctx: ExtractContext): Measured | null {
  const entry = findObjectsWithKey(primary, ['commentsEntryPointHeaderRenderer'], { maxDepth: 10, maxNodes: 5000 })[0];
  const panel = arr(dig(next, 'engagementPanels'))
    .map((p) => dig(p, 'engagementPanelSectionListRenderer'))
    .find((p) => ['engagement-panel-comments-section', 'comment-item-section'].includes(str(dig(p, 'panelIdentifier')) ?? ''));
  const texts = [runsText(dig(entry, 'commentsEntryPointHeaderRenderer', 'commentCount')), runsText(dig(panel, 'header', 'engagementPanelTitleHeaderRenderer', 'contextualInfo'))];
  const found = texts.map((t) => parseCount(t, { lang: ctx.lang })).filter((c) => c !== null && !c.unit);
  const best = found.find((c) => c!.exact) ?? found[0];
  return best ? { value: best.value, exact: best.exact } : null;
}

// ─── Channel grids ──────────────────────────────────────────────────────────

function readGrid(doc: Record<string, unknown>, ctx: ExtractContext, out: Collector): void {
  // Whose grid: the channel metadata on a tab's first page; the `browse_id` tracking
  // parameter, which continuations carry too (the first pages in real-captures do).
  const params = arr(dig(doc, 'responseContext', 'serviceTrackingParams')).flatMap((s) => arr(dig(s, 'params')));
  const param = (key: string) => str(dig(params.find((p) => dig(p, 'key') === key), 'value'));
  const channel = {
    handles: [handleOf(str(dig(doc, 'metadata', 'channelMetadataRenderer', 'vanityChannelUrl')))],
    ids: [str(dig(doc, 'metadata', 'channelMetadataRenderer', 'externalId')), param('browse_id')],
  };
  const route = param('route'); // "channel.videos", "channel.shorts", "channel.streams"
  const owned = ownership(channel, ctx);

  const tabs = arr(dig(doc, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs'));
  const selected = tabs.map((t) => dig(t, 'tabRenderer')).find((t) => dig(t, 'selected') === true);
  // Only the grid of a tab: Home-tab shelves and the sidebar hold other channels' videos.
  const items = [
    ...arr(dig(selected, 'content', 'richGridRenderer', 'contents')),
    ...arr(doc.onResponseReceivedActions).flatMap((a) =>
      arr(dig(a, 'appendContinuationItemsAction', 'continuationItems') ?? dig(a, 'reloadContinuationItemsCommand', 'continuationItems')),
    ),
  ];
  let more = false;
  for (const item of items) {
    const token = str(dig(item, 'continuationItemRenderer', 'continuationEndpoint', 'continuationCommand', 'token'));
    if (token) {
      out.cursor = token;
      more = true;
      continue;
    }
    const content = dig(item, 'richItemRenderer', 'content');
    if (!isObject(content)) continue; // shelves, chips, ads slots
    if (owned !== 'own') {
      out.skip(skipFor(owned, false));
      continue;
    }
    readGridItem(content, route === 'channel.shorts', ctx, out);
  }
  if (items.length > 0) out.hasMore = more;
}

function readGridItem(content: Record<string, unknown>, shortsTab: boolean, ctx: ExtractContext, out: Collector): void {
  const video = dig(content, 'videoRenderer');
  if (isObject(video)) {
    const id = str(video.videoId);
    if (!id || !VIDEO_ID.test(id)) return out.skip('bad-id');
    if (isLiveNow(video)) return out.skip('live');
    const views = viewsText(runsText(video.viewCountText), ctx) ?? viewsText(runsText(video.shortViewCountText), ctx);
    return out.add(gridPost(id, shortsTab, views, runsText(video.publishedTimeText), ctx));
  }
  const lockup = dig(content, 'lockupViewModel');
  if (isObject(lockup)) {
    const id = str(lockup.contentId);
    if (!id || !VIDEO_ID.test(id) || (lockup.contentType && lockup.contentType !== 'LOCKUP_CONTENT_TYPE_VIDEO')) return out.skip('bad-id');
    // Parts are ["26k views", "17 hours ago"]: the views one is found by its word, the date follows it.
    const rows = arr(dig(lockup, 'metadata', 'lockupMetadataViewModel', 'metadata', 'contentMetadataViewModel', 'metadataRows'));
    const texts = rows.flatMap((r) => arr(dig(r, 'metadataParts')).map((p) => runsText(dig(p, 'text')) ?? ''));
    const at = texts.findIndex((t) => viewsText(t, ctx, true));
    const views = at >= 0 ? viewsText(texts[at]!, ctx, true) : null;
    return out.add(gridPost(id, shortsTab, views, at >= 0 ? texts[at + 1] || null : null, ctx));
  }
  const short = dig(content, 'shortsLockupViewModel') ?? dig(content, 'reelItemRenderer');
  if (isObject(short)) {
    const id =
      str(dig(short, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId')) ?? str(short.videoId) ?? str(short.entityId)?.replace(/^shorts-shelf-item-/, '') ?? null;
    if (!id || !VIDEO_ID.test(id)) return out.skip('bad-id');
    const views = viewsText(str(dig(short, 'overlayMetadata', 'secondaryText', 'content')) ?? runsText(short.viewCountText), ctx, true);
    return out.add(gridPost(id, true, views, null, ctx));
  }
  out.skip('no-posts');
}

function gridPost(id: string, short: boolean, views: Measured | null, publishedText: string | null, ctx: ExtractContext) {
  return makePost({
    id,
    url: short ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`,
    owner: ownerKey(ctx),
    publishedText,
    kind: short ? 'short' : 'video',
    counts: { views },
  });
}

function isLiveNow(video: Record<string, unknown>): boolean {
  if (video.upcomingEventData) return true;
  const styles = [
    ...arr(video.badges).map((b) => dig(b, 'metadataBadgeRenderer', 'style')),
    ...arr(video.thumbnailOverlays).map((o) => dig(o, 'thumbnailOverlayTimeStatusRenderer', 'style')),
  ];
  return styles.some((s) => s === 'BADGE_STYLE_TYPE_LIVE_NOW' || s === 'LIVE' || s === 'UPCOMING');
}

// ─── Small readers ──────────────────────────────────────────────────────────

function skipFor(owned: Ownership, collaborator: boolean) {
  return owned === 'unknown' ? 'owner-unknown' : collaborator ? 'collab-other-owner' : 'other-account';
}

function ownerKey(ctx: ExtractContext): string {
  return normalHandle(ctx.handle) || String(ctx.ownerId ?? '');
}

/** "/@tagesschau", "http://www.youtube.com/@Andrewjrt" → the handle; "/user/x", "/channel/UC…" → null. */
function handleOf(url: string | null): string | null {
  const m = url ? /\/@([^/?#]+)/.exec(url) : null;
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

function runsText(value: unknown): string | null {
  const simple = str(dig(value, 'simpleText')) ?? str(dig(value, 'content'));
  if (simple !== null) return simple;
  const runs = dig(value, 'runs');
  if (Array.isArray(runs)) return runs.map((r) => str(dig(r, 'text')) ?? '').join('');
  return null;
}

function exactCount(value: unknown): Measured | null {
  const n = count(value);
  return n === null ? null : { value: n, exact: true };
}

/** "290,135 views" → exact, "26k views" → abbreviated; a live "1.2K watching" is not views. */
function viewsText(text: string | null, ctx: ExtractContext, needWord = false): Measured | null {
  const c = parseCount(text, { lang: ctx.lang });
  if (!c) return null;
  const unit = c.unit.toLowerCase();
  if (NOT_VIEW_WORDS.some((w) => unit.includes(w))) return null;
  if (needWord && !VIEW_WORDS.some((w) => unit.includes(w))) return null;
  return { value: c.value, exact: c.exact };
}
