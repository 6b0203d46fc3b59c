/**
 * Tracked links and post URLs. A campaign's link is its landing page with a query built
 * from a pattern ("utm_source={platform}&utm_medium=influencer&utm_campaign={campaign}
 * &utm_content={handle}"); each placeholder is URL-encoded. Pure. (A post's address is read
 * by lib/sites/routes.ts postFromUrl.)
 */
import type { Platform } from '../sites/types';

export interface LinkValues {
  platform: Platform;
  handle: string;
  campaign: string;
}

/** The tracked link, or the reason it cannot be built. */
export function buildLink(landingUrl: string, pattern: string, values: LinkValues): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(landingUrl.trim());
  } catch {
    return { ok: false, reason: 'Enter the landing page as a full address, e.g. https://shop.example/spring.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'The landing page must be an http(s) address.' };
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((k) => !(k in values));
  if (unknown.length) return { ok: false, reason: `Unknown placeholder ${unknown.map((k) => `{${k}}`).join(', ')}: use {platform}, {handle} or {campaign}.` };
  const slug = (v: string) => v.trim().toLowerCase().replace(/\s+/g, '-');
  const query = pattern.trim().replace(/^[?&]+/, '').replace(/\{(\w+)\}/g, (_, k: keyof LinkValues) => encodeURIComponent(slug(values[k])));
  for (const part of query.split('&').filter(Boolean)) {
    const [k, ...v] = part.split('=');
    if (!k) continue;
    url.searchParams.set(decodeURIComponent(k), decodeURIComponent(v.join('=')));
  }
  return { ok: true, url: url.toString() };
}
