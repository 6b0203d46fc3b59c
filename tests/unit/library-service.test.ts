/**
 * The background's library service: readings recorded after validation, "save" from the
 * page and the popup, and the errors that must lose nothing — a full disk, a write cut
 * off when the service worker stops, and an upgrade blocked by an older connection.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addTabToList, keepDeal, keepDealFromUi, onReading, saveFromUi, saveTab } from './background-helpers';
import { ensureOpen } from '../../lib/db/open';
import { quote } from '../../lib/roi/quote';
import { DEFAULT_SETTINGS } from '../../lib/schema';
import { allSnapshots, countSnapshots } from '../../lib/db/snapshots';
import { DB_VERSION, LibraryDb, V1_STORES } from '../../lib/db/db';
import { freshDb, track, uniqueName } from './db-helpers';
import { describeDbError } from '../../lib/db/errors';
import { history } from '../../lib/db/snapshots';
import { exportLibrary } from '../../lib/db/transfer';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { loadFixture } from './fixtures';

const HOUR = 3_600_000;
beforeEach(() => fakeBrowser.reset());

const maya = readPage(loadFixture('tiktok/profile-2024-universal.html'), new URL('https://www.tiktok.com/@maya.bakes')) as ProfileReading;
const lena = readPage(loadFixture('instagram/profile-2025-en.html'), new URL('https://www.instagram.com/lenapark.studio/')) as ProfileReading;
const tiktokTab = { tab: { id: 3 }, url: 'https://www.tiktok.com/@maya.bakes' };
const igTab = { tab: { id: 4 }, url: 'https://www.instagram.com/lenapark.studio/' };
const everything = async (db: LibraryDb) => ({ ...(await exportLibrary(db)), exportedAt: 0 });

describe('readings and saving through the background', () => {
  test('a visit records nothing until the creator is saved; later visits add snapshots', async () => {
    const db = freshDb();
    expect(await onReading(db, maya, tiktokTab, 1 * HOUR)).toMatchObject({ ok: true, library: { ok: true, outcome: 'ignored', creatorKey: 'tiktok:maya.bakes', saved: false }, view: { saved: false, previous: null, lists: [] } });
    expect(await db.creators.count()).toBe(0);

    expect(await saveTab(db, 3, { creatorKey: 'tiktok:maya.bakes' }, 2 * HOUR)).toEqual({ ok: true, outcome: 'saved', creatorKey: 'tiktok:maya.bakes', saved: true });
    expect(await onReading(db, { ...maya, followers: 2_700_000 }, tiktokTab, 3 * HOUR)).toMatchObject({ library: { outcome: 'snapshot', saved: true } });
    expect(await onReading(db, { ...maya, followers: 2_700_000 }, tiktokTab, 4 * HOUR)).toMatchObject({ library: { outcome: 'seen' } });
    expect((await history(db, 'tiktok:maya.bakes')).map((s) => [s.source, s.followers])).toEqual([['manual', 2_631_012], ['auto', 2_700_000]]);
  });

  test('save uses the reading the background validated for that tab, never numbers sent with the request', async () => {
    const db = freshDb();
    await onReading(db, maya, tiktokTab, 1);
    await saveTab(db, 3, { creatorKey: 'tiktok:maya.bakes', followers: 999 }, 2); // an extra field: refused
    expect(await countSnapshots(db)).toBe(0);
    expect(await saveFromUi(db, { tabId: 3, creatorKey: 'tiktok:maya.bakes' }, 3)).toMatchObject({ ok: true });
    expect((await allSnapshots(db)).map((s) => s.followers)).toEqual([2_631_012]);
  });

  test.each<[string, () => [number | undefined, unknown], RegExp]>([
    ['the tab moved on to another creator', () => [3, { creatorKey: 'tiktok:someone.else' }], /now shows tiktok:maya\.bakes, not tiktok:someone\.else/],
    ['a tab with no reading', () => [9, { creatorKey: 'tiktok:maya.bakes' }], /no creator profile/],
    ['no tab (sent from elsewhere)', () => [undefined, { creatorKey: 'tiktok:maya.bakes' }], /accepted only from the Creator Lens panel/],
    ['a malformed request', () => [3, { creatorKey: '<img src=x>' }], /Invalid save request/],
    ['not an object', () => [3, 'save please'], /Invalid save request/],
  ])('a save is refused with a reason, and nothing is written: %s', async (_name, args, reason) => {
    const db = freshDb();
    await onReading(db, maya, tiktokTab, 1);
    const [tabId, request] = args();
    const ack = await saveTab(db, tabId, request, 2);
    expect(ack.ok).toBe(false);
    expect(!ack.ok && ack.reason).toMatch(reason);
    expect(await db.creators.count()).toBe(0);
    expect(await countSnapshots(db)).toBe(0);
  });

  test('an invalid reading is refused before the library sees it', async () => {
    const db = freshDb();
    await onReading(db, maya, tiktokTab, 1);
    await saveTab(db, 3, { creatorKey: 'tiktok:maya.bakes' }, 2);
    const before = await everything(db);
    expect(await onReading(db, { ...maya, followers: -5 }, tiktokTab, 10 * HOUR)).toMatchObject({ ok: false, reason: expect.stringMatching(/followers/) });
    expect(await onReading(db, maya, igTab, 10 * HOUR)).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot come from www\.instagram\.com/) });
    expect(await everything(db)).toEqual(before);
  });

  test('the popup names a tab; a malformed popup request is refused', async () => {
    const db = freshDb();
    expect(await saveFromUi(db, { tabId: -1, creatorKey: 'tiktok:maya.bakes' })).toMatchObject({ ok: false, reason: expect.stringMatching(/Invalid save request/) });
    expect(await saveFromUi(db, null)).toMatchObject({ ok: false });
  });
});

describe('from the overlay: lists and quotes', () => {
  test('"add to list" saves the creator first; a quote is kept with the projection made here', async () => {
    const db = freshDb();
    await onReading(db, maya, tiktokTab, 1 * HOUR);
    expect(await addTabToList(db, 3, { creatorKey: 'tiktok:maya.bakes', list: ' Spring ' }, 2 * HOUR)).toMatchObject({ ok: true, saved: true, view: { lists: ['Spring'], allLists: ['Spring'] } });
    expect(await countSnapshots(db)).toBe(1);

    const ack = await keepDeal(db, 3, { creatorKey: 'tiktok:maya.bakes', fee: 1500, currency: 'EUR', deliverable: 'video' }, 3 * HOUR);
    expect(ack).toMatchObject({ ok: true });
    const q = quote({ platform: 'tiktok', followers: maya.followers, recent: maya.recent, deliverable: 'video', fee: 1500, currency: 'EUR', assumptions: DEFAULT_SETTINGS.assumptions, now: 3 * HOUR });
    if (!q.ok) throw new Error(q.reason);
    const [deal] = await db.deals.toArray();
    expect(deal).toMatchObject({ creatorKey: 'tiktok:maya.bakes', createdAt: 3 * HOUR, fee: 1500, currency: 'EUR', projection: { maxFee: q.range.expected.maxFee, roiP10: q.range.roi!.p10 } });
  });

  test.each<[string, unknown, RegExp]>([
    ['another creator than the tab shows', { creatorKey: 'tiktok:other', fee: 1, currency: 'EUR', deliverable: 'video' }, /no longer shows/],
    ['a negative fee', { creatorKey: 'tiktok:maya.bakes', fee: -1, currency: 'EUR', deliverable: 'video' }, /Invalid quote: fee/],
    ['an unknown deliverable', { creatorKey: 'tiktok:maya.bakes', fee: 1, currency: 'EUR', deliverable: 'billboard' }, /deliverable/],
    ['numbers sent along', { creatorKey: 'tiktok:maya.bakes', fee: 1, currency: 'EUR', deliverable: 'video', followers: 1e9 }, /Invalid quote/],
  ])('a quote is refused: %s, and nothing is written', async (_name, request, reason) => {
    const db = freshDb();
    await onReading(db, maya, tiktokTab, 1);
    expect(await keepDeal(db, 3, request, 2)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
    expect(await db.deals.count()).toBe(0);
    expect(await db.creators.count()).toBe(0);
  });
});

describe('a content script acts only on the creator its own tab shows (B6 of the reliability report)', () => {
  test('a saved creator another tab showed cannot be quoted or filed from this tab; the popup still can', async () => {
    const db = freshDb();
    await onReading(db, lena, igTab, 1 * HOUR);
    await saveTab(db, 4, { creatorKey: 'instagram:lenapark.studio' }, 2 * HOUR);
    await onReading(db, maya, tiktokTab, 3 * HOUR); // tab 3 shows Maya
    const before = await everything(db);
    expect(await keepDeal(db, 3, { creatorKey: 'instagram:lenapark.studio', fee: 99_999, currency: 'EUR', deliverable: 'post' }, 4 * HOUR)).toEqual({ ok: false, reason: 'The tab no longer shows this creator; nothing was kept.' });
    expect(await addTabToList(db, 3, { creatorKey: 'instagram:lenapark.studio', list: 'Injected' }, 4 * HOUR)).toEqual({ ok: false, reason: 'The tab now shows tiktok:maya.bakes, not instagram:lenapark.studio; nothing was added.' });
    expect(await addTabToList(db, 9, { creatorKey: 'instagram:lenapark.studio', list: 'Injected' }, 4 * HOUR)).toEqual({ ok: false, reason: expect.stringMatching(/no creator profile/) });
    expect(await everything(db)).toEqual(before);
    // The dashboard and the popup weigh a saved creator no tab shows.
    expect(await keepDealFromUi(db, { tabId: null, creatorKey: 'instagram:lenapark.studio', fee: 500, currency: 'EUR', deliverable: 'post' }, 5 * HOUR)).toMatchObject({ ok: true });
  });
});

describe('errors that lose nothing', () => {
  /** A library with one saved creator and two snapshots. */
  async function withHistory() {
    const db = freshDb();
    await onReading(db, lena, igTab, 1 * HOUR);
    await saveTab(db, 4, { creatorKey: 'instagram:lenapark.studio' }, 2 * HOUR);
    await onReading(db, { ...lena, followers: 71_000 }, igTab, 3 * HOUR);
    return db;
  }

  test('a full disk: the save is reported and what was saved before is intact', async () => {
    const db = await withHistory();
    const before = await everything(db);
    // IndexedDB reports a full disk as a QuotaExceededError from the write.
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.snapshotYears.hook('creating', full);
    db.snapshotYears.hook('updating', full);
    const ack = await onReading(db, { ...lena, followers: 72_000 }, igTab, 4 * HOUR);
    expect(ack).toMatchObject({ ok: true, library: { ok: false, reason: expect.stringMatching(/disk is full.*Everything saved before is intact/) } });
    expect(await everything(db)).toEqual(before);
  });

  test('the service worker stopping mid-write: the transaction aborts and nothing half-written is kept', async () => {
    const db = await withHistory();
    const before = await everything(db);
    // The snapshot is written first, then the creator row: the transaction is cut off while
    // the creator write is pending, as the browser does when it stops the worker (AbortError).
    // (Aborting synchronously inside the hook instead makes Dexie's next call hit a finished
    // transaction: an InvalidStateError, which describeDbError does not name.)
    db.creators.hook('updating', () => {
      const tx = Dexie.currentTransaction;
      queueMicrotask(() => tx.abort());
    });
    const ack = await onReading(db, { ...lena, followers: 72_000 }, igTab, 4 * HOUR);
    expect(ack).toMatchObject({ ok: true, library: { ok: false, reason: expect.stringMatching(/interrupted.*Nothing half-written/) } });
    expect(await everything(db)).toEqual(before);
    expect((await history(db, 'instagram:lenapark.studio')).map((s) => s.followers)).toEqual([70_231, 71_000]);
  });

  test('an upgrade blocked by an older connection is reported, then goes through once it closes', async () => {
    const name = uniqueName('blocked');
    const old = track(new Dexie(name));
    old.version(1).stores(V1_STORES);
    old.on('versionchange', () => false); // an old page that does not let go
    await old.table('creators').add({ key: 'tiktok:maya.bakes', platform: 'tiktok', handle: 'maya.bakes', displayName: null, url: 'https://www.tiktok.com/@maya.bakes', savedAt: 1, firstSeenAt: 1, lastSeenAt: 1, latest: null, lists: [] });

    const db = track(new LibraryDb(name));
    const error = await ensureOpen(db, 50).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'BlockedError' });
    expect(describeDbError(error)).toMatch(/another Creator Lens tab still has an older version open.*nothing was changed/);

    old.close();
    await ensureOpen(db, 50);
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.creators.get('tiktok:maya.bakes')).toMatchObject({ tags: [], notes: '', savedAt: 1 });
  });
});
