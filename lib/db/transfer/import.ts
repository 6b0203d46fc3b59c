/**
 * Writing a validated file into the library: references checked first, then every table
 * merged inside one transaction — all or nothing, and on any problem the library stays
 * exactly as it was. Merging never duplicates snapshots. A preview runs the same import and
 * rolls it back.
 *
 * The rows are written in batches of a bounded size (creators, then snapshots grouped into
 * their year rows, then posts), each batch one `bulkPut`, all of them inside that one
 * transaction: between batches the import reports its progress and can be cancelled.
 * Cancelling aborts the transaction, so IndexedDB undoes every batch already written; a
 * failed write (a full disk) aborts it the same way. Either way the library is exactly as
 * it was, and closing the page mid-import does the same.
 */
import Dexie from 'dexie';
import { CreatorSchema, describeIssues, type Booking, type Campaign, type Creator, type ExportFile, type Snapshot } from '../../schema';
import type { LibraryDb } from '../db';
import { describeDbError } from '../errors';
import { existingRows, id } from '../existing-rows';
import { byTime, groupBy, yearRows, type SnapshotYear } from '../layout';
import { postSetsWith } from '../posts';
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

/** `cancelled` when the import was stopped through its signal (nothing was changed). */
export type ImportResult = { ok: true; report: ImportReport } | { ok: false; errors: string[]; cancelled?: true };

export interface ImportOptions {
  /** Aborting it stops the import and rolls back everything it wrote; the result is `cancelled`. */
  signal?: AbortSignal;
  /** After each batch: the snapshots and posts written so far, of all the file's. */
  onProgress?: (progress: ImportProgress) => void;
  /** Snapshots (or posts, or creators) per `bulkPut`; about 40 ms of writing in Chromium at the default. */
  batchSize?: number;
}

export interface ImportProgress {
  done: number;
  total: number;
  snapshots: number;
  posts: number;
}

export const IMPORT_BATCH = 20_000;
export const CANCELLED = 'The import was cancelled; nothing was changed.';

/** Writes a validated file into the library, merging; all or nothing. */
export async function importFile(db: LibraryDb, file: ExportFile, options: ImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress, batchSize = IMPORT_BATCH } = options;
  const report: ImportReport = { creatorsAdded: 0, creatorsUpdated: 0, snapshotsAdded: 0, snapshotsSkipped: 0, postsWritten: 0, dealsAdded: 0, dealsSkipped: 0, settingsApplied: false, campaignsAdded: 0, bookingsAdded: 0, observationsWritten: 0 };
  if (signal?.aborted) return { ok: false, errors: [CANCELLED], cancelled: true };
  const progress: ImportProgress = { done: 0, total: file.snapshots.length + file.posts.length, snapshots: file.snapshots.length, posts: file.posts.length };
  // Between batches the signal is looked at; an abort while a batch is being written aborts the transaction at once.
  let abortNow: (() => void) | null = null;
  const onAbort = () => abortNow?.();
  signal?.addEventListener('abort', onAbort);
  const step = (rows: number) => {
    if (signal?.aborted) throw new ImportCancelled();
    progress.done += rows;
    if (rows) onProgress?.({ ...progress });
  };
  try {
    await db.transaction('rw', db.tables, async () => {
      const tx = Dexie.currentTransaction;
      abortNow = () => {
        try {
          tx.abort();
        } catch {
          // Already committing or finished: too late to cancel, the import is whole.
        }
      };
      step(0);
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
      // The file's own creators were checked with it (parseExportJson, parseCsv): only the merged ones are checked here.
      const over = merged.flatMap((c, i) => {
        if (!existing[i]) return [];
        const checked = CreatorSchema.safeParse(c);
        return checked.success ? [] : [`${c.key}: merged with the library it would break a limit (${describeIssues(checked.error)}); nothing was imported.`];
      });
      if (over.length) throw new ImportProblem(over.slice(0, 20));
      const writes = new Writes(step);
      for (let i = 0; i < merged.length; i += batchSize) await writes.add(db.creators.bulkPut(merged.slice(i, i + batchSize)), 0);
      await writes.done();
      report.creatorsAdded = existing.filter((e) => !e).length;
      report.creatorsUpdated = existing.length - report.creatorsAdded;

      // A snapshot already stored (same creator and time) is skipped: merging never duplicates.
      const snapshots = await addSnapshotsInBatches(db, file.snapshots, batchSize, writes);
      report.snapshotsAdded = snapshots.added;
      report.snapshotsSkipped = snapshots.skipped;

      // A post already stored keeps the newer observation and when it was first seen.
      // A creator's posts are one row: each batch holds whole creators.
      // The creators with posts stored are listed once, not once per batch (a read waits for every write before it).
      const storedSets = new Set((await db.postSets.toCollection().primaryKeys()).map(id));
      for (const batch of batchesOfWhole(groupBy(file.posts, (p) => p.creatorKey).values(), batchSize)) {
        const sets = await postSetsWith(db, batch, (old, next) => {
          const newer = next.lastSeenAt >= old.lastSeenAt ? next : old;
          return { ...newer, firstSeenAt: Math.min(next.firstSeenAt, old.firstSeenAt) };
        }, storedSets);
        await writes.add(db.postSets.bulkPut(sets), batch.length);
        report.postsWritten += batch.length;
      }
      await writes.done();

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
      step(0);
    });
    return { ok: true, report };
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, errors: error.problems };
    // Aborted through the signal: the transaction was rolled back, whatever error it ended with.
    if (signal?.aborted || error instanceof ImportCancelled) return { ok: false, errors: [CANCELLED], cancelled: true };
    return { ok: false, errors: [describeDbError(error)] };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Rows in batches of about `size`, never splitting a group (a group is one stored row). */
function* batchesOfWhole<T>(groups: Iterable<T[]>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const group of groups) {
    if (batch.length && batch.length + group.length > size) {
      yield batch;
      batch = [];
    }
    for (const row of group) batch.push(row);
  }
  if (batch.length) yield batch;
}

/**
 * addSnapshots (lib/db/snapshots.ts) a batch at a time: the snapshots grouped into their
 * year rows once, the keys already stored listed once (not once per batch: that list grows
 * with the library), then per batch only the stored rows it merges into are read, merged
 * and written. A snapshot whose creator and time are already stored is skipped.
 */
async function addSnapshotsInBatches(db: LibraryDb, list: readonly Snapshot[], size: number, writes: Writes): Promise<{ added: number; skipped: number }> {
  const groups = yearRows(list);
  const id = (creatorKey: string, year: number) => `${creatorKey}\u0000${year}`;
  const stored = new Set((await db.snapshotYears.toCollection().primaryKeys()).map(([k, y]) => id(k, y)));
  let added = 0;
  let from = 0;
  while (from < groups.length) {
    let to = from;
    let rows = 0;
    while (to < groups.length && (to === from || rows + groups[to]!.snapshots.length <= size)) rows += groups[to++]!.snapshots.length;
    const batch = groups.slice(from, to);
    const merging = batch.filter((g) => stored.has(id(g.creatorKey, g.year)));
    const old = new Map((await db.snapshotYears.bulkGet(merging.map((g) => [g.creatorKey, g.year] as [string, number]))).flatMap((y) => (y ? [[id(y.creatorKey, y.year), y] as const] : [])));
    const written = batch.map((g): SnapshotYear => {
      const before = old.get(id(g.creatorKey, g.year))?.snapshots ?? [];
      const have = new Set(before.map((s) => s.takenAt));
      const fresh: Snapshot[] = [];
      for (const s of g.snapshots) {
        if (have.has(s.takenAt)) continue;
        have.add(s.takenAt);
        fresh.push(s);
      }
      added += fresh.length;
      return { ...g, snapshots: before.length ? [...before, ...fresh].sort(byTime) : fresh };
    });
    await writes.add(db.snapshotYears.bulkPut(written), rows);
    from = to;
  }
  await writes.done();
  return { added, skipped: list.length - added };
}

/**
 * The import's writes, one batch in flight while the next is made: a batch is handed to
 * IndexedDB before the one before it is done, so the database does not wait while a batch
 * is prepared and the import does not wait for the database between batches (waiting
 * after each batch made the write some 10 % slower than one bulkPut of everything, in
 * Chromium at 20,000 creators). Each batch is reported (`step`) when it is done, in order.
 */
class Writes {
  private pending: { write: Promise<unknown>; rows: number } | null = null;
  constructor(private readonly step: (rows: number) => void) {}

  /** Hands `write` over; resolves once the one before it is done and reported. */
  async add(write: Promise<unknown>, rows: number): Promise<void> {
    write.catch(() => {}); // awaited in turn; a failure then fails the import
    const before = this.pending;
    this.pending = { write, rows };
    if (before) await this.finish(before);
  }

  /** Resolves once every write is done and reported. */
  async done(): Promise<void> {
    const last = this.pending;
    this.pending = null;
    if (last) await this.finish(last);
  }

  private async finish({ write, rows }: { write: Promise<unknown>; rows: number }) {
    await write;
    this.step(rows);
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

class ImportCancelled extends Error {}

class DryRun extends Error {}

/**
 * What importing `file` would change, without changing anything: the import runs inside
 * a transaction that is then rolled back, so the report is exactly the real one's. It
 * reports its progress and can be cancelled the same way.
 */
export async function previewImport(db: LibraryDb, file: ExportFile, options: ImportOptions = {}): Promise<ImportResult> {
  let result: ImportResult | undefined;
  try {
    await db.transaction('rw', db.tables, async () => {
      result = await importFile(db, file, options);
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun) && !result) return options.signal?.aborted ? { ok: false, errors: [CANCELLED], cancelled: true } : { ok: false, errors: [describeDbError(error)] };
  }
  return result!;
}
