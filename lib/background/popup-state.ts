/**
 * ui→bg:popup — what the popup shows for a tab, in one answer: the creator the tab shows
 * (from the page's validated reading, or from the library when the page has not been read
 * in this session), what the library knows about it, the user's settings, and — when the
 * tab is no profile — the most recently seen saved creators. One message, so the popup
 * paints after one round trip and carries neither Dexie nor zod.
 */
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { ensureOpen } from '../db/open';
import { postsOf } from '../db/posts';
import { getSettings } from '../db/settings';
import { snapshotsOf } from '../db/snapshots';
import { creatorKeyOf } from '../keys';
import { readingFromLibrary } from '../library/as-reading';
import { creatorView, viewSettings } from '../library/creator-view';
import type { CreatorView, PopupState, RecentCreator } from '../protocol/payloads';
import { DEFAULT_SETTINGS } from '../schema';
import { platformOfHost, type Platform } from '../sites/platforms';
import { creatorKeyFromUrl } from '../sites/routes';
import { tabReading } from './tab-readings';

export async function popupState(db: LibraryDb, tabId: number | undefined, tabUrl: string | undefined): Promise<PopupState> {
  let platform: Platform | null = null;
  try {
    platform = platformOfHost(new URL(tabUrl ?? '').hostname);
  } catch {
    platform = null;
  }
  const urlKey = creatorKeyFromUrl(tabUrl);
  const kept = tabId === undefined ? null : await tabReading(tabId);
  const reading = kept?.reading;
  // A reading is for the page the tab showed then: when the tab has moved to another creator, it is stale.
  const live = reading?.kind === 'profile' && (!urlKey || creatorKeyOf(reading.platform, reading.handle) === urlKey) ? reading : null;

  let libraryError: string | null = null;
  let settings: CreatorView['settings'] | null = null;
  let subject: PopupState['subject'] = null;
  let recent: RecentCreator[] = [];
  try {
    await ensureOpen(db);
    const s = await getSettings(db);
    settings = viewSettings(s);
    if (live && kept) {
      const key = creatorKeyOf(live.platform, live.handle);
      const before = (await snapshotsOf(db, key)).filter((x) => x.takenAt < kept.receivedAt).at(-1);
      subject = { reading: live, source: 'page', seenAt: kept.receivedAt, view: await creatorView(db, key, before, s) };
    } else if (urlKey) {
      const creator = await db.creators.get(urlKey);
      if (creator?.latest) {
        const [snapshots, posts] = await Promise.all([snapshotsOf(db, urlKey), postsOf(db, urlKey)]);
        subject = { reading: readingFromLibrary(creator, posts), source: 'library', seenAt: creator.latest.takenAt, view: await creatorView(db, urlKey, snapshots.at(-2), s) };
      }
    }
    if (!subject) {
      // Newest first through the lastSeenAt index: a few rows read, not the whole library.
      recent = (await db.creators.orderBy('lastSeenAt').reverse().filter((c) => c.savedAt !== null).limit(6).toArray()).map((c) => ({
        key: c.key, platform: c.platform, handle: c.handle, displayName: c.displayName, url: c.url, followers: c.latest?.followers ?? null, lastSeenAt: c.lastSeenAt,
      }));
    }
  } catch (error) {
    libraryError = describeDbError(error);
    if (live && kept) subject = { reading: live, source: 'page', seenAt: kept.receivedAt, view: null };
  }

  const message = subject
    ? ''
    : reading?.kind === 'unreadable'
      ? reading.message
      : urlKey
        ? 'This profile has not been read yet. Reload the page, or wait until it has loaded.'
        : platform
          ? 'This page is not a creator profile. Open a profile to see its numbers here.'
          : 'Open a creator’s profile on Instagram, YouTube or TikTok to weigh it here.';
  return {
    platform,
    subject,
    message,
    recent,
    settings: settings ?? viewSettings(DEFAULT_SETTINGS),
    libraryError,
  };
}
