/**
 * "The creator we are looking at", whether it comes from the page just read or from the
 * library: both end up as a ProfileReading, so the popup, the dashboard and the overlay
 * compute engagement, tiers and quotes the same way (lib/view/creator.ts, lib/roi/quote.ts).
 * A saved creator's counts keep their exactness (stored with them since v5); posts keep
 * what the page showed of them. Nothing is filled in.
 */
import type { Creator, Post } from '../schema';
import { postFacts, PROFILE_COUNTS, type ProfileCount, type ProfileReading, type RecentPost } from '../sites/types';

const ALL_APPROX = Object.fromEntries(PROFILE_COUNTS.map((k) => [k, false])) as Record<ProfileCount, boolean>;

/** A recent post as the library keeps it (with its shares, since v6 everything the page's data said). */
export type StoredRecentPost = RecentPost;

/** Stored posts as the recent posts of a reading (most recently seen first, as stored). */
export function recentOf(posts: readonly Post[]): RecentPost[] {
  // Stored before v6, a post's source was not kept; a grid's is the least it can be.
  return posts.map((p) => ({ id: p.id, url: p.url, ...postFacts(p), source: p.source ?? 'dom' }));
}

/** A saved creator as a reading: the latest numbers, exact where the page showed them in full. */
export function readingFromLibrary(creator: Creator, posts: readonly Post[]): ProfileReading {
  const latest = creator.latest;
  return {
    kind: 'profile',
    platform: creator.platform,
    handle: creator.handle,
    displayName: creator.displayName,
    url: creator.url,
    followers: latest?.followers ?? null,
    following: latest?.following ?? null,
    posts: latest?.posts ?? null,
    likes: latest?.likes ?? null,
    views: latest?.views ?? null,
    exact: latest ? { ...latest.exact } : { ...ALL_APPROX },
    sources: {},
    recent: recentOf(posts),
  };
}
