/**
 * One protocol map for every message in the extension, named by direction
 * (cs = content script, bg = background, ui = popup and extension pages).
 * Typed with @webext-core/messaging rather than hand-rolled sendMessage wrappers.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PopupState } from './background/popup';
import type { CreatorView } from './view/creator';
import type { Estimate } from './roi/range';
import type { Assumptions } from './schema';
import type { Deliverable } from './roi/project';
import type { Reading } from './sites/types';


/** What the library did with a reading or a save. */
export type LibraryAck =
  | { ok: true; outcome: 'saved' | 'snapshot' | 'seen' | 'ignored' | 'post'; creatorKey: string | null; saved: boolean }
  | { ok: false; reason: string };

/** A reading is accepted (or refused) first; the library's answer comes with it, and for a
 * profile, what the overlay needs to know about the creator. */
export type ReadingAck = { ok: true; library: LibraryAck; view: CreatorView | null; bookings?: PostBooking[] } | { ok: false; reason: string };

/** On a post page: the campaigns its creator is booked in, and whether this post is marked as a deliverable there. */
export interface PostBooking {
  bookingId: number;
  campaign: string;
  marked: boolean;
}

/** A quote typed in the overlay, to keep as a deal (the background recomputes the projection). */
export interface KeepDealRequest {
  creatorKey: string;
  fee: number;
  currency: string;
  deliverable: Deliverable;
}

/** A quote from the popup: its form's assumptions, for the creator in a tab (or a saved one: tabId null). */
export interface UiKeepDealRequest extends KeepDealRequest {
  tabId: number | null;
  assumptions: Assumptions;
  impressions: Estimate | null;
}

export interface TabReading {
  reading: Reading;
  /** ms since epoch, when the background accepted it. */
  receivedAt: number;
}

export interface ProtocolMap {
  /** A content script read a page (one per profile view). The background validates it. */
  'cs→bg:reading'(reading: Reading): ReadingAck;
  /** "Save this creator" from the page: the one the sender's tab shows, if it is still `creatorKey`. */
  'cs→bg:save'(request: { creatorKey: string }): LibraryAck;
  /** Adds the creator the sender's tab shows to a list (saving it first when needed). */
  'cs→bg:add-to-list'(request: { creatorKey: string; list: string }): LibraryAck & { view?: CreatorView };
  /** Marks the post the sender's tab shows as a deliverable of a booking. */
  'cs→bg:mark-post'(request: { bookingId: number }): { ok: true; bookings: PostBooking[] } | { ok: false; reason: string };
  /** Keeps a quote for the creator the sender's tab shows as a deal. */
  'cs→bg:keep-deal'(request: KeepDealRequest): { ok: true; dealId: number } | { ok: false; reason: string };
  /** "Save" from the popup, for the creator in a tab. */
  'ui→bg:save-tab'(request: { tabId: number; creatorKey: string }): LibraryAck;
  /** The popup asks what was read in a tab. */
  'ui→bg:tab-reading'(tabId: number): TabReading | null;
  /** Everything the popup shows for the active tab, in one answer. */
  'ui→bg:popup'(request: { tabId: number | null; url: string | null }): PopupState;
  /** Keeps the popup's quote as a deal (the background recomputes the projection). */
  'ui→bg:keep-deal'(request: UiKeepDealRequest): { ok: true; dealId: number } | { ok: false; reason: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
