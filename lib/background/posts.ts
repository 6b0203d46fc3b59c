/**
 * Post pages: the campaigns a post's creator is booked in (sent with the reading's answer),
 * and cs→bg:mark-post, which marks the post the tab shows as a booking's deliverable.
 */
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { ensureOpen } from '../db/open';
import { getPosts } from '../db/posts';
import { creatorKeyOf, postKeyOf } from '../keys';
import type { MarkAck, PostBooking } from '../protocol/payloads';
import type { PostReading } from '../sites/types';
import { markPost } from '../campaigns/store';
import { tabReading } from './tab-readings';

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

/** Marks the post the tab shows (the reading the background validated) as a booking's deliverable, and counts this visit. */
export async function markTabPost(db: LibraryDb, tabId: number | undefined, request: { bookingId: number }, now = Date.now()): Promise<MarkAck> {
  const reading = tabId === undefined ? null : (await tabReading(tabId))?.reading;
  if (reading?.kind !== 'post') return { ok: false, reason: 'This tab shows no post that could be read; nothing was marked.' };
  try {
    await ensureOpen(db);
    const marked = await markPost(db, request.bookingId, reading.url, now, reading);
    if (!marked.ok) return marked;
    return { ok: true, bookings: await postBookings(db, reading) };
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
}
