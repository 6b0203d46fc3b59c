/**
 * Loading the whole library for the dashboard in two steps: the creators with their latest
 * numbers first (the table is usable at once), then every creator's snapshots and posts
 * (engagement, growth), read as whole rows (snapshot years, post sets) in one pass each.
 */
import type { Post, Snapshot } from '../schema';
import type { LibraryDb } from './db';

export interface Details {
  snapshots: Map<string, Snapshot[]>;
  posts: Map<string, Post[]>;
}

export async function loadDetails(db: LibraryDb): Promise<Details> {
  const [years, sets] = await db.transaction('r', db.snapshotYears, db.postSets, () => Promise.all([db.snapshotYears.toArray(), db.postSets.toArray()]));
  const snapshots = new Map<string, Snapshot[]>();
  // Rows come ordered by [creatorKey+year], so each creator's snapshots stay oldest first.
  for (const y of years) {
    const list = snapshots.get(y.creatorKey);
    if (list) list.push(...y.snapshots);
    else snapshots.set(y.creatorKey, [...y.snapshots]);
  }
  return { snapshots, posts: new Map(sets.map((s) => [s.creatorKey, s.posts])) };
}
