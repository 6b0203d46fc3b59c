/**
 * The import writes in batches inside one transaction (lib/db/transfer/import.ts): the same
 * library as one write, progress after each batch, and a Cancel or a failed write at any
 * batch leaves the library exactly as it was.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { LibraryDb } from '../../lib/db/db';
import { CANCELLED, exportCsv, exportLibrary, importFile, parseCsv, parseExportJson, previewImport, type ExportFile, type ImportProgress } from '../../lib/db/transfer';
import { ExportFileSchema } from '../../lib/schema';
import { freshDb } from './db-helpers';
import { generatedFile, withWrites } from './import-library';

const without = (f: ExportFile) => ({ ...f, exportedAt: 0 });

/** A library already holding some of what the file brings (so batches merge into stored rows). */
async function library(): Promise<LibraryDb> {
  const db = freshDb();
  const r = await importFile(db, generatedFile(6, 30, 3));
  if (!r.ok) throw new Error(r.errors.join());
  return db;
}

// 40 creators × 60 weekly snapshots: each creator's snapshots in two year rows, the file merging into 6 stored creators.
const FILE = () => generatedFile(40, 60, 4, 10);

describe('batched import', () => {
  test('in batches it writes the same library and reports the same as in one write, with progress after each batch', async () => {
    const one = await library();
    const many = await library();
    const file = FILE();
    const progress: ImportProgress[] = [];
    const whole = await importFile(one, file, { batchSize: 1_000_000 });
    const batched = await importFile(many, file, { batchSize: 250, onProgress: (p) => progress.push(p) });
    expect(batched).toEqual(whole);
    expect(batched).toMatchObject({ ok: true, report: { creatorsAdded: 34, creatorsUpdated: 6, snapshotsAdded: 40 * 60 - 6 * 20, snapshotsSkipped: 6 * 20 } });
    expect(without(await exportLibrary(many))).toEqual(without(await exportLibrary(one)));
    const total = file.snapshots.length + file.posts.length;
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ done: total, total, snapshots: file.snapshots.length, posts: file.posts.length });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
    // A batch holds whole year rows (of 52 or fewer snapshots here): never more than the size plus one row.
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done - progress[i - 1]!.done).toBeLessThanOrEqual(250 + 52);
  });

  test('cancelled after some batches were written: nothing is kept, and the result says so', async () => {
    const db = await library();
    const before = await exportLibrary(db);
    const abort = new AbortController();
    let batches = 0;
    const result = await importFile(db, FILE(), { batchSize: 200, signal: abort.signal, onProgress: () => ++batches === 3 && abort.abort() });
    expect(result).toEqual({ ok: false, errors: [CANCELLED], cancelled: true });
    expect(batches).toBe(3);
    expect(without(await exportLibrary(db))).toEqual(without(before));
  });

  test('cancelled while a batch is being written (the transaction aborted at once): nothing is kept', async () => {
    const abort = new AbortController();
    const db = withWrites(await library(), (n) => n === 4 && abort.abort());
    const before = await exportLibrary(db);
    let after = 0;
    const result = await importFile(db, FILE(), { batchSize: 200, signal: abort.signal, onProgress: () => abort.signal.aborted && after++ });
    expect(result).toEqual({ ok: false, errors: [CANCELLED], cancelled: true });
    expect(after).toBe(0); // no batch was reported done after the abort
    expect(without(await exportLibrary(db))).toEqual(without(before));
  });

  test('a write that fails mid-import (the disk full) leaves the library as it was, and says so', async () => {
    const db = withWrites(await library(), (n) => {
      if (n === 5) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const before = await exportLibrary(db);
    const result = await importFile(db, FILE(), { batchSize: 200 });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/disk is full.*Everything saved before is intact/)] });
    expect(without(await exportLibrary(db))).toEqual(without(before));
  });

  test('a preview in batches reports what the import does, can be cancelled, and writes nothing either way', async () => {
    const db = await library();
    const before = await exportLibrary(db);
    const file = FILE();
    const seen: number[] = [];
    const preview = await previewImport(db, file, { batchSize: 300, onProgress: (p) => seen.push(p.done) });
    expect(seen.length).toBeGreaterThan(5);
    expect(without(await exportLibrary(db))).toEqual(without(before));
    const abort = new AbortController();
    expect(await previewImport(db, file, { batchSize: 300, signal: abort.signal, onProgress: () => abort.abort() })).toEqual({ ok: false, errors: [CANCELLED], cancelled: true });
    expect(without(await exportLibrary(db))).toEqual(without(before));
    expect(await importFile(db, file, { batchSize: 300 })).toEqual(preview);
  });

  test('a signal already aborted writes nothing; one aborted after the import finished changes nothing', async () => {
    const db = await library();
    const before = await exportLibrary(db);
    const aborted = new AbortController();
    aborted.abort();
    expect(await importFile(db, FILE(), { signal: aborted.signal })).toMatchObject({ ok: false, cancelled: true });
    expect(without(await exportLibrary(db))).toEqual(without(before));
    const late = new AbortController();
    expect(await importFile(db, FILE(), { signal: late.signal })).toMatchObject({ ok: true });
    const after = await exportLibrary(db);
    late.abort();
    await new Promise((r) => setTimeout(r, 10));
    expect(without(await exportLibrary(db))).toEqual(without(after));
  });

  test('the generated file is a valid export, lossless through JSON', async () => {
    const file = FILE();
    const parsed = parseExportJson(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, file });
  });
});

describe('the CSV check', () => {
  test('its snapshots skip zod only when zod would take them unchanged; otherwise zod refuses with its own words', async () => {
    const db = freshDb();
    await importFile(db, generatedFile(3, 60));
    const text = await exportCsv(db);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(parsed.file.snapshots).toHaveLength(180);
    expect(ExportFileSchema.parse(parsed.file)).toEqual(parsed.file);
    const [header, first] = text.split('\r\n');
    const old = first!.replace(/,2025-[^,]+,/, ',1969-12-31T00:00:00.000Z,');
    expect(parseCsv(`${header}\r\n${old}\r\n`)).toEqual({ ok: false, errors: [expect.stringMatching(/^creators.0.savedAt: Too small: expected number to be >=0/)] });
  });
});
