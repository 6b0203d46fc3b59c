/**
 * What the messages carry back and forth, as types: the background's answers and the views
 * it sends. Plain data (they cross a message boundary); no code here, so every side can
 * import them.
 */
import type { BenchmarkOverrides, TierBoundaries } from '../metrics/benchmarks';
import type { Assumptions, MarketCpmOverrides } from '../schema/settings';
import type { Platform, ProfileReading, Reading, RecentPost } from '../sites/types';

/** A request the background would not act on, and why (one sentence a user can read). */
export interface Refusal {
  ok: false;
  reason: string;
}

/** What the library did with a reading or a save. */
export type LibraryAck =
  | { ok: true; outcome: 'saved' | 'snapshot' | 'seen' | 'ignored' | 'post'; creatorKey: string | null; saved: boolean }
  | Refusal;

/** What the background knows about the creator on the page (sent with the reading's answer). */
export interface CreatorView {
  creatorKey: string;
  saved: boolean;
  lists: string[];
  /** Every list name in the library, for "add to list". */
  allLists: string[];
  /**
   * The creator's posts the library keeps (saved or recorded creators), with what earlier
   * visits showed of them (a post page's likes, shares): the panel and the popup figure
   * engagement on these merged with the page's, as the dashboard does (lib/view/creator.ts).
   */
  recent?: (RecentPost & { shares: number | null })[];
  /** The latest snapshot before this visit, for growth. */
  previous: { takenAt: number; followers: number | null } | null;
  settings: {
    currency: string;
    assumptions: Assumptions;
    tierBoundaries: TierBoundaries;
    benchmarkOverrides: BenchmarkOverrides;
    /** The user's market CPM ranges per platform ({} = the named source's). */
    marketCpm?: MarketCpmOverrides;
  };
}

/** On a post page: the campaigns its creator is booked in, and whether this post is marked as a deliverable there. */
export interface PostBooking {
  bookingId: number;
  campaign: string;
  marked: boolean;
}

/** A reading is accepted (or refused) first; the library's answer comes with it, and for a
 * profile, what the overlay needs to know about the creator. */
export type ReadingAck = { ok: true; library: LibraryAck; view: CreatorView | null; bookings?: PostBooking[] } | Refusal;

export type ListAck = (LibraryAck & { view?: CreatorView }) | Refusal;
export type DealAck = { ok: true; dealId: number } | Refusal;
export type MarkAck = { ok: true; bookings: PostBooking[] } | Refusal;

export interface TabReading {
  reading: Reading;
  /** ms since epoch, when the background accepted it. */
  receivedAt: number;
}

export interface RecentCreator {
  key: string;
  platform: Platform;
  handle: string;
  displayName: string | null;
  url: string;
  followers: number | null;
  lastSeenAt: number;
}

/** Everything the popup shows for a tab, in one answer. */
export interface PopupState {
  /** The site of the tab, when it is one Creator Lens reads. */
  platform: Platform | null;
  subject: {
    reading: ProfileReading;
    /** "page": read from the open tab now; "library": the latest saved snapshot. */
    source: 'page' | 'library';
    /** When the numbers were read. */
    seenAt: number;
    view: CreatorView | null;
  } | null;
  /** Why the tab shows no creator, in one sentence. */
  message: string;
  recent: RecentCreator[];
  settings: CreatorView['settings'];
  libraryError: string | null;
}
