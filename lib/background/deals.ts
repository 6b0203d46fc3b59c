/**
 * cs→bg:keep-deal and ui→bg:keep-deal — keeps a quote as a deal, with the assumptions and
 * the projection as they are now, recomputed here from the reading validated for the tab,
 * or from the library for a saved creator — never from numbers sent with the request.
 * Saves the creator first if needed.
 */
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { ensureOpen } from '../db/open';
import { postsOf } from '../db/posts';
import { getSettings } from '../db/settings';
import { creatorKeyOf } from '../keys';
import { readingFromLibrary, recentOf } from '../library/as-reading';
import { knownRecent } from '../view/creator';
import { addDeal, quoteDeal } from '../library/deals';
import type { DealAck } from '../protocol/payloads';
import type { KeepDealRequest } from '../protocol/requests';
import type { Assumptions } from '../schema';
import type { Estimate } from '../roi/range';
import type { ProfileReading } from '../sites/types';
import { saveTab } from './saves';
import { tabReading } from './tab-readings';

/** The creator's numbers to quote on: the tab's validated reading, else the saved creator's latest. */
async function quotedReading(db: LibraryDb, tabId: number | undefined, creatorKey: string, fromLibrary: boolean): Promise<ProfileReading | null> {
  const kept = tabId === undefined ? null : await tabReading(tabId);
  const reading = kept?.reading;
  // The page's posts with what the library knows of them: the figures the panel and the popup showed (lib/view/creator.ts).
  if (reading?.kind === 'profile' && creatorKeyOf(reading.platform, reading.handle) === creatorKey) return { ...reading, recent: knownRecent(reading.recent, recentOf(await postsOf(db, creatorKey))) };
  if (!fromLibrary) return null;
  const creator = await db.creators.get(creatorKey);
  if (!creator?.savedAt || !creator.latest) return null;
  return readingFromLibrary(creator, await postsOf(db, creatorKey));
}

type ValidDealRequest = Omit<KeepDealRequest, 'assumptions' | 'impressions'> & { assumptions?: Assumptions; impressions?: Estimate | null };

/**
 * `fromLibrary`: the dashboard and the popup may quote a saved creator no tab shows; a
 * content script only the creator its own tab shows.
 */
export async function keepTabDeal(db: LibraryDb, tabId: number | undefined, request: ValidDealRequest, now = Date.now(), fromLibrary = true): Promise<DealAck> {
  const { creatorKey, fee, currency, deliverable } = request;
  try {
    await ensureOpen(db);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  const reading = await quotedReading(db, tabId, creatorKey, fromLibrary);
  if (!reading) return { ok: false, reason: fromLibrary ? 'The tab no longer shows this creator, and it is not saved; nothing was kept.' : 'The tab no longer shows this creator; nothing was kept.' };
  const settings = await getSettings(db);
  const made = quoteDeal(creatorKey, reading, { fee, currency, deliverable, assumptions: request.assumptions ?? settings.assumptions, impressions: request.impressions ?? null, tierBoundaries: settings.tierBoundaries, market: settings.marketCpm }, now);
  if (!made.ok) return made;
  const existing = await db.creators.get(creatorKey);
  if (!existing?.savedAt) {
    const saved = await saveTab(db, tabId, { creatorKey }, now);
    if (!saved.ok) return saved;
  }
  return addDeal(db, made.deal);
}
