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
import { instagramRoute } from '../sites/instagram/read';
import { tiktokRoute } from '../sites/tiktok/read';
import type { Platform } from '../sites/types';
import { youtubeRoute } from '../sites/youtube/read';
import { tabReading } from './tab-readings';

const PLATFORM_OF: Record<string, Platform> = { 'www.instagram.com': 'instagram', 'www.youtube.com': 'youtube', 'www.tiktok.com': 'tiktok' };

/** The creator a URL names, as a library key (profiles and posts whose URL carries the handle). */
export function creatorKeyFromUrl(raw: string | undefined): string | null {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    return null;
  }
  const ig = instagramRoute(url);
  if (ig?.kind === 'profile' || (ig?.kind === 'post' && ig.handle)) return creatorKeyOf('instagram', ig.handle!);
  const tt = tiktokRoute(url);
  if (tt) return creatorKeyOf('tiktok', tt.handle);
  const yt = youtubeRoute(url);
  if (yt?.kind === 'channel' && yt.ref.type === 'handle') return creatorKeyOf('youtube', yt.ref.value);
  return null;
}

export async function popupState(db: LibraryDb, tabId: number | undefined, tabUrl: string | undefined): Promise<PopupState> {
  let platform: Platform | null = null;
  try {
    platform = PLATFORM_OF[new URL(tabUrl ?? '').hostname] ?? null;
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
