import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DB_VERSION, type LibraryDb } from '../../lib/db/db';
import { freshDb } from './db-helpers';
import { addToList, setNotes } from '../../lib/db/creators';
import { history } from '../../lib/db/snapshots';
import { recordReading, saveCreator } from '../../lib/db/record';
import { updateSettings } from '../../lib/db/settings';
import { exportCsv, exportJson, exportLibrary, importCsv, importFile, importJson, parseExportJson, previewImport, wipeLibrary, type ExportFile } from '../../lib/db/transfer';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { loadFixture } from './fixtures';


const read = (file: string, url: string) => readPage(loadFixture(file), new URL(url)) as ProfileReading;
const HOUR = 3_600_000;

/** A library with three creators, history, posts, lists, notes and settings. */
async function seeded(): Promise<LibraryDb> {
  const db = freshDb();
  const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
  await saveCreator(db, maya, 1 * HOUR);
  await recordReading(db, { ...maya, followers: 2_700_000 }, 10 * HOUR);
  await saveCreator(db, read('instagram/profile-2025-fr.html', 'https://www.instagram.com/atelier.margaux/'), 2 * HOUR);
  await saveCreator(db, read('youtube/channel-2026-viewmodel.html', 'https://www.youtube.com/@orbitlab/videos'), 3 * HOUR);
  await addToList(db, ['tiktok:maya.bakes', 'youtube:orbitlab'], 'Spring');
  await setNotes(db, 'tiktok:maya.bakes', 'Quote: $1,500 — "=SUM(A1)" ✓');
  await updateSettings(db, { autoSnapshotHours: 12 });
  await db.deals.add({
    creatorKey: 'tiktok:maya.bakes', createdAt: 5 * HOUR, fee: 1500, extraCosts: 0, currency: 'EUR', deliverable: 'video', note: '',
    assumptions: { impressions: { low: 1, expected: 2, high: 3 }, ctr: { low: 0, expected: 0.01, high: 0.02 }, cvr: { low: 0, expected: 0.02, high: 0.03 }, aov: { low: 40, expected: 50, high: 60 }, margin: { low: 0.4, expected: 0.5, high: 0.6 }, targetRoi: 0 },
    projection: { roiP10: -1, roiP50: -0.9, roiP90: -0.5, revenueP50: 10, probabilityBreakEven: 0, maxFee: 3, cpm: 500 },
  });
  return db;
}

const without = (f: ExportFile) => ({ ...f, exportedAt: 0 });

describe('JSON export and import', () => {
  test('round trip: export → wipe → import gives back identical data', async () => {
    const db = await seeded();
    const before = await exportLibrary(db);
    expect(before.snapshots).toHaveLength(4);
    const text = await exportJson(db);
    await Promise.all([db.creators.clear(), db.snapshotYears.clear(), db.postSets.clear(), db.deals.clear(), db.settings.clear()]);
    const result = await importJson(db, text);
    expect(result).toMatchObject({ ok: true, report: { creatorsAdded: 3, snapshotsAdded: 4, dealsAdded: 1, settingsApplied: true } });
    expect(without(await exportLibrary(db))).toEqual(without(before));
  });

  test('a version 4 export (latest numbers without exact flags) imports with the flags of the snapshot taken with them', async () => {
    const db = await seeded();
    const before = await exportLibrary(db);
    const v4 = { ...before, schemaVersion: 4, creators: before.creators.map(({ latest, ...c }) => ({ ...c, latest: latest && { ...latest, exact: undefined } })) };
    await wipeLibrary(db);
    expect(await importJson(db, JSON.stringify(v4))).toMatchObject({ ok: true, report: { creatorsAdded: 3 } });
    expect(without(await exportLibrary(db))).toEqual(without(before));
    const maya = (await exportLibrary(db)).creators.find((c) => c.key === 'tiktok:maya.bakes')!;
    expect(maya.latest?.exact).toEqual(before.snapshots.filter((x) => x.creatorKey === maya.key).at(-1)!.exact);
  });

  test('posts keep what the page’s own data said of them (v6): date, kind, exactness, pinned, sponsored, collab, hidden likes, source — exactly, through export → wipe → import', async () => {
    const db = freshDb();
    const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
    const base = { url: 'https://www.tiktok.com/@maya.bakes/video/7391234567890123456', views: 12_345, likes: 678, comments: 9, shares: 10, saves: 11, publishedText: null, kind: 'video' as const, collab: false, likesHidden: false };
    const recent = [
      { ...base, id: '7391234567890123456', publishedAt: Date.UTC(2026, 10, 1), exact: { views: true, likes: true, comments: true, shares: true, saves: false }, pinned: true, sponsored: false, source: 'network' as const },
      { ...base, id: '7391234567890123457', publishedAt: Date.UTC(2026, 10, 2), exact: { views: false, likes: false, comments: true, shares: false, saves: false }, pinned: false, sponsored: true, collab: true, source: 'embedded' as const },
      { ...base, id: '7391234567890123458', publishedAt: null, likes: null, likesHidden: true, kind: null, exact: { views: true, likes: false, comments: true, shares: true, saves: true }, pinned: false, sponsored: false, source: 'dom' as const },
    ];
    await saveCreator(db, { ...maya, recent }, HOUR);
    const before = await exportLibrary(db);
    expect(before.posts.map(({ key, creatorKey, platform, firstSeenAt, lastSeenAt, ...p }) => p)).toEqual(expect.arrayContaining(recent));
    expect(before.posts).toHaveLength(3);
    const text = await exportJson(db);
    await wipeLibrary(db);
    expect(await importJson(db, text)).toMatchObject({ ok: true });
    expect(without(await exportLibrary(db))).toEqual(without(before));
  });

  test('a version 5 export (posts without their date, kind, flags or source) imports with those unknown, never guessed', async () => {
    const db = await seeded();
    const before = await exportLibrary(db);
    expect(before.posts.length).toBeGreaterThan(0);
    const v5Fields = ['key', 'creatorKey', 'platform', 'id', 'url', 'views', 'likes', 'comments', 'shares', 'publishedText', 'firstSeenAt', 'lastSeenAt'];
    const v5 = { ...before, schemaVersion: 5, posts: before.posts.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => v5Fields.includes(k)))) };
    await wipeLibrary(db);
    expect(await importJson(db, JSON.stringify(v5))).toMatchObject({ ok: true });
    const after = await exportLibrary(db);
    expect(after.posts).toHaveLength(before.posts.length);
    for (const p of after.posts) {
      expect(p).toMatchObject({ saves: null, publishedAt: null, kind: null, pinned: false, sponsored: false, collab: false, likesHidden: false, source: null });
      expect(p.exact).toEqual({ views: false, likes: false, comments: false, shares: false, saves: false });
    }
    expect(after.posts.map((p) => [p.key, p.views, p.likes, p.comments, p.publishedText])).toEqual(before.posts.map((p) => [p.key, p.views, p.likes, p.comments, p.publishedText]));
  });

  test('merging the same file again never duplicates snapshots', async () => {
    const db = await seeded();
    const before = await exportLibrary(db);
    const result = await importJson(db, JSON.stringify(before));
    expect(result).toMatchObject({ ok: true, report: { creatorsAdded: 0, creatorsUpdated: 3, snapshotsAdded: 0, snapshotsSkipped: 4, dealsSkipped: 1 } });
    expect(without(await exportLibrary(db))).toEqual(without(before));
  });

  test('a preview reports exactly what the import will do, and writes nothing', async () => {
    const a = await seeded();
    const b = freshDb();
    const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
    await saveCreator(b, { ...maya, followers: 2_900_000 }, 50 * HOUR);
    await saveCreator(b, read('instagram/profile-2025-fr.html', 'https://www.instagram.com/atelier.margaux/'), 60 * HOUR);
    await saveCreator(b, { ...maya, handle: 'someone.new', followers: 12, recent: [] }, 70 * HOUR);
    const parsed = parseExportJson(await exportJson(b));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const before = await exportLibrary(a);
    const preview = await previewImport(a, parsed.file);
    expect(preview).toEqual({ ok: true, report: { creatorsAdded: 1, creatorsUpdated: 2, snapshotsAdded: 3, snapshotsSkipped: 0, postsWritten: expect.any(Number), dealsAdded: 0, dealsSkipped: 0, settingsApplied: false, campaignsAdded: 0, bookingsAdded: 0, observationsWritten: 0 } });
    expect(without(await exportLibrary(a))).toEqual(without(before));
    expect(await importFile(a, parsed.file)).toEqual(preview);
    expect((await exportLibrary(a)).creators).toHaveLength(4);
  });

  test('a preview of a file with broken references reports the problem and writes nothing', async () => {
    const a = await seeded();
    const file = await exportLibrary(a);
    const broken = { ...file, creators: [], snapshots: file.snapshots.map((s) => ({ ...s, creatorKey: 'tiktok:nobody' })) };
    const before = await exportLibrary(a);
    const preview = await previewImport(a, broken);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.errors[0]).toMatch(/tiktok:nobody/);
    expect(without(await exportLibrary(a))).toEqual(without(before));
  });

  test('a post seen under two handles (a renamed creator) exports and imports back', async () => {
    const a = freshDb();
    const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
    await saveCreator(a, maya, 1 * HOUR);
    await saveCreator(a, { ...maya, handle: 'maya.renamed' }, 2 * HOUR);
    const text = await exportJson(a);
    const b = freshDb();
    expect(await importJson(b, text)).toMatchObject({ ok: true, report: { creatorsAdded: 2 } });
    expect(without(await exportLibrary(b))).toEqual(without(await exportLibrary(a)));
  });

  test('wiping empties every table', async () => {
    const a = await seeded();
    await wipeLibrary(a);
    const left = await exportLibrary(a);
    expect([left.creators.length, left.snapshots.length, left.posts.length, left.deals.length, left.settings]).toEqual([0, 0, 0, 0, null]);
  });

  test('merging another library adds what is new and unites lists', async () => {
    const a = await seeded();
    const b = freshDb();
    const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
    await saveCreator(b, { ...maya, followers: 2_900_000 }, 50 * HOUR);
    await addToList(b, ['tiktok:maya.bakes'], 'Autumn');
    const result = await importJson(a, await exportJson(b));
    expect(result).toMatchObject({ ok: true, report: { creatorsUpdated: 1, snapshotsAdded: 1 } });
    const creator = await a.creators.get('tiktok:maya.bakes');
    expect(creator?.lists.sort()).toEqual(['Autumn', 'Spring']);
    expect(creator?.latest?.followers).toBe(2_900_000);
    expect(creator?.savedAt).toBe(1 * HOUR);
    expect((await history(a, 'tiktok:maya.bakes')).length).toBe(3);
  });

  test.each<[string, (f: any) => string, RegExp]>([
    ['truncated', (f) => JSON.stringify(f).slice(0, 200), /not valid JSON.*cut short/],
    ['not JSON at all', () => 'hello', /not valid JSON/],
    ['another format', (f) => JSON.stringify({ ...f, format: 'other' }), /not a Creator Lens export/],
    ['a future version', (f) => JSON.stringify({ ...f, schemaVersion: 99 }), /newer Creator Lens \(library version 99/],
    ['a wrong type', (f) => JSON.stringify({ ...f, snapshots: [{ ...f.snapshots[0], followers: '2.6M' }] }), /^snapshots\[0\]\.followers:/],
    ['a huge string', (f) => JSON.stringify({ ...f, creators: [{ ...f.creators[0], notes: 'x'.repeat(100_000) }] }), /^creators\[0\]\.notes:/],
    ['a prototype-pollution key', (f) => JSON.stringify(f).replace('"format"', '"__proto__":{"polluted":true},"format"'), /__proto__/],
    ['a polluted record', (f) => JSON.stringify({ ...f, creators: [{ ...f.creators[0], constructor: { prototype: { x: 1 } } }] }), /creators\[0\]/],
    ['a duplicate snapshot', (f) => JSON.stringify({ ...f, snapshots: [...f.snapshots, { ...f.snapshots[0], id: 999 }] }), /snapshots\[4\]: the same creator and time as snapshots\[0\]/],
    ['a snapshot of nobody', (f) => JSON.stringify({ ...f, snapshots: [{ ...f.snapshots[0], creatorKey: 'tiktok:nobody.here' }, ...f.snapshots.slice(1)] }), /refer to creators that are neither in the file nor in your library: tiktok:nobody\.here/],
    ['a negative count', (f) => JSON.stringify({ ...f, snapshots: [{ ...f.snapshots[0], views: -5 }] }), /^snapshots\[0\]\.views:/],
    ['an unsafe URL', (f) => JSON.stringify({ ...f, creators: [{ ...f.creators[0], url: 'javascript:alert(1)' }] }), /^creators\[0\]\.url:/],
  ])('%s is refused with where and why, and nothing changes', async (_name, make, message) => {
    const db = await seeded();
    const before = await exportLibrary(db);
    // Another library's file, so a refusal cannot be mistaken for "nothing new".
    const other = await exportLibrary(await seeded());
    const result = await importJson(db, make(other));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toMatch(message);
    expect(without(await exportLibrary(db))).toEqual(without(before));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('CSV', () => {
  test('one row per snapshot, formulas escaped, and it imports back', async () => {
    const db = await seeded();
    await db.creators.update('tiktok:maya.bakes', { displayName: '=HYPERLINK("x")' });
    const csv = await exportCsv(db);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('platform,handle,display_name,profile_url,taken_at,followers,following,posts,likes,views,source,lists,tags');
    expect(lines).toHaveLength(1 + 4);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const fresh = freshDb();
    const result = await importCsv(fresh, csv);
    expect(result).toMatchObject({ ok: true, report: { creatorsAdded: 3, snapshotsAdded: 4 } });
    expect((await fresh.creators.get('tiktok:maya.bakes'))?.displayName).toBe('=HYPERLINK("x")');
    expect((await fresh.creators.get('tiktok:maya.bakes'))?.latest?.followers).toBe(2_700_000);
    expect(await importCsv(fresh, csv)).toMatchObject({ ok: true, report: { snapshotsAdded: 0, snapshotsSkipped: 4 } });
  });

  test('bad rows are refused with row and field, and nothing is written', async () => {
    const db = freshDb();
    const header = 'platform,handle,display_name,profile_url,taken_at,followers,following,posts,likes,views,source,lists,tags';
    const result = await importCsv(db, `${header}\r\ntiktok,maya.bakes,Maya,https://www.tiktok.com/@maya.bakes,2026-01-01T00:00:00Z,12K,,,,,manual,,\r\nmyspace,x,,,yesterday,1,,,,,auto,,`);
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors.join('\n') : '';
    expect(errors).toMatch(/row 2, followers: "12K" is not a whole number/);
    expect(errors).toMatch(/row 3, platform/);
    expect(errors).toMatch(/row 3, taken_at: not a date/);
    expect(await db.creators.count()).toBe(0);
    expect(await importCsv(db, 'a,b\r\n1,2')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^Missing columns: platform/)] });
  });
});

/** A value of another JSON type than `v`, so that the field cannot validate. */
function wrongType(v: unknown, pick: number): unknown {
  const options =
    typeof v === 'number' ? ['12', { n: 1 }, [1], true]
    : typeof v === 'string' ? [12, { s: 'x' }, ['x'], false]
    : typeof v === 'boolean' ? ['true', 1, [true]]
    : v === null ? [true, ['x'], -1.5] // a nullable field: text or a count would be valid
    : ['x', -1, true]; // objects and arrays
  return options[pick % options.length];
}

describe('fuzzed imports never change existing data', () => {
  test('1,000 malformed files', async () => {
    const db = await seeded();
    const before = without(await exportLibrary(db));
    const base = JSON.stringify(await exportLibrary(await seeded()));
    const valid = JSON.parse(base);
    // Mutations that always make the file invalid, at a random place.
    const mutation = fc.oneof(
      fc.integer({ min: 1, max: base.length - 2 }).map((cut) => () => base.slice(0, cut)),
      // One field of one record given a value of another type.
      fc.tuple(fc.constantFrom('creators', 'snapshots', 'posts', 'deals'), fc.nat(), fc.nat(), fc.nat()).map(([table, i, k, w]) => () => {
        const f = structuredClone(valid);
        const row = f[table][i % f[table].length];
        const keys = Object.keys(row);
        const key = keys[k % keys.length]!;
        row[key] = wrongType(row[key], w);
        return JSON.stringify(f);
      }),
      // A key no schema knows, on a random record.
      fc.tuple(fc.constantFrom('creators', 'snapshots', 'posts', 'deals'), fc.nat(), fc.string({ minLength: 1, maxLength: 12 })).map(([table, i, name]) => () => {
        const f = structuredClone(valid);
        f[table][i % f[table].length][`x_${name}`] = 1;
        return JSON.stringify(f);
      }),
      fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => () => base.replace('"creators":[{', `"creators":[{"${k}":{"x":1},`)),
      fc.integer({ min: DB_VERSION + 1, max: 1000 }).map((v) => () => JSON.stringify({ ...valid, schemaVersion: v })),
      fc.nat().map((i) => () => JSON.stringify({ ...valid, snapshots: [...valid.snapshots, valid.snapshots[i % valid.snapshots.length]] })),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (make) => {
        const result = await importJson(db, make());
        if (!result.ok) refused++;
        return result.ok === false && result.errors.length > 0 && JSON.stringify(without(await exportLibrary(db))) === JSON.stringify(before);
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBe(1000);
  }, 120_000);
});
