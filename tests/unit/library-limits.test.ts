/**
 * Every write obeys the rules the import enforces, and export ⇄ import is lossless for
 * everything the library can hold (issue 15: B4 and B5 of the reliability report).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addToList, setTags, wipeLibrary } from '../../lib/db/creators';
import { MIN_AUTO_SNAPSHOT_GAP_MS, recordReading, saveCreator } from '../../lib/db/record';
import { countSnapshots } from '../../lib/db/snapshots';
import { exportCsv, exportJson, exportLibrary, importCsv, importJson, parseExportJson } from '../../lib/db/transfer';
import { joinLabels, splitLabels } from '../../lib/db/transfer/csv';
import { rename } from '../../lib/db/creators';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { freshDb } from './db-helpers';
import { loadFixture } from './fixtures';

const maya = readPage(loadFixture('tiktok/profile-2024-universal.html'), new URL('https://www.tiktok.com/@maya.bakes')) as ProfileReading;
const everything = async (db: ReturnType<typeof freshDb>) => ({ ...(await exportLibrary(db)), exportedAt: 0 });

describe('caps are enforced when anything writes, not only on import', () => {
  test('a creator is in at most 200 lists: the 201st is refused with a clear message and nothing is written', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 1);
    for (let i = 0; i < 200; i++) await addToList(db, ['tiktok:maya.bakes'], `List ${i}`);
    const before = await everything(db);
    await expect(addToList(db, ['tiktok:maya.bakes'], 'One too many')).rejects.toThrow(/in 200 lists already, the most a creator can be in; remove one first/);
    await addToList(db, ['tiktok:maya.bakes'], 'List 7'); // already in it: no change, no refusal
    expect(await everything(db)).toEqual(before);
    // Its own export imports again.
    expect(parseExportJson(await exportJson(db))).toMatchObject({ ok: true });
  });

  test('at most 200 tags', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 1);
    await expect(setTags(db, 'tiktok:maya.bakes', Array.from({ length: 201 }, (_, i) => `t${i}`))).rejects.toThrow(/at most 200 tags/);
    expect((await db.creators.get('tiktok:maya.bakes'))?.tags).toEqual([]);
  });

  test('an import whose merge would put a creator in more than 200 lists is refused whole, with the creator named', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 1);
    for (let i = 0; i < 150; i++) await addToList(db, ['tiktok:maya.bakes'], `Mine ${i}`);
    const file = await exportLibrary(db);
    file.creators[0]!.lists = Array.from({ length: 150 }, (_, i) => `Theirs ${i}`);
    const before = await everything(db);
    expect(await importJson(db, JSON.stringify(file))).toEqual({ ok: false, errors: [expect.stringMatching(/^tiktok:maya\.bakes: merged with the library it would break a limit \(lists: .*\); nothing was imported\.$/)] });
    expect(await everything(db)).toEqual(before);
  });

  test('merged notes are never cut short: an import that would pass 20,000 characters is refused', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 1);
    await db.creators.update('tiktok:maya.bakes', { notes: 'a'.repeat(15_000) });
    const file = await exportLibrary(db);
    file.creators[0]!.notes = 'b'.repeat(15_000);
    expect(await importJson(db, JSON.stringify(file))).toEqual({ ok: false, errors: [expect.stringMatching(/notes/)] });
    expect((await db.creators.get('tiktok:maya.bakes'))?.notes).toBe('a'.repeat(15_000));
  });

  test.each(['a b', 'x:y', 'tab\there'])('a handle the key format refuses (%j) is not written, whatever the caller', async (handle) => {
    const db = freshDb();
    const odd = { ...maya, handle, platform: 'youtube' as const };
    expect(await saveCreator(db, odd, 1)).toEqual({ ok: false, reason: expect.stringMatching(/handle has no spaces or colons\. Nothing was saved\.$/) });
    expect(await recordReading(db, odd, 2)).toEqual({ ok: false, reason: expect.stringMatching(/handle has no spaces or colons/) });
    expect(await db.creators.count()).toBe(0);
    expect(await countSnapshots(db)).toBe(0);
  });
});

describe('at most one automatic snapshot per creator per minute (B5)', () => {
  test('a page changing its numbers every 50 ms for 30 s adds no snapshot; the next minute adds one', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 0);
    for (let t = 50; t <= 30_000; t += 50) await recordReading(db, { ...maya, followers: maya.followers! + t }, t);
    expect(await countSnapshots(db)).toBe(1); // the save's
    expect(await recordReading(db, { ...maya, followers: 1 }, MIN_AUTO_SNAPSHOT_GAP_MS)).toEqual({ ok: true, outcome: 'snapshot', creatorKey: 'tiktok:maya.bakes' });
    expect(await countSnapshots(db)).toBe(2);
  }, 30_000); // 600 readings in a fake 30 s: 4.1 s in a loaded fresh-clone run
});

describe('export ⇄ import is lossless (B4)', () => {
  const tricky = ['=VIP', '+1 list', '-minus', '@mention', "'=already quoted", "''=twice", 'semi;colon', 'back\\slash', 'both \\; and ;\\', 'naïve 🎂', '=1+1\nsecond line'];

  test('CSV: every list, tag and name round-trips, formulas stay escaped in the file', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 1);
    for (const l of tricky.filter((t) => !t.includes('\n'))) await addToList(db, ['tiktok:maya.bakes'], l);
    await setTags(db, 'tiktok:maya.bakes', ['=SUM(A1)', 'plain', 'x;y']);
    await rename(db, 'tiktok:maya.bakes', '=HYPERLINK("x")\nMaya');
    const before = (await exportLibrary(db)).creators[0]!;
    const csv = await exportCsv(db);
    for (const line of csv.split('\r\n').slice(1)) for (const cell of line.split(',')) expect(cell, cell).not.toMatch(/^"?[=+\-@]/);
    await wipeLibrary(db);
    expect(await importCsv(db, csv)).toMatchObject({ ok: true });
    const after = (await exportLibrary(db)).creators[0]!;
    expect([after.lists, after.tags, after.displayName]).toEqual([before.lists, before.tags, before.displayName]);
  });

  test('list cells split back into exactly the names joined (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s.length > 0), { maxLength: 8 }), (labels) => {
      expect(splitLabels(joinLabels(labels))).toEqual(labels);
    }));
  });

  test('a JSON export re-saved with a byte-order mark imports; a CSV with a CRLF header over LF rows imports', async () => {
    const db = freshDb();
    await saveCreator(db, maya, 1);
    const json = await exportJson(db);
    const csv = await exportCsv(db);
    await wipeLibrary(db);
    expect(await importJson(db, `\ufeff${json}`)).toMatchObject({ ok: true, report: { creatorsAdded: 1 } });
    await wipeLibrary(db);
    const [head, ...rows] = csv.split('\r\n');
    expect(await importCsv(db, `\ufeff${head}\r\n${rows.join('\n')}`)).toMatchObject({ ok: true, report: { creatorsAdded: 1, snapshotsAdded: 1 } });
  });
});
