/**
 * One list of a creator's recent posts from the two places the extension reads them: the
 * page's rendered grid (the reader's `recent`, `dom`) and what the page itself loaded
 * (the capture: `network` responses and `embedded` data, store.ts). Used by
 * `read-page` (scripts/saved-page.ts) and meant for the content script. Pure, plain data:
 * no zod, no Dexie.
 *
 * - One entry per post id. Where both have a post, the captured counts win where they are
 *   known (a response's 1,776,621 over the grid's "1.7M"); a count the capture lacks (null)
 *   is taken from the grid, marked not exact — the grid does not say whether it rounded.
 *   Hidden likes stay unknown whatever number either side carries (Instagram's fake count).
 * - Dates, kinds and flags come from the capture (the grid carries none of them but the
 *   page's "3 days ago" wording, kept where the capture has no date).
 * - Order: the grid's order, then the posts only the capture holds in the order it first
 *   saw them (scroll pages, watch pages: older than the grid's first page); then the posts
 *   whose date is known are sorted newest first among the places dated posts hold, and
 *   the undated ones keep their places — so a list with every date is newest first, and a
 *   grid with no dates stays in the page's order (newest first on every grid).
 */
import { POST_METRICS, type PostKind, type PostMetric } from '../sites/posts/types';
import type { CaptureSource, CapturedPost } from './store';

/** What the reader read of a post on the rendered page (structurally the reading's RecentPost). */
export interface DomRecent {
  id: string;
  url: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  publishedText: string | null;
  shares?: number | null;
  publishedAt?: number | null;
  kind?: PostKind | null;
  pinned?: boolean;
  sponsored?: boolean;
}

export interface MergedPost {
  id: string;
  url: string;
  /** ms since the epoch; null when neither side carries a date. */
  publishedAt: number | null;
  publishedText: string | null;
  kind: PostKind | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  /** true only where the capture said the count is every digit. */
  exact: Record<PostMetric, boolean>;
  pinned: boolean;
  sponsored: boolean;
  collab: boolean;
  likesHidden: boolean;
  /** Where its counts come from: the capture's source when captured, else the grid. */
  source: CaptureSource | 'dom';
  /** Whether the rendered grid showed it. */
  inDom: boolean;
}

const NOT_EXACT = (): Record<PostMetric, boolean> => ({ views: false, likes: false, comments: false, shares: false, saves: false });

function fromDom(d: DomRecent): MergedPost {
  return {
    id: d.id, url: d.url, publishedAt: d.publishedAt ?? null, publishedText: d.publishedText, kind: d.kind ?? null,
    views: d.views, likes: d.likes, comments: d.comments, shares: d.shares ?? null, saves: null, exact: NOT_EXACT(),
    pinned: d.pinned === true, sponsored: d.sponsored === true, collab: false, likesHidden: false, source: 'dom', inDom: true,
  };
}

function fromCapture(c: CapturedPost, d: DomRecent | undefined): MergedPost {
  const out: MergedPost = {
    id: c.id, url: c.url, publishedAt: c.publishedAt ?? d?.publishedAt ?? null, publishedText: c.publishedText ?? d?.publishedText ?? null,
    kind: c.kind ?? d?.kind ?? null, views: c.views, likes: c.likes, comments: c.comments, shares: c.shares, saves: c.saves,
    exact: { ...c.exact }, pinned: c.pinned || d?.pinned === true, sponsored: c.sponsored || d?.sponsored === true,
    collab: c.collab, likesHidden: c.likesHidden, source: c.source, inDom: d !== undefined,
  };
  if (d) {
    for (const m of POST_METRICS) {
      const dv = m === 'saves' ? null : m === 'shares' ? (d.shares ?? null) : d[m];
      if (out[m] === null && dv !== null) {
        out[m] = dv;
        out.exact[m] = false;
      }
    }
  }
  if (out.likesHidden) {
    out.likes = null;
    out.exact.likes = false;
  }
  return out;
}

export function mergeRecent(dom: readonly DomRecent[], captured: readonly CapturedPost[]): MergedPost[] {
  const byId = new Map<string, CapturedPost>();
  for (const c of captured) if (!byId.has(c.id)) byId.set(c.id, c);
  const seen = new Set<string>();
  const list: MergedPost[] = [];
  for (const d of dom) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    const c = byId.get(d.id);
    list.push(c ? fromCapture(c, d) : fromDom(d));
  }
  for (const c of byId.values()) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    list.push(fromCapture(c, undefined));
  }
  // Dated posts newest first in the places dated posts hold; undated ones stay put.
  const slots = list.flatMap((p, i) => (p.publishedAt === null ? [] : [i]));
  const dated = slots.map((i) => list[i]!).sort((a, b) => b.publishedAt! - a.publishedAt!);
  slots.forEach((slot, k) => (list[slot] = dated[k]!));
  return list;
}
