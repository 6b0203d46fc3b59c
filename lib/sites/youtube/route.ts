/**
 * YouTube's URLs: channel pages (/@handle, /channel/UC…, /c/…, /user/… and their tabs)
 * and videos (/watch?v=…, /shorts/…). Accepted on youtube.com and m.youtube.com too (the
 * aliases in lib/sites/platforms.ts), as they always were; youtu.be short links are read by
 * `shortLinkVideo` for pasted addresses only.
 */
import { segments } from '../common';
import { PLATFORM_FACTS } from '../platforms';
import type { SiteRoute } from '../types';

export type ChannelRef = { type: 'handle' | 'id' | 'custom' | 'user'; value: string };
export type YoutubeRoute = { kind: 'channel'; ref: ChannelRef; tab: string | null } | { kind: 'video'; id: string; shorts: boolean };

const HOSTS: readonly string[] = [...PLATFORM_FACTS.youtube.hosts, ...PLATFORM_FACTS.youtube.aliasHosts];
const SHORT_LINK_HOSTS: readonly string[] = PLATFORM_FACTS.youtube.shortLinkHosts;
const VIDEO_ID = /^[\w-]{11}$/;

const TABS = new Set([
  'featured', 'videos', 'shorts', 'streams', 'live', 'playlists', 'community', 'posts', 'about', 'podcasts',
  'releases', 'store', 'courses', 'channels', 'search',
]);

export function youtubeRoute(url: URL): YoutubeRoute | null {
  if (!HOSTS.includes(url.hostname)) return null;
  const seg = segments(url);
  const [first, second, third] = seg;
  if (!first) return null;
  if (first === 'watch') {
    const id = url.searchParams.get('v');
    return id && VIDEO_ID.test(id) ? { kind: 'video', id, shorts: false } : null;
  }
  if (first === 'shorts') return second && VIDEO_ID.test(second) ? { kind: 'video', id: second, shorts: true } : null;
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
  return null;
}

/** A short link's video id (youtu.be/<id>), or null for any other address. */
export function shortLinkVideo(url: URL): string | null {
  if (!SHORT_LINK_HOSTS.includes(url.hostname)) return null;
  const id = url.pathname.slice(1);
  return VIDEO_ID.test(id) ? id : null;
}

export function route(url: URL): SiteRoute | null {
  const r = youtubeRoute(url);
  if (!r) return null;
  if (r.kind === 'video') return { kind: 'post', id: r.id, handle: null };
  return { kind: 'profile', handle: r.ref.type === 'handle' ? r.ref.value.toLowerCase() : null };
}

/** The address of a video or a Short. */
export const videoUrl = (id: string, shorts: boolean) =>
  shorts ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;

/** "@handle" from "http://www.youtube.com/@handle" or "/@handle/videos". */
export function handleFromUrl(value: string | null): string | null {
  const m = value ? /\/@([^/?#]+)/.exec(value) : null;
  return m ? decodeURIComponent(m[1]!) : null;
}
