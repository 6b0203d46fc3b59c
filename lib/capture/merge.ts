/**
 * One list of a profile's recent posts from what the reader found on the page (the grid's
 * tiles, the profile's own JSON) and what the capture collected from the page's own data
 * (collector.ts). Both are the creator's own posts: the reader keeps only tiles linking to
 * the profile, the extractors only posts whose owner fields name it. Pure, plain data (no
 * zod, no Dexie): the content script and `read-page --har` (scripts/saved-page.ts) merge
 * the same way.
 */
import { postFacts, type RecentPost } from '../sites/types';
import { mergeFacts, type CapturedPost } from './store';

/** A captured post as a reading's recent post (its owner is the reading's creator). */
export function recentFromCapture(p: CapturedPost): RecentPost {
  return { id: p.id, url: p.url, ...postFacts(p), source: p.source };
}

/** The merged list (structurally the reading's recent posts). */
export type MergedPost = RecentPost;

/**
 * The page's posts merged by id with the captured ones (the first of each id on either
 * side), then the captured posts the page does not show (yet: the grid renders a few at a
 * time; scroll pages and watch pages are older than its first page). Then the posts with a
 * date are put newest first in the places dated posts hold, and undated ones keep theirs:
 * a list with every date is newest first, a grid with none stays in the page's order (newest
 * first on every grid, pinned at the top).
 */
export function mergeRecent(dom: readonly RecentPost[], captured: readonly CapturedPost[], max = 500): RecentPost[] {
  const data = new Map<string, RecentPost>();
  for (const p of captured) if (!data.has(p.id)) data.set(p.id, recentFromCapture(p));
  const list: RecentPost[] = [];
  const seen = new Set<string>();
  for (const p of dom) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const d = data.get(p.id);
    // The same post from both, by the capture's own rule (store.ts), the grid's as the older:
    // each count from whichever side has it exact, else the data; date, kind and flags from
    // the data, the page's words for the date where it has none; hidden likes stay unknown.
    list.push(d ? mergeFacts(p, d) : p);
  }
  for (const [id, p] of data) if (!seen.has(id)) list.push(p);
  const slots = list.flatMap((p, i) => (p.publishedAt === null ? [] : [i]));
  const dated = slots.map((i) => list[i]!).sort((a, b) => b.publishedAt! - a.publishedAt!);
  slots.forEach((slot, k) => (list[slot] = dated[k]!));
  return list.slice(0, max);
}
