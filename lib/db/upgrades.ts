/**
 * Fix-ups of older stored shapes, shared by the database's version upgrades (db.ts) and the
 * import of files those versions exported (transfer/json.ts), so both do the same.
 */

import type { Snapshot } from '../schema';
import { POST_METRICS, PROFILE_COUNTS, type ProfileCount } from '../sites/types';

/** v1 creators had no tags and could leave notes undefined until one was written. */
export function upgradeV1Creator(creator: Record<string, unknown>): void {
  if (!Array.isArray(creator.tags)) creator.tags = [];
  if (typeof creator.notes !== 'string') creator.notes = '';
}

const APPROXIMATE = (): Record<ProfileCount, boolean> => Object.fromEntries(PROFILE_COUNTS.map((k) => [k, false])) as Record<ProfileCount, boolean>;

/**
 * v5: a creator's `latest` keeps which counts were exact. Before, they were recovered by
 * finding the snapshot taken at the same time; the upgrade does that once. Without such a
 * snapshot the counts are taken as approximate: never more precise than seen.
 */
export function upgradeV4Creator(creator: Record<string, unknown>, snapshotAt: (takenAt: number) => Pick<Snapshot, 'exact'> | undefined): void {
  const latest = creator.latest as Record<string, unknown> | null | undefined;
  if (!latest || typeof latest !== 'object' || latest.exact) return;
  const same = typeof latest.takenAt === 'number' ? snapshotAt(latest.takenAt) : undefined;
  latest.exact = same ? { ...same.exact } : APPROXIMATE();
}

/**
 * v6: posts keep what the page's own data says of them (issue 13). A post stored before has
 * those unknown: no date beyond the words the page showed, no kind, counts taken as
 * approximate, not known to be pinned or sponsored, its source not kept. Fills only what is
 * missing, so running it twice changes nothing.
 */
export function upgradeV5Post(post: Record<string, unknown>): void {
  if (!('saves' in post)) post.saves = null;
  if (!('publishedAt' in post)) post.publishedAt = null;
  if (!('kind' in post)) post.kind = null;
  if (!('exact' in post)) post.exact = Object.fromEntries(POST_METRICS.map((k) => [k, false]));
  for (const flag of ['pinned', 'sponsored', 'collab', 'likesHidden'] as const) if (!(flag in post)) post[flag] = false;
  if (!('source' in post)) post.source = null;
}
