/**
 * The latest validated reading per tab. Kept in storage.session so it survives the MV3
 * service worker stopping between messages, and disappears with the browser session.
 * What lasts is recorded in the library (readings.ts).
 */
import { browser } from 'wxt/browser';
import type { Refusal, TabReading } from '../protocol/payloads';
import { creatorKeyOf } from '../keys';
import { platformOfHost } from '../sites/platforms';
import type { Reading } from '../sites/types';

const key = (tabId: number) => `tab-reading:${tabId}`;

/** Who sent a message, as the browser tells the background. */
export interface Sender {
  /** The sender's tab, and its address (given to us for the sites we have host permission for). */
  tab?: { id?: number; url?: string };
  url?: string;
  /** The sending extension's id (ours: no other extension can message us). */
  id?: string;
}

/** The creator key of the profile the tab shows now (its validated reading), or null. */
export async function tabCreator(tabId: number | undefined): Promise<string | null> {
  if (tabId === undefined) return null;
  const reading = (await tabReading(tabId))?.reading;
  return reading?.kind === 'profile' ? creatorKeyOf(reading.platform, reading.handle) : null;
}

/** Keeps a validated reading for its tab, when its page is the sender's (a page cannot send another site's numbers). */
export async function keepTabReading(reading: Reading, sender: Sender, now = Date.now()): Promise<{ ok: true; reading: Reading } | Refusal> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, reason: 'Readings are only accepted from a tab.' };
  let senderHost: string | null = null;
  try {
    senderHost = sender.url ? new URL(sender.url).hostname : null;
  } catch {
    senderHost = null;
  }
  if (!senderHost || platformOfHost(senderHost) !== reading.platform) {
    return { ok: false, reason: `A ${reading.platform} reading cannot come from ${senderHost ?? 'an unknown page'}.` };
  }
  const entry: TabReading = { reading, receivedAt: now };
  try {
    await browser.storage.session.set({ [key(tabId)]: entry });
  } catch (error) {
    return { ok: false, reason: `Could not keep the reading: ${(error as Error).message}` };
  }
  return { ok: true, reading };
}

export async function tabReading(tabId: number): Promise<TabReading | null> {
  const got = await browser.storage.session.get(key(tabId));
  return (got[key(tabId)] as TabReading | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
