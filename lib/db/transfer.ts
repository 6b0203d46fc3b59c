/**
 * Export and import of the whole library.
 * - JSON: lossless, carries the schema version; export → wipe → import gives back the same data.
 * - CSV: one row per snapshot, for spreadsheets (papaparse, formulas escaped).
 * Import validates the whole file — shape, sizes, duplicates, references — inside one
 * transaction before anything is written; on any problem it reports where (row, field)
 * and the library stays exactly as it was. Merging never duplicates snapshots.
 */
import Papa from 'papaparse';
import { creatorKeyOf } from '../keys';
import { z } from 'zod';
import {
  BookingSchema, CampaignSchema, CreatorSchema, DealSchema, describeIssues, PostObservationSchema, PostSchema, SettingsSchema, SnapshotSchema,
  type Booking, type Campaign, type Creator, type Snapshot,
} from '../schema';
import { addSnapshots, allSnapshots } from './snapshots';
import { allPosts, putPosts } from './posts';
import { existingRows } from './existing-rows';
import { DB_VERSION, type LibraryDb } from './db';
import { describeDbError } from './errors';
import { READER_VERSION } from './record';

export const FORMAT = 'creator-lens-library';
/** Larger files are refused before parsing (a whole library is a few MB per 10,000 snapshots). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Every table of the library, for transactions that read or write all of it. */
const ALL_TABLES = (db: LibraryDb) => [db.creators, db.snapshotYears, db.postSets, db.deals, db.settings, db.campaigns, db.bookings, db.postObservations];

export const ExportFileSchema = z
  .object({
    format: z.literal(FORMAT),
    schemaVersion: z.number().int().min(1).max(DB_VERSION),
    exportedAt: z.number().int().nonnegative(),
    creators: z.array(CreatorSchema).max(200_000),
    snapshots: z.array(SnapshotSchema).max(10_000_000),
    posts: z.array(PostSchema).max(2_000_000),
    deals: z.array(DealSchema).max(200_000),
    settings: SettingsSchema.nullable(),
    // Since version 4; older files have none.
    campaigns: z.array(CampaignSchema).max(100_000).default([]),
    bookings: z.array(BookingSchema).max(1_000_000).default([]),
    postObservations: z.array(PostObservationSchema).max(5_000_000).default([]),
  })
  .strict();

export type ExportFile = z.infer<typeof ExportFileSchema>;

export async function exportLibrary(db: LibraryDb, now = Date.now()): Promise<ExportFile> {
  return db.transaction('r', ALL_TABLES(db), async () => ({
    format: FORMAT,
    schemaVersion: DB_VERSION,
    exportedAt: now,
    creators: await db.creators.toArray(),
    snapshots: await allSnapshots(db),
    posts: await allPosts(db),
    deals: await db.deals.toArray(),
    settings: (await db.settings.get('settings'))?.value ?? null,
    campaigns: await db.campaigns.toArray(),
    bookings: await db.bookings.toArray(),
    postObservations: await db.postObservations.toArray(),
  }));
}

export async function exportJson(db: LibraryDb, now = Date.now()): Promise<string> {
  return JSON.stringify(await exportLibrary(db, now));
}

export const CSV_COLUMNS = [
  'platform', 'handle', 'display_name', 'profile_url', 'taken_at', 'followers', 'following', 'posts', 'likes', 'views', 'source', 'lists', 'tags',
] as const;

/** One row per snapshot. Cells that a spreadsheet would run as a formula are escaped. */
export async function exportCsv(db: LibraryDb): Promise<string> {
  const [creators, snapshots] = await Promise.all([db.creators.toArray(), allSnapshots(db)]);
  const byKey = new Map(creators.map((c) => [c.key, c]));
  const rows = snapshots
    .sort((a, b) => (a.creatorKey < b.creatorKey ? -1 : a.creatorKey > b.creatorKey ? 1 : a.takenAt - b.takenAt))
    .map((s) => {
      const c = byKey.get(s.creatorKey);
      return [
        c?.platform ?? s.creatorKey.split(':')[0], c?.handle ?? s.creatorKey.split(':').slice(1).join(':'), c?.displayName ?? '', c?.url ?? '',
        new Date(s.takenAt).toISOString(), s.followers ?? '', s.following ?? '', s.posts ?? '', s.likes ?? '', s.views ?? '', s.source,
        (c?.lists ?? []).join('; '), (c?.tags ?? []).join('; '),
      ];
    });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}

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

/** Parsing and validating a JSON export; nothing touches the database here. */
export function parseExportJson(text: string): { ok: true; file: ExportFile } | { ok: false; errors: string[] } {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`The file is not valid JSON (${(e as Error).message}); it may be cut short.`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: ['The file is not a Creator Lens export (no object at the top).'] };
  const top = raw as Record<string, unknown>;
  if (top.format !== FORMAT) return { ok: false, errors: ['The file is not a Creator Lens export ("format" is missing or different).'] };
  if (typeof top.schemaVersion === 'number' && top.schemaVersion > DB_VERSION) {
    return { ok: false, errors: [`The file was made by a newer Creator Lens (library version ${top.schemaVersion}; this one reads up to ${DB_VERSION}). Update the extension first.`] };
  }
  // Version 1 exports had no tags and could leave notes out: fill them the way the v2 upgrade does.
  if (top.schemaVersion === 1 && Array.isArray(top.creators)) {
    top.creators = top.creators.map((c) => (c && typeof c === 'object' && !Array.isArray(c) ? { tags: [], notes: '', ...(c as object) } : c));
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 20).map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(file)'}: ${i.message}`) };
  }
  const errors = duplicatesIn(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, file: parsed.data };
}

function duplicatesIn(file: ExportFile): string[] {
  const errors: string[] = [];
  const seen = (name: string, keys: string[]) => {
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      if (first.has(k)) errors.push(`${name}[${i}]: the same ${name === 'snapshots' ? 'creator and time' : 'key'} as ${name}[${first.get(k)}] (${k}).`);
      else first.set(k, i);
    });
  };
  seen('creators', file.creators.map((c) => c.key));
  seen('snapshots', file.snapshots.map((s) => `${s.creatorKey}@${s.takenAt}`));
  // A post is kept per creator: the same post id under two creators (a renamed handle) is two rows.
  seen('posts', file.posts.map((p) => `${p.creatorKey} ${p.key}`));
  seen('deal ids', file.deals.filter((d) => d.id !== undefined).map((d) => `id ${d.id}`));
  seen('campaign ids', file.campaigns.filter((c) => c.id !== undefined).map((c) => `id ${c.id}`));
  seen('booking ids', file.bookings.filter((b) => b.id !== undefined).map((b) => `id ${b.id}`));
  seen('post observations', file.postObservations.map((o) => `${o.postKey}@${o.takenAt}`));
  return errors.slice(0, 20);
}

function mergeCreator(old: Creator, imported: Creator): Creator {
  const newer = imported.lastSeenAt > old.lastSeenAt ? imported : old;
  const latest = !old.latest ? imported.latest : !imported.latest ? old.latest : imported.latest.takenAt > old.latest.takenAt ? imported.latest : old.latest;
  const savedAts = [old.savedAt, imported.savedAt].filter((t): t is number => t !== null);
  const notes = !old.notes ? imported.notes : !imported.notes || old.notes.includes(imported.notes) ? old.notes : `${old.notes}\n\n${imported.notes}`.slice(0, 20_000);
  return {
    ...old,
    displayName: newer.displayName ?? old.displayName ?? imported.displayName,
    url: newer.url,
    savedAt: savedAts.length ? Math.min(...savedAts) : null,
    firstSeenAt: Math.min(old.firstSeenAt, imported.firstSeenAt),
    lastSeenAt: Math.max(old.lastSeenAt, imported.lastSeenAt),
    latest,
    lists: [...new Set([...old.lists, ...imported.lists])],
    tags: [...new Set([...old.tags, ...imported.tags])],
    notes,
  };
}

/** Writes a validated file into the library, merging; all or nothing. */
export async function importFile(db: LibraryDb, file: ExportFile): Promise<ImportResult> {
  const report: ImportReport = { creatorsAdded: 0, creatorsUpdated: 0, snapshotsAdded: 0, snapshotsSkipped: 0, postsWritten: 0, dealsAdded: 0, dealsSkipped: 0, settingsApplied: false, campaignsAdded: 0, bookingsAdded: 0, observationsWritten: 0 };
  try {
    await db.transaction('rw', ALL_TABLES(db), async () => {
      // References first: every snapshot, post and deal must belong to a creator in the file or the library.
      const fileKeys = new Set(file.creators.map((c) => c.key));
      const needed = [...new Set([...file.snapshots, ...file.posts, ...file.deals, ...file.bookings, ...file.postObservations].map((x) => x.creatorKey).filter((k) => !fileKeys.has(k)))];
      const found = await db.creators.bulkGet(needed);
      const missing = needed.filter((_, i) => !found[i]);
      if (missing.length) throw new ImportProblem([`Snapshots, posts or deals refer to creators that are neither in the file nor in your library: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`]);

      const existing = await existingRows<string, Creator>(db.creators, file.creators.map((c) => c.key));
      await db.creators.bulkPut(file.creators.map((c, i) => (existing[i] ? mergeCreator(existing[i]!, c) : c)));
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

/** Deal ids are kept where they are free in the library, and dropped (assigned anew) where taken. */
function withFreeIds<T extends { id?: number }>(rows: T[], taken: Set<number>): T[] {
  return rows.map((row) => {
    if (row.id === undefined || !taken.has(row.id)) return row;
    const { id: _taken, ...rest } = row;
    return rest as T;
  });
}

export async function importJson(db: LibraryDb, text: string): Promise<ImportResult> {
  const parsed = parseExportJson(text);
  return parsed.ok ? importFile(db, parsed.file) : parsed;
}

const CsvRowSchema = z
  .object({
    platform: z.enum(['instagram', 'youtube', 'tiktok']),
    handle: z.string().trim().min(1).max(100).regex(/^[^\s:]+$/, 'a handle has no spaces or colons'),
    display_name: z.string().max(300),
    profile_url: z.string().max(2048),
    taken_at: z.string().refine((t) => Number.isFinite(Date.parse(t)), 'not a date (use ISO 8601, e.g. 2026-03-01T12:00:00Z)'),
    followers: z.string(),
    following: z.string(),
    posts: z.string(),
    likes: z.string(),
    views: z.string(),
    source: z.enum(['auto', 'manual']),
    lists: z.string().max(20_000),
    tags: z.string().max(20_000),
  })
  .strict();

/** A CSV in the export's columns → the same checks and merge as a JSON import. */
export function parseCsv(text: string, now = Date.now()): { ok: true; file: ExportFile } | { ok: false; errors: string[] } {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`] };
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  const errors = parsed.errors.slice(0, 10).map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const header = parsed.meta.fields ?? [];
  const missingColumns = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length) return { ok: false, errors: [`Missing columns: ${missingColumns.join(', ')}.`, ...errors] };
  const creators = new Map<string, Creator>();
  const snapshots: Snapshot[] = [];
  const count = (row: number, field: string, v: string): number | null => {
    if (v.trim() === '') return null;
    const n = Number(v.replace(/^'/, ''));
    if (!Number.isSafeInteger(n) || n < 0) {
      errors.push(`row ${row}, ${field}: "${v.slice(0, 40)}" is not a whole number of 0 or more.`);
      return null;
    }
    return n;
  };
  parsed.data.forEach((raw, i) => {
    const row = i + 2; // the header is row 1
    const r = CsvRowSchema.safeParse(raw);
    if (!r.success) {
      errors.push(...r.error.issues.slice(0, 3).map((iss) => `row ${row}, ${iss.path.join('.') || 'columns'}: ${iss.message}`));
      return;
    }
    const d = r.data;
    const handle = d.handle.toLowerCase();
    const key = creatorKeyOf(d.platform, handle);
    const takenAt = Date.parse(d.taken_at);
    const counts = { followers: count(row, 'followers', d.followers), following: count(row, 'following', d.following), posts: count(row, 'posts', d.posts), likes: count(row, 'likes', d.likes), views: count(row, 'views', d.views) };
    const split = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
    const old = creators.get(key);
    const latestAt = Math.max(old?.lastSeenAt ?? 0, takenAt);
    creators.set(key, {
      key,
      platform: d.platform,
      handle,
      displayName: d.display_name.replace(/^'(?=[=+\-@\t\r])/, '') || old?.displayName || null,
      url: d.profile_url || old?.url || '',
      savedAt: old ? Math.min(old.savedAt ?? takenAt, takenAt) : takenAt,
      firstSeenAt: Math.min(old?.firstSeenAt ?? takenAt, takenAt),
      lastSeenAt: latestAt,
      latest: !old?.latest || takenAt >= old.latest.takenAt ? { takenAt, ...counts } : old.latest,
      lists: [...new Set([...(old?.lists ?? []), ...split(d.lists)])],
      tags: [...new Set([...(old?.tags ?? []), ...split(d.tags)])],
      notes: old?.notes ?? '',
    });
    const exact = { followers: false, following: false, posts: false, likes: false, views: false };
    snapshots.push({ creatorKey: key, takenAt, ...counts, exact, source: d.source, readerVersion: READER_VERSION });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 20) };
  const file = { format: FORMAT, schemaVersion: DB_VERSION, exportedAt: now, creators: [...creators.values()], snapshots, posts: [], deals: [], settings: null };
  const checked = ExportFileSchema.safeParse(file);
  if (!checked.success) return { ok: false, errors: [describeIssues(checked.error)] };
  const dupes = duplicatesIn(checked.data);
  return dupes.length ? { ok: false, errors: dupes } : { ok: true, file: checked.data };
}

export async function importCsv(db: LibraryDb, text: string): Promise<ImportResult> {
  const parsed = parseCsv(text);
  return parsed.ok ? importFile(db, parsed.file) : parsed;
}


class DryRun extends Error {}

/**
 * What importing `file` would change, without changing anything: the import runs inside
 * a transaction that is then rolled back, so the report is exactly the real one's.
 */
export async function previewImport(db: LibraryDb, file: ExportFile): Promise<ImportResult> {
  let result: ImportResult | undefined;
  try {
    await db.transaction('rw', ALL_TABLES(db), async () => {
      result = await importFile(db, file);
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun) && !result) return { ok: false, errors: [describeDbError(error)] };
  }
  return result!;
}

/** Deletes everything in the library: creators, snapshots, posts, deals, settings and campaigns. */
export async function wipeLibrary(db: LibraryDb): Promise<void> {
  await db.transaction('rw', ALL_TABLES(db), async () => {
    await Promise.all(ALL_TABLES(db).map((t) => t.clear()));
  });
}
