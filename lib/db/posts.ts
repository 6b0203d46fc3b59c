/** A creator's posts as the pages showed them (stored per creator, see layout.ts). */
import type { Post } from '../schema';
import { UNKNOWN_POST_FACTS } from '../sites/types';
import type { LibraryDb } from './db';
import { existingRows } from './existing-rows';
import { groupBy, postSet, type PostSet } from './layout';

/** A stored post with every field its caller does not name unknown (null, false, approximate). */
export function storedPost(fields: Pick<Post, 'key' | 'creatorKey' | 'platform' | 'id' | 'url' | 'firstSeenAt' | 'lastSeenAt'> & Partial<Omit<Post, 'exact'>> & { exact?: Partial<Post['exact']> }): Post {
  return { ...UNKNOWN_POST_FACTS, source: null, ...fields, exact: { views: false, likes: false, comments: false, shares: false, saves: false, ...fields.exact } };
}

/**
 * Writes posts: each one replaces the stored post with the same key, keeping when it was
 * first seen and any count the new one lacks. `merge(old, new)` decides the result.
 */
export async function putPosts(db: LibraryDb, list: readonly Post[], merge: (old: Post, next: Post) => Post = (_old, next) => next): Promise<number> {
  await db.postSets.bulkPut(await postSetsWith(db, list, merge));
  return list.length;
}

/**
 * The post sets that writing `list` makes (putPosts without the write): the stored sets of
 * its creators merged with it. `stored`: the creators with a stored set, when the caller
 * has listed them (an import, once for all its batches); else they are looked up.
 */
export async function postSetsWith(db: LibraryDb, list: readonly Post[], merge: (old: Post, next: Post) => Post, stored?: ReadonlySet<string>): Promise<PostSet[]> {
  const byCreator = groupBy(list, (p) => p.creatorKey);
  const creatorKeys = [...byCreator.keys()];
  const existing = await existingRows<string, PostSet>(db.postSets, creatorKeys, stored);
  return creatorKeys.map((creatorKey, i): PostSet => {
    const old = new Map((existing[i]?.posts ?? []).map((p) => [p.key, p]));
    const posts = new Map<string, Post>();
    for (const p of byCreator.get(creatorKey)!) {
      const before = posts.get(p.key) ?? old.get(p.key);
      posts.set(p.key, before ? merge(before, p) : p);
    }
    for (const [key, p] of old) if (!posts.has(key)) posts.set(key, p);
    return postSet(creatorKey, [...posts.values()]);
  });
}

/** Posts by key ("platform:id"), wherever they are stored. */
export async function getPosts(db: LibraryDb, keys: readonly string[]): Promise<(Post | undefined)[]> {
  if (keys.length === 0) return [];
  const sets = await db.postSets.where('postKeys').anyOf([...keys]).toArray();
  const found = new Map(sets.flatMap((s) => s.posts).map((p) => [p.key, p]));
  return keys.map((k) => found.get(k));
}

/** A creator's posts, most recently seen first. */
export async function postsOf(db: LibraryDb, creatorKey: string): Promise<Post[]> {
  return (await db.postSets.get(creatorKey))?.posts ?? [];
}

export async function allPosts(db: LibraryDb): Promise<Post[]> {
  return (await db.postSets.toArray()).flatMap((s) => s.posts);
}

/** The creator's posts, most recently seen first. */
export async function recentPosts(db: LibraryDb, creatorKey: string, limit = 30): Promise<Post[]> {
  return (await postsOf(db, creatorKey)).slice(0, limit);
}

/** Deletes every post of these creators. */
export async function deletePostsOf(db: LibraryDb, creatorKeys: readonly string[]): Promise<void> {
  await db.postSets.bulkDelete([...creatorKeys]);
}
