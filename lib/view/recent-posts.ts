/**
 * The creator page's Recent posts list (components/creator/RecentPosts.tsx): one row per
 * stored post with what the page's data said of it, its engagement rate by the platform's
 * definition (lib/metrics/engagement.ts), and a sort by any column. Pure: tested in
 * tests/unit/recent-posts.test.ts. Unknown stays unknown: a post without the counts a rate
 * needs has no rate, and sorts after every known one whichever the direction.
 */
import { postRate } from '../metrics/engagement';
import type { Platform, RecentPost } from '../sites/types';

export const POST_COLUMNS = ['published', 'kind', 'views', 'likes', 'comments', 'shares', 'rate'] as const;
export type PostColumn = (typeof POST_COLUMNS)[number];

export interface PostRow {
  post: RecentPost;
  rate: number | null;
  /** Where the page gave no date, its place in the stored order (newest seen first). */
  order: number;
}

export interface PostSort {
  key: PostColumn;
  dir: 'asc' | 'desc';
}

export function postRows(posts: readonly RecentPost[], platform: Platform, followers: number | null): PostRow[] {
  return posts.map((post, order) => ({ post, rate: postRate(platform, post, followers), order }));
}

const KIND_ORDER = { photo: 0, carousel: 1, reel: 2, short: 3, video: 4 } as const;

function valueOf(row: PostRow, key: PostColumn): number | null {
  switch (key) {
    case 'published':
      return row.post.publishedAt;
    case 'kind':
      return row.post.kind === null ? null : KIND_ORDER[row.post.kind];
    case 'rate':
      return row.rate;
    default:
      return row.post[key];
  }
}

/** Sorted copy: known values in the direction asked, unknown ones after them in stored order. */
export function sortPosts(rows: readonly PostRow[], sort: PostSort): PostRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    if (x === null && y === null) return a.order - b.order;
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? a.order - b.order : (x - y) * sign;
  });
}
