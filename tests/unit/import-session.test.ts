/**
 * The dashboard's import protocol (lib/dashboard/import-session.ts, what import.worker.ts
 * runs): the page sends a file and gets progress, the preview's report and one outcome per
 * file, never the rows; refusals carry the import's own messages; Cancel at any stage
 * leaves the library exactly as it was.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { LibraryDb } from '../../lib/db/db';
import { openImport } from '../../lib/dashboard/import-client';
import { FILE_GONE, importSession, type ImportReply, type ImportRequest } from '../../lib/dashboard/import-session';
import { exportLibrary, importFile, MAX_IMPORT_BYTES, parseCsv, parseExportJson, previewImport, tooLargeMessage, type ExportFile } from '../../lib/db/transfer';
import { freshDb } from './db-helpers';
import { generatedFile, withWrites } from './import-library';

const without = (f: ExportFile) => ({ ...f, exportedAt: 0 });
const FINAL = new Set(['checked', 'refused', 'imported', 'failed', 'cancelled']);

/** A session as the worker runs it, every reply passed through structured cloning as postMessage does. */
function session(db: LibraryDb, batchSize = 100) {
  const replies: ImportReply[] = [];
  const waiters: (() => void)[] = [];
  const listeners: ((r: ImportReply) => void)[] = [];
  const handle = importSession(db, (r) => {
    replies.push(structuredClone(r));
    for (const l of listeners) l(r);
    for (const w of waiters.splice(0)) w();
  }, { batchSize });
  // Requests arrive as messages do: in a later task.
  const send = (req: ImportRequest) => setTimeout(() => handle(req), 0);
  const final = (id: number) => new Promise<ImportReply>((resolve) => {
    const look = () => {
      const r = replies.find((x) => x.id === id && FINAL.has(x.type));
      if (r) resolve(r);
      else waiters.push(look);
    };
    look();
  });
  /** The next reply of this type for this id, from now on. */
  const next = (id: number, type: ImportReply['type']) => {
    const from = replies.length;
    return new Promise<ImportReply>((resolve) => {
      const look = () => {
        const r = replies.slice(from).find((x) => x.id === id && x.type === type);
        if (r) resolve(r);
        else waiters.push(look);
      };
      look();
    });
  };
  return { replies, send, final, next, on: (f: (r: ImportReply) => unknown) => void listeners.push(f), of: (id: number) => replies.filter((r) => r.id === id) };
}

const blob = (file: unknown) => new Blob([JSON.stringify(file)], { type: 'application/json' });

async function library(): Promise<LibraryDb> {
  const db = freshDb();
  const r = await importFile(db, generatedFile(5, 30, 2));
  if (!r.ok) throw new Error(r.errors.join());
  return db;
}

describe('the import worker’s messages', () => {
  test('check → progress → preview; import → progress → imported: the page gets the report, never the rows', async () => {
    const db = await library();
    const file = generatedFile(30, 40, 3, 20);
    const s = session(db);
    s.send({ type: 'check', id: 1, file: blob(file), name: 'lib.json' });
    const checked = await s.final(1);
    const expected = await previewImport(db, file);
    if (!expected.ok) throw new Error(expected.errors.join());
    expect(checked).toEqual({ type: 'checked', id: 1, report: expected.report, snapshots: 1200, posts: 90 });
    const stages = s.of(1).filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.stage);
    expect([...new Set(stages)]).toEqual(['reading', 'checking', 'previewing']);

    const before = without(await exportLibrary(db));
    const imported = s.next(1, 'imported');
    s.send({ type: 'import', id: 1 });
    await imported;
    const writes = s.of(1).filter((r) => r.type === 'progress' && r.stage === 'writing');
    expect(writes.length).toBeGreaterThan(5);
    expect(writes.at(-1)).toEqual({ type: 'progress', id: 1, stage: 'writing', done: 1290, total: 1290, snapshots: 1200, posts: 90 });
    expect(s.of(1).at(-1)).toEqual({ type: 'imported', id: 1, report: expected.report });
    expect(without(await exportLibrary(db))).not.toEqual(before);
    // Every message is small: the rows stay in the worker.
    for (const r of s.replies) expect(JSON.stringify(r).length).toBeLessThan(1_000);
  });

  test('refusals carry the import’s own messages, and nothing is written', async () => {
    const db = await library();
    const before = without(await exportLibrary(db));
    const s = session(db);
    const cut = JSON.stringify(generatedFile(3, 3)).slice(0, 300);
    s.send({ type: 'check', id: 1, file: new Blob([cut]), name: 'cut.json' });
    expect(await s.final(1)).toEqual({ type: 'refused', id: 1, errors: (parseExportJson(cut) as { errors: string[] }).errors });
    expect(s.of(1).at(-1)).toEqual({ type: 'refused', id: 1, errors: [expect.stringMatching(/not valid JSON.*cut short/)] });

    const csv = 'platform,handle\ntiktok,a\n';
    s.send({ type: 'check', id: 2, file: new Blob([csv]), name: 'rows.csv' });
    expect(await s.final(2)).toEqual({ type: 'refused', id: 2, errors: (parseCsv(csv) as { errors: string[] }).errors });
    expect(s.of(2).at(-1)).toEqual({ type: 'refused', id: 2, errors: [expect.stringMatching(/^Missing columns: display_name/)] });

    // Refused by the preview: snapshots of a creator neither in the file nor in the library.
    const orphan = { ...generatedFile(1, 2), creators: [], snapshots: generatedFile(1, 2).snapshots.map((x) => ({ ...x, creatorKey: 'tiktok:nobody' })) };
    s.send({ type: 'check', id: 3, file: blob(orphan), name: 'orphan.json' });
    expect(await s.final(3)).toEqual({ type: 'refused', id: 3, errors: [expect.stringMatching(/neither in the file nor in your library: tiktok:nobody/)] });

    const huge = { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('not read')) } as unknown as Blob;
    s.send({ type: 'check', id: 4, file: huge, name: 'huge.json' });
    expect(await s.final(4)).toEqual({ type: 'refused', id: 4, errors: [tooLargeMessage('huge.json')] });
    expect(tooLargeMessage('huge.json')).toBe('huge.json is larger than 256 MB; nothing was imported.');
    expect(without(await exportLibrary(db))).toEqual(before);
  });

  test('Cancel while the rows are written undoes every batch written: the library is exactly as it was', async () => {
    const db = await library();
    const before = without(await exportLibrary(db));
    const s = session(db);
    s.send({ type: 'check', id: 7, file: blob(generatedFile(30, 40, 3, 20)), name: 'lib.json' });
    expect(await s.final(7)).toMatchObject({ type: 'checked' });
    let writes = 0;
    s.on((r) => r.type === 'progress' && r.stage === 'writing' && ++writes === 4 && s.send({ type: 'cancel', id: 7 }));
    const cancelled = s.next(7, 'cancelled');
    s.send({ type: 'import', id: 7 });
    await cancelled;
    const last = s.of(7).at(-1);
    expect(last).toEqual({ type: 'cancelled', id: 7 });
    const written = s.of(7).filter((r) => r.type === 'progress' && r.stage === 'writing' && r.done > 0);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThan(13);
    expect(without(await exportLibrary(db))).toEqual(before);
    s.send({ type: 'import', id: 7 });
    await new Promise((r) => setTimeout(r, 20));
    expect(s.of(7).at(-1)).toEqual({ type: 'failed', id: 7, errors: [FILE_GONE] });
  });

  test('Cancel while the file is checked, or once it is previewed, forgets it', async () => {
    const db = await library();
    const before = without(await exportLibrary(db));
    const s = session(db);
    s.send({ type: 'check', id: 1, file: blob(generatedFile(30, 40, 3, 20)), name: 'a.json' });
    s.on((r) => r.type === 'progress' && r.stage === 'previewing' && r.done > 0 && s.send({ type: 'cancel', id: 1 }));
    expect(await s.final(1)).toEqual({ type: 'cancelled', id: 1 });
    s.send({ type: 'check', id: 2, file: blob(generatedFile(2, 2, 0, 99)), name: 'b.json' });
    expect(await s.final(2)).toMatchObject({ type: 'checked' });
    s.send({ type: 'cancel', id: 2 });
    await new Promise((r) => setTimeout(r, 10));
    expect(s.of(2).at(-1)).toEqual({ type: 'cancelled', id: 2 });
    s.send({ type: 'import', id: 2 });
    await new Promise((r) => setTimeout(r, 10));
    expect(s.of(2).at(-1)).toEqual({ type: 'failed', id: 2, errors: [FILE_GONE] });
    expect(without(await exportLibrary(db))).toEqual(before);
  });

  test('a newer file replaces the one being checked; each file gets exactly one outcome', async () => {
    const db = await library();
    const s = session(db);
    s.send({ type: 'check', id: 1, file: blob(generatedFile(30, 40, 3, 20)), name: 'first.json' });
    s.send({ type: 'check', id: 2, file: blob(generatedFile(3, 3, 0, 50)), name: 'second.json' });
    expect(await s.final(2)).toMatchObject({ type: 'checked', id: 2, snapshots: 9 });
    expect(await s.final(1)).toEqual({ type: 'cancelled', id: 1 });
    const imported = s.next(2, 'imported');
    s.send({ type: 'import', id: 1 });
    s.send({ type: 'import', id: 2 });
    await imported;
    for (const id of [1, 2]) expect(s.of(id).filter((r) => r.type !== 'progress').map((r) => r.type)).toEqual(id === 1 ? ['cancelled', 'failed'] : ['checked', 'imported']);
  });

  test('a write that fails mid-import (the disk full) is reported, and nothing of the file is kept', async () => {
    const db = withWrites(await library(), (n) => {
      if (n === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const before = without(await exportLibrary(db));
    const s = session(db);
    s.send({ type: 'check', id: 1, file: blob(generatedFile(30, 40, 3, 20)), name: 'a.json' });
    // The preview writes too (and is rolled back): it meets the full disk first, and refuses with the same words.
    expect(await s.final(1)).toEqual({ type: 'refused', id: 1, errors: [expect.stringMatching(/disk is full/)] });
    expect(without(await exportLibrary(db))).toEqual(before);
  });

  test('without a worker (here, Node) the page runs the same session', async () => {
    const db = await library();
    const replies: ImportReply[] = [];
    const done = new Promise<void>((resolve) => {
      const channel = openImport(db, (r) => {
        replies.push(r);
        if (r.type === 'checked') channel.send({ type: 'import', id: 1 });
        if (r.type === 'imported') {
          channel.close();
          resolve();
        }
      });
      channel.send({ type: 'check', id: 1, file: blob(generatedFile(3, 3, 0, 70)), name: 'c.json' });
    });
    await done;
    expect(replies.filter((r) => r.type !== 'progress').map((r) => r.type)).toEqual(['checked', 'imported']);
  });
});
