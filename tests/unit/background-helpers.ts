/**
 * The background's message handlers as the tests call them: every call goes through the
 * same validating table the extension registers (lib/background/handlers.ts), so a test of
 * a refusal tests what a sender really meets.
 */
import { dispatch, validateRequest } from '../../lib/background/handlers';
import { keepTabReading, type Sender } from '../../lib/background/tab-readings';
import type { LibraryDb } from '../../lib/db/db';
import type { Reading } from '../../lib/sites/types';

const inTab = (tabId: number | undefined): Sender => (tabId === undefined ? {} : { tab: { id: tabId } });

export const onReading = (db: LibraryDb, raw: unknown, sender: Sender, now?: number) => dispatch(db, 'cs→bg:reading', raw, sender, now);
export const saveTab = (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:save', raw, inTab(tabId), now);
export const addTabToList = (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:add-to-list', raw, inTab(tabId), now);
export const keepDeal = (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:keep-deal', raw, inTab(tabId), now);
export const markTabPost = (db: LibraryDb, tabId: number | undefined, raw: unknown, now?: number) => dispatch(db, 'cs→bg:mark-post', raw, inTab(tabId), now);
export const saveFromUi = (db: LibraryDb, raw: unknown, now?: number) => dispatch(db, 'ui→bg:save-tab', raw, {}, now);
export const keepDealFromUi = (db: LibraryDb, raw: unknown, now?: number) => dispatch(db, 'ui→bg:keep-deal', raw, {}, now);

/** cs→bg:reading's first steps without the library: validated by the table, then kept for the tab. */
export async function acceptReading(raw: unknown, sender: Sender, now?: number) {
  const valid = validateRequest('cs→bg:reading', raw);
  return valid.ok ? keepTabReading(valid.data as Reading, sender, now) : valid;
}
