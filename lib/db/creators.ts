/**
 * The creators in the library: the queries the UI needs (all through indexes) and the
 * scout's edits — lists, tags, notes, rename, delete (with everything that belongs to it),
 * and wiping the whole library.
 */
import { PLATFORMS, type Platform } from '../sites/platforms';
import type { Creator } from '../schema';
import type { LibraryDb } from './db';
import { deletePostsOf } from './posts';
import { deleteSnapshotsOf } from './snapshots';

export interface CreatorFilter {
  platform?: Platform;
  list?: string;
  tag?: string;
  /** Only creators the user saved (not those recorded by "record every profile"). */
  savedOnly?: boolean;
}

/** Creators with their latest numbers (kept on the creator row: no join), newest first. */
export async function listCreators(db: LibraryDb, filter: CreatorFilter = {}): Promise<Creator[]> {
  const { platform, list, tag, savedOnly } = filter;
  const base = list
    ? db.creators.where('lists').equals(list)
    : tag
      ? db.creators.where('tags').equals(tag)
      : platform
        ? db.creators.where('platform').equals(platform)
        : null;
  // toArray() without a cursor filter lets IndexedDB hand over all rows at once (getAll),
  // several times faster than visiting them one by one; the rest is filtered here. The
  // whole table is read as key ranges in parallel (measured in Chromium: about 25 % faster
  // than one getAll, as rows are decoded while others are still being read).
  const all = base ? await base.toArray() : await readAllCreators(db);
  const rows = all.filter((c) => (!platform || c.platform === platform) && (!tag || c.tags.includes(tag)) && (!savedOnly || c.savedAt !== null));
  return rows.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

/** Creator keys are "platform:handle", so each platform is one key range. */
const KEY_RANGES = PLATFORMS.map((p) => [`${p}:`, `${p}:\uffff`] as const);

async function readAllCreators(db: LibraryDb): Promise<Creator[]> {
  return db.transaction('r', db.creators, async () => (await Promise.all(KEY_RANGES.map(([a, b]) => db.creators.where('key').between(a, b).toArray()))).flat());
}

/** Every list name in use, sorted. */
export async function listNames(db: LibraryDb): Promise<string[]> {
  return (await db.creators.orderBy('lists').uniqueKeys()).map(String);
}

export async function tagNames(db: LibraryDb): Promise<string[]> {
  return (await db.creators.orderBy('tags').uniqueKeys()).map(String);
}

const cleanLabel = (name: string) => {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed || trimmed.length > 100) throw new RangeError('A list or tag name is 1 to 100 characters.');
  return trimmed;
};

/** The caps the import enforces (lib/schema/library.ts), enforced when anything writes. */
export const MAX_LABELS = 200;
export const MAX_NOTES = 20_000;

/** Adds creators to a list; refused (nothing written) when one of them is in 200 lists already. */
export async function addToList(db: LibraryDb, keys: readonly string[], list: string): Promise<number> {
  const name = cleanLabel(list);
  return db.transaction('rw', db.creators, async () => {
    const full = (await db.creators.bulkGet([...keys])).find((c) => c && !c.lists.includes(name) && c.lists.length >= MAX_LABELS);
    if (full) throw new RangeError(`${full.displayName ?? full.key} is in ${MAX_LABELS} lists already, the most a creator can be in; remove one first.`);
    return db.creators.where('key').anyOf(keys).modify((c) => {
      if (!c.lists.includes(name)) c.lists.push(name);
    });
  });
}

export async function removeFromList(db: LibraryDb, keys: readonly string[], list: string): Promise<number> {
  return db.creators.where('key').anyOf(keys).modify((c) => {
    c.lists = c.lists.filter((l) => l !== list);
  });
}

export async function setTags(db: LibraryDb, key: string, tags: readonly string[]): Promise<void> {
  const clean = [...new Set(tags.map(cleanLabel))];
  if (clean.length > MAX_LABELS) throw new RangeError(`A creator has at most ${MAX_LABELS} tags.`);
  if ((await db.creators.update(key, { tags: clean })) === 0) throw new RangeError(`No creator ${key}.`);
}

export async function setNotes(db: LibraryDb, key: string, notes: string): Promise<void> {
  if (notes.length > MAX_NOTES) throw new RangeError('Notes are at most 20,000 characters.');
  if ((await db.creators.update(key, { notes })) === 0) throw new RangeError(`No creator ${key}.`);
}

/** The name the user knows the creator by (the page's display name until then). */
export async function rename(db: LibraryDb, key: string, displayName: string): Promise<void> {
  const name = displayName.trim();
  if (!name || name.length > 300) throw new RangeError('A name is 1 to 300 characters.');
  if ((await db.creators.update(key, { displayName: name })) === 0) throw new RangeError(`No creator ${key}.`);
}

/** Deletes creators with their snapshots, posts and deals, all or nothing. (The UI confirms first.) */
export async function deleteCreators(db: LibraryDb, keys: readonly string[]): Promise<void> {
  await db.transaction('rw', db.creators, db.snapshotYears, db.postSets, db.deals, async () => {
    await deleteSnapshotsOf(db, keys);
    await deletePostsOf(db, keys);
    await db.deals.where('creatorKey').anyOf(keys).delete();
    await db.creators.bulkDelete([...keys]);
  });
}

/** Deletes everything in the library: creators, snapshots, posts, deals, settings and campaigns (every table). */
export async function wipeLibrary(db: LibraryDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
