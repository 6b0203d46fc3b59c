/** For the import tests: a generated library: `creators` creators with `snapshots` weekly snapshots and `posts` posts each, as an export file. */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { LibraryDb } from '../../lib/db/db';
import { FORMAT, type ExportFile } from '../../lib/db/transfer';
import { track } from './db-helpers';
import { LIBRARY_VERSION, type Creator, type Post, type Snapshot } from '../../lib/schema';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

export function generatedFile(creators: number, snapshots: number, posts = 0, offset = 0): ExportFile {
  const file: ExportFile = { format: FORMAT, schemaVersion: LIBRARY_VERSION, exportedAt: T0, creators: [], snapshots: [], posts: [], deals: [], settings: null, campaigns: [], bookings: [], postObservations: [] };
  for (let i = 0; i < creators; i++) {
    const handle = `gen.${i}`;
    const key = `tiktok:${handle}`;
    let last: Snapshot | null = null;
    for (let j = 0; j < snapshots; j++) {
      // Weekly from 2025, so a creator's snapshots fill more than one year row.
      last = { creatorKey: key, takenAt: T0 + (j + offset) * 7 * DAY + i * 1000, followers: 1000 + j, following: 10, posts: j, likes: null, views: null, exact: { followers: true, following: true, posts: true, likes: false, views: false }, source: 'auto', readerVersion: 1 };
      file.snapshots.push(last);
    }
    for (let p = 0; p < posts; p++) {
      const id = `${i}x${p + offset}`;
      file.posts.push({ key: `tiktok:${id}`, creatorKey: key, platform: 'tiktok', id, url: `https://www.tiktok.com/@${handle}/video/${100 + p}`, views: 10 * p, likes: p, comments: 0, shares: null, publishedText: null, saves: null, publishedAt: null, kind: null, exact: { views: false, likes: false, comments: false, shares: false, saves: false }, pinned: false, sponsored: false, collab: false, likesHidden: false, source: null, firstSeenAt: T0 + p, lastSeenAt: T0 + p + 1 } satisfies Post);
    }
    file.creators.push({
      key, platform: 'tiktok', handle, displayName: `Gen ${i}`, url: `https://www.tiktok.com/@${handle}`, savedAt: T0, firstSeenAt: T0, lastSeenAt: last?.takenAt ?? T0,
      latest: last && { takenAt: last.takenAt, followers: last.followers, following: last.following, posts: last.posts, likes: last.likes, views: last.views, exact: { ...last.exact } },
      lists: i % 2 ? ['Spring'] : [], tags: [], notes: '',
    } satisfies Creator);
  }
  return file;
}

/** The same database with a DBCore middleware that sees every write to snapshotYears before it happens. */
export function withWrites(db: LibraryDb, onWrite: (n: number, req: DBCoreMutateRequest) => void): LibraryDb {
  db.close();
  const other = track(new LibraryDb(db.name));
  let n = 0;
  other.use({
    stack: 'dbcore',
    name: 'watch-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'snapshotYears') return table;
        return { ...table, mutate: (req) => { onWrite(++n, req); return table.mutate(req); } };
      },
    }),
  });
  return other;
}

