/** What the overlay and the popup need to know about a creator in the library, in one read. */
import type { LibraryDb } from '../db/db';
import { listNames } from '../db/creators';
import { postsOf } from '../db/posts';
import { getSettings } from '../db/settings';
import { recentOf } from './as-reading';
import type { CreatorView } from '../protocol/payloads';
import type { Creator, Settings } from '../schema';

/** The settings the overlay and the popup weigh a creator with. */
export const viewSettings = (s: Settings): CreatorView['settings'] => ({ currency: s.currency, assumptions: s.assumptions, tierBoundaries: s.tierBoundaries, benchmarkOverrides: s.benchmarkOverrides, marketCpm: s.marketCpm });

/** Saved, lists, the snapshot before this visit, settings (read unless given). */
export async function creatorView(db: LibraryDb, creatorKey: string, previous: Creator['latest'] | undefined, known?: Settings): Promise<CreatorView> {
  const [creator, allLists, settings, posts] = await Promise.all([db.creators.get(creatorKey), listNames(db), known ?? getSettings(db), postsOf(db, creatorKey)]);
  return {
    creatorKey,
    saved: creator?.savedAt != null,
    lists: creator?.lists ?? [],
    allLists,
    recent: recentOf(posts),
    previous: previous ? { takenAt: previous.takenAt, followers: previous.followers } : null,
    settings: viewSettings(settings),
  };
}
