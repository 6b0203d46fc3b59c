/**
 * Every creator's figures (figures.ts) for the dashboard, read from the library a range of
 * creators at a time, sized so that each read is handed to the page in a short task (some
 * 16,000 snapshots and posts): IndexedDB deserialises a read's rows in one main-thread task,
 * and one read of the whole library froze the tab for a second at 20,000 creators. The
 * table stays responsive while the figures fill in, at 20,000 creators or a year of
 * snapshots every 6 hours alike. The next ranges are already being read while this one is
 * computed.
 */
import { creatorKeys, loadDetailsFrom } from '../db/details';
import type { LibraryDb } from '../db/db';
import type { Snapshot } from '../schema';
import { figuresOf, JumpMemo, subjectOf, type CreatorFigures, type Subject } from './figures';

export interface LoadFiguresOptions {
  /** Stops the load (it then resolves to null); the dashboard aborts a load that a newer one replaces. */
  signal?: AbortSignal;
  memo?: JumpMemo;
  /** Snapshots and posts per read (each read is deserialised in one main-thread task). */
  rowsPerRead?: number;
  /** The creators as the table has them (figures.ts subjectsOf: their keys bound the reads, their followers figure their posts' engagement); without them, the keys in the library and each creator's latest snapshot. */
  subjects?: ReadonlyMap<string, Subject>;
  now?: number;
  /** Each read's figures as soon as they are computed (a worker hands them over a read at a time). */
  onRead?: (figures: [string, CreatorFigures][]) => void;
}

/** About 30 ms of deserialising in Chromium on the bench's machine (some 2 µs a snapshot or post). */
const ROWS_PER_READ = 16_000;
const FIRST_READ = 16;
const MAX_READ = 5_000;
/** Reads in flight: the next ones are read by the browser while this one is deserialised and computed. */
const DEPTH = 3;

/**
 * Every creator's figures, by key (creators without snapshots or posts have none); null when
 * aborted. The reads' bounds come from the creators given (or the keys in the library);
 * the ranges meet, so every row is read whatever was added meanwhile.
 */
export async function loadFigures(db: LibraryDb, options: LoadFiguresOptions = {}): Promise<Map<string, CreatorFigures> | null> {
  const { signal, memo = new JumpMemo(), rowsPerRead = ROWS_PER_READ, now = Date.now() } = options;
  const { subjects } = options;
  const subject = (key: string, snapshots: Snapshot[] | undefined): Subject => subjects?.get(key) ?? subjectOf(key, snapshots);
  // String order is IndexedDB's order of string keys (UTF-16 code units).
  const keys = subjects ? [...subjects.keys()].sort() : await creatorKeys(db);
  const figures = new Map<string, CreatorFigures>();
  let rows = 0;
  let creators = 0;
  let next = 0;
  const inFlight: { creators: number; details: ReturnType<typeof loadDetailsFrom> }[] = [];
  const readMore = () => {
    // Sized from the rows per creator seen so far; the first read is small, to learn them.
    while (next < keys.length && inFlight.length < (creators ? DEPTH : 1)) {
      const n = creators ? Math.max(1, Math.min(MAX_READ, Math.round(rowsPerRead / Math.max(1, rows / creators)))) : FIRST_READ;
      const to = Math.min(keys.length, next + n);
      const details = loadDetailsFrom(db, next === 0 ? null : keys[next]!, to === keys.length ? null : keys[to]!);
      details.catch(() => {}); // awaited below; a read still in flight when another fails is not left unhandled
      inFlight.push({ creators: to - next, details });
      next = to;
    }
  };
  readMore();
  while (inFlight.length) {
    const read = inFlight.shift()!;
    const details = await read.details;
    if (signal?.aborted) return null;
    for (const list of details.snapshots.values()) rows += list.length;
    for (const list of details.posts.values()) rows += list.length;
    creators += read.creators;
    readMore();
    const computed: [string, CreatorFigures][] = [];
    for (const [key, snapshots] of details.snapshots) computed.push([key, figuresOf(snapshots, details.posts.get(key), memo.of(key, snapshots), subject(key, snapshots), now)]);
    for (const [key, posts] of details.posts) if (!details.snapshots.has(key)) computed.push([key, figuresOf(undefined, posts, null, subject(key, undefined), now)]);
    for (const [key, f] of computed) figures.set(key, f);
    options.onRead?.(computed);
  }
  memo.commit();
  return figures;
}
