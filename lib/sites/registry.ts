/**
 * Every site Creator Lens reads, one entry each, with its reader. The plain facts (ids,
 * names, hosts, words) are in platforms.ts, which wxt.config.ts (host permissions), the
 * background and the UI import without the readers; each content script imports only its
 * own site (entrypoints/<site>.content.ts) and takes its match patterns from it.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { unreadable } from './common';
import { instagram } from './instagram';
import { tiktok } from './tiktok';
import type { Reading, Site } from './types';
import { youtube } from './youtube';

export const sites: readonly Site[] = [instagram, youtube, tiktok];

const PATTERNS = sites.map((site) => ({ site, patterns: site.matches.map((m) => new MatchPattern(m)) }));

/** The site whose content script runs on this URL (by its match patterns, as the browser decides it). */
export function siteFor(url: URL): Site | null {
  // A string, not the URL: `includes` tests `instanceof Location`, which Node (tests, scripts) lacks.
  return PATTERNS.find(({ patterns }) => patterns.some((p) => p.includes(url.href)))?.site ?? null;
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
