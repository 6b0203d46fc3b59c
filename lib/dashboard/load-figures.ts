/**
 * Every creator's figures (figures.ts) for the dashboard, read from the library a range of
 * creators at a time, sized so that each read is handed to the page in a task of some
 * 30 ms: IndexedDB deserialises a read's rows in one main-thread task, and one read of the
 * whole library froze the tab for a second at 20,000 creators. The table stays responsive
 * while the figures fill in, at 20,000 creators or a year of snapshots every 6 hours alike.
 * The next range is already being read while this one is computed.
 */
import { creatorKeys, loadDetailsBetween } from '../db/details';
import type { LibraryDb } from '../db/db';
import { figuresOf, JumpMemo, type CreatorFigures } from './figures';

export interface LoadFiguresOptions {
  /** Stops the load (it then resolves to null); the dashboard aborts a load that a newer one replaces. */
  signal?: AbortSignal;
  memo?: JumpMemo;
  /** Snapshots and posts per read (each read is deserialised in one main-thread task). */
  rowsPerRead?: number;
}

/** About 30 ms of deserialising in Chromium on the bench's machine (2 µs a snapshot or post). */
const ROWS_PER_READ = 15_000;
const FIRST_READ = 16;
const MAX_READ = 5_000;

/** Every creator's figures, by key; null when aborted. */
export async function loadFigures(db: LibraryDb, options: LoadFiguresOptions = {}): Promise<Map<string, CreatorFigures> | null> {
  const { signal, memo = new JumpMemo(), rowsPerRead = ROWS_PER_READ } = options;
  const keys = await creatorKeys(db);
  const figures = new Map<string, CreatorFigures>();
  let rows = 0;
  let creators = 0;
  const read = (from: number) => {
    // Sized from the rows per creator seen so far; the first read is small, to learn them.
    const n = creators ? Math.max(1, Math.min(MAX_READ, Math.round(rowsPerRead / Math.max(1, rows / creators)))) : FIRST_READ;
    const to = Math.min(keys.length, from + n);
    return { from, to, details: loadDetailsBetween(db, keys[from]!, keys[to - 1]!) };
  };
  let next = keys.length ? read(0) : null;
  while (next) {
    const { from, to } = next;
    const details = await next.details;
    if (signal?.aborted) return null;
    for (const list of details.snapshots.values()) rows += list.length;
    for (const list of details.posts.values()) rows += list.length;
    creators += to - from;
    next = to < keys.length ? read(to) : null;
    for (let i = from; i < to; i++) {
      const key = keys[i]!;
      const snapshots = details.snapshots.get(key);
      figures.set(key, figuresOf(snapshots, details.posts.get(key), snapshots ? memo.of(key, snapshots) : null));
    }
  }
  memo.commit();
  return figures;
}
