/**
 * How an import merges into the library, pure: which rows of a file repeat each other, how a
 * creator already here takes an imported one, and which ids can be kept.
 */
import type { Creator, ExportFile } from '../../schema';

export function duplicatesIn(file: ExportFile): string[] {
  const errors: string[] = [];
  const seen = (name: string, keys: string[]) => {
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      if (first.has(k)) errors.push(`${name}[${i}]: the same ${name === 'snapshots' ? 'creator and time' : 'key'} as ${name}[${first.get(k)}] (${k}).`);
      else first.set(k, i);
    });
  };
  seen('creators', file.creators.map((c) => c.key));
  seen('snapshots', file.snapshots.map((s) => `${s.creatorKey}@${s.takenAt}`));
  // A post is kept per creator: the same post id under two creators (a renamed handle) is two rows.
  seen('posts', file.posts.map((p) => `${p.creatorKey} ${p.key}`));
  seen('deal ids', file.deals.filter((d) => d.id !== undefined).map((d) => `id ${d.id}`));
  seen('campaign ids', file.campaigns.filter((c) => c.id !== undefined).map((c) => `id ${c.id}`));
  seen('booking ids', file.bookings.filter((b) => b.id !== undefined).map((b) => `id ${b.id}`));
  seen('post observations', file.postObservations.map((o) => `${o.postKey}@${o.takenAt}`));
  return errors.slice(0, 20);
}

export function mergeCreator(old: Creator, imported: Creator): Creator {
  const newer = imported.lastSeenAt > old.lastSeenAt ? imported : old;
  const latest = !old.latest ? imported.latest : !imported.latest ? old.latest : imported.latest.takenAt > old.latest.takenAt ? imported.latest : old.latest;
  const savedAts = [old.savedAt, imported.savedAt].filter((t): t is number => t !== null);
  const notes = !old.notes ? imported.notes : !imported.notes || old.notes.includes(imported.notes) ? old.notes : `${old.notes}\n\n${imported.notes}`;
  return {
    ...old,
    displayName: newer.displayName ?? old.displayName ?? imported.displayName,
    url: newer.url,
    savedAt: savedAts.length ? Math.min(...savedAts) : null,
    firstSeenAt: Math.min(old.firstSeenAt, imported.firstSeenAt),
    lastSeenAt: Math.max(old.lastSeenAt, imported.lastSeenAt),
    latest,
    lists: [...new Set([...old.lists, ...imported.lists])],
    tags: [...new Set([...old.tags, ...imported.tags])],
    notes,
  };
}

/** Ids (of deals, bookings) are kept where they are free in the library, and dropped (assigned anew) where taken. */
export function withFreeIds<T extends { id?: number }>(rows: T[], taken: Set<number>): T[] {
  return rows.map((row) => {
    if (row.id === undefined || !taken.has(row.id)) return row;
    const { id: _taken, ...rest } = row;
    return rest as T;
  });
}
