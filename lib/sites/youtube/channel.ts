/**
 * A YouTube channel page: the header (rendered DOM of the visible page first, then
 * `ytInitialData`), the About panel's totals, and the grid (grid.ts). The data is used only
 * when it names the URL's channel: after in-page navigation it still describes the first page.
 */
import {
  anyOf, bestCount, candidate, dig, embeddedJson, findAll, hasWord, pageLang, same, str, textOf, unreadable, type Candidate,
} from '../common';
import type { ProfileReading, Reading } from '../types';
import { NOT_VIEW_WORDS, SUBSCRIBER_WORDS, VIDEO_WORDS, VIEW_WORDS } from '../words';
import { runsText, tabsOf } from './data';
import { domRecent, jsonRecent, mergeRecent } from './grid';
import { handleFromUrl, type ChannelRef } from './route';
import { ABOUT_ROWS, ACTIVE_BROWSE, HEADER, HEADER_TITLE, METADATA_ROW, METADATA_TEXT, OLD_HEADER } from './selectors';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const id = str(dig(meta, 'externalId')) ?? str(dig(c4, 'channelId')) ?? str(dig(about, 'channelId')) ?? browseId(data);
  return { handle, id, urls };
}

/**
 * The channel a browse response is about, as its tracking parameters name it
 * (`responseContext.serviceTrackingParams[].params[] {key: "browse_id"}`): present on every
 * 2026 channel response, including the pages that have no metadata at all (removed and
 * terminated channels, age gates, sports and gaming pages).
 */
function browseId(data: unknown): string | null {
  const services = dig(data, 'responseContext', 'serviceTrackingParams');
  for (const service of Array.isArray(services) ? services : []) {
    const params = dig(service, 'params');
    for (const param of Array.isArray(params) ? params : []) {
      const value = str(dig(param, 'value'));
      if (str(dig(param, 'key')) === 'browse_id' && value && /^UC[\w-]{22}$/.test(value)) return value;
    }
  }
  return null;
}

/** The message of a channel that is gone (removed, terminated, never existed): an ERROR alert and no contents. */
function goneAlert(data: unknown): string | null {
  if (dig(data, 'contents')) return null;
  const alert = findAll(dig(data, 'alerts'), 'alertRenderer', 5).find((a) => str(dig(a, 'type')) === 'ERROR');
  return alert ? runsText(dig(alert, 'text')) ?? 'This channel does not exist.' : null;
}

/** YouTube's own pages (topics such as Music, Sports; Gaming): headers no creator channel has. */
const NOT_CREATOR_HEADERS = ['carouselHeaderRenderer', 'interactiveTabbedHeaderRenderer'];

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
  const header = HEADER.map((s) => root.querySelector(s.selector)).find(Boolean);
  if (!header) return null;
  const title = textOf(HEADER_TITLE.map((s) => header.querySelector(s.selector)).find(Boolean)) || null;
  if (header.matches(OLD_HEADER.container.selector)) {
    const handle = textOf(header.querySelector(OLD_HEADER.handle.selector)).replace(/^@/, '') || null;
    return {
      handle,
      subscribers: namedCount(textOf(header.querySelector(OLD_HEADER.subscribers.selector)), 'dom', lang),
      videos: namedCount(textOf(header.querySelector(OLD_HEADER.videos.selector)), 'dom', lang),
      views: null,
      title,
    };
  }
  const parts = Array.from(header.querySelectorAll(anyOf(METADATA_ROW))).flatMap((row) => {
    const texts = Array.from(row.querySelectorAll(anyOf(METADATA_TEXT)));
    return texts.length ? texts.map((t) => textOf(t)) : [textOf(row)];
  });
  return { ...classifyParts(parts, 'dom', lang), title };
}

function domAbout(root: ParentNode, lang: string | null): HeaderCounts | null {
  const cells = Array.from(root.querySelectorAll(ABOUT_ROWS.selector)).map((td) => textOf(td));
  if (!cells.length) return null;
  return classifyParts(cells, 'dom', lang);
}

export function readChannel(doc: Document, url: URL, ref: ChannelRef): Reading {
  const lang = pageLang(doc);
  // The data names its channel as "/@handle" or "UC…" somewhere; without that it is another page's.
  const mention = ref.type === 'handle' ? `/@${ref.value}` : ref.type === 'id' ? ref.value : `/${ref.type === 'custom' ? 'c' : 'user'}/${ref.value}`;
  const encoded = mention.replace(/[^\x20-\x7e]+/g, (c) => encodeURIComponent(c));
  const named = new RegExp(`(?:${escapeRegExp(mention)}|${escapeRegExp(encoded)})["/?]|"alertRenderer"`, 'i');
  const rawData = embeddedJson(doc, /ytInitialData["']?\]?\s*=\s*/, (text) => named.test(text));
  const identity = rawData ? dataIdentity(rawData) : null;
  const data = identity && belongs(identity, ref) ? rawData : undefined;

  if (data) {
    const gone = goneAlert(data);
    if (gone) return unreadable('youtube', 'not-found', gone);
    const header = dig(data, 'header');
    if (NOT_CREATOR_HEADERS.some((h) => dig(header, h))) {
      return unreadable('youtube', 'not-a-creator', 'This is one of YouTube’s own topic pages (music, sports, gaming), not a creator’s channel.');
    }
    // A channel marked for adults: "Sign in to view this channel" instead of its page.
    const selected = tabsOf(data).find((t) => dig(t, 'selected') === true);
    if (findAll(dig(selected, 'content'), 'channelAgeGateRenderer', 1).length > 0) {
      return unreadable('youtube', 'login-wall', 'YouTube asks to sign in to confirm your age before it shows this channel.');
    }
  } else if (rawData && !identity?.handle && (ref.type !== 'id' || !identity?.id)) {
    // Error pages name no handle; at a /@handle address nothing else can tell whose they are.
    const gone = goneAlert(rawData);
    if (gone) return unreadable('youtube', 'not-found', gone);
  }

  const browse = doc.querySelector(ACTIVE_BROWSE.selector) ?? doc;
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
