/**
 * Instagram: profiles (/<user>/ and its tabs) and single posts (/p/<id>/, /reel/<id>/,
 * /<user>/p/<id>/). Sources, best first: the rendered header (the followers count carries
 * the exact number in a `title` attribute), then the og:description meta tag (server
 * rendered: stale after in-page navigation, so only used when it names the URL's user).
 * Embedded JSON (`_sharedData`) has been gone since 2022 and is not read.
 */
import { countsAgree, parseCount } from '../../parse-count';
import {
  anyOf, bestCount, hasWord, metaContent, pageLang, same, segments, textOf, unreadable, type Candidate,
} from '../common';
import type { PostReading, ProfileCount, ProfileReading, Reading, RecentPost } from '../types';
import { COMMENT_WORDS, FOLLOWER_WORDS, FOLLOWING_WORDS, LIKE_WORDS, POST_WORDS, VIEW_WORDS } from '../words';
import { instagramRoute, POST_ID, USERNAME, type InstagramRoute } from './route';
import {
  ERROR_TITLES, HEADER, HEADER_LEAVES, HEADER_LINKS, LIKED_BY, MAIN, NOT_FOUND_TEXT, PASSWORD_FIELD, POST_TILES, STAT_LINK,
  TILE_ICON, TILE_LEAVES,
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
    for (const leaf of Array.from(a.querySelectorAll(TILE_LEAVES.selector))) {
      if (leaf.childElementCount > 0) continue;
      const count = parseCount(textOf(leaf), { lang });
      if (!count || count.unit) continue;
      // The icon beside the number says what it counts ("View Count Icon", "Like", "Comment").
      const icon = leaf.parentElement?.querySelector(TILE_ICON.selector)?.getAttribute('aria-label')?.toLowerCase() ?? '';
      const field = hasWord(icon, COMMENT_WORDS) ? 'comments' : hasWord(icon, LIKE_WORDS) ? 'likes' : hasWord(icon, VIEW_WORDS) ? 'views' : null;
      if (field && counts[field] === undefined) counts[field] = count.value;
    }
    out.push({
      id,
      url: `https://www.instagram.com/${path[i]}/${id}/`,
      views: counts.views ?? null,
      likes: counts.likes ?? null,
      comments: counts.comments ?? null,
      publishedText: null,
    });
  }
  return out;
}

function readProfile(doc: Document, url: URL, handle: string, tab: string | null): Reading {
  const lang = pageLang(doc);
  const title = doc.title ?? '';
  if (ERROR_TITLES.some((t) => title.includes(t))) {
    return unreadable('instagram', title.toLowerCase().includes('not found') ? 'not-found' : 'error-page', `Instagram showed an error page (“${title.trim()}”).`);
  }
  const body = doc.body?.textContent ?? '';
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
  const followers = bestCount([dom.followers, meta.followers]);
  const following = bestCount([dom.following, meta.following]);
  const posts = bestCount([dom.posts, meta.posts]);

  if (!followers && !following && !posts) {
    if (stale) return unreadable('instagram', 'loading', 'The page still shows the previous profile; waiting for this one.');
    if (NOT_FOUND_TEXT.some((t) => body.includes(t))) return unreadable('instagram', 'not-found', 'Instagram says this page isn’t available.');
    if (doc.querySelector(PASSWORD_FIELD.selector) || url.pathname.startsWith('/accounts/login')) {
      return unreadable('instagram', 'login-wall', 'Instagram asks to log in before it shows this profile.');
    }
    return unreadable('instagram', 'no-stats', 'This Instagram page shows no counts Creator Lens can read.');
  }
  const main = doc.querySelector(MAIN.selector) ?? doc;
  const counts: Record<StatField, Candidate | null> = { followers, following, posts };
  const exact = (k: ProfileCount) => (k in counts ? counts[k as StatField]?.count.exact ?? false : false);
  const reading: ProfileReading = {
    kind: 'profile',
    platform: 'instagram',
    handle: handle.toLowerCase(),
    displayName: stale ? null : displayNameFor(doc, handle),
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
    // Tagged and saved tabs show other people's posts.
    recent: stale || tab === 'tagged' || tab === 'saved' ? [] : recentPosts(main, header, lang),
  };
  return reading;
}

function readPost(doc: Document, url: URL, route: Extract<InstagramRoute, { kind: 'post' }>): Reading {
  const lang = pageLang(doc);
  const ogUrl = metaContent(doc, 'og:url');
  const metaOk = !!ogUrl && segments(safeUrl(ogUrl)).includes(route.id);
  const description = metaOk ? metaContent(doc, 'og:description') ?? metaContent(doc, 'description') ?? '' : '';
  const dash = description.indexOf(' - ');
  const head = dash >= 0 ? description.slice(0, dash) : '';
  let metaLikes: Candidate | null = null;
  let metaComments: Candidate | null = null;
  for (const part of head.split(/,\s+|、|，/)) {
    const count = parseCount(part, { lang });
    if (!count) continue;
    const unit = count.unit.toLowerCase();
    if (hasWord(unit, COMMENT_WORDS)) metaComments ??= { count, source: 'meta' };
    else if (hasWord(unit, LIKE_WORDS)) metaLikes ??= { count, source: 'meta' };
  }
  const owner = dash >= 0 ? /^ - ([A-Za-z0-9._]{1,30})\b/.exec(description.slice(dash))?.[1] ?? null : null;

  // The likes link is specific to this post: /p/<id>/liked_by/.
  const likedBy = Array.from(doc.querySelectorAll(LIKED_BY.selector)).find((a) => linkPath(a).includes(route.id));
  const domLikes = likedBy ? parseCount(textOf(likedBy), { lang }) : null;
  const likes = bestCount([domLikes ? { count: domLikes, source: 'dom' } : null, metaLikes]);
  const comments = bestCount([metaComments]);

  if (!likes && !comments) {
    if (ERROR_TITLES.some((t) => (doc.title ?? '').includes(t))) return unreadable('instagram', 'error-page', 'Instagram showed an error page.');
    if (NOT_FOUND_TEXT.some((t) => (doc.body?.textContent ?? '').includes(t))) return unreadable('instagram', 'not-found', 'Instagram says this post isn’t available.');
    if (doc.querySelector(PASSWORD_FIELD.selector)) return unreadable('instagram', 'login-wall', 'Instagram asks to log in before it shows this post.');
    return unreadable('instagram', 'no-stats', 'This Instagram post shows no counts Creator Lens can read (likes may be hidden).');
  }
  const reading: PostReading = {
    kind: 'post',
    platform: 'instagram',
    handle: (owner ?? route.handle)?.toLowerCase() ?? null,
    id: route.id,
    url: `https://www.instagram.com/${route.type}/${route.id}/`,
    likes: likes?.count.value ?? null,
    comments: comments?.count.value ?? null,
    views: null,
    shares: null,
    exact: { likes: likes?.count.exact ?? false, comments: comments?.count.exact ?? false, views: false, shares: false },
    sources: { ...(likes && { likes: likes.source }), ...(comments && { comments: comments.source }) },
  };
  return reading;
}

export function readInstagram(doc: Document, url: URL): Reading {
  const route = instagramRoute(url);
  if (!route) return unreadable('instagram', 'not-a-profile', 'This Instagram page is not a profile or a post.');
  return route.kind === 'profile' ? readProfile(doc, url, route.handle, route.tab) : readPost(doc, url, route);
}
