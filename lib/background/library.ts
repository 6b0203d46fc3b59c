/**
 * The background's side of the library: every reading a content script sends is validated
 * (tab-readings.ts), kept for its tab and then recorded (automatic snapshots of saved
 * creators, post observations); "save this creator" saves the reading the background
 * already validated for that tab — never numbers sent with the request — and only when
 * it is still the creator the user asked for (the tab may have moved on).
 * Every failure comes back as a reason; nothing half-written is kept.
 */
import { z } from 'zod';
import type { LibraryAck, ReadingAck } from '../messaging';
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { creatorKeyOf, recordReading, saveCreator } from '../db/record';
import { acceptReading, tabReading, type Sender } from './tab-readings';

/** How long an open may wait on an older connection before the user is told why. */
export const BLOCKED_AFTER_MS = 3_000;

/**
 * Opens the library, or fails with a BlockedError when another extension page holds an
 * older version open for longer than `blockedAfterMs` (the open goes on in the background
 * and succeeds once that page is closed).
 */
export async function ensureOpen(db: LibraryDb, blockedAfterMs = BLOCKED_AFTER_MS): Promise<void> {
  if (db.isOpen()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onBlocked: (() => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    const fail = () => reject(Object.assign(new Error('The library upgrade is blocked by an older connection.'), { name: 'BlockedError' }));
    onBlocked = () => {
      timer ??= setTimeout(fail, blockedAfterMs);
    };
    db.on('blocked', onBlocked);
  });
  const opening = db.open();
  try {
    await Promise.race([opening, blocked]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onBlocked) db.on('blocked').unsubscribe(onBlocked);
    opening.catch(() => undefined); // a later call reports it again
  }
}

/** cs→bg:reading — validate, keep for the tab, record in the library. */
export async function onReading(db: LibraryDb, raw: unknown, sender: Sender, now = Date.now()): Promise<ReadingAck> {
  const accepted = await acceptReading(raw, sender, now);
  if (!accepted.ok) return accepted;
  const reading = accepted.reading;
  try {
    await ensureOpen(db);
  } catch (error) {
    return { ok: true, library: { ok: false, reason: describeDbError(error) } };
  }
  const recorded = await recordReading(db, reading, now);
  if (!recorded.ok) return { ok: true, library: recorded };
  const key = reading.kind === 'profile' ? creatorKeyOf(reading.platform, reading.handle) : recorded.creatorKey;
  const creator = key ? await db.creators.get(key) : undefined;
  return { ok: true, library: { ok: true, outcome: recorded.outcome, creatorKey: key, saved: creator?.savedAt != null } };
}

const SaveRequest = z.object({ creatorKey: z.string().min(3).max(140).regex(/^(instagram|youtube|tiktok):[^\s:]+$/) }).strict();

/**
 * Saves the creator whose profile is open in `tabId`, from the reading the background
 * validated for that tab. `raw.creatorKey` names the creator the user saw when asking.
 */
export async function saveTab(db: LibraryDb, tabId: number | undefined, raw: unknown, now = Date.now()): Promise<LibraryAck> {
  if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0) return { ok: false, reason: 'Saving needs the tab the creator is open in.' };
  const request = SaveRequest.safeParse(raw);
  if (!request.success) return { ok: false, reason: 'Invalid save request: it must name a creator as platform:handle.' };
  const kept = await tabReading(tabId);
  const reading = kept?.reading;
  if (!reading || reading.kind !== 'profile') return { ok: false, reason: 'This tab shows no creator profile that could be read, so there is nothing to save.' };
  const key = creatorKeyOf(reading.platform, reading.handle);
  if (key !== request.data.creatorKey) return { ok: false, reason: `The tab now shows ${key}, not ${request.data.creatorKey}; nothing was saved.` };
  try {
    await ensureOpen(db);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  const saved = await saveCreator(db, reading, now);
  return saved.ok ? { ok: true, outcome: 'saved', creatorKey: key, saved: true } : saved;
}

/** ui→bg:save-tab — the popup saves the creator in a tab (validated like the page's request). */
export async function saveFromUi(db: LibraryDb, raw: unknown, now = Date.now()): Promise<LibraryAck> {
  const parsed = z.object({ tabId: z.number().int().nonnegative(), creatorKey: z.string() }).strict().safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'Invalid save request: it must name a tab and a creator.' };
  return saveTab(db, parsed.data.tabId, { creatorKey: parsed.data.creatorKey }, now);
}
