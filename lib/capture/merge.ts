/**
 * One list of a profile's recent posts from what the reader found on the page (the grid's
 * tiles, the profile's own JSON) and what the capture collected from the page's own data
 * (collector.ts). Both are the creator's own posts: the reader keeps only tiles linking to
 * the profile, the extractors only posts whose owner fields name it. Pure: the content
 * script and `read-page --har` merge the same way.
 */
import { POST_METRICS, type RecentPost } from '../sites/types';
import type { CapturedPost } from './store';

/** A captured post as a reading's recent post (its owner is the reading's creator). */
export function recentFromCapture(p: CapturedPost): RecentPost {
  return {
    id: p.id,
    url: p.url,
    views: p.views,
    likes: p.likes,
    comments: p.comments,
    shares: p.shares,
    saves: p.saves,
    publishedText: p.publishedText,
    publishedAt: p.publishedAt,
    kind: p.kind,
    exact: { ...p.exact },
    pinned: p.pinned,
    sponsored: p.sponsored,
    collab: p.collab,
    likesHidden: p.likesHidden,
    source: p.source,
  };
}

/**
 * The same post from both: each count from whichever has it exact, else the captured data,
 * else the page; the date, kind and flags from the captured data (the grid shows none of
 * them reliably), the page's words for the date where the data has none. Hidden likes stay
 * unknown whatever number either side has.
 */
function mergeOne(dom: RecentPost, data: RecentPost): RecentPost {
  const out: RecentPost = { ...data, exact: { ...data.exact } };
  for (const m of POST_METRICS) {
    const keepDom = dom[m] !== null && (out[m] === null || (dom.exact[m] && !out.exact[m]));
    if (keepDom) {
      out[m] = dom[m];
      out.exact[m] = dom.exact[m];
    }
  }
  out.publishedText ??= dom.publishedText;
  out.publishedAt ??= dom.publishedAt;
  out.kind ??= dom.kind;
  out.pinned ||= dom.pinned;
  out.sponsored ||= dom.sponsored;
  out.likesHidden ||= dom.likesHidden;
  if (out.likesHidden) {
    out.likes = null;
    out.exact.likes = false;
  }
  return out;
}

/**
 * The page's posts merged by id with the captured ones, then the captured posts the page
 * does not show (yet: the grid renders a few at a time). Newest first when every post has a
 * date; otherwise in that order (the grids' own: newest first, pinned at the top).
 */
export function mergeRecent(dom: readonly RecentPost[], captured: readonly CapturedPost[], max = 500): RecentPost[] {
  if (captured.length === 0) return dom.slice(0, max);
  const data = new Map(captured.map((p) => [p.id, recentFromCapture(p)]));
  const out: RecentPost[] = [];
  const seen = new Set<string>();
  for (const p of dom) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const d = data.get(p.id);
    out.push(d ? mergeOne(p, d) : p);
  }
  for (const [id, p] of data) if (!seen.has(id)) out.push(p);
  if (out.every((p) => p.publishedAt !== null)) out.sort((a, b) => b.publishedAt! - a.publishedAt!);
  return out.slice(0, max);
}
