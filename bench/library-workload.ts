/**
 * The library benchmark, the same code in Node (fake-indexeddb) and in Chromium (real
 * IndexedDB): a store of 5,000 creators and 100,000 snapshots, then the queries the UI
 * needs, JSON export, and a validated import of the whole store into an empty library.
 * Goals (issue: snapshot library): list with latest numbers < 100 ms, one creator's
 * history < 20 ms, export and import each < 5 s.
 */
import { allPosts } from '../lib/db/posts';
import { bucketize } from '../lib/db/layout';
import { countSnapshots } from '../lib/db/snapshots';
import { LibraryDb } from '../lib/db/db';
import { seededRandom } from '../lib/roi/range';
import { growthBetween, history } from '../lib/db/snapshots';
import { listCreators } from '../lib/db/creators';
import { recentPosts } from '../lib/db/posts';
import { exportJson, exportLibrary, importFile, importJson, parseExportJson } from '../lib/db/transfer';
import type { Creator, Post, Snapshot } from '../lib/schema';

export interface LibraryBenchResult {
  creators: number;
  snapshots: number;
  posts: number;
  seedMs: number;
  /** name → median and p95 in ms over the runs. */
  queries: Record<string, { median: number; p95: number; runs: number }>;
  exportMs: number;
  exportBytes: number;
  importMs: number;
  /** Of which: parsing and validating the file, and writing it. */
  validateMs: number;
  writeMs: number;
  /** Importing the same file again into the full library (all duplicates). */
  mergeMs: number;
  importedEqual: boolean;
  /** What the browser says the origin uses with the store in it (null in Node). */
  storageBytes: number | null;
}

const PLATFORMS = ['instagram', 'youtube', 'tiktok'] as const;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

export interface LibraryShape {
  creators?: number;
  snapshotsPerCreator?: number;
  postsPerCreator?: number;
  /** Time between a creator's snapshots: about a week by default; 6 hours is the fastest automatic rate (a year is then 1,460 snapshots). */
  spacingMs?: number;
}

/**
 * The rows of the bench's library, deterministic, in parts of `partSize` creators (a large
 * library is built and written part by part): creators with their latest numbers,
 * snapshots and posts.
 */
export function* libraryParts(shape: LibraryShape = {}, partSize = Infinity): Generator<{ creators: Creator[]; snapshots: Snapshot[]; posts: Post[] }> {
  const { creators = 5_000, snapshotsPerCreator = 20, postsPerCreator = 6, spacingMs = 7 * DAY } = shape;
  const random = seededRandom(42); // the store is the same on every run
  const weekly = spacingMs === 7 * DAY;
  let part = { creators: [] as Creator[], snapshots: [] as Snapshot[], posts: [] as Post[] };
  for (let i = 0; i < creators; i++) {
    const platform = PLATFORMS[i % 3]!;
    const handle = `creator.${i}`;
    const key = `${platform}:${handle}`;
    let followers = Math.round(1_000 + random() * 2_000_000);
    // Weekly: saved at some point in the last two years, then seen about weekly. Otherwise the history ends within the last month.
    const start = weekly ? T0 - Math.floor(random() * 730) * DAY : T0 - (snapshotsPerCreator - 1) * spacingMs - Math.floor(random() * 30) * DAY;
    let last: Snapshot | null = null;
    for (let j = 0; j < snapshotsPerCreator; j++) {
      followers = Math.max(0, Math.round(followers * (1 + (random() - 0.4) * 0.02)));
      last = {
        creatorKey: key, takenAt: start + j * spacingMs + i * 1000 + Math.floor(random() * Math.min(DAY / 2, spacingMs / 6)), followers, following: Math.round(random() * 2000), posts: 100 + j, likes: platform === 'tiktok' ? followers * 20 : null, views: null,
        exact: { followers: j % 2 === 0, following: true, posts: true, likes: false, views: false }, source: j === 0 ? 'manual' : 'auto', readerVersion: 1,
      };
      part.snapshots.push(last);
    }
    for (let p = 0; p < postsPerCreator; p++) {
      const id = `${i}x${p}`;
      part.posts.push({ key: `${platform}:${id}`, creatorKey: key, platform, id, url: `https://www.${platform}.com/p/${id}/`, views: Math.round(random() * 1e6), likes: Math.round(random() * 1e5), comments: Math.round(random() * 1e3), shares: null, publishedText: null, saves: null, publishedAt: null, kind: null, exact: { views: false, likes: false, comments: false, shares: false, saves: false }, pinned: false, sponsored: false, collab: false, likesHidden: false, source: null, firstSeenAt: T0 + p * DAY, lastSeenAt: T0 + p * DAY + 1 });
    }
    part.creators.push({
      key, platform, handle, displayName: `Creator ${i}`, url: platform === 'youtube' ? `https://www.youtube.com/@${handle}` : platform === 'tiktok' ? `https://www.tiktok.com/@${handle}` : `https://www.instagram.com/${handle}/`,
      savedAt: start, firstSeenAt: start, lastSeenAt: last!.takenAt, latest: { takenAt: last!.takenAt, followers: last!.followers, following: last!.following, posts: last!.posts, likes: last!.likes, views: last!.views, exact: { ...last!.exact } },
      lists: i % 10 === 0 ? ['Spring campaign'] : [], tags: i % 7 === 0 ? ['food'] : [], notes: i % 5 === 0 ? 'Replied to our email; asked for rates.' : '',
    });
    if (part.creators.length >= partSize) {
      yield part;
      part = { creators: [], snapshots: [], posts: [] };
    }
  }
  if (part.creators.length) yield part;
}

/** Writes the bench's library, one transaction per part of at most 200,000 snapshots. */
export async function seedLibrary(db: LibraryDb, creators = 5_000, snapshotsPerCreator = 20, postsPerCreator = 6, spacingMs = 7 * DAY): Promise<void> {
  const partSize = Math.max(1, Math.floor(200_000 / Math.max(1, snapshotsPerCreator)));
  for (const rows of libraryParts({ creators, snapshotsPerCreator, postsPerCreator, spacingMs }, partSize)) {
    const { years, postSets } = bucketize(rows.snapshots, rows.posts);
    await db.transaction('rw', db.creators, db.snapshotYears, db.postSets, async () => {
      await db.creators.bulkAdd(rows.creators);
      await db.snapshotYears.bulkAdd(years);
      await db.postSets.bulkAdd(postSets);
    });
  }
}

const now = () => performance.now();

/** Structural equality (key order aside), for checking the imported store. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

async function time<T>(runs: number, f: (i: number) => Promise<T>) {
  for (let i = 0; i < 3; i++) await f(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await f(i);
    times.push(now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]!, runs };
}

/** `makeDb(name)` opens a new, empty library (fake-indexeddb in Node, real in Chromium). */
export async function runLibraryBench(makeDb: (name: string) => LibraryDb, size = { creators: 5_000, snapshotsPerCreator: 20 }): Promise<LibraryBenchResult> {
  const db = makeDb(`bench-${Date.now()}`);
  await db.delete();
  await db.open();
  let t0 = now();
  await seedLibrary(db, size.creators, size.snapshotsPerCreator);
  const seedMs = now() - t0;
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  const storageBytes = storage?.estimate ? ((await storage.estimate()).usage ?? null) : null;
  const key = (i: number) => `${PLATFORMS[i % 3]}:creator.${(i * 997) % size.creators}`;

  const queries: LibraryBenchResult['queries'] = {
    'all creators with latest numbers': await time(10, () => listCreators(db)),
    'creators of one platform': await time(10, () => listCreators(db, { platform: 'tiktok' })),
    'creators in one list': await time(20, () => listCreators(db, { list: 'Spring campaign' })),
    'creators with one tag': await time(20, () => listCreators(db, { tag: 'food' })),
    "one creator's history": await time(50, (i) => history(db, key(i))),
    'growth between two dates': await time(50, (i) => growthBetween(db, key(i), T0 - 400 * DAY, T0 - 200 * DAY)),
    "one creator's recent posts": await time(50, (i) => recentPosts(db, key(i))),
  };

  t0 = now();
  const text = await exportJson(db);
  const exportMs = now() - t0;

  t0 = now();
  const merged = await importJson(db, text);
  const mergeMs = now() - t0;
  if (!merged.ok || merged.report.snapshotsAdded !== 0) throw new Error(`merge import: ${JSON.stringify(merged)}`);

  const empty = makeDb(`bench-import-${Date.now()}`);
  await empty.delete();
  await empty.open();
  t0 = now();
  const parsed = parseExportJson(text);
  const validateMs = now() - t0;
  if (!parsed.ok) throw new Error(`import refused: ${parsed.errors.join('; ')}`);
  const t1 = now();
  const imported = await importFile(empty, parsed.file);
  const writeMs = now() - t1;
  const importMs = now() - t0;
  if (!imported.ok) throw new Error(`import failed: ${imported.errors.join('; ')}`);
  const again = await exportLibrary(empty, JSON.parse(text).exportedAt);

  const result: LibraryBenchResult = {
    creators: await db.creators.count(), snapshots: await countSnapshots(db), posts: (await allPosts(db)).length,
    seedMs, queries, exportMs, exportBytes: text.length, importMs, mergeMs, importedEqual: deepEqual(again, JSON.parse(text)), validateMs, writeMs, storageBytes,
  };
  await db.delete();
  await empty.delete();
  return result;
}
