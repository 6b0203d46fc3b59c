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
      if (first.has(k)) errors.push(same(name, i, first.get(k)!, k));
      else first.set(k, i);
    });
  };
  // Snapshots and posts are most of a file (400,000 and 120,000 rows at 20,000 creators):
  // kept per creator, without a key string per row (the strings are made for the errors only).
  const seenPerCreator = <T>(name: string, rows: readonly T[], creatorOf: (row: T) => string, keyOf: (row: T) => string | number, label: (row: T) => string) => {
    if (noneRepeatInRuns(rows, creatorOf, keyOf)) return;
    const first = new Map<string, Map<string | number, number>>();
    rows.forEach((row, i) => {
      const creator = creatorOf(row);
      let keys = first.get(creator);
      if (!keys) first.set(creator, (keys = new Map()));
      const k = keyOf(row);
      const j = keys.get(k);
      if (j !== undefined) errors.push(same(name, i, j, label(row)));
      else keys.set(k, i);
    });
  };
  seen('creators', file.creators.map((c) => c.key));
  seenPerCreator('snapshots', file.snapshots, (s) => s.creatorKey, (s) => s.takenAt, (s) => `${s.creatorKey}@${s.takenAt}`);
  // A post is kept per creator: the same post id under two creators (a renamed handle) is two rows.
  seenPerCreator('posts', file.posts, (p) => p.creatorKey, (p) => p.key, (p) => `${p.creatorKey} ${p.key}`);
  seen('deal ids', file.deals.filter((d) => d.id !== undefined).map((d) => `id ${d.id}`));
  seen('campaign ids', file.campaigns.filter((c) => c.id !== undefined).map((c) => `id ${c.id}`));
  seen('booking ids', file.bookings.filter((b) => b.id !== undefined).map((b) => `id ${b.id}`));
  seen('post observations', file.postObservations.map((o) => `${o.postKey}@${o.takenAt}`));
  return errors.slice(0, 20);
}

/**
 * Whether no row repeats another, found without a map of every key when the rows come a
 * creator at a time, as an export writes them: each creator's rows together (a creator
 * seen again later, and the answer is "not known"), its keys checked within its run —
 * strictly increasing numbers (snapshot times, oldest first) need no set at all. false
 * means only that the full check must say.
 */
function noneRepeatInRuns<T>(rows: readonly T[], creatorOf: (row: T) => string, keyOf: (row: T) => string | number): boolean {
  const done = new Set<string>();
  let creator: string | null = null;
  let start = 0;
  let last: string | number = 0;
  let increasing = false;
  let run: Set<string | number> | null = null;
  for (let i = 0; i < rows.length; i++) {
    const c = creatorOf(rows[i]!);
    const k = keyOf(rows[i]!);
    if (c !== creator) {
      if (creator !== null) done.add(creator);
      if (done.has(c)) return false;
      creator = c;
      start = i;
      increasing = typeof k === 'number';
      run = null;
    } else if (increasing && typeof k === 'number' && k > (last as number)) {
      // Still strictly increasing: no repeat yet.
    } else {
      if (!run) {
        run = new Set();
        for (let j = start; j < i; j++) run.add(keyOf(rows[j]!));
        increasing = false;
      }
      if (run.has(k)) return false;
    }
    run?.add(k);
    last = k;
  }
  return true;
}

const same = (name: string, i: number, first: number, k: string) => `${name}[${i}]: the same ${name === 'snapshots' ? 'creator and time' : 'key'} as ${name}[${first}] (${k}).`;

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
