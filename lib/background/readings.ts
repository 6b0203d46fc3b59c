/**
 * cs→bg:reading — every reading a content script sends (validated by the handler table)
 * is kept for its tab and then recorded: automatic snapshots of saved creators, and on a
 * campaign deliverable's page the post's counts of this visit.
 */
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { ensureOpen } from '../db/open';
import { recordReading } from '../db/record';
import { creatorKeyOf } from '../keys';
import { creatorView } from '../library/creator-view';
import type { ReadingAck } from '../protocol/payloads';
import type { Reading } from '../sites/types';
import { recordObservation } from '../campaigns/store';
import { postBookings } from './posts';
import { keepTabReading, type Sender } from './tab-readings';

export async function onReading(db: LibraryDb, reading: Reading, sender: Sender, now = Date.now()): Promise<ReadingAck> {
  const accepted = await keepTabReading(reading, sender, now);
  if (!accepted.ok) return accepted;
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
