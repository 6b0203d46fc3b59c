/**
 * cs→bg:save, ui→bg:save-tab and cs→bg:add-to-list — "save this creator" saves the reading
 * the background already validated for that tab, never numbers sent with the request, and
 * only when it is still the creator the user asked for (the tab may have moved on).
 */
import type { LibraryDb } from '../db/db';
import { addToList } from '../db/creators';
import { describeDbError } from '../db/errors';
import { ensureOpen } from '../db/open';
import { saveCreator } from '../db/record';
import { history } from '../db/snapshots';
import { creatorKeyOf } from '../keys';
import { creatorView } from '../library/creator-view';
import type { LibraryAck, ListAck } from '../protocol/payloads';
import { tabCreator, tabReading } from './tab-readings';

/** Saves the creator whose profile is open in `tabId`; `creatorKey` names the creator the user saw when asking. */
export async function saveTab(db: LibraryDb, tabId: number | undefined, request: { creatorKey: string }, now = Date.now()): Promise<LibraryAck> {
  if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0) return { ok: false, reason: 'Saving needs the tab the creator is open in.' };
  const kept = await tabReading(tabId);
  const reading = kept?.reading;
  if (!reading || reading.kind !== 'profile') return { ok: false, reason: 'This tab shows no creator profile that could be read, so there is nothing to save.' };
  const key = creatorKeyOf(reading.platform, reading.handle);
  if (key !== request.creatorKey) return { ok: false, reason: `The tab now shows ${key}, not ${request.creatorKey}; nothing was saved.` };
  try {
    await ensureOpen(db);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  const saved = await saveCreator(db, reading, now);
  return saved.ok ? { ok: true, outcome: 'saved', creatorKey: key, saved: true } : saved;
}

/** Saves the creator of the tab if needed, then adds it to the list. */
export async function addTabToList(db: LibraryDb, tabId: number | undefined, request: { creatorKey: string; list: string }, now = Date.now()): Promise<ListAck> {
  const { creatorKey, list } = request;
  // Only the creator the sender's tab shows (saved or not): a page cannot file another creator.
  const shown = await tabCreator(tabId);
  if (shown !== creatorKey) return { ok: false, reason: shown ? `The tab now shows ${shown}, not ${creatorKey}; nothing was added.` : 'This tab shows no creator profile that could be read; nothing was added.' };
  const existing = await db.creators.get(creatorKey).catch(() => undefined);
  if (!existing?.savedAt) {
    const saved = await saveTab(db, tabId, { creatorKey }, now);
    if (!saved.ok) return saved;
  }
  try {
    await addToList(db, [creatorKey], list);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  const previous = (await history(db, creatorKey)).at(-2);
  return { ok: true, outcome: 'saved', creatorKey, saved: true, view: await creatorView(db, creatorKey, previous ?? null) };
}
