/**
 * Loading the library's snapshots and posts for the dashboard, after the creators (the
 * table is usable at once): every creator's, or those of a range of creator keys, read as
 * whole rows (snapshot years, post sets). The dashboard reads the library a range at a
 * time (lib/dashboard/figures.ts): IndexedDB hands each read's rows to the page in one
 * main-thread task, so one read of the whole library froze the tab for a second at 20,000
 * creators.
 */
import Dexie from 'dexie';
import type { Post, Snapshot } from '../schema';
import type { LibraryDb } from './db';
import type { PostSet, SnapshotYear } from './layout';

export interface Details {
  snapshots: Map<string, Snapshot[]>;
  posts: Map<string, Post[]>;
}

function group(years: readonly SnapshotYear[], sets: readonly PostSet[]): Details {
  const snapshots = new Map<string, Snapshot[]>();
  // Rows come ordered by [creatorKey+year], so each creator's snapshots stay oldest first.
  for (const y of years) {
    const list = snapshots.get(y.creatorKey);
    if (list) list.push(...y.snapshots);
    else snapshots.set(y.creatorKey, [...y.snapshots]);
  }
  return { snapshots, posts: new Map(sets.map((s) => [s.creatorKey, s.posts])) };
}

export async function loadDetails(db: LibraryDb): Promise<Details> {
  const [years, sets] = await db.transaction('r', db.snapshotYears, db.postSets, () => Promise.all([db.snapshotYears.toArray(), db.postSets.toArray()]));
  return group(years, sets);
}

/**
 * The snapshots and posts of the creators whose keys are from `from` (included; null: from
 * the first) up to `to` (left out; null: to the last), in one read of each table. Ranges
 * that meet (one's `to` the next one's `from`) read every row once, whatever creators were
 * added since their bounds were chosen.
 */
export async function loadDetailsFrom(db: LibraryDb, from: string | null, to: string | null): Promise<Details> {
  const [years, sets] = await db.transaction('r', db.snapshotYears, db.postSets, () =>
    Promise.all([
      db.snapshotYears.where('[creatorKey+year]').between(from === null ? Dexie.minKey : [from, Dexie.minKey], to === null ? Dexie.maxKey : [to, Dexie.minKey], true, to === null).toArray(),
      db.postSets.where('creatorKey').between(from ?? Dexie.minKey, to ?? Dexie.maxKey, true, to === null).toArray(),
    ]),
  );
  return group(years, sets);
}

/** Every creator key, in key order (the order of the ranges above). */
export async function creatorKeys(db: LibraryDb): Promise<string[]> {
  return (await db.creators.toCollection().primaryKeys()) as string[];
}

/**
 * Whether a change Dexie reports (`Dexie.on('storagemutated')`, from this page, a worker or
 * the background) touched any snapshot or post of the library named `dbName`: the
 * dashboard reads the details again then, and not on every edit of a creator's notes.
 * Dexie names the parts `idb://<database>/<table>/<index>`.
 */
export function touchesDetails(parts: Record<string, unknown>, dbName: string): boolean {
  const tables = [`idb://${dbName}/snapshotYears/`, `idb://${dbName}/postSets/`];
  return Object.keys(parts).some((part) => tables.some((t) => part.startsWith(t)));
}
