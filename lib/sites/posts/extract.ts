/**
 * What the three sites' post extractors share: the result being built, whose post it is,
 * and the guard that keeps an extractor bug from reaching the page.
 */
import type { ExtractContext, Extraction, Post, PostExtractor, PostMetric, SkipReason } from './types';

/** A count and whether it is every digit. */
export interface Measured {
  value: number;
  exact: boolean;
}

export interface PostFields {
  id: string;
  url: string;
  owner: string;
  publishedAt?: number | null;
  publishedText?: string | null;
  kind?: Post['kind'];
  counts?: Partial<Record<PostMetric, Measured | null>>;
  pinned?: boolean;
  sponsored?: boolean;
  collab?: boolean;
  likesHidden?: boolean;
}

export function makePost(f: PostFields): Post {
  const c = f.counts ?? {};
  const value = (m: PostMetric) => c[m]?.value ?? null;
  const exact = (m: PostMetric) => c[m]?.exact ?? false;
  return {
    id: f.id,
    url: f.url,
    owner: f.owner,
    publishedAt: f.publishedAt ?? null,
    publishedText: f.publishedText ?? null,
    kind: f.kind ?? null,
    views: value('views'),
    likes: value('likes'),
    comments: value('comments'),
    shares: value('shares'),
    saves: value('saves'),
    exact: { views: exact('views'), likes: exact('likes'), comments: exact('comments'), shares: exact('shares'), saves: exact('saves') },
    pinned: f.pinned ?? false,
    sponsored: f.sponsored ?? false,
    collab: f.collab ?? false,
    likesHidden: f.likesHidden ?? false,
  };
}

/** Collects posts (first of each id wins) and counts what was skipped. */
export class Collector {
  readonly posts: Post[] = [];
  cursor: string | null = null;
  hasMore: boolean | null = null;
  private readonly ids = new Set<string>();
  private readonly skips = new Map<SkipReason, number>();

  add(post: Post): void {
    if (this.ids.has(post.id)) return this.skip('duplicate');
    this.ids.add(post.id);
    this.posts.push(post);
  }

  skip(reason: SkipReason, n = 1): void {
    if (n > 0) this.skips.set(reason, (this.skips.get(reason) ?? 0) + n);
  }

  result(): Extraction {
    return {
      posts: this.posts,
      cursor: this.cursor,
      hasMore: this.hasMore,
      skipped: [...this.skips].map(([reason, count]) => ({ reason, count })),
    };
  }
}

/** Wraps an extractor so that nothing it does can throw into the caller (and so the page):
 * a bug drops that response with a counted reason. */
export function guarded(extract: (text: string, ctx: ExtractContext, out: Collector) => void): PostExtractor {
  return (text, ctx) => {
    const out = new Collector();
    try {
      extract(text, ctx, out);
      return out.result();
    } catch {
      return { posts: [], cursor: null, hasMore: null, skipped: [{ reason: 'extractor-error', count: 1 }] };
    }
  };
}

/** Lower case, no "@", no spaces: how handles are compared. */
export function normalHandle(handle: string | null | undefined): string {
  return (handle ?? '').trim().replace(/^@/, '').toLowerCase();
}

export type Ownership = 'own' | 'other' | 'unknown';

/**
 * Whose post this is, from what the post itself says. Any known signal that disagrees
 * with the profile makes it another account's; at least one that agrees (and none that
 * disagrees) makes it the profile's; nothing comparable leaves it unknown — skipped, since
 * a guess could count another creator's post (research §3.4 "cross-attribution").
 */
export function ownership(post: { handles?: (string | null | undefined)[]; ids?: (string | null | undefined)[] }, ctx: ExtractContext): Ownership {
  const handle = normalHandle(ctx.handle);
  const id = ctx.ownerId ? String(ctx.ownerId) : '';
  let agrees = false;
  for (const h of post.handles ?? []) {
    if (!h || !handle) continue;
    if (normalHandle(h) !== handle) return 'other';
    agrees = true;
  }
  for (const i of post.ids ?? []) {
    if (!i || !id) continue;
    if (i !== id) return 'other';
    agrees = true;
  }
  return agrees ? 'own' : 'unknown';
}
