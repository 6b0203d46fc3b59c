/**
 * "The creator we are looking at", whether it comes from the page just read or from the
 * library: both end up as a ProfileReading, so the popup, the dashboard and the overlay
 * compute engagement, tiers and quotes the same way (lib/view/creator.ts, lib/roi/quote.ts).
 * A saved creator's counts keep their exactness (stored with them since v5); posts keep
 * what the page showed of them. Nothing is filled in.
 */
import type { Creator, Post } from '../schema';
import { PROFILE_COUNTS, type ProfileCount, type ProfileReading, type RecentPost } from '../sites/types';

const ALL_APPROX = Object.fromEntries(PROFILE_COUNTS.map((k) => [k, false])) as Record<ProfileCount, boolean>;

/** A recent post with the shares the library may know of it (a post page or the page's own data showed them). */
export type StoredRecentPost = RecentPost & { shares: number | null };

/**
 * Stored posts as the recent posts of a reading (most recently seen first, as stored), with
 * their shares: TikTok's engagement divides likes + comments + shares by views, so a post
 * without them has none (the creators table showed no TikTok engagement while they were dropped here).
 */
export function recentOf(posts: readonly Post[]): StoredRecentPost[] {
  return posts.map((p) => ({ id: p.id, url: p.url, views: p.views, likes: p.likes, comments: p.comments, shares: p.shares, publishedText: p.publishedText }));
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
