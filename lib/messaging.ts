/**
 * One protocol map for every message in the extension, named by direction
 * (cs = content script, bg = background, ui = popup and extension pages).
 * Typed with @webext-core/messaging rather than hand-rolled sendMessage wrappers.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Reading } from './sites/types';

export type Ack = { ok: true } | { ok: false; reason: string };

export interface TabReading {
  reading: Reading;
  /** ms since epoch, when the background accepted it. */
  receivedAt: number;
}

export interface ProtocolMap {
  /** A content script read a page (one per profile view). The background validates it. */
  'cs→bg:reading'(reading: Reading): Ack;
  /** The popup asks what was read in a tab. */
  'ui→bg:tab-reading'(tabId: number): TabReading | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
