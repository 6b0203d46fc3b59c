/**
 * Writing readings into the library. Privacy default: nothing is recorded until the user
 * saves a creator; later visits to a saved creator's page add a snapshot automatically
 * (at most one per `autoSnapshotHours` unless a number changed). A setting records every
 * profile visited instead. Numbers the page did not show stay null.
 */
import type { PostReading, ProfileReading, Reading } from '../sites/types';
import { creatorKeyOf, postKeyOf } from '../keys';
import { postFacts, PROFILE_COUNTS } from '../sites/types';
import { CREATOR_KEY, type Counts, type Creator, type Post, type Snapshot } from '../schema';
import type { LibraryDb } from './db';
import { describeDbError } from './errors';
import { getPosts, putPosts, storedPost } from './posts';
import { getSettings } from './settings';
import { addSnapshots } from './snapshots';

/** Bumped when a reader change alters what a snapshot means. */
export const READER_VERSION = 1;

/**
 * At most one automatic snapshot per creator per minute, whatever the page does: a page
 * that changes its numbers (or its address) every few ms cannot flood the library or
 * fabricate a growth history (B5 of the reliability report: 600 snapshots in 30 s).
 */
export const MIN_AUTO_SNAPSHOT_GAP_MS = 60_000;

function countsOf(r: ProfileReading): Counts {
  return { followers: r.followers, following: r.following, posts: r.posts, likes: r.likes, views: r.views };
}

/** A number the page shows now differs from the last snapshot (or was not shown then). */
function changed(before: Counts | null, now: Counts): boolean {
  if (!before) return true;
  return PROFILE_COUNTS.some((k) => now[k] !== null && now[k] !== before[k]);
}

export type RecordResult =
  | { ok: true; outcome: 'saved' | 'snapshot' | 'seen' | 'ignored' | 'post'; creatorKey: string | null }
  | { ok: false; reason: string };

function snapshotOf(reading: ProfileReading, key: string, now: number, source: Snapshot['source']): Snapshot {
  return { creatorKey: key, takenAt: now, ...countsOf(reading), exact: reading.exact, source, readerVersion: READER_VERSION };
}

async function recordPosts(db: LibraryDb, reading: ProfileReading, key: string, now: number) {
  if (reading.recent.length === 0) return;
  const rows: Post[] = reading.recent.map((p) => ({
    key: postKeyOf(reading.platform, p.id),
    creatorKey: key,
    platform: reading.platform,
    id: p.id,
    url: p.url,
    ...postFacts(p),
    source: p.source,
    firstSeenAt: now,
    lastSeenAt: now,
  }));
  await putPosts(db, rows, mergeStoredPost);
}

const FROM_POST_DATA = new Set<Post['source']>(['network', 'embedded']);

/**
 * A post seen again. A count this page did not show keeps the value seen before (unknown
 * now ≠ zero), with its exactness. The flags (pinned, collab, likes hidden) are what the
 * post's own data said: a grid that shows none of them (a `dom` reading) keeps the ones
 * known before. Sponsored, once known, stays: a disclosure is evidence whichever response
 * showed it, and a post the user marked as a booking's deliverable is one. Hidden likes stay
 * unknown.
 */
export function mergeStoredPost(old: Post, next: Post): Post {
  const flagsKnown = FROM_POST_DATA.has(next.source);
  const likesHidden = flagsKnown ? next.likesHidden : old.likesHidden || next.likesHidden;
  const pick = <K extends 'views' | 'likes' | 'comments' | 'shares' | 'saves'>(k: K) =>
    next[k] !== null ? { value: next[k], exact: next.exact[k] } : { value: old[k], exact: old.exact[k] };
  const views = pick('views');
  const likes = likesHidden ? { value: null, exact: false } : pick('likes');
  const comments = pick('comments');
  const shares = pick('shares');
  const saves = pick('saves');
  return {
    ...next,
    views: views.value,
    likes: likes.value,
    comments: comments.value,
    shares: shares.value,
    saves: saves.value,
    exact: { views: views.exact, likes: likes.exact, comments: comments.exact, shares: shares.exact, saves: saves.exact },
    publishedText: next.publishedText ?? old.publishedText,
    publishedAt: next.publishedAt ?? old.publishedAt,
    kind: next.kind ?? old.kind,
    pinned: flagsKnown ? next.pinned : old.pinned,
    sponsored: old.sponsored || next.sponsored,
    collab: flagsKnown ? next.collab : old.collab,
    likesHidden,
    // The best-informed source seen: post data over the grid's.
    source: flagsKnown || !FROM_POST_DATA.has(old.source) ? (next.source ?? old.source) : old.source,
    firstSeenAt: old.firstSeenAt,
  };
}

/** The rules the import enforces, checked when a reading is written: a key the library (and its export) accepts. */
function badKey(key: string): RecordResult | null {
  return CREATOR_KEY.test(key) ? null : { ok: false, reason: `“${key.slice(0, 120)}” cannot be kept: a creator's handle has no spaces or colons. Nothing was saved.` };
}

/** "Save this creator": creates (or marks saved) the creator and adds a manual snapshot. */
export async function saveCreator(db: LibraryDb, reading: ProfileReading, now = Date.now()): Promise<RecordResult> {
  const key = creatorKeyOf(reading.platform, reading.handle);
  const bad = badKey(key);
  if (bad) return bad;
  try {
    await db.transaction('rw', db.creators, db.snapshotYears, db.postSets, async () => {
      const old = await db.creators.get(key);
      await addSnapshots(db, [snapshotOf(reading, key, now, 'manual')]);
      await db.creators.put(creatorFrom(reading, key, old, now, now));
      await recordPosts(db, reading, key, now);
    });
    return { ok: true, outcome: 'saved', creatorKey: key };
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
}

function creatorFrom(reading: ProfileReading, key: string, old: Creator | undefined, now: number, savedAt: number | null, snapshotTaken = true): Creator {
  return {
    key,
    platform: reading.platform,
    handle: reading.handle.toLowerCase(),
    displayName: reading.displayName ?? old?.displayName ?? null,
    url: reading.url,
    savedAt: old?.savedAt ?? savedAt,
    firstSeenAt: old?.firstSeenAt ?? now,
    lastSeenAt: now,
    latest: snapshotTaken ? { takenAt: now, ...countsOf(reading), exact: { ...reading.exact } } : (old?.latest ?? null),
    lists: old?.lists ?? [],
    tags: old?.tags ?? [],
    notes: old?.notes ?? '',
  };
}

/** A reading from a page visit (content script → background). */
export async function recordReading(db: LibraryDb, reading: Reading, now = Date.now()): Promise<RecordResult> {
  try {
    if (reading.kind === 'post') return await recordPost(db, reading, now);
    if (reading.kind !== 'profile') return { ok: true, outcome: 'ignored', creatorKey: null };
    const key = creatorKeyOf(reading.platform, reading.handle);
    const bad = badKey(key);
    if (bad) return bad;
    const settings = await getSettings(db);
    let outcome = 'ignored' as 'snapshot' | 'seen' | 'ignored';
    await db.transaction('rw', db.creators, db.snapshotYears, db.postSets, async () => {
      const old = await db.creators.get(key);
      if (!old && !settings.recordEveryProfile) return;
      const last = old?.latest ?? null;
      const due = !last || (now - last.takenAt >= MIN_AUTO_SNAPSHOT_GAP_MS && (now - last.takenAt >= settings.autoSnapshotHours * 3_600_000 || changed(last, countsOf(reading))));
      if (due) await addSnapshots(db, [snapshotOf(reading, key, now, 'auto')]);
      await db.creators.put(creatorFrom(reading, key, old, now, null, due));
      await recordPosts(db, reading, key, now);
      outcome = due ? 'snapshot' : 'seen';
    });
    return { ok: true, outcome, creatorKey: outcome === 'ignored' ? null : key };
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
}

/** A single post's page: its counts are kept when its creator is in the library. */
async function recordPost(db: LibraryDb, reading: PostReading, now: number): Promise<RecordResult> {
  const key = postKeyOf(reading.platform, reading.id);
  let outcome = 'ignored' as 'post' | 'ignored';
  let creatorKey: string | null = null;
  await db.transaction('rw', db.creators, db.postSets, async () => {
    const [old] = await getPosts(db, [key]);
    creatorKey = old?.creatorKey ?? (reading.handle ? creatorKeyOf(reading.platform, reading.handle) : null);
    if (!creatorKey || !(await db.creators.get(creatorKey))) return;
    const sources = Object.values(reading.sources);
    const next = storedPost({
      key,
      creatorKey,
      platform: reading.platform,
      id: reading.id,
      url: reading.url,
      views: reading.views,
      likes: reading.likes,
      comments: reading.comments,
      shares: reading.shares,
      exact: reading.exact,
      source: sources.includes('json') ? 'json' : (sources[0] ?? null),
      firstSeenAt: now,
      lastSeenAt: now,
    });
    await putPosts(db, [old ? mergeStoredPost(old, next) : next]);
    outcome = 'post';
  });
  return { ok: true, outcome, creatorKey: outcome === 'post' ? creatorKey : null };
}

