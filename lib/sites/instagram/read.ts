/**
 * Instagram: profiles (/<user>/ and its tabs) and single posts (/p/<id>/, /reel/<id>/,
 * /<user>/p/<id>/). Sources, best first: the rendered header (the followers count carries
 * the exact number in a `title` attribute), then the og:description meta tag (server
 * rendered: stale after in-page navigation, so only used when it names the URL's user), then
 * the embedded data of 2017–21 pages (`_sharedData`, gone since 2022; embedded.ts) when a
 * count is still unknown or rounded.
 */
import { countsAgree, parseCount } from '../../parse-count';
import {
  anyOf, bestCount, dig, hasWord, metaContent, pageLang, same, segments, str, textOf, unreadable, type Candidate,
} from '../common';
import { recentPost, type PostReading, type ProfileCount, type ProfileReading, type Reading, type RecentPost } from '../types';
import { COMMENT_WORDS, FOLLOWER_WORDS, FOLLOWING_WORDS, LIKE_WORDS, POST_WORDS, VIEW_WORDS } from '../words';
import { embeddedPost, embeddedProfile } from './embedded';
import { instagramRoute, POST_ID, USERNAME, type InstagramRoute } from './route';
import {
  ERROR_TITLES, HEADER, HEADER_LEAVES, HEADER_LINKS, LD_JSON, LIKED_BY, MAIN, NOT_FOUND_TEXT, PASSWORD_FIELD, POST_ARTICLE,
  POST_COUNT_LINKS, POST_COUNTS, POST_TILES, STAT_LINK, TILE_ICON, TILE_LEAVES,
} from './selectors';

export { instagramRoute } from './route';

type StatField = 'followers' | 'following' | 'posts';

function classifyLabel(label: string): StatField | null {
  const l = label.toLowerCase();
  if (hasWord(l, FOLLOWING_WORDS)) return 'following';
  if (hasWord(l, FOLLOWER_WORDS)) return 'followers';
  if (hasWord(l, POST_WORDS)) return 'posts';
  return null;
}

/** "/user/followers/" → ["user", "followers"]. */
function linkPath(a: Element | null): string[] {
  const href = a?.getAttribute('href');
  if (!href) return [];
  try {
    return segments(new URL(href, 'https://www.instagram.com'));
  } catch {
    return [];
  }
}

interface Stat {
  field: StatField | null;
  candidate: Candidate;
}

/**
 * Every "count + label" in the header, in document order. A count is an element whose
 * whole text is a number; its label is what its nearest wrapping element adds ("posts",
 * "Abonnenten", "팔로워"). The exact follower count sits in a `title` attribute nearby.
 */
function headerStats(header: Element, handle: string, lang: string | null): Stat[] {
  const stats: Stat[] = [];
  const containers = new Set<Element>();
  for (const leaf of Array.from(header.querySelectorAll(HEADER_LEAVES.selector))) {
    if (leaf.childElementCount > 0) continue;
    const leafText = textOf(leaf);
    const leafCount = parseCount(leafText, { lang });
    if (!leafCount || leafCount.unit) continue;
    let container: Element = leaf;
    for (let up = 0; up < 4 && container.parentElement && container !== header; up++) {
      container = container.parentElement;
      if (textOf(container) !== leafText) break;
    }
    if (containers.has(container) || textOf(container) === leafText) continue;
    containers.add(container);
    const shown = parseCount(textOf(container), { lang });
    if (!shown) continue;
    let exact: Candidate | null = null;
    for (let el: Element | null = leaf; el && el !== container.parentElement; el = el.parentElement) {
      const title = el.getAttribute('title');
      const parsed = title ? parseCount(title, { lang }) : null;
      if (parsed?.exact && countsAgree(parsed, shown)) {
        exact = { count: parsed, source: 'dom' };
        break;
      }
    }
    const link = container.closest(STAT_LINK.selector) ?? container.querySelector(STAT_LINK.selector);
    const path = linkPath(link);
    let field: StatField | null = null;
    if (path.length === 2 && same(path[0], handle) && (path[1] === 'followers' || path[1] === 'following')) field = path[1];
    field ??= classifyLabel(shown.unit);
    stats.push({ field, candidate: exact ?? { count: shown, source: 'dom' } });
  }
  // Labels in a language we do not know: the three counts always come in the order
  // posts, followers, following; use it only when the followers link pins the middle one.
  if (stats.length === 3 && stats[1]!.field === 'followers') {
    stats[0]!.field ??= 'posts';
    stats[2]!.field ??= 'following';
  }
  return stats;
}

/** The user a header belongs to, from its links (/user/, /user/followers/). */
function headerOwner(header: Element): string[] {
  const owners = new Set<string>();
  for (const a of Array.from(header.querySelectorAll(HEADER_LINKS.selector))) {
    const path = linkPath(a);
    if (path.length === 2 && (path[1] === 'followers' || path[1] === 'following') && USERNAME.test(path[0]!)) owners.add(path[0]!.toLowerCase());
  }
  return [...owners];
}

/** "70.2K Followers, 626 Following, 1,204 Posts - See Instagram photos…" in any language. */
function metaStats(doc: Document, handle: string, lang: string | null): Partial<Record<StatField, Candidate>> {
  const ogUrl = metaContent(doc, 'og:url');
  const ogPath = ogUrl ? segments(safeUrl(ogUrl)) : [];
  const description = metaContent(doc, 'og:description') ?? metaContent(doc, 'description') ?? '';
  const named = /\(@([A-Za-z0-9._]+)\)/.exec(description)?.[1];
  const belongs = ogPath.length ? same(ogPath[0], handle) : same(named, handle);
  if (!belongs) return {};
  const head = description.split(' - ')[0] ?? '';
  const parts = head.split(/,\s+|、|，/).map((p) => p.trim()).filter(Boolean);
  const parsed = parts.map((p) => parseCount(p, { lang }));
  const out: Partial<Record<StatField, Candidate>> = {};
  parsed.forEach((count) => {
    if (!count) return;
    const field = classifyLabel(count.unit);
    if (field && !out[field]) out[field] = { count, source: 'meta' };
  });
  // Same order in every language seen (followers, following, posts).
  if (parts.length === 3 && parsed.every(Boolean) && Object.keys(out).length < 3) {
    const order: StatField[] = ['followers', 'following', 'posts'];
    order.forEach((field, i) => {
      const label = classifyLabel(parsed[i]!.unit);
      if (label === null || label === field) out[field] ??= { count: parsed[i]!, source: 'meta' };
    });
  }
  return out;
}

function safeUrl(href: string): URL {
  try {
    return new URL(href, 'https://www.instagram.com');
  } catch {
    return new URL('https://www.instagram.com/');
  }
}

/** "Lena Park (@lenapark.studio) • Instagram photos and videos" → "Lena Park". */
function displayNameFor(doc: Document, handle: string): string | null {
  for (const text of [doc.title, metaContent(doc, 'og:title')]) {
    const m = text ? /^(.*?)\s*\(@([A-Za-z0-9._]+)\)/.exec(text) : null;
    if (m && same(m[2], handle)) return m[1]!.trim() || null;
  }
  return null;
}

function titleNamesOther(doc: Document, handle: string): boolean {
  const m = /\(@([A-Za-z0-9._]+)\)/.exec(doc.title ?? '');
  return !!m && !same(m[1], handle);
}

/** Posts and reels shown on the profile. Counts only where the tile shows them (the Reels
 * tab shows views; likes and comments appear on hover only). */
function recentPosts(main: ParentNode, header: Element | null, lang: string | null): RecentPost[] {
  const out: RecentPost[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(main.querySelectorAll(anyOf(POST_TILES)))) {
    if (header?.contains(a)) continue;
    const path = linkPath(a);
    const i = path.findIndex((s) => s === 'p' || s === 'reel');
    const id = path[i + 1];
    if (i < 0 || !id || !POST_ID.test(id) || seen.has(id)) continue;
    seen.add(id);
    const counts: Partial<Record<'views' | 'likes' | 'comments', number>> = {};
    const exact: Partial<Record<'views' | 'likes' | 'comments', boolean>> = {};
    for (const leaf of Array.from(a.querySelectorAll(TILE_LEAVES.selector))) {
      if (leaf.childElementCount > 0) continue;
      const count = parseCount(textOf(leaf), { lang });
      if (!count || count.unit) continue;
      // The icon beside the number says what it counts ("View Count Icon", "Like", "Comment").
      const icon = leaf.parentElement?.querySelector(TILE_ICON.selector)?.getAttribute('aria-label')?.toLowerCase() ?? '';
      const field = hasWord(icon, COMMENT_WORDS) ? 'comments' : hasWord(icon, LIKE_WORDS) ? 'likes' : hasWord(icon, VIEW_WORDS) ? 'views' : null;
      if (field && counts[field] === undefined) {
        counts[field] = count.value;
        exact[field] = count.exact;
      }
    }
    out.push(recentPost({
      id,
      url: `https://www.instagram.com/${path[i]}/${id}/`,
      views: counts.views ?? null,
      likes: counts.likes ?? null,
      comments: counts.comments ?? null,
      exact,
      kind: path[i] === 'reel' ? 'reel' : null,
      source: 'dom',
    }));
  }
  return out;
}

function readProfile(doc: Document, url: URL, handle: string, tab: string | null): Reading {
  const lang = pageLang(doc);
  const title = doc.title ?? '';
  if (ERROR_TITLES.some((t) => title.includes(t))) {
    return unreadable('instagram', title.toLowerCase().includes('not found') ? 'not-found' : 'error-page', `Instagram showed an error page (“${title.trim()}”).`);
  }
  const headers = Array.from(doc.querySelectorAll(HEADER.selector));
  const header = headers.find((h) => headerOwner(h).length > 0 || /\d/.test(textOf(h))) ?? null;
  const owners = header ? headerOwner(header) : [];
  const stale = (owners.length > 0 && !owners.includes(handle.toLowerCase())) || titleNamesOther(doc, handle);

  const dom: Partial<Record<StatField, Candidate>> = {};
  if (header && !stale) {
    for (const stat of headerStats(header, handle, lang)) {
      if (stat.field && !dom[stat.field]) dom[stat.field] = stat.candidate;
    }
  }
  const meta = metaStats(doc, handle, lang);
  const main = doc.querySelector(MAIN.selector) ?? doc;
  // Tagged and saved tabs show other people's posts.
  const ownTab = !stale && tab !== 'tagged' && tab !== 'saved';
  const tiles = ownTab ? recentPosts(main, header, lang) : [];
  // The 2017–21 embedded data, only when the page leaves a count unknown or rounded, or
  // shows the grid without counts (they appear on hover only); 2022– pages have none.
  const fields: StatField[] = ['followers', 'following', 'posts'];
  const needed = fields.some((f) => !(dom[f] ?? meta[f])?.count.exact) || tiles.every((t) => t.likes === null && t.views === null);
  const embedded = needed && !stale ? embeddedProfile(doc, handle) : null;
  const followers = bestCount([dom.followers, meta.followers, embedded?.followers]);
  const following = bestCount([dom.following, meta.following, embedded?.following]);
  const posts = bestCount([dom.posts, meta.posts, embedded?.posts]);

  if (!followers && !following && !posts) {
    if (stale) return unreadable('instagram', 'loading', 'The page still shows the previous profile; waiting for this one.');
    if (NOT_FOUND_TEXT.some((t) => (doc.body?.textContent ?? '').includes(t))) return unreadable('instagram', 'not-found', 'Instagram says this page isn’t available.');
    if (doc.querySelector(PASSWORD_FIELD.selector) || url.pathname.startsWith('/accounts/login')) {
      return unreadable('instagram', 'login-wall', 'Instagram asks to log in before it shows this profile.');
    }
    return unreadable('instagram', 'no-stats', 'This Instagram page shows no counts Creator Lens can read.');
  }
  const counts: Record<StatField, Candidate | null> = { followers, following, posts };
  const exact = (k: ProfileCount) => (k in counts ? counts[k as StatField]?.count.exact ?? false : false);
  const reading: ProfileReading = {
    kind: 'profile',
    platform: 'instagram',
    handle: handle.toLowerCase(),
    displayName: stale ? null : displayNameFor(doc, handle) ?? embedded?.fullName ?? null,
    url: `https://www.instagram.com/${handle}/`,
    followers: followers?.count.value ?? null,
    following: following?.count.value ?? null,
    posts: posts?.count.value ?? null,
    likes: null,
    views: null,
    exact: { followers: exact('followers'), following: exact('following'), posts: exact('posts'), likes: false, views: false },
    sources: {
      ...(followers && { followers: followers.source }),
      ...(following && { following: following.source }),
      ...(posts && { posts: posts.source }),
    },
    recent: ownTab ? mergeRecent(tiles, embedded?.recent ?? []) : [],
  };
  return reading;
}

/** The grid's tiles in page order, each count from the tile where it shows one, else from the embedded data; then posts only the data lists. */
function mergeRecent(tiles: RecentPost[], embedded: RecentPost[]): RecentPost[] {
  if (embedded.length === 0) return tiles;
  const byId = new Map(embedded.map((p) => [p.id, p]));
  const merged = tiles.map((t) => {
    const e = byId.get(t.id);
    return e ? { ...t, views: t.views ?? e.views, likes: t.likes ?? e.likes, comments: t.comments ?? e.comments } : t;
  });
  const shown = new Set(tiles.map((t) => t.id));
  return [...merged, ...embedded.filter((p) => !shown.has(p.id))];
}

/** Is this label (a count's words) a like or a view word, and nothing more? ("likes", "Mi piace", not "Liked by ana and others"). */
function countWord(unit: string): 'likes' | 'views' | null {
  const u = unit.toLowerCase();
  if (u.split(' ').length > 3) return null;
  return hasWord(u, VIEW_WORDS) ? 'views' : hasWord(u, LIKE_WORDS) ? 'likes' : null;
}

/**
 * The counts a post page shows under its action buttons: the likes link (/p/<id>/liked_by/,
 * 2019–), else a section whose whole text is a count and its word: "139,058 likes" without a
 * link (2017), "2,372,216 views" (2021 videos: clicking it shows the likes).
 */
function domPostCounts(doc: Document, id: string, lang: string | null): { likes: Candidate | null; views: Candidate | null } {
  let likes: Candidate | null = null;
  let views: Candidate | null = null;
  const likedBy = Array.from(doc.querySelectorAll(LIKED_BY.selector)).find((a) => linkPath(a).includes(id));
  const linked = likedBy ? parseCount(textOf(likedBy), { lang }) : null;
  // "5 others" in "Liked by ana and 5 others" is not the like count.
  if (linked && (linked.unit === '' || countWord(linked.unit) === 'likes')) likes = { count: linked, source: 'dom' };
  const scope = doc.querySelector(POST_ARTICLE.selector) ?? doc;
  for (const section of Array.from(scope.querySelectorAll(POST_COUNTS.selector))) {
    // A link to a user ("Liked by <a>ana</a> and …") makes it a sentence, not a count.
    if (Array.from(section.querySelectorAll(POST_COUNT_LINKS.selector)).some((a) => a !== likedBy)) continue;
    const count = parseCount(textOf(section), { lang });
    const word = count ? countWord(count.unit) : null;
    if (word === 'likes') likes ??= { count: count!, source: 'dom' };
    else if (word === 'views') views ??= { count: count!, source: 'dom' };
  }
  return { likes, views };
}

/** The post's author as the page's structured data names it (ld+json `author.alternateName`: "@teslamotors"). */
function ldOwner(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll(LD_JSON.selector))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      const name = str(dig(item, 'author', 'alternateName'))?.replace(/^@/, '');
      if (name && USERNAME.test(name)) return name;
    }
  }
  return null;
}

/**
 * The post's owner from the head's texts, as the page words them: "… (@user) on Instagram",
 * "Display Name (@user) • Instagram reel", "@user posted on their Instagram profile: …",
 * "… - user on April 19, 2021". A display name ("… - Tesla (@teslamotors)") is never taken
 * for the handle.
 */
function metaOwner(texts: (string | null)[]): string | null {
  for (const text of texts) {
    const named = text ? /\(@([A-Za-z0-9._]{1,30})\)/.exec(text) : null;
    if (named) return named[1]!;
  }
  for (const text of texts) {
    const lead = text ? /^@([A-Za-z0-9._]{1,30})\s/.exec(text) : null;
    if (lead) return lead[1]!;
  }
  const description = texts[0] ?? '';
  const dash = /\s[-–—]\s/.exec(description);
  const after = dash ? description.slice(dash.index + dash[0].length) : '';
  // 2022– "- user on April 19, 2021" ("am 19. April", "le 19 avril", "il 19 aprile"): the
  // username, a short word and a date. "- Alberto Garzón on Instagram" is a display name.
  const m = /^([A-Za-z0-9._]{1,30}) \p{L}{1,8}\.? [^,:"“]*\d/u.exec(after);
  return m ? m[1]! : null;
}

function readPost(doc: Document, url: URL, route: Extract<InstagramRoute, { kind: 'post' }>): Reading {
  const lang = pageLang(doc);
  const ogUrl = metaContent(doc, 'og:url');
  // The head (meta, ld+json) is the first page's after in-page navigation: used only when it names this post.
  const metaOk = !!ogUrl && segments(safeUrl(ogUrl)).includes(route.id);
  const description = metaOk ? metaContent(doc, 'og:description') ?? metaContent(doc, 'description') ?? '' : '';
  const dash = /\s[-–—]\s/.exec(description);
  const head = dash ? description.slice(0, dash.index) : '';
  let metaLikes: Candidate | null = null;
  let metaComments: Candidate | null = null;
  for (const part of head.split(/,\s+|、|，/)) {
    const count = parseCount(part, { lang });
    if (!count) continue;
    const unit = count.unit.toLowerCase();
    if (hasWord(unit, COMMENT_WORDS)) metaComments ??= { count, source: 'meta' };
    else if (hasWord(unit, LIKE_WORDS)) metaLikes ??= { count, source: 'meta' };
  }
  const dom = domPostCounts(doc, route.id, lang);
  const video = dom.views !== null || /video/.test(metaContent(doc, 'og:type') ?? '');
  // The 2017–21 embedded post, only when the page leaves a count unknown or rounded.
  const needed = !(dom.likes ?? metaLikes)?.count.exact || !metaComments?.count.exact || (video && !dom.views?.count.exact);
  const embedded = needed ? embeddedPost(doc, route.id) : null;
  const likes = bestCount([dom.likes, metaLikes, embedded?.likes]);
  const comments = bestCount([metaComments, embedded?.comments]);
  const views = bestCount([dom.views, embedded?.views]);

  if (!likes && !comments && !views) {
    if (ERROR_TITLES.some((t) => (doc.title ?? '').includes(t))) return unreadable('instagram', 'error-page', 'Instagram showed an error page.');
    if (NOT_FOUND_TEXT.some((t) => (doc.body?.textContent ?? '').includes(t))) return unreadable('instagram', 'not-found', 'Instagram says this post isn’t available.');
    if (doc.querySelector(PASSWORD_FIELD.selector)) return unreadable('instagram', 'login-wall', 'Instagram asks to log in before it shows this post.');
    return unreadable('instagram', 'no-stats', 'This Instagram post shows no counts Creator Lens can read (likes may be hidden).');
  }
  // The owner from structured data first (the embedded record, ld+json), then the head's texts.
  const owner =
    embedded?.owner ??
    (metaOk ? ldOwner(doc) ?? metaOwner([description, metaContent(doc, 'twitter:title'), metaContent(doc, 'og:title'), doc.title]) : null) ??
    route.handle;
  const reading: PostReading = {
    kind: 'post',
    platform: 'instagram',
    handle: owner && USERNAME.test(owner) ? owner.toLowerCase() : null,
    id: route.id,
    url: `https://www.instagram.com/${route.type}/${route.id}/`,
    likes: likes?.count.value ?? null,
    comments: comments?.count.value ?? null,
    views: views?.count.value ?? null,
    shares: null,
    exact: { likes: likes?.count.exact ?? false, comments: comments?.count.exact ?? false, views: views?.count.exact ?? false, shares: false },
    sources: { ...(likes && { likes: likes.source }), ...(comments && { comments: comments.source }), ...(views && { views: views.source }) },
  };
  return reading;
}

export function readInstagram(doc: Document, url: URL): Reading {
  const route = instagramRoute(url);
  if (!route) return unreadable('instagram', 'not-a-profile', 'This Instagram page is not a profile or a post.');
  return route.kind === 'profile' ? readProfile(doc, url, route.handle, route.tab) : readPost(doc, url, route);
}
