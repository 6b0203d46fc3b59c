/**
 * What a URL names, across the three sites, without the readers: the creator a tab shows
 * (the popup's key for it) and the post a pasted address points to (campaign links). Only
 * the routes and the platform facts are imported, so the background and the dashboard get
 * no site markup knowledge from here.
 */
import { route as instagramRoute } from './instagram/route';
import { PLATFORM_FACTS, PLATFORMS, hostOf, type Platform } from './platforms';
import { route as tiktokRoute } from './tiktok/route';
import type { SiteRoute } from './types';
import { route as youtubeRoute, shortLinkVideo } from './youtube/route';
import { creatorKeyOf, postKeyOf } from '../keys';

/** Each platform's route (the same functions as `site.route` in the registry). */
export const ROUTES: { readonly [P in Platform]: (url: URL) => SiteRoute | null } = {
  instagram: instagramRoute,
  youtube: youtubeRoute,
  tiktok: tiktokRoute,
};

/** The platform a URL belongs to and what it is there, or null when no site reads it. */
export function routeOf(url: URL): { platform: Platform; route: SiteRoute } | null {
  for (const platform of PLATFORMS) {
    const route = ROUTES[platform](url);
    if (route) return { platform, route };
  }
  return null;
}


/**
 * The creator a URL names, as a library key: profiles, and posts whose URL carries the
 * handle (TikTok videos, Instagram /<user>/p/<id>/). Null for YouTube videos and for
 * channels addressed by id or legacy name (the URL does not say the handle), other sites
 * and anything that is not a URL.
 */
export function creatorKeyFromUrl(raw: string | undefined): string | null {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    return null;
  }
  const found = routeOf(url);
  return found?.route.handle ? creatorKeyOf(found.platform, found.route.handle) : null;
}

export interface PostAddress {
  /** The post's library key, "platform:id". */
  key: string;
  platform: Platform;
  id: string;
  /** Lower case; null when the address does not name the creator. */
  handle: string | null;
}

/**
 * The post a pasted address points to. Accepts the sites' other hosts (instagram.com,
 * tiktok.com, youtube.com, m.youtube.com) and youtu.be short links; profiles, other pages
 * and other sites are null.
 */
export function postFromUrl(raw: string): PostAddress | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((PLATFORM_FACTS.youtube.shortLinkHosts as readonly string[]).includes(url.hostname)) {
    const id = shortLinkVideo(url);
    return id ? { key: postKeyOf('youtube', id), platform: 'youtube', id, handle: null } : null;
  }
  const alias = PLATFORMS.find((p) => (PLATFORM_FACTS[p].aliasHosts as readonly string[]).includes(url.hostname));
  if (alias) url.hostname = hostOf(alias);
  const found = routeOf(url);
  if (found?.route.kind !== 'post') return null;
  const { platform, route } = found;
  return { key: postKeyOf(platform, route.id), platform, id: route.id, handle: route.handle };
}
