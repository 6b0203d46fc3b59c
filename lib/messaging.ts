/**
 * One protocol map for every message in the extension, named by direction
 * (cs = content script, bg = background, ui = popup and extension pages).
 * Typed with @webext-core/messaging rather than hand-rolled sendMessage wrappers.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Reading } from './sites/types';


/** What the library did with a reading or a save. */
export type LibraryAck =
  | { ok: true; outcome: 'saved' | 'snapshot' | 'seen' | 'ignored' | 'post'; creatorKey: string | null; saved: boolean }
  | { ok: false; reason: string };

/** A reading is accepted (or refused) first; the library's answer comes with it. */
export type ReadingAck = { ok: true; library: LibraryAck } | { ok: false; reason: string };

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
  /** "Save" from the popup, for the creator in a tab. */
  'ui→bg:save-tab'(request: { tabId: number; creatorKey: string }): LibraryAck;
  /** The popup asks what was read in a tab. */
  'ui→bg:tab-reading'(tabId: number): TabReading | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
