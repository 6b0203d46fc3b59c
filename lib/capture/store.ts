/**
 * The recent posts the capture holds, per creator: one entry per post id, the newest
 * capture merged over the older ones, a bounded number per creator and of creators. The
 * collector (collector.ts) and `read-page --har` (har.ts) fill it the same way.
 */
import { normalHandle } from '../sites/posts/extract';
import { POST_METRICS, type ExtractContext, type Post } from '../sites/posts/types';
import type { PostFacts } from '../sites/types';

/** Where a post's data came from: the app's own response, or the JSON embedded in the HTML
 * of a full page load. */
export type CaptureSource = 'network' | 'embedded';

export interface CapturedPost extends Post {
  source: CaptureSource;
  /** When the newest data for it arrived (ms since the epoch). */
  capturedAt: number;
}

export interface StoreLimits {
  /** Posts kept per creator. The research's cap is 60 per view (§3.4); a user who scrolls
   * a grid far loads more, and the metrics use the newest 12–30. */
  perCreator: number;
  /** Creators kept; the one updated longest ago is dropped first. */
  creators: number;
}

export const STORE_LIMITS: StoreLimits = { perCreator: 120, creators: 24 };

/** The store's key for a creator: the handle as the extractors compare it (lower case, no
 * "@"), or the owner id where there is no handle (a YouTube channel id). */
export function creatorKey(ctx: Pick<ExtractContext, 'handle' | 'ownerId'>): string {
  return normalHandle(ctx.handle) || normalHandle(ctx.ownerId ?? '');
}

export class PostStore {
  private readonly byCreator = new Map<string, Map<string, CapturedPost>>();

  constructor(private readonly limits: StoreLimits = STORE_LIMITS) {}

  /**
   * Adds a creator's posts (already theirs: the extractors checked the owner). Returns how
   * many entries changed. Past `perCreator`, new ids are not kept: grids load newest first,
   * so the ones left out are the oldest.
   */
  add(key: string, posts: readonly Post[], source: CaptureSource, at: number): number {
    if (!key || posts.length === 0) return 0;
    let held = this.byCreator.get(key);
    if (held) this.byCreator.delete(key); // re-inserted below: the newest creator goes last
    held ??= new Map();
    this.byCreator.set(key, held);
    while (this.byCreator.size > this.limits.creators) this.byCreator.delete(this.byCreator.keys().next().value!);

    let changed = 0;
    for (const post of posts) {
      const next: CapturedPost = { ...post, exact: { ...post.exact }, source, capturedAt: at };
      const old = held.get(post.id);
      if (!old) {
        if (held.size >= this.limits.perCreator) continue;
        held.set(post.id, next);
        changed++;
        continue;
      }
      const merged = mergePost(old, next);
      if (!samePost(old, merged)) changed++;
      held.set(post.id, merged);
    }
    return changed;
  }

  /** The creator's posts in the order first seen (the page's own order: newest first on
   * every grid, pinned posts where the grid shows them). Copies. */
  postsFor(key: string): CapturedPost[] {
    return [...(this.byCreator.get(key)?.values() ?? [])].map((p) => ({ ...p, exact: { ...p.exact } }));
  }

  creators(): string[] {
    return [...this.byCreator.keys()];
  }
}

/**
 * The same post captured twice: the newer capture wins, field by field, except that
 * - a count it lacks (null) is taken from the older one, and a rounded count never replaces
 *   an exact one (YouTube's grid says "1.2M views" after the watch page said 1,234,567);
 * - a date, a worded date and a kind it lacks are kept from the older one;
 * - pinned, sponsored, collab and hidden likes, once seen, stay (a post page carries no pin
 *   list; a disclosure is evidence whichever response showed it), and hidden likes make
 *   likes unknown whatever number a response sent (Instagram's fake small count).
 */
export function mergePost(old: CapturedPost, next: CapturedPost): CapturedPost {
  return mergeFacts(old, next);
}

/** The rule of mergePost for any two records of one post's facts (merge.ts: the grid's, then the captured data). */
export function mergeFacts<P extends PostFacts>(old: PostFacts, next: P): P {
  const out: P = { ...next, exact: { ...next.exact } };
  for (const m of POST_METRICS) {
    const keepOld = old[m] !== null && (out[m] === null || (old.exact[m] && !out.exact[m]));
    if (keepOld) {
      out[m] = old[m];
      out.exact[m] = old.exact[m];
    }
  }
  out.publishedAt ??= old.publishedAt;
  out.publishedText ??= old.publishedText;
  out.kind ??= old.kind;
  out.pinned ||= old.pinned;
  out.sponsored ||= old.sponsored;
  out.collab ||= old.collab;
  out.likesHidden ||= old.likesHidden;
  if (out.likesHidden) {
    out.likes = null;
    out.exact.likes = false;
  }
  return out;
}

function samePost(a: CapturedPost, b: CapturedPost): boolean {
  const { capturedAt: _a, source: _s, exact: ea, ...ra } = a;
  const { capturedAt: _b, source: _t, exact: eb, ...rb } = b;
  return JSON.stringify(ra) === JSON.stringify(rb) && JSON.stringify(ea) === JSON.stringify(eb);
}
