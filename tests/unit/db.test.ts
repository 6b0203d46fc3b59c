import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { countSnapshots } from '../../lib/db/snapshots';
import { getPosts } from '../../lib/db/posts';
import { DB_VERSION, LibraryDb, V1_STORES, V2_STORES, V3_STORES, V4_STORES, V5_STORES } from '../../lib/db/db';
import { freshDb, track, uniqueName } from './db-helpers';
import { addToList, deleteCreators, listCreators, listNames, removeFromList, rename, setNotes, setTags } from '../../lib/db/creators';
import { growthBetween, history } from '../../lib/db/snapshots';
import { recentPosts } from '../../lib/db/posts';
import { getSettings, updateSettings } from '../../lib/db/settings';
import { recordReading, saveCreator } from '../../lib/db/record';
import { describeDbError } from '../../lib/db/errors';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { loadFixture } from './fixtures';

const HOUR = 3_600_000;
const read = (file: string, url: string) => readPage(loadFixture(file), new URL(url)) as ProfileReading;
const maya = () => read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
const lena = () => read('instagram/profile-2025-en.html', 'https://www.instagram.com/lenapark.studio/');
const orbit = () => read('youtube/channel-2026-viewmodel.html', 'https://www.youtube.com/@orbitlab/videos');

describe('saving and recording', () => {
  test('nothing is recorded until the user saves a creator', async () => {
    const db = freshDb();
    expect(await recordReading(db, maya(), 1_000)).toEqual({ ok: true, outcome: 'ignored', creatorKey: null });
    expect(await db.creators.count()).toBe(0);
    expect(await countSnapshots(db)).toBe(0);
  });

  test('save creates the creator and a manual snapshot with the numbers the page showed', async () => {
    const db = freshDb();
    expect(await saveCreator(db, maya(), 1_000)).toEqual({ ok: true, outcome: 'saved', creatorKey: 'tiktok:maya.bakes' });
    const creator = await db.creators.get('tiktok:maya.bakes');
    expect(creator).toMatchObject({ displayName: 'Maya Chen', savedAt: 1_000, latest: { followers: 2_631_012, views: null, takenAt: 1_000 }, lists: [], tags: [], notes: '' });
    expect(await history(db, 'tiktok:maya.bakes')).toEqual([expect.objectContaining({ source: 'manual', followers: 2_631_012, likes: 48_217_733, views: null })]);
    expect((await recentPosts(db, 'tiktok:maya.bakes')).map((p) => [p.id, p.views])).toEqual([['7412345678901234567', 1_200_000], ['7409876543210987654', 86_400]]);
  });

  test('later visits add an automatic snapshot at most every 6 hours, unless a number changed', async () => {
    const db = freshDb();
    await saveCreator(db, maya(), 0);
    expect((await recordReading(db, maya(), 1 * HOUR)).ok && (await recordReading(db, maya(), 2 * HOUR))).toMatchObject({ outcome: 'seen' });
    expect(await countSnapshots(db)).toBe(1);
    expect(await recordReading(db, { ...maya(), followers: 2_700_000 }, 3 * HOUR)).toMatchObject({ outcome: 'snapshot' });
    expect(await recordReading(db, { ...maya(), followers: 2_700_000 }, 7 * HOUR)).toMatchObject({ outcome: 'seen' });
    expect(await recordReading(db, { ...maya(), followers: 2_700_000 }, 9.5 * HOUR)).toMatchObject({ outcome: 'snapshot' });
    expect((await history(db, 'tiktok:maya.bakes')).map((s) => [s.source, s.followers])).toEqual([['manual', 2_631_012], ['auto', 2_700_000], ['auto', 2_700_000]]);
    expect((await db.creators.get('tiktok:maya.bakes'))?.lastSeenAt).toBe(9.5 * HOUR);
  });

  test('the interval is a setting; "record every profile" records unsaved creators too', async () => {
    const db = freshDb();
    await updateSettings(db, { recordEveryProfile: true, autoSnapshotHours: 24 });
    expect(await getSettings(db)).toMatchObject({ recordEveryProfile: true, autoSnapshotHours: 24 });
    expect(await recordReading(db, lena(), 0)).toMatchObject({ outcome: 'snapshot' });
    expect(await recordReading(db, lena(), 12 * HOUR)).toMatchObject({ outcome: 'seen' });
    expect((await db.creators.get('instagram:lenapark.studio'))?.savedAt).toBeNull();
    await expect(updateSettings(db, { autoSnapshotHours: -1 })).rejects.toThrow();
  });

  test('a post page updates that post when its creator is in the library', async () => {
    const db = freshDb();
    const video = readPage(loadFixture('tiktok/video-page.html'), new URL('https://www.tiktok.com/@maya.bakes/video/7412345678901234567'));
    expect(await recordReading(db, video, 5)).toMatchObject({ outcome: 'ignored' });
    await saveCreator(db, maya(), 10);
    expect(await recordReading(db, video, 20)).toMatchObject({ outcome: 'post', creatorKey: 'tiktok:maya.bakes' });
    expect((await getPosts(db, ['tiktok:7412345678901234567']))[0]).toMatchObject({ likes: 98_123, comments: 1_503, views: 1_234_567, shares: 1_207, firstSeenAt: 10, lastSeenAt: 20 });
  });
});

describe('queries', () => {
  test('by platform, list and tag, with latest numbers; growth between two dates', async () => {
    const db = freshDb();
    await saveCreator(db, maya(), 1);
    await saveCreator(db, lena(), 2);
    await saveCreator(db, orbit(), 3);
    await recordReading(db, { ...orbit(), followers: 1_300_000 }, 10 * HOUR);
    expect((await listCreators(db)).map((c) => c.key)).toEqual(['youtube:orbitlab', 'instagram:lenapark.studio', 'tiktok:maya.bakes']);
    expect((await listCreators(db, { platform: 'youtube' }))[0]?.latest?.followers).toBe(1_300_000);
    await addToList(db, ['tiktok:maya.bakes', 'instagram:lenapark.studio'], ' Spring  campaign ');
    await setTags(db, 'tiktok:maya.bakes', ['food', 'food', 'video']);
    expect((await listCreators(db, { list: 'Spring campaign' })).map((c) => c.key).sort()).toEqual(['instagram:lenapark.studio', 'tiktok:maya.bakes']);
    expect((await listCreators(db, { tag: 'food' })).map((c) => c.key)).toEqual(['tiktok:maya.bakes']);
    expect((await listCreators(db, { list: 'Spring campaign', platform: 'instagram' })).map((c) => c.key)).toEqual(['instagram:lenapark.studio']);
    expect(await listNames(db)).toEqual(['Spring campaign']);
    const g = await growthBetween(db, 'youtube:orbitlab', 0, 11 * HOUR);
    expect(g?.delta).toEqual({ followers: 70_000, following: null, posts: 0, likes: null, views: null });
    expect(await growthBetween(db, 'youtube:orbitlab', 5 * HOUR, 11 * HOUR)).toBeNull();
  });

  test('notes, rename, remove from list, and delete with everything that belongs to it', async () => {
    const db = freshDb();
    await saveCreator(db, maya(), 1);
    await saveCreator(db, lena(), 2);
    await setNotes(db, 'tiktok:maya.bakes', 'Quoted $1,500 for one video.');
    await rename(db, 'tiktok:maya.bakes', 'Maya (bakery)');
    await addToList(db, ['tiktok:maya.bakes'], 'A');
    await removeFromList(db, ['tiktok:maya.bakes'], 'A');
    expect(await db.creators.get('tiktok:maya.bakes')).toMatchObject({ notes: 'Quoted $1,500 for one video.', displayName: 'Maya (bakery)', lists: [] });
    await expect(rename(db, 'tiktok:nobody', 'x')).rejects.toThrow(/No creator/);
    await expect(setNotes(db, 'tiktok:maya.bakes', 'x'.repeat(20_001))).rejects.toThrow(/20,000/);
    await deleteCreators(db, ['tiktok:maya.bakes']);
    expect(await db.creators.get('tiktok:maya.bakes')).toBeUndefined();
    expect((await history(db, 'tiktok:maya.bakes')).length).toBe(0);
    expect((await recentPosts(db, 'tiktok:maya.bakes')).length).toBe(0);
    expect(await db.creators.count()).toBe(1);
  });
});

describe('schema versions', () => {
  const flags = { followers: true, following: false, posts: false, likes: false, views: false };
  const v1Creator = { key: 'tiktok:maya.bakes', platform: 'tiktok', handle: 'maya.bakes', displayName: 'Maya Chen', url: 'https://www.tiktok.com/@maya.bakes', savedAt: 1, firstSeenAt: 1, lastSeenAt: 5, latest: null, lists: ['Spring'] };
  const snapshot = (t: number) => ({ creatorKey: v1Creator.key, takenAt: t, followers: t * 10, following: null, posts: null, likes: null, views: null, exact: flags, source: 'auto', readerVersion: 1 });
  const post = (id: string, seen: number) => ({ key: `tiktok:${id}`, creatorKey: v1Creator.key, platform: 'tiktok', id, url: `https://www.tiktok.com/@maya.bakes/video/${id}`, views: 5, likes: null, comments: null, shares: null, publishedText: null, firstSeenAt: 1, lastSeenAt: seen });
  const DAY = 86_400_000;

  async function onDisk(name: string) {
    const probe = new Dexie(name); // opened without a schema: reports what is on disk
    await probe.open();
    const found = { version: probe.verno, tables: probe.tables.map((t) => t.name).sort() };
    probe.close();
    return found;
  }

  test('v1 → current keeps every record, adds tags and notes, and regroups snapshots and posts', async () => {
    const name = uniqueName('migration');
    // Write data the way version 1 stored it: no tags; notes left undefined.
    const v1 = track(new Dexie(name));
    v1.version(1).stores(V1_STORES);
    await v1.table('creators').add(v1Creator);
    await v1.table('snapshots').bulkAdd([1, 2, 3].map(snapshot));
    await v1.table('posts').add(post('1', 2));
    v1.close();
    expect(await onDisk(name)).toEqual({ version: 1, tables: ['creators', 'deals', 'posts', 'settings', 'snapshots'] });

    const db = track(new LibraryDb(name));
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.creators.get(v1Creator.key)).toEqual({ ...v1Creator, tags: [], notes: '' });
    expect(await history(db, v1Creator.key)).toEqual([1, 2, 3].map(snapshot));
    expect((await recentPosts(db, v1Creator.key)).map((p) => p.id)).toEqual(['1']);
    expect(await listCreators(db, { list: 'Spring' })).toHaveLength(1);
  });

  test('v2 → current moves every snapshot and post into the new tables, drops the old ones, adds the campaign tables', async () => {
    const name = uniqueName('migration');
    const v2 = track(new Dexie(name));
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.table('creators').bulkAdd([
      { ...v1Creator, tags: ['food'], notes: 'Asked for rates.' },
      { ...v1Creator, key: 'tiktok:other', handle: 'other', url: 'https://www.tiktok.com/@other', tags: [], notes: '' },
    ]);
    // 40 snapshots a day apart, across a new year, with ids as v2 gave them; one of another creator.
    const times = Array.from({ length: 40 }, (_, i) => Date.UTC(2025, 11, 10) + i * DAY);
    await v2.table('snapshots').bulkAdd([...times.map(snapshot), { ...snapshot(7), creatorKey: 'tiktok:other' }]);
    await v2.table('posts').bulkAdd([post('1', 2), post('2', 9), { ...post('3', 4), creatorKey: 'tiktok:other' }]);
    await v2.table('deals').add({ creatorKey: v1Creator.key, createdAt: 3, fee: 100 });
    v2.close();
    expect((await onDisk(name)).version).toBe(2);

    const db = track(new LibraryDb(name));
    await db.open();
    expect(await onDisk(name)).toEqual({ version: DB_VERSION, tables: ['bookings', 'campaigns', 'creators', 'deals', 'postObservations', 'postSets', 'settings', 'snapshotYears'] });
    expect(await history(db, v1Creator.key)).toEqual(times.map(snapshot)); // ids dropped, order kept
    expect(await db.snapshotYears.count()).toBe(3); // 2025 and 2026 for Maya, 1970 for the other
    expect(await countSnapshots(db)).toBe(41);
    expect(await growthBetween(db, v1Creator.key, times[0]!, times[39]!)).toMatchObject({ delta: { followers: (times[39]! - times[0]!) * 10 } });
    expect((await recentPosts(db, v1Creator.key)).map((p) => p.id)).toEqual(['2', '1']);
    expect((await getPosts(db, ['tiktok:3']))[0]).toMatchObject({ creatorKey: 'tiktok:other' });
    expect(await db.creators.get(v1Creator.key)).toMatchObject({ tags: ['food'], notes: 'Asked for rates.' });
    expect(await db.deals.count()).toBe(1);
  });

  test('v4 → v5: a creator’s latest numbers keep the exactness of the snapshot taken with them, and approximate without one', async () => {
    const name = uniqueName('migration');
    const v4 = track(new Dexie(name));
    v4.version(1).stores(V1_STORES);
    v4.version(2).stores(V2_STORES);
    v4.version(3).stores(V3_STORES);
    v4.version(4).stores(V4_STORES);
    const at = Date.UTC(2026, 2, 1);
    const latest = { takenAt: at, followers: at * 10, following: null, posts: null, likes: null, views: null };
    await v4.table('creators').bulkAdd([
      { ...v1Creator, tags: [], notes: '', latest },
      { ...v1Creator, key: 'tiktok:other', handle: 'other', url: 'https://www.tiktok.com/@other', tags: [], notes: '', latest: { ...latest, takenAt: at + 1 } }, // no snapshot of that time
      { ...v1Creator, key: 'tiktok:empty', handle: 'empty', url: 'https://www.tiktok.com/@empty', tags: [], notes: '', latest: null },
    ]);
    await v4.table('snapshotYears').add({ creatorKey: v1Creator.key, year: 2026, snapshots: [snapshot(at - 5), snapshot(at)] });
    v4.close();
    expect((await onDisk(name)).version).toBe(4);

    const db = track(new LibraryDb(name));
    await db.open();
    expect((await onDisk(name)).version).toBe(DB_VERSION);
    expect((await db.creators.get(v1Creator.key))?.latest).toEqual({ ...latest, exact: flags });
    expect((await db.creators.get('tiktok:other'))?.latest?.exact).toEqual({ followers: false, following: false, posts: false, likes: false, views: false });
    expect((await db.creators.get('tiktok:empty'))?.latest).toBeNull();
    expect(await history(db, v1Creator.key)).toEqual([snapshot(at - 5), snapshot(at)]);
  });

  test('v5 → v6: stored posts get their date, kind, flags and source as unknown; counts and words kept', async () => {
    const name = uniqueName('migration');
    const v5 = track(new Dexie(name));
    v5.version(1).stores(V1_STORES);
    v5.version(2).stores(V2_STORES);
    v5.version(3).stores(V3_STORES);
    v5.version(4).stores(V4_STORES);
    v5.version(5).stores(V5_STORES);
    await v5.table('creators').add({ ...v1Creator, tags: [], notes: '', latest: null });
    await v5.table('postSets').add({ creatorKey: v1Creator.key, postKeys: ['tiktok:1', 'tiktok:2'], posts: [{ ...post('1', 3), views: 1_234, publishedText: '3 days ago' }, post('2', 4)] });
    v5.close();
    expect((await onDisk(name)).version).toBe(5);

    const db = track(new LibraryDb(name));
    await db.open();
    expect((await onDisk(name)).version).toBe(6);
    const unknown = { saves: null, publishedAt: null, kind: null, exact: { views: false, likes: false, comments: false, shares: false, saves: false }, pinned: false, sponsored: false, collab: false, likesHidden: false, source: null };
    expect(await recentPosts(db, v1Creator.key)).toEqual([{ ...post('1', 3), views: 1_234, publishedText: '3 days ago', ...unknown }, { ...post('2', 4), ...unknown }]);
  });

  // B9 of the reliability report: Dexie 4 opened a newer library at its higher version, and this build wrote to it.
  const upgradeElsewhere = (name: string, version: number) =>
    new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, version);
      open.onupgradeneeded = () => open.result.createObjectStore('fromTheFuture');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });

  test('a library a newer Creator Lens upgraded is left alone: nothing is written and the user reads why', async () => {
    const name = uniqueName('newer');
    const older = track(new LibraryDb(name));
    await older.open();
    await saveCreator(older, maya(), 1);
    older.close();
    await upgradeElsewhere(name, 990);
    const db = track(new LibraryDb(name));
    const opening = await db.open().then(() => null, (e: unknown) => e);
    expect(describeDbError(opening)).toBe('The saved library is from a newer version of Creator Lens. Update the extension; nothing was changed.');
    expect(await saveCreator(db, { ...maya(), followers: 1 }, 2)).toEqual({ ok: false, reason: 'The saved library is from a newer version of Creator Lens. Update the extension; nothing was changed.' });
    expect(await onDisk(name)).toEqual({ version: 99, tables: ['bookings', 'campaigns', 'creators', 'deals', 'fromTheFuture', 'postObservations', 'postSets', 'settings', 'snapshotYears'] });
  });

  test('a library upgraded by a newer Creator Lens while this one has it open: the next write is refused too', async () => {
    const name = uniqueName('newer');
    const db = track(new LibraryDb(name));
    await db.open();
    await saveCreator(db, maya(), 1);
    await upgradeElsewhere(name, 990); // Dexie closes on versionchange, then reopens on the next call
    expect(await saveCreator(db, { ...maya(), followers: 1 }, 2)).toEqual({ ok: false, reason: expect.stringMatching(/newer version of Creator Lens/) });
    const raw = track(new Dexie(name));
    await raw.open();
    expect((await raw.table('snapshotYears').toArray()).flatMap((y: { snapshots: unknown[] }) => y.snapshots)).toHaveLength(1);
  });
});
