/** The CSV export and import: one row per snapshot, for spreadsheets (papaparse, formulas escaped). */
import Papa from 'papaparse';
import { creatorKeyOf } from '../../keys';
import { CSV_COLUMNS, CsvRowSchema, describeIssues, ExportFileSchema, FORMAT, type Counts, type Creator, type ExportFile, type Snapshot } from '../../schema';
import { PROFILE_COUNTS } from '../../sites/types';
import { DB_VERSION, type LibraryDb } from '../db';
import { READER_VERSION } from '../record';
import { allSnapshots } from '../snapshots';
import { importFile, type ImportResult } from './import';
import { MAX_IMPORT_BYTES } from './json';
import { duplicatesIn } from './merge';
import { isPlainSnapshot } from './plain';

export { CSV_COLUMNS };

/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first — after any quotes
 * already there, so a name that starts with ' survives too) get a ' in front; the import
 * takes exactly one off again. Every text column round-trips: "=VIP" → "'=VIP" → "=VIP".
 * The pattern has no `$`: Papa's own stops at a newline, so "=1+1\n…" went out unescaped.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const unescapeFormula = (value: string): string => (/^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** Lists and tags in one cell, "a; b"; a ";" or "\" inside a name is escaped with "\". */
export const joinLabels = (labels: readonly string[]): string => labels.map((l) => l.replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');
export function splitLabels(cell: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((x) => x.trim()).filter(Boolean);
}

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
        joinLabels(c?.lists ?? []), joinLabels(c?.tags ?? []),
      ];
    });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: FORMULA, newline: '\r\n' });
}

/** A CSV in the export's columns → the same checks and merge as a JSON import. */
export function parseCsv(text: string, now = Date.now()): { ok: true; file: ExportFile } | { ok: false; errors: string[] } {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`] };
  // A byte-order mark and mixed line endings (a CRLF header over LF rows, as spreadsheets re-save) are accepted.
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), { header: true, skipEmptyLines: true, transform: unescapeFormula });
  const errors = parsed.errors.slice(0, 10).map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const header = parsed.meta.fields ?? [];
  const missingColumns = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length) return { ok: false, errors: [`Missing columns: ${missingColumns.join(', ')}.`, ...errors] };
  // Per creator, its fields as the rows so far give them; lists and tags as sets (their union, in the order first seen).
  const creators = new Map<string, Creator & { listSet: Set<string>; tagSet: Set<string> }>();
  const snapshots: Snapshot[] = [];
  const count = (row: number, field: string, v: string): number | null => {
    if (v.trim() === '') return null;
    const n = Number(v);
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
    const counts = {} as Counts;
    // A spreadsheet cell does not say whether the page showed every digit: never more precise than seen.
    const exact = {} as Snapshot['exact'];
    for (const k of PROFILE_COUNTS) {
      counts[k] = count(row, k, d[k]);
      exact[k] = false;
    }
    const old = creators.get(key);
    if (!old) {
      const listSet = new Set(splitLabels(d.lists));
      const tagSet = new Set(splitLabels(d.tags));
      creators.set(key, {
        key, platform: d.platform, handle, displayName: d.display_name || null, url: d.profile_url || '', savedAt: takenAt, firstSeenAt: takenAt, lastSeenAt: Math.max(0, takenAt),
        latest: { takenAt, ...counts, exact: { ...exact } }, lists: [], tags: [], notes: '', listSet, tagSet,
      });
    } else {
      // Each row updates the creator as a new one over it would: the last name and URL given, the earliest and latest times, the newest numbers.
      old.platform = d.platform;
      old.displayName = d.display_name || old.displayName || null;
      old.url = d.profile_url || old.url || '';
      old.savedAt = Math.min(old.savedAt ?? takenAt, takenAt);
      old.firstSeenAt = Math.min(old.firstSeenAt, takenAt);
      old.lastSeenAt = Math.max(old.lastSeenAt, takenAt);
      if (!old.latest || takenAt >= old.latest.takenAt) old.latest = { takenAt, ...counts, exact: { ...exact } };
      for (const l of splitLabels(d.lists)) old.listSet.add(l);
      for (const t of splitLabels(d.tags)) old.tagSet.add(t);
    }
    snapshots.push({ creatorKey: key, takenAt, ...counts, exact, source: d.source, readerVersion: READER_VERSION });
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, 20) };
  const file = {
    format: FORMAT, schemaVersion: DB_VERSION, exportedAt: now, posts: [], deals: [], settings: null, snapshots,
    creators: [...creators.values()].map(({ listSet, tagSet, ...c }): Creator => ({ ...c, lists: [...listSet], tags: [...tagSet] })),
  };
  // The snapshots made above are checked as json.ts checks a file's (plain.ts): when every one is plainly valid, zod checks the rest of the file only.
  const plain = snapshots.every(isPlainSnapshot);
  const checked = ExportFileSchema.safeParse(plain ? { ...file, snapshots: [] } : file);
  if (!checked.success) return { ok: false, errors: [describeIssues(checked.error)] };
  if (plain) checked.data.snapshots = snapshots;
  const dupes = duplicatesIn(checked.data);
  return dupes.length ? { ok: false, errors: dupes } : { ok: true, file: checked.data };
}

export async function importCsv(db: LibraryDb, text: string): Promise<ImportResult> {
  const parsed = parseCsv(text);
  return parsed.ok ? importFile(db, parsed.file) : parsed;
}
