/**
 * Import at 20,000 creators against its floor, the same code in Node (fake-indexeddb) and
 * in Chromium (real IndexedDB): the bench's library as an export file (400,000 snapshots,
 * 120,000 posts, about 137 MB of JSON), imported whole and validated into an empty library
 * (`parseExportJson` + `importFile`), against a bare write of the same rows: one transaction
 * that `bulkPut`s the creators and the year rows and post sets the store keeps (grouped
 * beforehand, outside the timing) into an empty library of the same schema. Runs
 * alternate, each into a new database, deleted afterwards. `JSON.parse` of the file alone
 * is the floor of the validation.
 */
import { LibraryDb } from '../lib/db/db';
import { bucketize } from '../lib/db/layout';
import { importFile, parseExportJson, FORMAT } from '../lib/db/transfer';
import { LIBRARY_VERSION } from '../lib/schema';
import { libraryParts } from './library-workload';

export interface ImportBenchResult {
  creators: number;
  snapshots: number;
  posts: number;
  fileMb: number;
  runs: number;
  /** Medians (and p95) in ms. */
  importMs: { median: number; p95: number };
  validateMs: { median: number; p95: number };
  writeMs: { median: number; p95: number };
  floorMs: { median: number; p95: number };
  jsonParseMs: { median: number; p95: number };
}

const stat = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
};

export async function runImportBench(makeDb: (name: string) => LibraryDb, creators = 20_000, runs = 3): Promise<ImportBenchResult> {
  const [rows] = [...libraryParts({ creators })];
  const text = JSON.stringify({ format: FORMAT, schemaVersion: LIBRARY_VERSION, exportedAt: Date.UTC(2026, 10, 1), creators: rows!.creators, snapshots: rows!.snapshots, posts: rows!.posts, deals: [], settings: null, campaigns: [], bookings: [], postObservations: [] });
  const grouped = bucketize(rows!.snapshots, rows!.posts);
  let n = 0;
  const fresh = async () => {
    const db = makeDb(`import-bench-${Date.now()}-${n++}`);
    await db.delete();
    await db.open();
    return db;
  };
  const t = { import: [] as number[], validate: [] as number[], write: [] as number[], floor: [] as number[], parse: [] as number[] };
  for (let i = 0; i < runs + 1; i++) {
    // Alternating, the order turned round every run: import then floor, floor then import.
    for (const which of i % 2 ? (['floor', 'import'] as const) : (['import', 'floor'] as const)) {
      const db = await fresh();
      if (which === 'import') {
        const t0 = performance.now();
        const parsed = parseExportJson(text);
        const t1 = performance.now();
        if (!parsed.ok) throw new Error(`import refused: ${parsed.errors.join('; ')}`);
        const done = await importFile(db, parsed.file);
        const t2 = performance.now();
        if (!done.ok) throw new Error(`import failed: ${done.errors.join('; ')}`);
        if (i > 0) {
          t.import.push(t2 - t0);
          t.validate.push(t1 - t0);
          t.write.push(t2 - t1);
        }
      } else {
        const t0 = performance.now();
        await db.transaction('rw', db.creators, db.snapshotYears, db.postSets, async () => {
          await db.creators.bulkPut(rows!.creators);
          await db.snapshotYears.bulkPut(grouped.years);
          await db.postSets.bulkPut(grouped.postSets);
        });
        if (i > 0) t.floor.push(performance.now() - t0);
      }
      await db.delete();
    }
    const t0 = performance.now();
    JSON.parse(text);
    if (i > 0) t.parse.push(performance.now() - t0);
  }
  return {
    creators, snapshots: rows!.snapshots.length, posts: rows!.posts.length, fileMb: text.length / 1024 / 1024, runs,
    importMs: stat(t.import), validateMs: stat(t.validate), writeMs: stat(t.write), floorMs: stat(t.floor), jsonParseMs: stat(t.parse),
  };
}
