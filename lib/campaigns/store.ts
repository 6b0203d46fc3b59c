/**
 * Campaigns in the library: creating and editing them, booking saved creators (the
 * projection is made once, at booking, from the creator's latest numbers and the settings
 * then, and is never rewritten), tracked links and codes, deliverable posts, reported
 * results, and the counts of tracked posts at each later visit. Every write is validated
 * with the schema; a refused one changes nothing.
 */
import Dexie from 'dexie';
import { dealOf } from '../roi/deal';
import { getPosts, postsOf, putPosts } from '../db/posts';
import type { LibraryDb } from '../db/db';
import { getSettings } from '../db/settings';
import { priceOf } from '../roi/price';
import { quote } from '../roi/quote';
import { BookingSchema, CampaignSchema, DEFAULT_UTM_PATTERN, describeIssues, PostObservationSchema, type Actual, type Booking, type Campaign, type PostObservation } from '../schema';
import type { Deliverable } from '../roi/project';
import type { PostReading } from '../sites/types';
import { readingFromLibrary } from '../library/as-reading';
import { postFromUrl } from '../sites/routes';
import { buildLink } from './links';
import { creatorKeyOf, postKeyOf } from '../keys';

export type Result<T = void> = { ok: true; value: T } | { ok: false; reason: string };
const fail = (reason: string) => ({ ok: false as const, reason });

export function newCampaign(name: string, currency: string, now = Date.now()): Campaign {
  return { name, start: null, end: null, budget: null, currency, goals: { targetRoi: null, targetCpm: null, targetCpe: null, targetOrders: null }, landingUrl: '', utmPattern: DEFAULT_UTM_PATTERN, createdAt: now, notes: '' };
}

export async function saveCampaign(db: LibraryDb, campaign: Campaign): Promise<Result<number>> {
  const checked = CampaignSchema.safeParse(campaign);
  if (!checked.success) return fail(describeIssues(checked.error));
  return { ok: true, value: (await db.campaigns.put(checked.data)) as number };
}

/** Deletes a campaign with its bookings (the posts' counts stay: they belong to the creators). */
export async function deleteCampaign(db: LibraryDb, id: number): Promise<void> {
  await db.transaction('rw', db.campaigns, db.bookings, async () => {
    await db.bookings.where('campaignId').equals(id).delete();
    await db.campaigns.delete(id);
  });
}

export interface BookingRequest {
  creatorKey: string;
  fee: number;
  extraCosts: number;
  deliverable: Deliverable;
  deliverables: string;
  code: string;
}

/** Books a saved creator: the deal, its projection now (kept unchanged), a tracked link from the campaign's pattern. */
export async function bookCreator(db: LibraryDb, campaignId: number, request: BookingRequest, now = Date.now()): Promise<Result<number>> {
  const [campaign, creator, settings] = await Promise.all([db.campaigns.get(campaignId), db.creators.get(request.creatorKey), getSettings(db)]);
  if (!campaign) return fail('This campaign no longer exists.');
  if (!creator?.latest) return fail(`${request.creatorKey} is not in the library with any numbers; save the creator first.`);
  const reading = readingFromLibrary(creator, await postsOf(db, creator.key));
  const q = quote({
    platform: creator.platform, followers: reading.followers, recent: reading.recent, deliverable: request.deliverable,
    fee: request.fee, extraCosts: request.extraCosts, currency: campaign.currency, assumptions: settings.assumptions, tierBoundaries: settings.tierBoundaries, now,
  });
  if (!q.ok) return fail(q.reason);
  const price = priceOf({ platform: creator.platform, followers: reading.followers, recent: reading.recent, deliverable: request.deliverable, fee: request.fee, currency: campaign.currency, market: settings.marketCpm, now });
  const deal = dealOf(creator.key, q, now, price);
  const link = campaign.landingUrl ? buildLink(campaign.landingUrl, campaign.utmPattern, { platform: creator.platform, handle: creator.handle, campaign: campaign.name }) : null;
  const booking: Booking = {
    campaignId, creatorKey: creator.key, bookedAt: now, fee: deal.fee, extraCosts: deal.extraCosts, currency: campaign.currency, deliverable: request.deliverable,
    deliverables: request.deliverables.trim(), assumptions: deal.assumptions, projection: deal.projection, ...(deal.price && { price: deal.price }), ownFigures: deal.ownFigures, link: link?.ok ? link.url : '', code: request.code.trim(),
    postKeys: [], actual: { clicks: null, orders: null, revenue: null, updatedAt: null },
  };
  const checked = BookingSchema.safeParse(booking);
  if (!checked.success) return fail(describeIssues(checked.error));
  return { ok: true, value: (await db.bookings.add(checked.data)) as number };
}

/** What may change after booking: never the fee's projection or its assumptions. */
export type BookingEdit = Partial<Pick<Booking, 'link' | 'code' | 'deliverables'>> & { actual?: Omit<Actual, 'updatedAt'> };

export async function editBooking(db: LibraryDb, id: number, edit: BookingEdit, now = Date.now()): Promise<Result> {
  const old = await db.bookings.get(id);
  if (!old) return fail('This booking no longer exists.');
  const next: Booking = {
    ...old,
    ...(edit.link !== undefined && { link: edit.link.trim() }),
    ...(edit.code !== undefined && { code: edit.code.trim() }),
    ...(edit.deliverables !== undefined && { deliverables: edit.deliverables.trim() }),
    ...(edit.actual && { actual: { ...edit.actual, updatedAt: now } }),
  };
  const checked = BookingSchema.safeParse(next);
  if (!checked.success) return fail(describeIssues(checked.error));
  await db.bookings.put(checked.data);
  return { ok: true, value: undefined };
}

/**
 * Marks a post as one of the booking's deliverables, by its URL. Its first observation is
 * `seen` (the page open now, when marked from the panel), else the counts the library has.
 */
export async function markPost(db: LibraryDb, bookingId: number, url: string, now = Date.now(), seen?: PostReading): Promise<Result<string>> {
  const post = postFromUrl(url);
  if (!post) return fail('Paste the address of a single post or video on Instagram, TikTok or YouTube.');
  const booking = await db.bookings.get(bookingId);
  if (!booking) return fail('This booking no longer exists.');
  const creator = await db.creators.get(booking.creatorKey);
  if (creator && creator.platform !== post.platform) return fail(`That is a ${post.platform} post; ${booking.creatorKey} is on ${creator.platform}.`);
  if (post.handle && creatorKeyOf(post.platform, post.handle) !== booking.creatorKey) return fail(`That post is by @${post.handle}, not ${booking.creatorKey}.`);
  // The page open now names its owner (a YouTube address does not): it must be the booked creator.
  if (seen?.handle && creatorKeyOf(seen.platform, seen.handle) !== booking.creatorKey) return fail(`This page shows a post by @${seen.handle}, not ${booking.creatorKey}; nothing was marked.`);
  if (booking.postKeys.includes(post.key)) return { ok: true, value: post.key };
  if (booking.postKeys.length >= 50) return fail('A booking tracks at most 50 posts.');
  await db.transaction('rw', db.bookings, db.postObservations, db.postSets, async () => {
    await db.bookings.update(bookingId, { postKeys: [...booking.postKeys, post.key] });
    const known = seen ? null : (await postsOf(db, booking.creatorKey)).find((p) => p.key === post.key);
    if (seen) {
      await db.postObservations.put({ postKey: post.key, creatorKey: booking.creatorKey, takenAt: now, views: seen.views, likes: seen.likes, comments: seen.comments, shares: seen.shares });
    } else if (known && (known.views !== null || known.likes !== null)) {
      await db.postObservations.put({ postKey: post.key, creatorKey: booking.creatorKey, takenAt: known.lastSeenAt, views: known.views, likes: known.likes, comments: known.comments, shares: known.shares });
    }
    // A deliverable is a sponsored post: it stays out of the creator's organic baseline (issue 14 §4:
    // one tracked deliverable moved a creator's median views from 643K to 993K in later quotes).
    const [stored] = await getPosts(db, [post.key]);
    if (stored && !stored.sponsored) await putPosts(db, [{ ...stored, sponsored: true }]);
  });
  return { ok: true, value: post.key };
}

export async function unmarkPost(db: LibraryDb, bookingId: number, postKey: string): Promise<void> {
  await db.bookings.where('id').equals(bookingId).modify((b) => {
    b.postKeys = b.postKeys.filter((k) => k !== postKey);
  });
}

/**
 * A visit to a post page: when a booking tracks that post, its counts are kept with the
 * time (one observation per visit). Returns how many bookings track it.
 */
export async function recordObservation(db: LibraryDb, reading: PostReading, now = Date.now()): Promise<number> {
  const key = postKeyOf(reading.platform, reading.id);
  const bookings = await db.bookings.where('postKeys').equals(key).toArray();
  if (!bookings.length) return 0;
  if (reading.views === null && reading.likes === null && reading.comments === null) return 0; // nothing shown: nothing to keep
  const observation: PostObservation = { postKey: key, creatorKey: bookings[0]!.creatorKey, takenAt: now, views: reading.views, likes: reading.likes, comments: reading.comments, shares: reading.shares };
  const checked = PostObservationSchema.safeParse(observation);
  if (!checked.success) return 0;
  await db.postObservations.put(checked.data);
  return bookings.length;
}

export async function observationsOf(db: LibraryDb, postKeys: readonly string[]): Promise<PostObservation[]> {
  const each = await Promise.all(postKeys.map((k) => db.postObservations.where('[postKey+takenAt]').between([k, Dexie.minKey], [k, Dexie.maxKey]).toArray()));
  return each.flat();
}

/** Writes the results planned from a report (lib/campaigns/results.ts), all or nothing. */
export async function applyResults(db: LibraryDb, changes: readonly { booking: Booking; after: Omit<Actual, 'updatedAt'> }[], now = Date.now()): Promise<Result<number>> {
  const next = changes.map((c) => BookingSchema.safeParse({ ...c.booking, actual: { ...c.after, updatedAt: now } }));
  const bad = next.find((n) => !n.success);
  if (bad && !bad.success) return fail(describeIssues(bad.error));
  await db.transaction('rw', db.bookings, async () => {
    for (const c of changes) if (!(await db.bookings.get(c.booking.id!))) throw new Error(`A booking of ${c.booking.creatorKey} was deleted meanwhile; nothing was written.`);
    await db.bookings.bulkPut(next.map((n) => (n.success ? n.data : null)!));
  });
  return { ok: true, value: changes.length };
}
