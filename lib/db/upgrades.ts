/**
 * Fix-ups of older stored shapes, shared by the database's version upgrades (db.ts) and the
 * import of files those versions exported (transfer/json.ts), so both do the same.
 */

/** v1 creators had no tags and could leave notes undefined until one was written. */
export function upgradeV1Creator(creator: Record<string, unknown>): void {
  if (!Array.isArray(creator.tags)) creator.tags = [];
  if (typeof creator.notes !== 'string') creator.notes = '';
}
