/**
 * The contract every site reader fulfils (see ../shared/DESIGN.md "The reading").
 * Plain data only: a reading crosses a message boundary and is validated there.
 */
import type { Platform, PlatformFacts } from './platforms';

export type { Platform } from './platforms';

/** Where a number came from, in the order readers prefer them when both are exact. */
export type Source = 'dom' | 'json' | 'meta';

export const PROFILE_COUNTS = ['followers', 'following', 'posts', 'likes', 'views'] as const;
export type ProfileCount = (typeof PROFILE_COUNTS)[number];

export const POST_COUNTS = ['likes', 'comments', 'views', 'shares'] as const;
export type PostCount = (typeof POST_COUNTS)[number];

/** What a post is, as the site labels it; null where the page does not say. */
export const POST_KINDS = ['photo', 'carousel', 'reel', 'video', 'short'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** The per-post counts a page can carry. */
export const POST_METRICS = ['views', 'likes', 'comments', 'shares', 'saves'] as const;
export type PostMetric = (typeof POST_METRICS)[number];

/**
 * Where a recent post's numbers came from: the rendered grid (`dom`), data in the HTML the
 * reader parsed with the rest of the profile (`json`, `meta`), the per-post data a full page
 * load embedded (`embedded`), or a response the page's own app fetched (`network`; see
 * lib/capture/).
 */
export const POST_SOURCES = ['dom', 'json', 'meta', 'embedded', 'network'] as const;
export type PostSource = (typeof POST_SOURCES)[number];

export interface RecentPost {
  id: string;
  url: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  /** As the page words it ("3 days ago"); never turned into a date here. */
  publishedText: string | null;
  /** Milliseconds since the epoch, where the page's data carries the date. */
  publishedAt: number | null;
  kind: PostKind | null;
  /** true when the count is every digit (false: rounded, abbreviated or unknown). */
  exact: Record<PostMetric, boolean>;
  /** Pinned to the top of the profile (out of date order; left out of recent-post metrics). */
  pinned: boolean;
  /** The platform's paid-partnership flag or a disclosure tag in the caption. */
  sponsored: boolean;
  /** Made with co-authors (always owned by this creator: others' collabs are not kept). */
  collab: boolean;
  /** The owner hid like counts: `likes` is then null, never the placeholder the site sent. */
  likesHidden: boolean;
  source: PostSource;
}

/** What a post carries besides its id, address and source: the fields the reading, the capture and the library share. */
export type PostFacts = Omit<RecentPost, 'id' | 'url' | 'source'>;

const NOT_EXACT: Record<PostMetric, boolean> = { views: false, likes: false, comments: false, shares: false, saves: false };

/** Every fact of a post unknown: no counts (all approximate), no date or kind, no flags. */
export const UNKNOWN_POST_FACTS: Readonly<Omit<PostFacts, 'exact'>> = {
  views: null, likes: null, comments: null, shares: null, saves: null,
  publishedText: null, publishedAt: null, kind: null,
  pinned: false, sponsored: false, collab: false, likesHidden: false,
};

/** The facts of a post (a reading's, a captured one, a stored one), copied: its exact flags too. */
export function postFacts(p: PostFacts): PostFacts {
  return {
    views: p.views, likes: p.likes, comments: p.comments, shares: p.shares, saves: p.saves,
    publishedText: p.publishedText, publishedAt: p.publishedAt, kind: p.kind,
    exact: { ...p.exact },
    pinned: p.pinned, sponsored: p.sponsored, collab: p.collab, likesHidden: p.likesHidden,
  };
}

/** A recent post from what a reader found; every field it does not name is unknown (null / false). */
export function recentPost(
  fields: Pick<RecentPost, 'id' | 'url' | 'source'> & Partial<Omit<RecentPost, 'exact'>> & { exact?: Partial<Record<PostMetric, boolean>> },
): RecentPost {
  return { ...UNKNOWN_POST_FACTS, ...fields, exact: { ...NOT_EXACT, ...fields.exact } };
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

/**
 * What a URL is on its site, in the terms every site shares. Handles are lower case
 * (they are case-insensitive on all three sites). A profile's handle is null when the URL
 * names the creator another way (YouTube /channel/UC…, /c/…, /user/…): the page knows the
 * handle, the URL does not. A post's handle is null when its URL does not carry one
 * (Instagram /p/<id>/, every YouTube video).
 */
export type SiteRoute =
  | { kind: 'profile'; handle: string | null }
  | { kind: 'post'; id: string; handle: string | null };

/** A CSS selector with the reason it exists and the saved pages it must match (STYLE.md example 14). */
export interface Selector {
  selector: string;
  /** Why it is here: the generation of the page it belongs to, what it anchors on. */
  why: string;
  /**
   * Pages under tests/fixtures/ ("tiktok/captcha.html") on which it matches at least one
   * element; tests/unit/selectors.test.ts fails when it matches nothing on one of them.
   */
  witnesses: readonly string[];
  /** Pages the site itself served, under ../shared/real-captures/ (read in place, never copied), where it matches too. */
  real?: readonly string[];
  /**
   * Why no saved page shows it (then `witnesses` is empty). Every such selector is listed by
   * name in tests/unit/selectors.test.ts, so a new one cannot slip in unnoticed.
   */
  unwitnessed?: string;
}

/** One entry of the registry: a platform's facts (lib/sites/platforms.ts) and its reader. */
export interface Site extends PlatformFacts {
  /** Match patterns for the content script; the manifest's host permissions are the same (`matchesOf`). */
  matches: string[];
  /** The counts this site's profile header shows; a reading with all of them is complete. */
  profileCounts: readonly ProfileCount[];
  /** What the URL is on this site (a profile or a post), or null when it is neither or another site's. */
  route(url: URL): SiteRoute | null;
  /** true when the URL is a page this reader reads: a profile or a single post (`route(url) !== null`). */
  reads(url: URL): boolean;
  /**
   * Pure: reads the document as it is now. A reader bug may throw; `readPage` (registry.ts)
   * and the watcher (watch.ts) turn that into "not readable", so callers go through them.
   */
  read(doc: Document, url: URL): Reading;
}
