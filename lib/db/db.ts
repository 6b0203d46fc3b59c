/**
 * The library: Dexie over IndexedDB in the extension's own origin. Opened by the
 * background and the extension pages only — a content script's IndexedDB would be the
 * website's.
 *
 * Every version stays listed with its upgrade; tests/unit/db.test.ts writes
 * data in each earlier version's shape and checks that opening the current one keeps it.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Booking, Campaign, Creator, Deal, Post, PostObservation, Settings, Snapshot } from '../schema';
import { LIBRARY_VERSION } from '../schema';
import { upgradeV1Creator, upgradeV4Creator, upgradeV5Post } from './upgrades';
import { bucketize, yearOf, type PostSet, type SnapshotYear } from './layout';

export const DB_NAME = 'creator-lens';

/** v1 (first release): creators by platform and list, snapshots by creator and time. */
export const V1_STORES = {
  creators: 'key, platform, lastSeenAt, *lists',
  snapshots: '++id, creatorKey, [creatorKey+takenAt]',
  posts: 'key, creatorKey',
  deals: '++id, creatorKey',
  settings: 'key',
} as const;

/**
 * v2: tags (v1 creators had none), posts ordered per creator, deals by date.
 * The upgrade gives every v1 creator `tags: []` and a `notes` string (v1 left notes
 * undefined until one was written).
 */
export const V2_STORES = {
  creators: 'key, platform, lastSeenAt, *lists, *tags',
  snapshots: '++id, creatorKey, [creatorKey+takenAt], takenAt',
  posts: 'key, creatorKey, [creatorKey+lastSeenAt]',
  deals: '++id, creatorKey, createdAt',
  settings: 'key',
} as const;

/**
 * v3: snapshots kept per creator and year, posts per creator (see layout.ts: every
 * IndexedDB request has a fixed cost, so 100,000 one-snapshot rows were slow to import).
 * The upgrade moves every v2 snapshot and post into the new tables; ids are dropped
 * (a snapshot is identified by its creator and time).
 */
export const V3_STORES = {
  creators: 'key, platform, lastSeenAt, *lists, *tags',
  snapshots: null,
  snapshotYears: '[creatorKey+year]',
  posts: null,
  postSets: 'creatorKey, *postKeys',
  deals: '++id, creatorKey, createdAt',
  settings: 'key',
} as const;

/** v4 adds campaigns, the creators booked in them, and the counts of their tracked posts over time (v3's tables stay as they are). */
export const V4_STORES = {
  campaigns: '++id, createdAt',
  bookings: '++id, campaignId, creatorKey, *postKeys',
  postObservations: '[postKey+takenAt], creatorKey',
} as const;

/** v5: a creator's latest numbers keep which of them were exact (upgrades.ts); no index changes. */
export const V5_STORES = {} as const;

/** v6: posts keep their date, kind, exactness, pinned / sponsored / collab flags and source (upgrades.ts); no index changes. */
export const V6_STORES = {} as const;

export const DB_VERSION = LIBRARY_VERSION;

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

export class LibraryDb extends Dexie {
  creators!: EntityTable<Creator, 'key'>;
  snapshotYears!: Table<SnapshotYear, [string, number]>;
  postSets!: EntityTable<PostSet, 'creatorKey'>;
  deals!: EntityTable<Deal, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  bookings!: EntityTable<Booking, 'id'>;
  postObservations!: Table<PostObservation, [string, number]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2)
      .stores(V2_STORES)
      .upgrade((tx) =>
        tx
          .table('creators')
          .toCollection()
          .modify((creator: Record<string, unknown>) => upgradeV1Creator(creator)),
      );
    this.version(3)
      .stores(V3_STORES)
      .upgrade(async (tx) => {
        const snapshots = (await tx.table('snapshots').toArray()) as Snapshot[];
        const posts = (await tx.table('posts').toArray()) as Post[];
        const { years, postSets } = bucketize(snapshots, posts);
        await tx.table('snapshotYears').bulkAdd(years);
        await tx.table('postSets').bulkAdd(postSets);
      });
    this.version(4).stores(V4_STORES);
    this.version(5)
      .stores(V5_STORES)
      .upgrade(async (tx) => {
        const creators = (await tx.table('creators').toArray()) as (Creator & Record<string, unknown>)[];
        const withLatest = creators.filter((c) => c.latest);
        const years = (await tx.table('snapshotYears').bulkGet(withLatest.map((c) => [c.key, yearOf(c.latest!.takenAt)]))) as (SnapshotYear | undefined)[];
        withLatest.forEach((c, i) => upgradeV4Creator(c, (t) => years[i]?.snapshots.find((s) => s.takenAt === t)));
        await tx.table('creators').bulkPut(withLatest);
      });
    this.version(6)
      .stores(V6_STORES)
      .upgrade((tx) =>
        tx
          .table('postSets')
          .toCollection()
          .modify((set: { posts: Record<string, unknown>[] }) => {
            for (const post of set.posts) upgradeV5Post(post);
          }),
      );
    // A library a newer Creator Lens upgraded is left alone: Dexie 4 would open it at its
    // higher version and let this build write old-shaped rows into it (B9 of the reliability
    // report). Every open — the first, and the reopen after another tab upgraded it — checks.
    this.on('ready', (db) => {
      const installed = (db as LibraryDb).backendDB().version;
      if (installed > Math.round(DB_VERSION * 10)) {
        db.close();
        throw new Dexie.VersionError(`The library is at version ${installed / 10}; this Creator Lens reads up to ${DB_VERSION}.`);
      }
    }, true); // sticky: runs again when Dexie reopens after another tab's upgrade
  }
}

let shared: LibraryDb | null = null;

/** The one database of this extension context (background or extension page). */
export function libraryDb(): LibraryDb {
  shared ??= new LibraryDb();
  return shared;
}
