/**
 * Fix-ups of older stored shapes, shared by the database's version upgrades (db.ts) and the
 * import of files those versions exported (transfer/json.ts), so both do the same.
 */

import type { Snapshot } from '../schema';
import { PROFILE_COUNTS, type ProfileCount } from '../sites/types';

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
