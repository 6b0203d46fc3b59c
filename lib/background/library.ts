/**
 * The background's side of the library: every reading a content script sends is validated
 * (tab-readings.ts), kept for its tab and then recorded (automatic snapshots of saved
 * creators, post observations); "save this creator" saves the reading the background
 * already validated for that tab — never numbers sent with the request — and only when
 * it is still the creator the user asked for (the tab may have moved on).
 * Every failure comes back as a reason; nothing half-written is kept.
 */
import { z } from 'zod';
import type { LibraryAck, PostBooking, ReadingAck } from '../messaging';
import type { CreatorView } from '../view/creator';
import { DELIVERABLES } from '../roi/project';
import { dealOf } from '../roi/deal';
import { quote } from '../roi/quote';

export { dealOf };
import { AssumptionsSchema, DealSchema, describeIssues, type Creator, type Settings } from '../schema';
import type { PostReading, ProfileReading } from '../sites/types';
import { postKeyOf } from '../keys';
import { readingFromLibrary } from '../library/as-reading';
import { getPosts, postsOf } from '../db/posts';
import { snapshotsOf } from '../db/snapshots';
import { addToList, listNames } from '../db/creators';
import { history } from '../db/snapshots';
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { creatorKeyOf } from '../keys';
import { getSettings } from '../db/settings';
import { recordReading, saveCreator } from '../db/record';
import { acceptReading, tabReading, type Sender } from './tab-readings';
import { markPost, recordObservation } from '../campaigns/store';

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

/** The settings the overlay and the popup weigh a creator with. */
export const viewSettings = (s: Settings): CreatorView['settings'] => ({ currency: s.currency, assumptions: s.assumptions, tierBoundaries: s.tierBoundaries, benchmarkOverrides: s.benchmarkOverrides });

/** What the overlay needs to know about a creator: saved, lists, the snapshot before this visit, settings (read unless given). */
export async function creatorView(db: LibraryDb, creatorKey: string, previous: Creator['latest'] | undefined, known?: Settings): Promise<CreatorView> {
  const [creator, allLists, settings] = await Promise.all([db.creators.get(creatorKey), listNames(db), known ?? getSettings(db)]);
  return {
    creatorKey,
    saved: creator?.savedAt != null,
    lists: creator?.lists ?? [],
    allLists,
    previous: previous ? { takenAt: previous.takenAt, followers: previous.followers } : null,
    settings: viewSettings(settings),
  };
}

/** cs→bg:reading — validate, keep for the tab, record in the library. */
export async function onReading(db: LibraryDb, raw: unknown, sender: Sender, now = Date.now()): Promise<ReadingAck> {
  const accepted = await acceptReading(raw, sender, now);
  if (!accepted.ok) return accepted;
  const reading = accepted.reading;
  try {
    await ensureOpen(db);
  } catch (error) {
    return { ok: true, library: { ok: false, reason: describeDbError(error) }, view: null };
  }
  const key = reading.kind === 'profile' ? creatorKeyOf(reading.platform, reading.handle) : null;
  // The latest numbers before this visit: growth "since" is measured against them.
  const before = key ? (await db.creators.get(key))?.latest : undefined;
  const recorded = await recordReading(db, reading, now);
  if (!recorded.ok) return { ok: true, library: recorded, view: null };
  // A campaign deliverable's page: keep its counts of this visit, and tell the panel where its creator is booked.
  if (reading.kind === 'post') {
    await recordObservation(db, reading, now).catch(() => 0);
    return { ok: true, library: { ok: true, outcome: recorded.outcome, creatorKey: recorded.creatorKey, saved: false }, view: null, bookings: await postBookings(db, reading).catch(() => []) };
  }
  const view = key ? await creatorView(db, key, before) : null;
  return { ok: true, library: { ok: true, outcome: recorded.outcome, creatorKey: key ?? recorded.creatorKey, saved: view?.saved ?? false }, view };
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

const ListRequest = z.object({ creatorKey: z.string().max(140), list: z.string().trim().min(1).max(100) }).strict();

/** cs→bg:add-to-list — saves the creator of the tab if needed, then adds it to the list. */
export async function addTabToList(db: LibraryDb, tabId: number | undefined, raw: unknown, now = Date.now()): Promise<LibraryAck & { view?: CreatorView }> {
  const request = ListRequest.safeParse(raw);
  if (!request.success) return { ok: false, reason: 'Invalid list request: a creator and a list name of 1 to 100 characters.' };
  const { creatorKey, list } = request.data;
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

const estimate = z
  .object({ low: z.number().finite().nonnegative(), expected: z.number().finite().nonnegative(), high: z.number().finite().nonnegative() })
  .strict()
  .refine((e) => e.low <= e.expected && e.expected <= e.high, 'low ≤ expected ≤ high');

const DealRequest = z
  .object({
    creatorKey: z.string().max(140),
    fee: z.number().finite().positive().max(1e12),
    currency: z.string().regex(/^[A-Z]{3}$/),
    deliverable: z.enum(DELIVERABLES),
    /** The popup's form: assumptions typed for this quote (else the settings'). */
    assumptions: AssumptionsSchema.optional(),
    impressions: estimate.nullable().optional(),
  })
  .strict();

/** The creator's numbers to quote on: the tab's validated reading, else the saved creator's latest. */
async function quotedReading(db: LibraryDb, tabId: number | undefined, creatorKey: string): Promise<ProfileReading | null> {
  const kept = tabId === undefined ? null : await tabReading(tabId);
  const reading = kept?.reading;
  if (reading?.kind === 'profile' && creatorKeyOf(reading.platform, reading.handle) === creatorKey) return reading;
  const creator = await db.creators.get(creatorKey);
  if (!creator?.savedAt || !creator.latest) return null;
  const [snapshots, posts] = await Promise.all([snapshotsOf(db, creatorKey), postsOf(db, creatorKey)]);
  return readingFromLibrary(creator, snapshots.at(-1), posts);
}

/**
 * cs→bg:keep-deal and ui→bg:keep-deal — keeps a quote as a deal, with the assumptions and
 * the projection as they are now (recomputed here from the reading validated for the tab,
 * or from the library for a saved creator — never from numbers sent with the request).
 * Saves the creator first if needed.
 */
export async function keepDeal(db: LibraryDb, tabId: number | undefined, raw: unknown, now = Date.now()): Promise<{ ok: true; dealId: number } | { ok: false; reason: string }> {
  const request = DealRequest.safeParse(raw);
  if (!request.success) return { ok: false, reason: `Invalid quote: ${describeIssues(request.error)}` };
  const { creatorKey, fee, currency, deliverable } = request.data;
  try {
    await ensureOpen(db);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  const reading = await quotedReading(db, tabId, creatorKey);
  if (!reading) return { ok: false, reason: 'The tab no longer shows this creator, and it is not saved; nothing was kept.' };
  const settings = await getSettings(db);
  const q = quote({
    platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable, fee, currency,
    assumptions: request.data.assumptions ?? settings.assumptions, impressions: request.data.impressions ?? null, tierBoundaries: settings.tierBoundaries, now,
  });
  if (!q.ok) return { ok: false, reason: q.reason };
  const existing = await db.creators.get(creatorKey);
  if (!existing?.savedAt) {
    const saved = await saveTab(db, tabId, { creatorKey }, now);
    if (!saved.ok) return saved;
  }
  const checked = DealSchema.safeParse(dealOf(creatorKey, q, now));
  if (!checked.success) return { ok: false, reason: `The quote could not be kept: ${describeIssues(checked.error)}` };
  try {
    const dealId = await db.deals.add(checked.data);
    return { ok: true, dealId: dealId as number };
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
}

/** The bookings of a post's creator (known from the post's URL or the library), newest first. */
export async function postBookings(db: LibraryDb, reading: PostReading): Promise<PostBooking[]> {
  const postKey = postKeyOf(reading.platform, reading.id);
  const [stored] = await getPosts(db, [postKey]);
  const creatorKey = stored?.creatorKey ?? (reading.handle ? creatorKeyOf(reading.platform, reading.handle) : null);
  if (!creatorKey) return [];
  const bookings = await db.bookings.where('creatorKey').equals(creatorKey).toArray();
  const campaigns = await db.campaigns.bulkGet([...new Set(bookings.map((b) => b.campaignId))]);
  const names = new Map(campaigns.filter((c) => c).map((c) => [c!.id!, c!.name]));
  return bookings.sort((a, b) => b.bookedAt - a.bookedAt).map((b) => ({ bookingId: b.id!, campaign: names.get(b.campaignId) ?? `#${b.campaignId}`, marked: b.postKeys.includes(postKey) }));
}

/** cs→bg:mark-post — marks the post the tab shows (the reading the background validated) as a booking's deliverable, and counts this visit. */
export async function markTabPost(db: LibraryDb, tabId: number | undefined, raw: unknown, now = Date.now()): Promise<{ ok: true; bookings: PostBooking[] } | { ok: false; reason: string }> {
  const request = z.object({ bookingId: z.number().int().positive() }).strict().safeParse(raw);
  if (!request.success) return { ok: false, reason: 'Invalid request: it must name a booking.' };
  const reading = tabId === undefined ? null : (await tabReading(tabId))?.reading;
  if (reading?.kind !== 'post') return { ok: false, reason: 'This tab shows no post that could be read; nothing was marked.' };
  try {
    await ensureOpen(db);
    const marked = await markPost(db, request.data.bookingId, reading.url, now, reading);
    if (!marked.ok) return marked;
    return { ok: true, bookings: await postBookings(db, reading) };
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
}

/** ui→bg:keep-deal — the popup keeps a quote for the creator in a tab, or a saved one. */
export async function keepDealFromUi(db: LibraryDb, raw: unknown, now = Date.now()) {
  const parsed = z.object({ tabId: z.number().int().nonnegative().nullable() }).passthrough().safeParse(raw);
  if (!parsed.success) return { ok: false as const, reason: 'Invalid quote: it must name a tab (or null).' };
  const { tabId, ...rest } = parsed.data;
  return keepDeal(db, tabId ?? undefined, rest, now);
}

/** ui→bg:save-tab — the popup saves the creator in a tab (validated like the page's request). */
export async function saveFromUi(db: LibraryDb, raw: unknown, now = Date.now()): Promise<LibraryAck> {
  const parsed = z.object({ tabId: z.number().int().nonnegative(), creatorKey: z.string() }).strict().safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'Invalid save request: it must name a tab and a creator.' };
  return saveTab(db, parsed.data.tabId, { creatorKey: parsed.data.creatorKey }, now);
}
