/**
 * TikTok's URLs: profiles (/@user) and single videos or photo posts (/@user/video/<id>,
 * /@user/photo/<id>). Only on www.tiktok.com (pasted addresses are rewritten first, see
 * lib/sites/routes.ts).
 */
import { segments } from '../common';
import { PLATFORM_FACTS } from '../platforms';
import type { SiteRoute } from '../types';

export type TiktokRoute = { kind: 'profile'; handle: string } | { kind: 'post'; handle: string; id: string };

const HANDLE = /^@([\w.]{1,40})$/;
const HOSTS: readonly string[] = PLATFORM_FACTS.tiktok.hosts;

export function tiktokRoute(url: URL): TiktokRoute | null {
  if (!HOSTS.includes(url.hostname)) return null;
  const [first, second, third, ...rest] = segments(url);
  const m = first ? HANDLE.exec(first) : null;
  if (!m) return null;
  const handle = m[1]!;
  if (!second) return { kind: 'profile', handle };
  if ((second === 'video' || second === 'photo') && third && /^\d{5,25}$/.test(third) && rest.length === 0) {
    return { kind: 'post', handle, id: third };
  }
  return null;
}

export function route(url: URL): SiteRoute | null {
  const r = tiktokRoute(url);
  if (!r) return null;
  const handle = r.handle.toLowerCase();
  return r.kind === 'profile' ? { kind: 'profile', handle } : { kind: 'post', id: r.id, handle };
}
