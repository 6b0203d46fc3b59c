/**
 * Quick tests for the rows that are most of an export file — 400,000 snapshots and 120,000
 * posts at 20,000 creators — that accept a row only when the schema (lib/schema/library.ts
 * SnapshotSchema, PostSchema) would accept it exactly as it is: the same keys, types and
 * bounds, and nothing for zod to change. Those are taken as they are; if any row is not
 * plainly valid, zod checks them all, and the rest of the file always, so a file is refused
 * with zod's own messages. Checking a snapshot with zod costs about 4.6 µs in the
 * extension's pages (no eval, so no compiled fast path), this well under a microsecond.
 * tests/unit/import-fast-paths.test.ts holds them to the schema: whatever they accept, zod
 * accepts unchanged, and their keys are the schema's.
 */
import { CREATOR_KEY, isPlainSiteUrl } from '../../schema/primitives';
import { PLATFORMS } from '../../sites/platforms';
import { POST_KINDS, POST_METRICS, POST_SOURCES, PROFILE_COUNTS } from '../../sites/types';

/** The snapshot's keys, as SnapshotSchema has them (`id` may be left out). */
export const PLAIN_SNAPSHOT_KEYS = [...PROFILE_COUNTS, 'id', 'creatorKey', 'takenAt', 'exact', 'source', 'readerVersion'] as const;

const isCount = (v: unknown) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0);
const isTime = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 8.64e15;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

const EMPTY = {};
/**
 * How many keys a plain object has, each its own; -1 when it sees an inherited one (a
 * polluted Object.prototype: zod would read that key there). With nothing enumerable on
 * Object.prototype, as in any page we run on, Object.keys counts the same (twice as fast).
 */
function ownKeys(o: Record<string, unknown>): number {
  for (const _ in EMPTY) {
    let keys = 0;
    for (const k in o) {
      if (!Object.hasOwn(o, k)) return -1;
      keys++;
    }
    return keys;
  }
  return Object.keys(o).length;
}

/** A file's rows come a creator at a time: the last key found good is not matched again. */
let goodKey = '';
function isCreatorKey(k: unknown): boolean {
  if (k === goodKey) return true;
  if (typeof k !== 'string' || k.length > 120 || !CREATOR_KEY.test(k)) return false;
  goodKey = k;
  return true;
}

export function isPlainSnapshot(s: unknown): boolean {
  if (!isPlainObject(s)) return false;
  // Every key one of the schema's, each present but `id` (and `id` counted only when there).
  if (ownKeys(s) !== (Object.hasOwn(s, 'id') ? 11 : 10)) return false;
  for (const k of PROFILE_COUNTS) if (!Object.hasOwn(s, k) || !isCount(s[k])) return false;
  if (Object.hasOwn(s, 'id') && !(Number.isSafeInteger(s.id) && (s.id as number) > 0)) return false;
  const { creatorKey, takenAt, exact, source, readerVersion } = s;
  if (!isCreatorKey(creatorKey)) return false;
  if (!isTime(takenAt) || (source !== 'auto' && source !== 'manual')) return false;
  if (!(Number.isSafeInteger(readerVersion) && (readerVersion as number) >= 0 && (readerVersion as number) <= 1_000_000)) return false;
  if (!isPlainObject(exact) || ownKeys(exact) !== PROFILE_COUNTS.length) return false;
  for (const k of PROFILE_COUNTS) if (typeof exact[k] !== 'boolean') return false;
  return true;
}

/** The post's keys, as PostSchema has them (all required). */
export const PLAIN_POST_KEYS = [
  'key', 'creatorKey', 'platform', 'id', 'url', 'views', 'likes', 'comments', 'shares', 'saves', 'publishedText', 'publishedAt', 'kind', 'exact',
  'pinned', 'sponsored', 'collab', 'likesHidden', 'source', 'firstSeenAt', 'lastSeenAt',
] as const;
const PLATFORM_NAMES: ReadonlySet<unknown> = new Set(PLATFORMS);
const KINDS: ReadonlySet<unknown> = new Set([...POST_KINDS, null]);
const SOURCES: ReadonlySet<unknown> = new Set([...POST_SOURCES, null]);

export function isPlainPost(p: unknown): boolean {
  if (!isPlainObject(p) || ownKeys(p) !== PLAIN_POST_KEYS.length) return false;
  const { key, creatorKey, platform, id, url, publishedText } = p;
  if (!PLATFORM_NAMES.has(platform) || typeof id !== 'string' || id.length < 1 || id.length > 64) return false;
  if (typeof key !== 'string' || key.length > 120 || key !== `${platform as string}:${id}`) return false;
  if (!isCreatorKey(creatorKey)) return false;
  if (typeof url !== 'string' || url.length > 2048 || !isPlainSiteUrl(url)) return false;
  if (!isCount(p.views) || !isCount(p.likes) || !isCount(p.comments) || !isCount(p.shares) || !isCount(p.saves)) return false;
  if (publishedText !== null && !(typeof publishedText === 'string' && publishedText.length <= 100)) return false;
  if (p.publishedAt !== null && !isTime(p.publishedAt)) return false;
  if (!KINDS.has(p.kind) || !SOURCES.has(p.source)) return false;
  if (typeof p.pinned !== 'boolean' || typeof p.sponsored !== 'boolean' || typeof p.collab !== 'boolean' || typeof p.likesHidden !== 'boolean') return false;
  if (p.likesHidden && p.likes !== null) return false;
  const { exact } = p;
  if (!isPlainObject(exact) || ownKeys(exact) !== POST_METRICS.length) return false;
  for (const k of POST_METRICS) if (typeof exact[k] !== 'boolean') return false;
  return isTime(p.firstSeenAt) && isTime(p.lastSeenAt);
}
