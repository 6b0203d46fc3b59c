/**
 * Instagram's URLs: profiles (/<user>/ and its tabs) and single posts (/p/<id>/,
 * /reel/<id>/, /tv/<id>/, and the same under /<user>/). Only on www.instagram.com: the
 * bare domain redirects there, and pasted addresses are rewritten first (lib/sites/routes.ts).
 */
import { segments } from '../common';
import { PLATFORM_FACTS } from '../platforms';
import type { SiteRoute } from '../types';

export type InstagramRoute =
  | { kind: 'profile'; handle: string; tab: string | null }
  | { kind: 'post'; handle: string | null; id: string; type: 'p' | 'reel' };

export const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
export const POST_ID = /^[\w-]{5,40}$/;

/** First path segments that are Instagram's own pages, not usernames. */
const RESERVED = new Set([
  'explore', 'accounts', 'direct', 'stories', 'reels', 'reel', 'p', 'tv', 'about', 'legal', 'developer',
  'challenge', 'web', 'emails', 'session', 'graphql', 'api', 'oauth', 'privacy', 'terms', 'help', 'press',
  'blog', 'directory', 'topics', 'locations', 'nametag', 'lite', 'ar', 'threads', 'your_activity', 'settings',
  '404', 'login', 'signup', 'qr', 'meta-verified', 'popular',
]);

/** Profile sub-pages that still show the profile header. */
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved', 'followers', 'following', 'guides', 'feed', 'channel']);

const HOSTS: readonly string[] = PLATFORM_FACTS.instagram.hosts;

export function instagramRoute(url: URL): InstagramRoute | null {
  if (!HOSTS.includes(url.hostname)) return null;
  const seg = segments(url);
  const [a, b, c] = seg;
  if (!a) return null;
  const postType = (t: string | undefined) => (t === 'p' || t === 'tv' ? 'p' : t === 'reel' || t === 'reels' ? 'reel' : null);
  const direct = postType(a);
  if (direct && b && POST_ID.test(b) && seg.length === 2) return { kind: 'post', handle: null, id: b, type: direct };
  if (!USERNAME.test(a) || RESERVED.has(a.toLowerCase())) return null;
  const nested = postType(b);
  if (nested && c && POST_ID.test(c) && seg.length === 3) return { kind: 'post', handle: a, id: c, type: nested };
  if (seg.length === 1) return { kind: 'profile', handle: a, tab: null };
  if (seg.length === 2 && b && PROFILE_TABS.has(b)) return { kind: 'profile', handle: a, tab: b };
  return null;
}

export function route(url: URL): SiteRoute | null {
  const r = instagramRoute(url);
  if (!r) return null;
  const handle = r.handle?.toLowerCase() ?? null;
  return r.kind === 'profile' ? { kind: 'profile', handle } : { kind: 'post', id: r.id, handle };
}
