/**
 * Instagram's embedded data of 2017–21 (gone from served pages since 2022, still in every
 * saved or archived page of those years): `window._sharedData = {…}` describes the page as
 * first loaded (`entry_data.ProfilePage[0].graphql.user`, `entry_data.PostPage[0].graphql
 * .shortcode_media`), and 2019–21 post pages may put the post in
 * `window.__additionalDataLoaded('/p/<id>/', {graphql: {shortcode_media}})` instead. Its
 * counts are exact. The reader looks here only when the page and its meta tags leave a count
 * unknown or rounded, and the script text is searched once per page view (common.ts). Every
 * record is used only when it names the URL's user or post: after in-page navigation it
 * describes the first page.
 */
import { dig, embeddedJson, jsonCandidate, same, str, type Candidate } from '../common';
import { recentPost, type PostKind, type RecentPost } from '../types';

const SHARED_DATA = 'window._sharedData';

export interface EmbeddedProfile {
  fullName: string | null;
  followers: Candidate | null;
  following: Candidate | null;
  posts: Candidate | null;
  /** The newest posts with their counts, newest first (the profile's own only). */
  recent: RecentPost[];
}

export interface EmbeddedPost {
  owner: string | null;
  likes: Candidate | null;
  comments: Candidate | null;
  /** Videos only; photos and carousels have none. */
  views: Candidate | null;
}

const count = (value: unknown) => jsonCandidate(dig(value, 'count'), true);

export function embeddedProfile(doc: Document, handle: string): EmbeddedProfile | null {
  const user = dig(embeddedJson(doc, SHARED_DATA), 'entry_data', 'ProfilePage', 0, 'graphql', 'user');
  if (!same(dig(user, 'username'), handle)) return null;
  const id = str(dig(user, 'id'));
  const edges = dig(user, 'edge_owner_to_timeline_media', 'edges');
  const recent: RecentPost[] = [];
  for (const edge of Array.isArray(edges) ? edges : []) {
    const node = dig(edge, 'node');
    const code = str(dig(node, 'shortcode'));
    if (!code || (id && str(dig(node, 'owner', 'id')) !== id)) continue;
    const media = mediaCounts(node);
    const taken = dig(node, 'taken_at_timestamp');
    recent.push(recentPost({
      id: code,
      url: `https://www.instagram.com/p/${code}/`,
      views: media.views?.count.value ?? null,
      likes: media.likes?.count.value ?? null,
      comments: media.comments?.count.value ?? null,
      exact: { views: media.views?.count.exact ?? false, likes: media.likes?.count.exact ?? false, comments: media.comments?.count.exact ?? false },
      // Seconds since the epoch in the page's own data (2017–2022 shared data).
      publishedAt: Number.isSafeInteger(taken) && (taken as number) > 0 ? (taken as number) * 1000 : null,
      kind: KIND_OF_TYPENAME[str(dig(node, '__typename')) ?? ''] ?? null,
      source: 'json',
    }));
  }
  return {
    fullName: str(dig(user, 'full_name')) || null,
    followers: count(dig(user, 'edge_followed_by')),
    following: count(dig(user, 'edge_follow')),
    posts: count(dig(user, 'edge_owner_to_timeline_media')),
    recent,
  };
}

export function embeddedPost(doc: Document, id: string): EmbeddedPost | null {
  let media = dig(embeddedJson(doc, SHARED_DATA), 'entry_data', 'PostPage', 0, 'graphql', 'shortcode_media');
  if (str(dig(media, 'shortcode')) !== id) {
    // The path names the post, so a call for another one is never parsed.
    media = dig(embeddedJson(doc, new RegExp(`__additionalDataLoaded\\(\\s*'/(?:p|reel|tv)/${id}/'\\s*,\\s*`)), 'graphql', 'shortcode_media');
  }
  if (str(dig(media, 'shortcode')) !== id) return null;
  return { owner: str(dig(media, 'owner', 'username')), ...mediaCounts(media) };
}

/** Likes, comments and views of a 2017–21 media record (a post page's or a timeline node). */
const KIND_OF_TYPENAME: Record<string, PostKind> = { GraphImage: 'photo', GraphSidecar: 'carousel', GraphVideo: 'video' };

function mediaCounts(media: unknown): Omit<EmbeddedPost, 'owner'> {
  const video = dig(media, 'is_video') === true;
  return {
    // `edge_media_preview_like` is what the page showed; `edge_liked_by` the older name.
    likes: count(dig(media, 'edge_media_preview_like')) ?? count(dig(media, 'edge_liked_by')),
    // 2019–: top-level comments (`edge_media_to_parent_comment`), as the page counted them.
    comments: count(dig(media, 'edge_media_to_parent_comment')) ?? count(dig(media, 'edge_media_to_comment')),
    // Reels carry plays beside views; plays are the count the app shows (as lib/sites/instagram/posts.ts reads).
    views: video ? jsonCandidate(dig(media, 'video_play_count'), true) ?? jsonCandidate(dig(media, 'video_view_count'), true) : null,
  };
}
