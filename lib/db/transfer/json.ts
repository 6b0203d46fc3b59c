/** The JSON export: lossless, carries the library version; export → wipe → import gives back the same data. */
import { ExportFileSchema, FORMAT, type ExportFile, type Post, type Snapshot } from '../../schema';
import { DB_VERSION, type LibraryDb } from '../db';
import { allPosts } from '../posts';
import { allSnapshots } from '../snapshots';
import { upgradeV1Creator, upgradeV4Creator, upgradeV5Post } from '../upgrades';
import { importFile, type ImportResult } from './import';
import { duplicatesIn } from './merge';
import { isPlainPost, isPlainSnapshot } from './plain';

/** Larger files are refused before parsing (a whole library is a few MB per 10,000 snapshots). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export async function exportLibrary(db: LibraryDb, now = Date.now()): Promise<ExportFile> {
  return db.transaction('r', db.tables, async () => ({
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

/** Parsing and validating a JSON export; nothing touches the database here. */
export function parseExportJson(text: string): { ok: true; file: ExportFile } | { ok: false; errors: string[] } {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`] };
  let raw: unknown;
  try {
    // A file re-saved by an editor may start with a byte-order mark.
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
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
    top.creators = top.creators.map((c) => {
      if (!c || typeof c !== 'object' || Array.isArray(c)) return c;
      const copy = { ...(c as Record<string, unknown>) };
      upgradeV1Creator(copy);
      return copy;
    });
  }
  // Before version 5 a creator's latest numbers had no exact flags: take them from the file's snapshot of that time, as the v5 upgrade does.
  if (typeof top.schemaVersion === 'number' && top.schemaVersion < 5 && Array.isArray(top.creators)) {
    const snapshots = Array.isArray(top.snapshots) ? (top.snapshots as Record<string, unknown>[]) : [];
    const at = new Map(snapshots.filter((s) => s && typeof s === 'object').map((s) => [`${String(s.creatorKey)}@${String(s.takenAt)}`, s as unknown as Snapshot]));
    top.creators = top.creators.map((c) => {
      if (!c || typeof c !== 'object' || Array.isArray(c)) return c;
      const copy = { ...(c as Record<string, unknown>) };
      if (copy.latest && typeof copy.latest === 'object') copy.latest = { ...(copy.latest as object) };
      upgradeV4Creator(copy, (t) => at.get(`${String(copy.key)}@${t}`));
      return copy;
    });
  }
  // Before version 6 posts kept only their counts and the page's words for their date: the rest is unknown, as the v6 upgrade makes it.
  if (typeof top.schemaVersion === 'number' && top.schemaVersion < 6 && Array.isArray(top.posts)) {
    top.posts = top.posts.map((p) => {
      if (!p || typeof p !== 'object' || Array.isArray(p)) return p;
      const copy = { ...(p as Record<string, unknown>) };
      upgradeV5Post(copy);
      return copy;
    });
  }
  // Snapshots and posts the schema would take exactly as they are skip zod (plain.ts); if
  // any of them is not plainly valid, zod checks them all, so a refused file has zod's own messages.
  const { snapshots, posts } = top;
  const plainSnapshots = Array.isArray(snapshots) && snapshots.length <= 10_000_000 && snapshots.every(isPlainSnapshot);
  const plainPosts = Array.isArray(posts) && posts.length <= 2_000_000 && posts.every(isPlainPost);
  const parsed = ExportFileSchema.safeParse({ ...top, ...(plainSnapshots && { snapshots: [] }), ...(plainPosts && { posts: [] }) });
  if (parsed.success && plainSnapshots) parsed.data.snapshots = snapshots as Snapshot[];
  if (parsed.success && plainPosts) parsed.data.posts = posts as Post[];
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 20).map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(file)'}: ${i.message}`) };
  }
  const errors = duplicatesIn(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, file: parsed.data };
}

export async function importJson(db: LibraryDb, text: string): Promise<ImportResult> {
  const parsed = parseExportJson(text);
  return parsed.ok ? importFile(db, parsed.file) : parsed;
}
