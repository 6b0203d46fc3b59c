/**
 * The contract every site reader fulfils (see ../shared/DESIGN.md "The reading").
 * Plain data only: a reading crosses a message boundary and is validated there.
 */

export type Platform = 'instagram' | 'youtube' | 'tiktok';

/** Where a number came from, in the order readers prefer them when both are exact. */
export type Source = 'dom' | 'json' | 'meta';

export const PROFILE_COUNTS = ['followers', 'following', 'posts', 'likes', 'views'] as const;
export type ProfileCount = (typeof PROFILE_COUNTS)[number];

export const POST_COUNTS = ['likes', 'comments', 'views', 'shares'] as const;
export type PostCount = (typeof POST_COUNTS)[number];

export interface RecentPost {
  id: string;
  url: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  /** As the page words it ("3 days ago"); never turned into a date here. */
  publishedText: string | null;
}

export interface ProfileReading {
  kind: 'profile';
  platform: Platform;
  /** Lower-case handle without "@" (YouTube: the @handle, or the channel id when none is known). */
  handle: string;
  displayName: string | null;
  url: string;
  /** followers on Instagram/TikTok, subscribers on YouTube. */
  followers: number | null;
  following: number | null;
  /** posts (Instagram), videos (YouTube, TikTok). */
  posts: number | null;
  /** total likes received (TikTok). */
  likes: number | null;
  /** channel total views (YouTube About). */
  views: number | null;
  /** true when the page printed every digit of that count. */
  exact: Record<ProfileCount, boolean>;
  sources: Partial<Record<ProfileCount, Source>>;
  recent: RecentPost[];
}

export interface PostReading {
  kind: 'post';
  platform: Platform;
  handle: string | null;
  id: string;
  url: string;
  likes: number | null;
  comments: number | null;
  views: number | null;
  shares: number | null;
  exact: Record<PostCount, boolean>;
  sources: Partial<Record<PostCount, Source>>;
}

export const UNREADABLE_REASONS = [
  'not-a-profile', // the URL is not a creator's profile or post (home, search, settings...)
  'not-a-creator', // a topic / gaming / auto-generated page
  'not-found', // the account does not exist
  'private', // the account is private and shows no counts
  'login-wall', // the site asks to log in before showing counts
  'error-page', // the site's own error page
  'loading', // the page has not rendered this profile yet (in-page navigation)
  'no-stats', // nothing we recognise: a layout we do not know
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

export interface Unreadable {
  kind: 'unreadable';
  platform: Platform;
  reason: UnreadableReason;
  /** One sentence a user can read. */
  message: string;
}

export type Reading = ProfileReading | PostReading | Unreadable;

export interface Site {
  id: Platform;
  /** Match patterns for the content script and the manifest. */
  matches: string[];
  /** The counts this site's profile header shows; a reading with all of them is complete. */
  profileCounts: readonly ProfileCount[];
  /** true when the URL is a page this reader reads (profile or single post). */
  isProfileUrl(url: URL): boolean;
  /** Pure: reads the document as it is now. Never throws (see `safeRead`). */
  read(doc: Document, url: URL): Reading;
}
