/**
 * One protocol map for every message in the extension, named by direction
 * (cs = content script, bg = background, ui = popup and extension pages), typed with
 * @webext-core/messaging. The protocol is the lowest room: its payload types live in
 * payloads.ts and its request schemas in requests.ts; the background and the UI import
 * them from here, never the other way round. Every message reaches one validating handler
 * (lib/background/handlers.ts) or is refused with a reason.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Reading } from '../sites/types';
import type { DealAck, LibraryAck, ListAck, MarkAck, PopupState, ReadingAck, Refusal, TabReading } from './payloads';
import type { KeepDealRequest, OpenDashboardRequest, UiKeepDealRequest } from './requests';

export type * from './payloads';
export type { KeepDealRequest, OpenDashboardRequest, UiKeepDealRequest } from './requests';

export interface ProtocolMap {
  /** A content script read a page (one per profile view). The background validates it. */
  'cs→bg:reading'(reading: Reading): ReadingAck;
  /** "Save this creator" from the page: the one the sender's tab shows, if it is still `creatorKey`. */
  'cs→bg:save'(request: { creatorKey: string }): LibraryAck;
  /** Adds the creator the sender's tab shows to a list (saving it first when needed). */
  'cs→bg:add-to-list'(request: { creatorKey: string; list: string }): ListAck;
  /** Marks the post the sender's tab shows as a deliverable of a booking. */
  'cs→bg:mark-post'(request: { bookingId: number }): MarkAck;
  /** Keeps a quote for the creator the sender's tab shows as a deal. */
  'cs→bg:keep-deal'(request: KeepDealRequest): DealAck;
  /** Opens the dashboard in a new tab from the panel (a page cannot open an extension page itself). */
  'cs→bg:open-dashboard'(request: OpenDashboardRequest): { ok: true } | Refusal;
  /** "Save" from the popup, for the creator in a tab. */
  'ui→bg:save-tab'(request: { tabId: number; creatorKey: string }): LibraryAck;
  /** The popup asks what was read in a tab. */
  'ui→bg:tab-reading'(tabId: number): TabReading | null | Refusal;
  /** Everything the popup shows for the active tab, in one answer. */
  'ui→bg:popup'(request: { tabId?: number | null; url?: string | null }): PopupState | Refusal;
  /** Keeps the popup's quote as a deal (the background recomputes the projection). */
  'ui→bg:keep-deal'(request: UiKeepDealRequest): DealAck;
}

export type MessageName = keyof ProtocolMap;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
