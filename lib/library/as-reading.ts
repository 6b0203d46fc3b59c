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

/** A recent post as the library keeps it (with its shares, since v6 everything the page's data said). */
export type StoredRecentPost = RecentPost;

/** Stored posts as the recent posts of a reading (most recently seen first, as stored). */
export function recentOf(posts: readonly Post[]): RecentPost[] {
  return posts.map((p) => ({
    id: p.id,
    url: p.url,
    views: p.views,
    likes: p.likes,
    comments: p.comments,
    shares: p.shares,
    saves: p.saves,
    publishedText: p.publishedText,
    publishedAt: p.publishedAt,
    kind: p.kind,
    exact: { ...p.exact },
    pinned: p.pinned,
    sponsored: p.sponsored,
    collab: p.collab,
    likesHidden: p.likesHidden,
    // Stored before v6: where its numbers came from was not kept; a grid's is the least it can be.
    source: p.source ?? 'dom',
  }));
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
