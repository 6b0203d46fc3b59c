/**
 * The background's message handlers as the tests call them: every call goes through the
 * same validating table the extension registers (lib/background/handlers.ts), so a test of
 * a refusal tests what a sender really meets.
 */
import { dispatch, validateRequest } from '../../lib/background/handlers';
import { browser } from 'wxt/browser';
import { keepTabReading, tabReading, type Sender } from '../../lib/background/tab-readings';
import type { LibraryDb } from '../../lib/db/db';
import type { Reading } from '../../lib/sites/types';

/** A content script's sender as the browser describes it: its tab, and the page's URL (the tab's last reading's, else the site's home). */
async function inTab(tabId: number | undefined): Promise<Sender> {
  if (tabId === undefined) return {};
  const reading = (await tabReading(tabId))?.reading;
  return { tab: { id: tabId }, url: reading && 'url' in reading ? reading.url : 'https://www.tiktok.com/' };
}

/** The popup or the dashboard, as the browser describes them. */
export const extensionPage = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

export const onReading = (db: LibraryDb, raw: unknown, sender: Sender, now?: number) => dispatch(db, 'cs→bg:reading', raw, sender, now);
export const saveTab = async (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:save', raw, await inTab(tabId), now);
export const addTabToList = async (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:add-to-list', raw, await inTab(tabId), now);
export const keepDeal = async (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:keep-deal', raw, await inTab(tabId), now);
export const markTabPost = async (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:mark-post', raw, await inTab(tabId), now);
export const saveFromUi = (db: LibraryDb, raw: unknown, now?: number) => dispatch(db, 'ui→bg:save-tab', raw, extensionPage(), now);
export const keepDealFromUi = (db: LibraryDb, raw: unknown, now?: number) => dispatch(db, 'ui→bg:keep-deal', raw, extensionPage(), now);

/** cs→bg:reading's first steps without the library: validated by the table, then kept for the tab. */
export async function acceptReading(raw: unknown, sender: Sender, now?: number) {
  const valid = validateRequest('cs→bg:reading', raw);
  return valid.ok ? keepTabReading(valid.data as Reading, sender, now) : valid;
}
