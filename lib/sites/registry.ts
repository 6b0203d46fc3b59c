/**
 * Every site Creator Lens reads, one entry each (the only list; the manifest and the
 * content scripts take their match patterns from here).
 */
import { unreadable } from './common';
import { instagram } from './instagram';
import { tiktok } from './tiktok';
import type { Reading, Site } from './types';
import { youtube } from './youtube';

export const sites: readonly Site[] = [instagram, youtube, tiktok];

export function siteFor(url: URL): Site | null {
  return sites.find((s) => s.matches.some((m) => new URL(m.replace('*', '')).hostname === url.hostname)) ?? null;
}

/** Reads a page with its site's reader. Never throws: a reader bug becomes "not readable". */
export function readPage(doc: Document, url: URL, site: Site | null = siteFor(url)): Reading {
  if (!site) return unreadable('instagram', 'not-a-profile', `Creator Lens does not read ${url.hostname}.`);
  try {
    return site.read(doc, url);
  } catch (error) {
    return unreadable(site.id, 'no-stats', `The ${site.id} reader failed on this page (${(error as Error)?.message ?? 'unknown error'}).`);
  }
}
