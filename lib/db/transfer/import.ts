/**
 * Writing a validated file into the library: references checked first, then every table
 * merged inside one transaction — all or nothing, and on any problem the library stays
 * exactly as it was. Merging never duplicates snapshots. A preview runs the same import and
 * rolls it back.
 */
import { CreatorSchema, describeIssues, type Booking, type Campaign, type Creator, type ExportFile } from '../../schema';
import type { LibraryDb } from '../db';
import { describeDbError } from '../errors';
import { existingRows } from '../existing-rows';
import { putPosts } from '../posts';
import { addSnapshots } from '../snapshots';
import { mergeCreator, withFreeIds } from './merge';

export interface ImportReport {
  creatorsAdded: number;
  creatorsUpdated: number;
  snapshotsAdded: number;
  snapshotsSkipped: number;
  postsWritten: number;
  dealsAdded: number;
  dealsSkipped: number;
  settingsApplied: boolean;
  campaignsAdded: number;
  bookingsAdded: number;
  observationsWritten: number;
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; errors: string[] };

/** Writes a validated file into the library, merging; all or nothing. */
export async function importFile(db: LibraryDb, file: ExportFile): Promise<ImportResult> {
  const report: ImportReport = { creatorsAdded: 0, creatorsUpdated: 0, snapshotsAdded: 0, snapshotsSkipped: 0, postsWritten: 0, dealsAdded: 0, dealsSkipped: 0, settingsApplied: false, campaignsAdded: 0, bookingsAdded: 0, observationsWritten: 0 };
  try {
    await db.transaction('rw', db.tables, async () => {
      // References first: every snapshot, post and deal must belong to a creator in the file or the library.
      const fileKeys = new Set(file.creators.map((c) => c.key));
      const outside = new Set<string>();
      for (const rows of [file.snapshots, file.posts, file.deals, file.bookings, file.postObservations]) for (const x of rows) if (!fileKeys.has(x.creatorKey)) outside.add(x.creatorKey);
      const needed = [...outside];
      const found = await db.creators.bulkGet(needed);
      const missing = needed.filter((_, i) => !found[i]);
      if (missing.length) throw new ImportProblem([`Snapshots, posts or deals refer to creators that are neither in the file nor in your library: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`]);

      const existing = await existingRows<string, Creator>(db.creators, file.creators.map((c) => c.key));
      const merged = file.creators.map((c, i) => (existing[i] ? mergeCreator(existing[i]!, c) : c));
      // What a merge makes must obey the same rules as the file (200 lists or tags, 20,000 characters of notes): else the next export would be refused.
      const over = merged.flatMap((c) => {
        const checked = CreatorSchema.safeParse(c);
        return checked.success ? [] : [`${c.key}: merged with the library it would break a limit (${describeIssues(checked.error)}); nothing was imported.`];
      });
      if (over.length) throw new ImportProblem(over.slice(0, 20));
      await db.creators.bulkPut(merged);
      report.creatorsAdded = existing.filter((e) => !e).length;
      report.creatorsUpdated = existing.length - report.creatorsAdded;

      // A snapshot already stored (same creator and time) is skipped: merging never duplicates.
      const snapshots = await addSnapshots(db, file.snapshots);
      report.snapshotsAdded = snapshots.added;
      report.snapshotsSkipped = snapshots.skipped;

      // A post already stored keeps the newer observation and when it was first seen.
      report.postsWritten = await putPosts(db, file.posts, (old, next) => {
        const newer = next.lastSeenAt >= old.lastSeenAt ? next : old;
        return { ...newer, firstSeenAt: Math.min(next.firstSeenAt, old.firstSeenAt) };
      });

      const dealKey = (d: { creatorKey: string; createdAt: number; fee: number }) => `${d.creatorKey}@${d.createdAt}@${d.fee}`;
      const haveDeals = new Set((await db.deals.toArray()).map(dealKey));
      const deals = withFreeIds(file.deals.filter((d) => !haveDeals.has(dealKey(d))), new Set((await db.deals.toCollection().primaryKeys()).filter((k): k is number => k !== undefined)));
      await db.deals.bulkAdd(deals);
      report.dealsAdded = deals.length;
      report.dealsSkipped = file.deals.length - deals.length;

      await importCampaigns(db, file, report);

      // Settings come along only into a library that has none: an import never changes your settings.
      if (file.settings && !(await db.settings.get('settings'))) {
        await db.settings.put({ key: 'settings', value: file.settings });
        report.settingsApplied = true;
      }
    });
    return { ok: true, report };
  } catch (error) {
    return { ok: false, errors: error instanceof ImportProblem ? error.problems : [describeDbError(error)] };
  }
}

/**
 * Campaigns and their bookings: a campaign already here (same name and creation time) is
 * the same one; others are added, keeping their id where it is free. Bookings follow their
 * campaign's id; one already here (same campaign, creator and booking time) is skipped.
 */
async function importCampaigns(db: LibraryDb, file: ExportFile, report: ImportReport): Promise<void> {
  const fileIds = new Set(file.campaigns.map((c) => c.id));
  const unknown = file.bookings.filter((b) => !fileIds.has(b.campaignId)).map((b) => b.campaignId);
  const present = await db.campaigns.bulkGet([...new Set(unknown)]);
  const missing = [...new Set(unknown)].filter((_, i) => !present[i]);
  if (missing.length) throw new ImportProblem([`Bookings refer to campaigns that are neither in the file nor in your library: ${missing.slice(0, 5).map((id) => `#${id}`).join(', ')}.`]);
  const have = await db.campaigns.toArray();
  const same = new Map(have.map((c) => [`${c.name}@${c.createdAt}`, c.id!]));
  const taken = new Set(have.map((c) => c.id!));
  const idMap = new Map<number, number>();
  for (const c of file.campaigns) {
    const existing = same.get(`${c.name}@${c.createdAt}`);
    if (existing !== undefined) {
      if (c.id !== undefined) idMap.set(c.id, existing);
      continue;
    }
    const { id, ...rest } = c;
    const newId = (await db.campaigns.add(id !== undefined && !taken.has(id) ? c : (rest as Campaign))) as number;
    taken.add(newId);
    if (id !== undefined) idMap.set(id, newId);
    report.campaignsAdded++;
  }
  const bookingKey = (b: Booking) => `${b.campaignId}|${b.creatorKey}|${b.bookedAt}`;
  const haveBookings = await db.bookings.toArray();
  const seen = new Set(haveBookings.map(bookingKey));
  const takenBookings = new Set(haveBookings.map((b) => b.id!));
  const fresh = file.bookings.map((b) => ({ ...b, campaignId: idMap.get(b.campaignId) ?? b.campaignId })).filter((b) => !seen.has(bookingKey(b)));
  await db.bookings.bulkAdd(withFreeIds(fresh, takenBookings));
  report.bookingsAdded = fresh.length;
  await db.postObservations.bulkPut(file.postObservations);
  report.observationsWritten = file.postObservations.length;
}

class ImportProblem extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

class DryRun extends Error {}

/**
 * What importing `file` would change, without changing anything: the import runs inside
 * a transaction that is then rolled back, so the report is exactly the real one's.
 */
export async function previewImport(db: LibraryDb, file: ExportFile): Promise<ImportResult> {
  let result: ImportResult | undefined;
  try {
    await db.transaction('rw', db.tables, async () => {
      result = await importFile(db, file);
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun) && !result) return { ok: false, errors: [describeDbError(error)] };
  }
  return result!;
}
