/** A creator's snapshots: adding, reading by time, counting, growth between two dates (stored per creator and year, see layout.ts). */
import Dexie from 'dexie';
import type { Counts, Snapshot } from '../schema';
import type { LibraryDb } from './db';
import { existingRows } from './existing-rows';
import { byTime, yearOf, yearRows, type SnapshotYear } from './layout';

/**
 * Adds snapshots, skipping any whose creator and time are already stored (or repeated in
 * `list`). Call inside a transaction that includes `snapshotYears`.
 */
export async function addSnapshots(db: LibraryDb, list: readonly Snapshot[]): Promise<{ added: number; skipped: number }> {
  const groups = yearRows(list);
  const keys = groups.map((g) => [g.creatorKey, g.year] as [string, number]);
  const existing = await existingRows<[string, number], SnapshotYear>(db.snapshotYears, keys);
  let added = 0;
  const rows = groups.map((g, i): SnapshotYear => {
    const have = new Set((existing[i]?.snapshots ?? []).map((s) => s.takenAt));
    const fresh: Snapshot[] = [];
    for (const s of g.snapshots) {
      if (have.has(s.takenAt)) continue;
      have.add(s.takenAt);
      fresh.push(s);
    }
    added += fresh.length;
    return { creatorKey: g.creatorKey, year: g.year, snapshots: [...(existing[i]?.snapshots ?? []), ...fresh].sort(byTime) };
  });
  await db.snapshotYears.bulkPut(rows);
  return { added, skipped: list.length - added };
}

/** One creator's snapshots between two times (inclusive), oldest first. */
export async function snapshotsOf(db: LibraryDb, creatorKey: string, from = -8.64e15, to = 8.64e15): Promise<Snapshot[]> {
  const years = await db.snapshotYears.where('[creatorKey+year]').between([creatorKey, yearOf(from)], [creatorKey, yearOf(to)], true, true).toArray();
  return years.flatMap((m) => m.snapshots).filter((s) => s.takenAt >= from && s.takenAt <= to);
}

/** Every snapshot, by creator key and then time. */
export async function allSnapshots(db: LibraryDb): Promise<Snapshot[]> {
  return (await db.snapshotYears.toArray()).flatMap((y) => y.snapshots);
}

export async function countSnapshots(db: LibraryDb): Promise<number> {
  let n = 0;
  await db.snapshotYears.each((y) => {
    n += y.snapshots.length;
  });
  return n;
}

/** One creator's snapshots, oldest first. */
export function history(db: LibraryDb, creatorKey: string): Promise<Snapshot[]> {
  return snapshotsOf(db, creatorKey);
}

export interface Change {
  from: Snapshot;
  to: Snapshot;
  /** to − from per count; null where either side did not show it. */
  delta: Counts;
}

/** Growth between two dates: the first snapshot at or after `from` and the last at or before `to`. */
export async function growthBetween(db: LibraryDb, creatorKey: string, from: number, to: number): Promise<Change | null> {
  const range = await snapshotsOf(db, creatorKey, from, to);
  const first = range[0];
  const last = range[range.length - 1];
  if (!first || !last || first.takenAt === last.takenAt) return null;
  const d = (k: keyof Counts) => (first[k] === null || last[k] === null ? null : last[k]! - first[k]!);
  return { from: first, to: last, delta: { followers: d('followers'), following: d('following'), posts: d('posts'), likes: d('likes'), views: d('views') } };
}

/** Deletes every snapshot of these creators. Call inside a transaction that includes `snapshotYears`. */
export async function deleteSnapshotsOf(db: LibraryDb, creatorKeys: readonly string[]): Promise<void> {
  for (const key of creatorKeys) {
    await db.snapshotYears.where('[creatorKey+year]').between([key, Dexie.minKey], [key, Dexie.maxKey]).delete();
  }
}
