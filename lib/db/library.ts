/**
 * Reading and editing the library: the queries the UI needs (all through indexes) and the
 * scout's edits — lists, tags, notes, rename, delete (with everything that belongs to it).
 */
import Dexie from 'dexie';
import type { Platform } from '../sites/types';
import type { Counts, Creator, Post, Snapshot } from '../schema';
import type { LibraryDb } from './db';

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
        : db.creators.toCollection();
  const rows = await base
    .filter((c) => (!platform || c.platform === platform) && (!tag || c.tags.includes(tag)) && (!savedOnly || c.savedAt !== null))
    .toArray();
  return rows.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

/** One creator's snapshots, oldest first. */
export function history(db: LibraryDb, creatorKey: string): Promise<Snapshot[]> {
  return db.snapshots.where('[creatorKey+takenAt]').between([creatorKey, Dexie.minKey], [creatorKey, Dexie.maxKey]).toArray();
}

export interface Change {
  from: Snapshot;
  to: Snapshot;
  /** to − from per count; null where either side did not show it. */
  delta: Counts;
}

/** Growth between two dates: the first snapshot at or after `from` and the last at or before `to`. */
export async function growthBetween(db: LibraryDb, creatorKey: string, from: number, to: number): Promise<Change | null> {
  const range = db.snapshots.where('[creatorKey+takenAt]').between([creatorKey, from], [creatorKey, to], true, true);
  const [first, last] = await Promise.all([range.first(), range.last()]);
  if (!first || !last || first === last || first.id === last.id) return null;
  const d = (k: keyof Counts) => (first[k] === null || last[k] === null ? null : last[k]! - first[k]!);
  return { from: first, to: last, delta: { followers: d('followers'), following: d('following'), posts: d('posts'), likes: d('likes'), views: d('views') } };
}

/** The creator's posts, most recently seen first. */
export function recentPosts(db: LibraryDb, creatorKey: string, limit = 30): Promise<Post[]> {
  return db.posts.where('[creatorKey+lastSeenAt]').between([creatorKey, Dexie.minKey], [creatorKey, Dexie.maxKey]).reverse().limit(limit).toArray();
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

export async function addToList(db: LibraryDb, keys: readonly string[], list: string): Promise<number> {
  const name = cleanLabel(list);
  return db.creators.where('key').anyOf(keys).modify((c) => {
    if (!c.lists.includes(name)) c.lists.push(name);
  });
}

export async function removeFromList(db: LibraryDb, keys: readonly string[], list: string): Promise<number> {
  return db.creators.where('key').anyOf(keys).modify((c) => {
    c.lists = c.lists.filter((l) => l !== list);
  });
}

export async function setTags(db: LibraryDb, key: string, tags: readonly string[]): Promise<void> {
  const clean = [...new Set(tags.map(cleanLabel))];
  if ((await db.creators.update(key, { tags: clean })) === 0) throw new RangeError(`No creator ${key}.`);
}

export async function setNotes(db: LibraryDb, key: string, notes: string): Promise<void> {
  if (notes.length > 20_000) throw new RangeError('Notes are at most 20,000 characters.');
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
  await db.transaction('rw', db.creators, db.snapshots, db.posts, db.deals, async () => {
    await db.snapshots.where('creatorKey').anyOf(keys).delete();
    await db.posts.where('creatorKey').anyOf(keys).delete();
    await db.deals.where('creatorKey').anyOf(keys).delete();
    await db.creators.bulkDelete([...keys]);
  });
}
