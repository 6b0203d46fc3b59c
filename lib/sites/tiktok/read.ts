/**
 * TikTok: profiles (/@user) and single videos or photo posts (/@user/video/<id>).
 * Sources, best first for exactness: `statsV2` in the rehydration JSON (exact strings),
 * the rendered DOM (abbreviated: "2.6M"), `stats` (numbers rounded to three digits), the
 * meta description ("48.2M Likes. 2.6M Followers."). Embedded data is used only when its
 * `uniqueId` / item id matches the URL: after in-page navigation it describes the first page.
 */
import {
  anyOf, bestCount, candidate, dig, hasWord, jsonCandidate, metaContent, pageLang, same, scriptJson, str, textOf,
  unreadable, type Candidate,
} from '../common';
import { recentPost, type PostReading, type ProfileReading, type Reading, type RecentPost, type Selector } from '../types';
import { FOLLOWER_WORDS, LIKE_WORDS } from '../words';
import { tiktokRoute } from './route';
import { CAPTCHA, DOM, GRID_LINK, NOT_FOUND_TEXT, SCRIPTS, VIDEO_SCOPE } from './selectors';

export { tiktokRoute } from './route';

/** The user record and stats from whichever generation of embedded data the page has. */
function embeddedUser(doc: Document, handle: string) {
  const universal = scriptJson(doc, SCRIPTS.universal);
  const detail = dig(universal, '__DEFAULT_SCOPE__', 'webapp.user-detail');
  if (detail) {
    const user = dig(detail, 'userInfo', 'user');
    return {
      statusCode: dig(detail, 'statusCode'),
      present: true,
      matches: same(dig(user, 'uniqueId'), handle),
      user,
      stats: dig(detail, 'userInfo', 'stats'),
      statsV2: dig(detail, 'userInfo', 'statsV2'),
    };
  }
  const sigi = scriptJson(doc, SCRIPTS.sigi);
  if (sigi) {
    const users = dig(sigi, 'UserModule', 'users') as Record<string, unknown> | undefined;
    const key = users ? Object.keys(users).find((k) => same(k, handle)) : undefined;
    return {
      statusCode: dig(sigi, 'UserPage', 'statusCode'),
      present: true,
      matches: !!key,
      user: key ? users![key] : undefined,
      stats: key ? dig(sigi, 'UserModule', 'stats', key) : undefined,
      statsV2: undefined,
    };
  }
  const next = scriptJson(doc, SCRIPTS.next);
  const info = dig(next, 'props', 'pageProps', 'userInfo');
  if (next) {
    return {
      statusCode: dig(next, 'props', 'pageProps', 'statusCode'),
      present: true,
      matches: same(dig(info, 'user', 'uniqueId'), handle),
      user: dig(info, 'user'),
      stats: dig(info, 'stats'),
      statsV2: undefined,
    };
  }
  return { statusCode: undefined, present: false, matches: false, user: undefined, stats: undefined, statsV2: undefined };
}

/** Total likes: `heartCount` overflows (negative or 0) on big accounts while `heart` is right. */
function likesFromStats(stats: unknown, exact: boolean): Candidate | null {
  const heart = jsonCandidate(dig(stats, 'heart'), exact);
  const heartCount = jsonCandidate(dig(stats, 'heartCount'), exact);
  if (heartCount && heart && heartCount.count.value < heart.count.value) return heart;
  return heartCount ?? heart;
}

function fromStats(stats: unknown, exact: boolean) {
  return {
    followers: jsonCandidate(dig(stats, 'followerCount'), exact),
    following: jsonCandidate(dig(stats, 'followingCount'), exact),
    posts: jsonCandidate(dig(stats, 'videoCount'), exact),
    likes: likesFromStats(stats, exact),
  };
}

/** "Name (@handle) on TikTok | 48.2M Likes. 2.6M Followers. bio" — English only: the
 * words are the only way to tell the numbers apart. */
function fromMeta(doc: Document, handle: string, lang: string | null) {
  const description = metaContent(doc, 'description') ?? '';
  const owner = /\(@([\w.]+)\)/.exec(description)?.[1];
  if (!owner || !same(owner, handle)) return null;
  const stats = description.split('|')[1] ?? '';
  let followers: Candidate | null = null;
  let likes: Candidate | null = null;
  for (const sentence of stats.split(/\.\s+/).slice(0, 3)) {
    const c = candidate(sentence, 'meta', lang);
    if (!c) continue;
    const unit = c.count.unit.toLowerCase();
    if (hasWord(unit, FOLLOWER_WORDS)) followers ??= c;
    else if (hasWord(unit, LIKE_WORDS)) likes ??= c;
  }
  return { followers, likes };
}

function domCount(doc: Document, selector: Selector, lang: string | null): Candidate | null {
  // A title attribute can carry the exact count on some layouts; the text is the fallback.
  const el = doc.querySelector(selector.selector);
  if (!el) return null;
  const title = el.getAttribute('title');
  const exact = title ? candidate(title, 'dom', lang) : null;
  const shown = candidate(textOf(el), 'dom', lang);
  return bestCount([shown, exact?.count.exact ? exact : null]);
}

function readProfile(doc: Document, url: URL, handle: string): Reading {
  const lang = pageLang(doc);
  const embedded = embeddedUser(doc, handle);
  if (embedded.present && embedded.matches !== false) {
    if (embedded.statusCode === 10221) return unreadable('tiktok', 'not-found', `TikTok says @${handle} does not exist.`);
  }
  if (embedded.statusCode === 10221 && !embedded.user) return unreadable('tiktok', 'not-found', `TikTok says @${handle} does not exist.`);

  const domHandle = textOf(doc.querySelector(DOM.handle.selector)).replace(/^@/, '');
  // The header names its user; another user's header is the previous page not yet replaced.
  const domOk = !domHandle || same(domHandle, handle);
  const dom = domOk
    ? {
        followers: domCount(doc, DOM.followers, lang),
        following: domCount(doc, DOM.following, lang),
        likes: domCount(doc, DOM.likes, lang),
      }
    : null;
  const v2 = embedded.matches ? fromStats(embedded.statsV2, true) : null;
  const rounded = embedded.matches ? fromStats(embedded.stats, false) : null;
  const meta = fromMeta(doc, handle, lang);

  const followers = bestCount([v2?.followers, dom?.followers, rounded?.followers, meta?.followers]);
  const following = bestCount([v2?.following, dom?.following, rounded?.following]);
  const likes = bestCount([v2?.likes, dom?.likes, rounded?.likes, meta?.likes]);
  const posts = bestCount([v2?.posts, rounded?.posts]);

  if (!followers && !following && !likes && !posts) {
    if (embedded.statusCode === 10222) return unreadable('tiktok', 'private', `@${handle} is a private account.`);
    if (!domOk) return unreadable('tiktok', 'loading', 'The page still shows the previous profile; waiting for this one.');
    if (NOT_FOUND_TEXT.some((t) => (doc.body?.textContent ?? '').includes(t))) {
      return unreadable('tiktok', 'not-found', `TikTok says @${handle} does not exist.`);
    }
    if (doc.querySelector(anyOf(CAPTCHA))) {
      return unreadable('tiktok', 'login-wall', 'TikTok is asking for a captcha or a login before it shows this profile.');
    }
    return unreadable('tiktok', 'no-stats', 'This TikTok page shows no counts Creator Lens can read.');
  }

  const displayName =
    (embedded.matches ? str(dig(embedded.user, 'nickname')) : null) ??
    (domOk ? textOf(doc.querySelector(DOM.nickname.selector)) || null : null) ??
    titleName(doc, handle);

  const reading: ProfileReading = {
    kind: 'profile',
    platform: 'tiktok',
    handle: handle.toLowerCase(),
    displayName,
    url: `https://www.tiktok.com/@${handle}`,
    followers: followers?.count.value ?? null,
    following: following?.count.value ?? null,
    posts: posts?.count.value ?? null,
    likes: likes?.count.value ?? null,
    views: null,
    exact: {
      followers: followers?.count.exact ?? false,
      following: following?.count.exact ?? false,
      posts: posts?.count.exact ?? false,
      likes: likes?.count.exact ?? false,
      views: false,
    },
    sources: {
      ...(followers && { followers: followers.source }),
      ...(following && { following: following.source }),
      ...(posts && { posts: posts.source }),
      ...(likes && { likes: likes.source }),
    },
    recent: domOk ? recentPosts(doc, handle, lang) : [],
  };
  return reading;
}

/** "Maya Chen (@maya.bakes) | TikTok" → "Maya Chen", when the handle matches. */
function titleName(doc: Document, handle: string): string | null {
  const m = /^(.*) \(@([\w.]+)\)/.exec(doc.title ?? '');
  return m && same(m[2], handle) ? m[1]!.trim() || null : null;
}

/** Grid tiles: views are the only per-video number TikTok shows there. */
function recentPosts(doc: Document, handle: string, lang: string | null): RecentPost[] {
  const out: RecentPost[] = [];
  const seen = new Set<string>();
  for (const item of Array.from(doc.querySelectorAll(DOM.gridItem.selector))) {
    const link = item.querySelector(anyOf(GRID_LINK));
    const href = link?.getAttribute('href') ?? '';
    const m = /\/@([\w.]+)\/(video|photo)\/(\d+)/.exec(href);
    if (!m || !same(m[1], handle) || seen.has(m[3]!)) continue; // reposts of others are not this creator's
    seen.add(m[3]!);
    const views = candidate(textOf(item.querySelector(DOM.gridViews.selector)), 'dom', lang);
    out.push(recentPost({
      id: m[3]!,
      url: `https://www.tiktok.com/@${m[1]}/${m[2]}/${m[3]}`,
      views: views?.count.value ?? null,
      exact: { views: views?.count.exact ?? false },
      kind: m[2] === 'photo' ? 'photo' : 'video',
      source: 'dom',
    }));
  }
  return out;
}

/**
 * The video's record from whichever generation of embedded data the page has, with the
 * status code the page carries for it. Each shape names the video by its id.
 */
function embeddedItem(doc: Document, id: string): { item: unknown; author: unknown; statusCode: unknown; present: boolean } {
  const universal = scriptJson(doc, SCRIPTS.universal);
  // "webapp.video-detail" (2023–); the reflow layout names it "webapp.reflow.video.detail".
  const scopes = dig(universal, '__DEFAULT_SCOPE__') as Record<string, unknown> | undefined;
  const detailKey = scopes ? Object.keys(scopes).find((k) => /video[.-]detail$/.test(k)) : undefined;
  const detail = detailKey ? scopes![detailKey] : undefined;
  const struct = dig(detail, 'itemInfo', 'itemStruct');
  if (struct || detail) return { item: struct, author: dig(struct, 'author'), statusCode: dig(detail, 'statusCode'), present: true };
  const sigi = scriptJson(doc, SCRIPTS.sigi);
  const sigiItem = dig(sigi, 'ItemModule', id);
  if (sigiItem) return { item: sigiItem, author: dig(sigiItem, 'author'), statusCode: undefined, present: true };
  // 2020–21 Next.js data: `pageProps.itemInfo.itemStruct` (late 2020–21, the 2022 shape's
  // record with rounded `stats`) or `pageProps.videoData.itemInfos` (2020: the counts on the
  // record itself, the author beside it in `authorInfos`).
  const props = dig(scriptJson(doc, SCRIPTS.next), 'props', 'pageProps');
  const nextStruct = dig(props, 'itemInfo', 'itemStruct');
  if (nextStruct) return { item: nextStruct, author: dig(nextStruct, 'author'), statusCode: dig(props, 'statusCode'), present: true };
  const infos = dig(props, 'videoData', 'itemInfos');
  if (infos) return { item: { ...(infos as object), stats: infos }, author: dig(props, 'videoData', 'authorInfos'), statusCode: dig(props, 'statusCode'), present: true };
  return { item: undefined, author: undefined, statusCode: dig(props, 'statusCode'), present: !!props };
}

function readPost(doc: Document, url: URL, handle: string, id: string): Reading {
  const lang = pageLang(doc);
  const { item, author, statusCode } = embeddedItem(doc, id);
  const itemOk = str(dig(item, 'id')) === id;
  if (!itemOk && statusCode === 10204) {
    return unreadable('tiktok', 'not-found', 'TikTok says this video is not available.');
  }
  const v2 = itemOk ? dig(item, 'statsV2') : undefined;
  const stats = itemOk ? dig(item, 'stats') : undefined;
  // DOM counts are only this video's when the page has one video open; in the feed
  // ("browse" mode) several are rendered, so take the one inside this video's container.
  const scope = doc.querySelector(anyOf(VIDEO_SCOPE).replace('{id}', id)) ?? doc;
  const dom = (sel: Selector | readonly Selector[]) => candidate(textOf(scope.querySelector(anyOf(sel))), 'dom', lang);
  const likes = bestCount([jsonCandidate(dig(v2, 'diggCount'), true), dom(DOM.videoLikes), jsonCandidate(dig(stats, 'diggCount'), false)]);
  const comments = bestCount([jsonCandidate(dig(v2, 'commentCount'), true), dom(DOM.videoComments), jsonCandidate(dig(stats, 'commentCount'), false)]);
  const shares = bestCount([jsonCandidate(dig(v2, 'shareCount'), true), dom(DOM.videoShares), jsonCandidate(dig(stats, 'shareCount'), false)]);
  const views = bestCount([jsonCandidate(dig(v2, 'playCount'), true), jsonCandidate(dig(stats, 'playCount'), false)]);
  if (!likes && !comments && !shares && !views) {
    if (item && !itemOk) return unreadable('tiktok', 'loading', 'The page still shows the previous video; waiting for this one.');
    return unreadable('tiktok', 'no-stats', 'This TikTok video page shows no counts Creator Lens can read.');
  }
  const reading: PostReading = {
    kind: 'post',
    platform: 'tiktok',
    handle: (itemOk ? str(dig(author, 'uniqueId')) ?? str(author) : null)?.toLowerCase() ?? handle.toLowerCase(),
    id,
    url: `https://www.tiktok.com/@${handle}/video/${id}`,
    likes: likes?.count.value ?? null,
    comments: comments?.count.value ?? null,
    views: views?.count.value ?? null,
    shares: shares?.count.value ?? null,
    exact: {
      likes: likes?.count.exact ?? false,
      comments: comments?.count.exact ?? false,
      views: views?.count.exact ?? false,
      shares: shares?.count.exact ?? false,
    },
    sources: {
      ...(likes && { likes: likes.source }),
      ...(comments && { comments: comments.source }),
      ...(views && { views: views.source }),
      ...(shares && { shares: shares.source }),
    },
  };
  return reading;
}

export function readTiktok(doc: Document, url: URL): Reading {
  const route = tiktokRoute(url);
  if (!route) return unreadable('tiktok', 'not-a-profile', 'This TikTok page is not a profile or a video.');
  return route.kind === 'profile' ? readProfile(doc, url, route.handle) : readPost(doc, url, route.handle, route.id);
}
