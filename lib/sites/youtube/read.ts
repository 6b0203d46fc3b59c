/**
 * YouTube: channel pages (/@handle, /channel/UC…, /c/…, /user/… and their tabs) and
 * videos (/watch?v=…, /shorts/…). Sources, best first: the rendered DOM of the visible
 * page, `ytInitialData` / `ytInitialPlayerResponse` parsed from the script text (only
 * when they describe the URL: after in-page navigation they still describe the first
 * page), nothing from meta tags (YouTube puts no counts there).
 */
import {
  bestCount, candidate, dig, embeddedJson, findAll, hasWord, jsonCandidate, pageLang, segments, str, textOf,
  unreadable, type Candidate,
} from '../common';
import type { PostReading, ProfileReading, Reading, RecentPost } from '../types';
import { NOT_VIEW_WORDS, SUBSCRIBER_WORDS, VIDEO_WORDS, VIEW_WORDS } from '../words';
import {
  ABOUT_ROWS, ACTIVE_BROWSE, ACTIVE_WATCH, GRID_ITEM, HEADER, HEADER_TITLE, METADATA_ROW, METADATA_TEXT, OLD_HEADER,
} from './selectors';

type ChannelRef = { type: 'handle' | 'id' | 'custom' | 'user'; value: string };
type Route = { kind: 'channel'; ref: ChannelRef; tab: string | null } | { kind: 'video'; id: string; shorts: boolean };

const RESERVED = new Set([
  'watch', 'shorts', 'results', 'feed', 'playlist', 'gaming', 'premium', 'account', 'embed', 'live', 'hashtag',
  'music', 'kids', 'about', 't', 'redirect', 'signin', 'logout', 'post', 'source', 'podcasts', 'sports', 'news',
]);
const TABS = new Set([
  'featured', 'videos', 'shorts', 'streams', 'live', 'playlists', 'community', 'posts', 'about', 'podcasts',
  'releases', 'store', 'courses', 'channels', 'search',
]);

export function youtubeRoute(url: URL): Route | null {
  if (url.hostname !== 'www.youtube.com' && url.hostname !== 'youtube.com' && url.hostname !== 'm.youtube.com') return null;
  const seg = segments(url);
  const [first, second, third] = seg;
  if (!first) return null;
  if (first === 'watch') {
    const id = url.searchParams.get('v');
    return id && /^[\w-]{11}$/.test(id) ? { kind: 'video', id, shorts: false } : null;
  }
  if (first === 'shorts') return second && /^[\w-]{11}$/.test(second) ? { kind: 'video', id: second, shorts: true } : null;
  const tabOk = (t: string | undefined) => t === undefined || TABS.has(t.toLowerCase());
  if (first.startsWith('@') && first.length > 1) {
    return tabOk(second) && seg.length <= 2 ? { kind: 'channel', ref: { type: 'handle', value: first.slice(1) }, tab: second ?? null } : null;
  }
  if ((first === 'channel' || first === 'c' || first === 'user') && second) {
    if (!tabOk(third) || seg.length > 3) return null;
    const type = first === 'channel' ? 'id' : first === 'c' ? 'custom' : 'user';
    if (type === 'id' && !/^UC[\w-]{22}$/.test(second)) return null;
    return { kind: 'channel', ref: { type, value: second }, tab: third ?? null };
  }
  if (RESERVED.has(first)) return null;
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** "@handle" from "http://www.youtube.com/@handle" or "/@handle/videos". */
function handleFromUrl(value: string | null): string | null {
  const m = value ? /\/@([^/?#]+)/.exec(value) : null;
  return m ? decodeURIComponent(m[1]!) : null;
}

export function readYoutube(doc: Document, url: URL): Reading {
  const route = youtubeRoute(url);
  if (!route) return unreadable('youtube', 'not-a-profile', 'This YouTube page is not a channel or a video.');
  return route.kind === 'channel' ? readChannel(doc, url, route.ref) : readVideo(doc, url, route.id, route.shorts);
}

// ─── Channel ────────────────────────────────────────────────────────────────

interface Identity {
  handle: string | null;
  id: string | null;
  urls: string[];
}

function dataIdentity(data: unknown): Identity {
  const meta = dig(data, 'metadata', 'channelMetadataRenderer');
  const c4 = dig(data, 'header', 'c4TabbedHeaderRenderer');
  const about = aboutViewModel(data);
  const urls = [
    str(dig(meta, 'vanityChannelUrl')),
    str(dig(meta, 'channelUrl')),
    ...((dig(meta, 'ownerUrls') as unknown[] | undefined) ?? []).map(str),
    ...tabsOf(data).map((t) => str(dig(t, 'endpoint', 'browseEndpoint', 'canonicalBaseUrl'))),
    str(dig(c4, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl')),
    str(dig(about, 'canonicalChannelUrl')),
  ].filter((u): u is string => !!u);
  let handle = urls.map(handleFromUrl).find(Boolean) ?? null;
  if (!handle) {
    const part = [...headerParts(data), runsText(dig(c4, 'channelHandleText')) ?? ''].find((p) => p.startsWith('@'));
    handle = part ? part.slice(1) : null;
  }
  const id = str(dig(meta, 'externalId')) ?? str(dig(c4, 'channelId')) ?? str(dig(about, 'channelId'));
  return { handle, id, urls };
}

function belongs(identity: Identity, ref: ChannelRef): boolean {
  switch (ref.type) {
    case 'handle':
      return same(identity.handle, ref.value);
    case 'id':
      return same(identity.id, ref.value);
    default: {
      const path = `/${ref.type === 'custom' ? 'c' : 'user'}/${ref.value}`.toLowerCase();
      return identity.urls.some((u) => u.toLowerCase().endsWith(path) || u.toLowerCase().includes(`${path}/`));
    }
  }
}

function runsText(value: unknown): string | null {
  const simple = str(dig(value, 'simpleText')) ?? str(dig(value, 'content'));
  if (simple !== null) return simple;
  const runs = dig(value, 'runs');
  if (Array.isArray(runs)) return runs.map((r) => str(dig(r, 'text')) ?? '').join('');
  return typeof value === 'string' ? value : null;
}

/** The text parts of the 2024– header's metadata rows. */
function headerParts(data: unknown): string[] {
  const rows = dig(data, 'header', 'pageHeaderRenderer', 'content', 'pageHeaderViewModel', 'metadata', 'contentMetadataViewModel', 'metadataRows');
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => {
    const parts = dig(row, 'metadataParts');
    return Array.isArray(parts) ? parts.map((p) => runsText(dig(p, 'text')) ?? '').filter(Boolean) : [];
  });
}

interface HeaderCounts {
  handle: string | null;
  subscribers: Candidate | null;
  videos: Candidate | null;
  views: Candidate | null;
}

/** Sort header texts by their unit words: "25m subscribers", "337 videos", "@handle". */
function classifyParts(parts: string[], source: 'dom' | 'json', lang: string | null): HeaderCounts {
  const out: HeaderCounts = { handle: null, subscribers: null, videos: null, views: null };
  for (const raw of parts) {
    const text = raw.trim();
    if (/^@[^\s]+$/.test(text)) {
      out.handle ??= text.slice(1);
      continue;
    }
    const c = candidate(text, source, lang);
    if (!c) continue;
    const unit = c.count.unit.toLowerCase();
    if (hasWord(unit, SUBSCRIBER_WORDS)) out.subscribers ??= c;
    else if (hasWord(unit, VIEW_WORDS) && !hasWord(unit, NOT_VIEW_WORDS)) out.views ??= c;
    else if (hasWord(unit, VIDEO_WORDS)) out.videos ??= c;
  }
  return out;
}

function jsonHeader(data: unknown, lang: string | null): (HeaderCounts & { title: string | null }) | null {
  const page = dig(data, 'header', 'pageHeaderRenderer');
  if (page) {
    const title =
      str(dig(page, 'content', 'pageHeaderViewModel', 'title', 'dynamicTextViewModel', 'text', 'content')) ??
      str(dig(page, 'pageTitle'));
    return { ...classifyParts(headerParts(data), 'json', lang), title };
  }
  const c4 = dig(data, 'header', 'c4TabbedHeaderRenderer');
  if (c4) {
    // ≤2024: each count has its own field, so the field says what it is (older pages
    // print just "1.5M" there, without a unit word).
    const handle = runsText(dig(c4, 'channelHandleText'))?.replace(/^@/, '') ?? null;
    return {
      handle,
      subscribers: namedCount(runsText(dig(c4, 'subscriberCountText')), 'json', lang),
      videos: namedCount(runsText(dig(c4, 'videosCountText')), 'json', lang),
      views: null,
      title: str(dig(c4, 'title')),
    };
  }
  return null;
}

/** A count from a field or element whose name says what it counts; refused if its words
 * say otherwise (a subscribers field holding "12 videos" is not trusted). */
function namedCount(text: string | null, source: 'dom' | 'json', lang: string | null): Candidate | null {
  const c = candidate(text, source, lang);
  if (!c) return null;
  const unit = c.count.unit.toLowerCase();
  if (unit && hasWord(unit, NOT_VIEW_WORDS)) return null;
  return c;
}

function aboutViewModel(data: unknown): unknown {
  // The About panel arrives as a response endpoint (2024–); searching only there keeps
  // the read fast on 1 MB pages.
  return findAll([dig(data, 'onResponseReceivedEndpoints'), dig(data, 'engagementPanels')], 'aboutChannelViewModel', 1)[0];
}

function tabsOf(data: unknown): unknown[] {
  const tabs = dig(data, 'contents', 'twoColumnBrowseResultsRenderer', 'tabs');
  return Array.isArray(tabs) ? tabs.map((t) => dig(t, 'tabRenderer')).filter(Boolean) : [];
}

function jsonAbout(data: unknown, lang: string | null): HeaderCounts | null {
  const about = aboutViewModel(data);
  if (!about) return null;
  const field = (key: string) => namedCount(runsText(dig(about, key)), 'json', lang);
  return {
    handle: handleFromUrl(str(dig(about, 'canonicalChannelUrl'))),
    subscribers: field('subscriberCountText'),
    videos: field('videoCountText'),
    views: field('viewCountText'),
  };
}

function domHeader(root: ParentNode, lang: string | null): (HeaderCounts & { title: string | null }) | null {
  const header = HEADER.map((s) => root.querySelector(s)).find(Boolean);
  if (!header) return null;
  const title = textOf(HEADER_TITLE.map((s) => header.querySelector(s)).find(Boolean)) || null;
  if (header.matches(HEADER[2]!)) {
    const handle = textOf(header.querySelector(OLD_HEADER.handle)).replace(/^@/, '') || null;
    return {
      handle,
      subscribers: namedCount(textOf(header.querySelector(OLD_HEADER.subscribers)), 'dom', lang),
      videos: namedCount(textOf(header.querySelector(OLD_HEADER.videos)), 'dom', lang),
      views: null,
      title,
    };
  }
  const parts = Array.from(header.querySelectorAll(METADATA_ROW)).flatMap((row) => {
    const texts = Array.from(row.querySelectorAll(METADATA_TEXT));
    return texts.length ? texts.map((t) => textOf(t)) : [textOf(row)];
  });
  return { ...classifyParts(parts, 'dom', lang), title };
}

function domAbout(root: ParentNode, lang: string | null): HeaderCounts | null {
  const cells = Array.from(root.querySelectorAll(ABOUT_ROWS)).map((td) => textOf(td));
  if (!cells.length) return null;
  return classifyParts(cells, 'dom', lang);
}

function readChannel(doc: Document, url: URL, ref: ChannelRef): Reading {
  const lang = pageLang(doc);
  // The data names its channel as "/@handle" or "UC…" somewhere; without that it is another page's.
  const mention = ref.type === 'handle' ? `/@${ref.value}` : ref.type === 'id' ? ref.value : `/${ref.type === 'custom' ? 'c' : 'user'}/${ref.value}`;
  const encoded = mention.replace(/[^\x20-\x7e]+/g, (c) => encodeURIComponent(c));
  const named = new RegExp(`(?:${escapeRegExp(mention)}|${escapeRegExp(encoded)})["/?]|"alertRenderer"`, 'i');
  const rawData = embeddedJson(doc, /ytInitialData["']?\]?\s*=\s*/, (text) => named.test(text));
  const identity = rawData ? dataIdentity(rawData) : null;
  const data = identity && belongs(identity, ref) ? rawData : undefined;

  if (data) {
    const alert = findAll(dig(data, 'alerts'), 'alertRenderer', 5).find((a) => str(dig(a, 'type')) === 'ERROR');
    if (alert && !dig(data, 'header')) return unreadable('youtube', 'not-found', runsText(dig(alert, 'text')) ?? 'This channel does not exist.');
    const header = dig(data, 'header');
    if (dig(header, 'carouselHeaderRenderer') || dig(header, 'interactiveTabbedHeaderRenderer')) {
      return unreadable('youtube', 'not-a-creator', 'This is a YouTube topic page, not a creator’s channel.');
    }
  } else if (rawData && !identity?.handle && !identity?.id) {
    const alert = findAll(dig(rawData, 'alerts'), 'alertRenderer', 5).find((a) => str(dig(a, 'type')) === 'ERROR');
    if (alert) return unreadable('youtube', 'not-found', runsText(dig(alert, 'text')) ?? 'This channel does not exist.');
  }

  const browse = doc.querySelector(ACTIVE_BROWSE) ?? doc;
  let dom = domHeader(browse, lang);
  // The DOM header names its handle; a header for another channel is the previous page
  // not yet replaced (YouTube rewrites it in place after in-page navigation).
  const domHandleOk = !dom?.handle || ref.type !== 'handle' || same(dom.handle, ref.value);
  if (dom && !domHandleOk) dom = null;
  if (dom && ref.type !== 'handle' && !dom.handle && !data) dom = null; // cannot tell whose header this is
  const domAboutCounts = domHandleOk ? domAbout(browse, lang) : null;
  const json = data ? jsonHeader(data, lang) : null;
  const about = data ? jsonAbout(data, lang) : null;

  const followers = bestCount([dom?.subscribers, domAboutCounts?.subscribers, json?.subscribers, about?.subscribers]);
  const posts = bestCount([dom?.videos, domAboutCounts?.videos, json?.videos, about?.videos]);
  const views = bestCount([domAboutCounts?.views, about?.views]);
  const recent = mergeRecent(data ? jsonRecent(data, lang) : [], domRecent(browse, lang));

  const handle = ref.type === 'handle' ? ref.value : json?.handle ?? dom?.handle ?? (data ? identity?.handle : null) ?? ref.value;
  const title = dom?.title ?? json?.title ?? null;

  if (!followers && !posts && !views && recent.length === 0) {
    if (rawData && !data) return unreadable('youtube', 'loading', 'The page still shows the previous channel; waiting for this one.');
    if (!rawData && !dom) return unreadable('youtube', 'no-stats', 'No channel header on this page (a layout Creator Lens does not know yet).');
    return unreadable('youtube', 'no-stats', 'This channel page shows no counts Creator Lens can read.');
  }

  const reading: ProfileReading = {
    kind: 'profile',
    platform: 'youtube',
    handle: handle.toLowerCase(),
    displayName: title,
    url: url.href,
    followers: followers?.count.value ?? null,
    following: null,
    posts: posts?.count.value ?? null,
    likes: null,
    views: views?.count.value ?? null,
    exact: {
      followers: followers?.count.exact ?? false,
      following: false,
      posts: posts?.count.exact ?? false,
      likes: false,
      views: views?.count.exact ?? false,
    },
    sources: {
      ...(followers && { followers: followers.source }),
      ...(posts && { posts: posts.source }),
      ...(views && { views: views.source }),
    },
    recent,
  };
  return reading;
}

function isLive(video: unknown): boolean {
  if (dig(video, 'upcomingEventData')) return true;
  const badges = dig(video, 'badges');
  const overlays = dig(video, 'thumbnailOverlays');
  const styles = [
    ...(Array.isArray(badges) ? badges.map((b) => str(dig(b, 'metadataBadgeRenderer', 'style'))) : []),
    ...(Array.isArray(overlays) ? overlays.map((o) => str(dig(o, 'thumbnailOverlayTimeStatusRenderer', 'style'))) : []),
  ];
  return styles.some((s) => s === 'BADGE_STYLE_TYPE_LIVE_NOW' || s === 'LIVE');
}

/** A views text → count, or null when it is not views ("1.2K watching"). */
function viewsOf(text: string | null, lang: string | null, needWord: boolean): Candidate | null {
  const c = candidate(text, 'json', lang);
  if (!c) return null;
  const unit = c.count.unit.toLowerCase();
  if (hasWord(unit, NOT_VIEW_WORDS)) return null;
  if (needWord && !hasWord(unit, VIEW_WORDS)) return null;
  return c;
}

function post(id: string, shorts: boolean, views: Candidate | null, publishedText: string | null): RecentPost {
  return {
    id,
    url: shorts ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`,
    views: views?.count.value ?? null,
    likes: null,
    comments: null,
    publishedText,
  };
}

/** Videos of the selected tab's grid (Videos, Shorts, Live). Home-tab shelves can hold
 * other channels' videos and are left out. */
function jsonRecent(data: unknown, lang: string | null): RecentPost[] {
  const selected = tabsOf(data).find((t) => dig(t, 'selected') === true);
  // 2022–: richGridRenderer; 2020–22: sectionListRenderer › itemSectionRenderer › gridRenderer.
  let items = dig(selected, 'content', 'richGridRenderer', 'contents');
  if (!Array.isArray(items)) {
    const sections = dig(selected, 'content', 'sectionListRenderer', 'contents');
    items = (Array.isArray(sections) ? sections : []).flatMap((section) => {
      const inner = dig(section, 'itemSectionRenderer', 'contents');
      return (Array.isArray(inner) ? inner : []).flatMap((c) => {
        const grid = dig(c, 'gridRenderer', 'items');
        return Array.isArray(grid) ? grid : [];
      });
    });
  }
  if (!Array.isArray(items)) return [];
  const out: RecentPost[] = [];
  for (const item of items) {
    // Grid items come wrapped (richItemRenderer.content) or bare (gridRenderer.items[]).
    const content = dig(item, 'richItemRenderer', 'content') ?? item;
    const video = dig(content, 'videoRenderer') ?? dig(content, 'gridVideoRenderer');
    if (video) {
      const id = str(dig(video, 'videoId'));
      if (!id) continue;
      const live = isLive(video);
      const views = live
        ? null
        : bestCount([viewsOf(runsText(dig(video, 'viewCountText')), lang, false), viewsOf(runsText(dig(video, 'shortViewCountText')), lang, false)]);
      out.push(post(id, false, views, runsText(dig(video, 'publishedTimeText'))));
      continue;
    }
    const lockup = dig(content, 'lockupViewModel');
    if (lockup) {
      const id = str(dig(lockup, 'contentId'));
      const type = str(dig(lockup, 'contentType'));
      if (!id || (type && type !== 'LOCKUP_CONTENT_TYPE_VIDEO')) continue;
      const rows = dig(lockup, 'metadata', 'lockupMetadataViewModel', 'metadata', 'contentMetadataViewModel', 'metadataRows');
      const parts = (Array.isArray(rows) ? rows : []).flatMap((r) => {
        const ps = dig(r, 'metadataParts');
        return Array.isArray(ps) ? ps.map((p) => runsText(dig(p, 'text')) ?? '') : [];
      });
      const viewIndex = parts.findIndex((p) => viewsOf(p, lang, true));
      const views = viewIndex >= 0 ? viewsOf(parts[viewIndex]!, lang, true) : null;
      const published = parts.find((p, i) => i !== viewIndex && p && i > viewIndex) ?? null;
      out.push(post(id, false, views, viewIndex >= 0 ? published : null));
      continue;
    }
    const short = dig(content, 'shortsLockupViewModel');
    if (short) {
      const id =
        str(dig(short, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId')) ??
        str(dig(short, 'entityId'))?.replace(/^shorts-shelf-item-/, '') ??
        null;
      if (!id) continue;
      out.push(post(id, true, viewsOf(str(dig(short, 'overlayMetadata', 'secondaryText', 'content')), lang, true), null));
      continue;
    }
    const reel = dig(content, 'reelItemRenderer');
    if (reel) {
      const id = str(dig(reel, 'videoId'));
      if (id) out.push(post(id, true, viewsOf(runsText(dig(reel, 'viewCountText')), lang, true), null));
    }
  }
  return out;
}

function domRecent(root: ParentNode, lang: string | null): RecentPost[] {
  const out: RecentPost[] = [];
  for (const item of Array.from(root.querySelectorAll(GRID_ITEM))) {
    const link = item.querySelector('a[href*="/watch?v="], a[href*="/shorts/"]');
    const href = link?.getAttribute('href');
    if (!href) continue;
    const shorts = href.includes('/shorts/');
    const id = shorts ? /\/shorts\/([\w-]{11})/.exec(href)?.[1] : /[?&]v=([\w-]{11})/.exec(href)?.[1];
    if (!id) continue;
    // Views and age sit in metadata text spans (2026 lockups), #metadata-line spans
    // (≤2025), or the shorts subhead; the views one is found by its word.
    const texts = Array.from(item.querySelectorAll(`${METADATA_TEXT}, #metadata-line span, [class*="SubheadText"], [class*="subhead"] span`))
      .map((el) => textOf(el))
      .filter(Boolean);
    const viewIndex = texts.findIndex((t) => viewsOf(t, lang, true));
    const views = viewIndex >= 0 ? { ...viewsOf(texts[viewIndex]!, lang, true)!, source: 'dom' as const } : null;
    const published = viewIndex >= 0 ? texts.slice(viewIndex + 1).find(Boolean) ?? null : null;
    out.push(post(id, shorts, views, published));
  }
  return out;
}

/** JSON first (exact views); DOM adds the tiles loaded since (scrolling). */
function mergeRecent(json: RecentPost[], dom: RecentPost[]): RecentPost[] {
  const seen = new Set(json.map((p) => p.id));
  return [...json, ...dom.filter((p) => !seen.has(p.id))];
}

// ─── Video ──────────────────────────────────────────────────────────────────

function readVideo(doc: Document, url: URL, id: string, shorts: boolean): Reading {
  const lang = pageLang(doc);
  const player = embeddedJson(doc, /ytInitialPlayerResponse["']?\]?\s*=\s*/);
  const playerOk = str(dig(player, 'videoDetails', 'videoId')) === id;
  const rawData = embeddedJson(doc, /ytInitialData["']?\]?\s*=\s*/);
  const dataId =
    str(dig(rawData, 'currentVideoEndpoint', 'watchEndpoint', 'videoId')) ??
    str(dig(rawData, 'currentVideoEndpoint', 'reelWatchEndpoint', 'videoId'));
  const data = dataId === id ? rawData : undefined;

  if (playerOk && str(dig(player, 'playabilityStatus', 'status')) === 'ERROR' && !dig(player, 'videoDetails', 'viewCount')) {
    return unreadable('youtube', 'not-found', str(dig(player, 'playabilityStatus', 'reason')) ?? 'This video is unavailable.');
  }

  const watch = doc.querySelector(ACTIVE_WATCH);
  const domOk = !!watch && watch.getAttribute('video-id') === id;
  const domViews = domOk ? viewsOf(textOf(watch!.querySelector('ytd-watch-info-text #info span, #info-container #info span')), lang, true) : null;
  const likeLabel = domOk ? watch!.querySelector('like-button-view-model button[aria-label], #segmented-like-button button[aria-label]')?.getAttribute('aria-label') : null;
  const domComments = domOk ? candidate(textOf(watch!.querySelector('ytd-comments-header-renderer #count')), 'dom', lang) : null;

  // Search the primary results and the panels only: the sidebar holds hundreds of other videos.
  const primary = dig(data, 'contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents');
  const like = primary ? findAll(primary, 'likeButtonViewModel', 1)[0] : undefined;
  const likeButton = dig(like, 'likeButtonViewModel', 'toggleButtonViewModel', 'toggleButtonViewModel', 'defaultButtonViewModel', 'buttonViewModel');
  const commentsPanel = data
    ? findAll(dig(data, 'engagementPanels'), 'engagementPanelSectionListRenderer', 20).find((p) => str(dig(p, 'panelIdentifier')) === 'engagement-panel-comments-section')
    : undefined;

  const views = bestCount([
    domViews && { ...domViews, source: 'dom' },
    playerOk ? jsonCandidate(dig(player, 'videoDetails', 'viewCount'), true) : null,
    data ? viewsOf(runsText(findAll(primary, 'videoViewCountRenderer', 1).map((v) => dig(v, 'viewCount'))[0]), lang, false) : null,
  ]);
  // ≤2023 like button: a toggleButtonRenderer with the LIKE icon, "45,210 likes" in its label.
  const oldLike = primary
    ? findAll(primary, 'toggleButtonRenderer', 10).find((b) => str(dig(b, 'defaultIcon', 'iconType')) === 'LIKE')
    : undefined;
  const likes = bestCount([
    likeLabel ? candidate(likeLabel, 'dom', lang) : null,
    candidate(str(dig(likeButton, 'accessibilityText')), 'json', lang),
    candidate(str(dig(likeButton, 'title')), 'json', lang),
    candidate(str(dig(oldLike, 'defaultText', 'accessibility', 'accessibilityData', 'label')), 'json', lang),
    candidate(runsText(dig(oldLike, 'defaultText')), 'json', lang),
  ]);
  const entryPoint = primary ? findAll(primary, 'commentsEntryPointHeaderRenderer', 1)[0] : undefined;
  const comments = bestCount([
    domComments,
    candidate(runsText(dig(commentsPanel, 'header', 'engagementPanelTitleHeaderRenderer', 'contextualInfo')), 'json', lang),
    candidate(runsText(dig(entryPoint, 'commentCount')), 'json', lang),
  ]);

  const owner =
    handleFromUrl(str(dig(player, 'microformat', 'playerMicroformatRenderer', 'ownerProfileUrl'))) ??
    handleFromUrl(str(findAll(primary, 'videoOwnerRenderer', 1).map((o) => dig(o, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl'))[0])) ??
    (domOk ? handleFromUrl(watch!.querySelector('#owner a[href^="/@"]')?.getAttribute('href') ?? null) : null);

  if (!views && !likes && !comments) {
    if ((rawData && !data) || (player && !playerOk)) return unreadable('youtube', 'loading', 'The page still shows the previous video; waiting for this one.');
    return unreadable('youtube', 'no-stats', 'This video page shows no counts Creator Lens can read.');
  }
  const reading: PostReading = {
    kind: 'post',
    platform: 'youtube',
    handle: owner ? (playerOk || data || domOk ? owner.toLowerCase() : null) : null,
    id,
    url: shorts ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`,
    likes: likes?.count.value ?? null,
    comments: comments?.count.value ?? null,
    views: views?.count.value ?? null,
    shares: null,
    exact: {
      likes: likes?.count.exact ?? false,
      comments: comments?.count.exact ?? false,
      views: views?.count.exact ?? false,
      shares: false,
    },
    sources: {
      ...(likes && { likes: likes.source }),
      ...(comments && { comments: comments.source }),
      ...(views && { views: views.source }),
    },
  };
  return reading;
}

