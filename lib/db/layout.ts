/**
 * How snapshots and posts are laid out in IndexedDB. Every IndexedDB request costs about
 * 0.1 ms in Chromium whatever its size (measured: 100,000 one-field rows take 10.7 s to
 * add, 5,000 rows of 20 snapshots 0.9 s), so one row per snapshot would make importing or
 * reading a large library slow. Snapshots are therefore kept per creator and calendar
 * year (UTC), and posts per creator. A year row stays small: at the fastest automatic
 * rate (every 6 hours) it holds about 1,500 snapshots, some 300 KB; a creator visited
 * weekly, about 50. Each snapshot and post is still its own record to
 * everything outside lib/db: exports, imports and queries (snapshots.ts, posts.ts) see flat
 * lists. Pure: no database here, so db.ts can use it in its upgrades.
 */
import type { Post, Snapshot } from '../schema';

/** The calendar year (UTC) a time falls in. */
export function yearOf(time: number): number {
  // The last year seen is kept: an import asks 400,000 times, mostly about the same few years.
  if (time >= cached.from && time < cached.to) return cached.year;
  const year = new Date(time).getUTCFullYear();
  if (!(year >= 1000 && year < 100_000)) return year; // Date.UTC reads years 0–99 as 1900–1999
  cached = { year, from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
  return year;
}
let cached = { year: NaN, from: 0, to: 0 };

/** A creator's snapshots in one year, oldest first; [creatorKey+takenAt] is unique. */
export interface SnapshotYear {
  creatorKey: string;
  year: number;
  snapshots: Snapshot[];
}

/** A creator's posts, most recently seen first; `postKeys` indexes them ("platform:id"). */
export interface PostSet {
  creatorKey: string;
  postKeys: string[];
  posts: Post[];
}

export const byTime = (a: Snapshot, b: Snapshot) => a.takenAt - b.takenAt;
/** Most recently seen first; posts seen at the same time keep their order (the page's). */
export const bySeen = (a: Post, b: Post) => b.lastSeenAt - a.lastSeenAt;
const withoutId = (s: Snapshot): Snapshot => {
  if (s.id === undefined) return s;
  const { id: _id, ...rest } = s;
  return rest;
};

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Snapshots grouped into year rows (ids dropped), each oldest first; the rows in the order their first snapshots come. */
export function yearRows(snapshots: readonly Snapshot[]): SnapshotYear[] {
  const rows = new Map<string, SnapshotYear>();
  let row: SnapshotYear | undefined;
  for (const s of snapshots) {
    const year = yearOf(s.takenAt);
    // Files and stores list a creator's snapshots together: the row of the one before, most of the time.
    if (!row || row.creatorKey !== s.creatorKey || row.year !== year) {
      const key = `${s.creatorKey}\u0000${year}`;
      row = rows.get(key);
      if (!row) rows.set(key, (row = { creatorKey: s.creatorKey, year, snapshots: [] }));
    }
    row.snapshots.push(withoutId(s));
  }
  const out = [...rows.values()];
  for (const r of out) r.snapshots.sort(byTime);
  return out;
}

export function postSet(creatorKey: string, posts: Post[]): PostSet {
  const sorted = posts.sort(bySeen);
  return { creatorKey, postKeys: sorted.map((p) => p.key), posts: sorted };
}

/** Groups flat rows (from an older version or a file) into year and post rows. */
export function bucketize(snapshots: readonly Snapshot[], posts: readonly Post[]): { years: SnapshotYear[]; postSets: PostSet[] } {
  return {
    years: yearRows(snapshots),
    postSets: [...groupBy(posts, (p) => p.creatorKey)].map(([creatorKey, list]) => postSet(creatorKey, list)),
  };
}
