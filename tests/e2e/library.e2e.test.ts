/**
 * The snapshot library in real Chromium and Firefox: save a creator from its profile page, leave,
 * come back to changed numbers, and find the snapshots in the extension's own IndexedDB —
 * and no database of ours in the website's origin.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FIXTURES, startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension, type TestBrowser, type TestPage as Page } from './browser';
import type { Creator, Snapshot } from '../../lib/schema';
import type { LibraryAck, TabReading } from '../../lib/protocol';
import { extensionRows, sendFromContentScript, until } from './helpers';

let server: FixtureServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const snapshots = async () => (await extensionRows<{ snapshots: Snapshot[] }>(browser.background, 'snapshotYears')).flatMap((m) => m.snapshots);
const creators = () => extensionRows<Creator>(browser.background, 'creators');

/** Waits until the background holds a reading of `handle` for the page's tab. */
async function readingOf(page: Page, handle: string) {
  return until(
    () => browser.background.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, TabReading>> } } } };
      return Object.values(await chrome.storage.session.get(null)).map((e) => e.reading);
    }),
    (all) => all.some((r) => r.kind === 'profile' && r.handle === handle),
  );
}

/** Moves every stored time of the library `ms` into the past, as if the save had happened that long ago. */
function ageLibrary(ms: number): Promise<void> {
  return browser.background.evaluate(
    (by) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('creator-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['creators', 'snapshotYears'], 'readwrite');
          tx.objectStore('creators').openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const c = cursor.value;
            for (const k of ['savedAt', 'firstSeenAt', 'lastSeenAt']) if (typeof c[k] === 'number') c[k] -= by;
            if (c.latest) c.latest.takenAt -= by;
            cursor.update(c);
            cursor.continue();
          };
          tx.objectStore('snapshotYears').openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const y = cursor.value;
            for (const snap of y.snapshots) snap.takenAt -= by;
            cursor.update(y);
            cursor.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    ms,
  );
}

test('save, navigate, come back to changed numbers: snapshots in the extension, none in the site', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('https://www.tiktok.com/@maya.bakes');
  await readingOf(page, 'maya.bakes');
  expect(await creators()).toEqual([]); // visiting alone records nothing

  const ack = await sendFromContentScript<LibraryAck>(page, 'cs→bg:save', { creatorKey: 'tiktok:maya.bakes' });
  expect(ack).toEqual({ ok: true, outcome: 'saved', creatorKey: 'tiktok:maya.bakes', saved: true });
  expect(await snapshots()).toMatchObject([{ creatorKey: 'tiktok:maya.bakes', source: 'manual', followers: 2_631_012, following: 183, posts: 412, likes: 48_217_733 }]);

  // A save that names a creator the tab no longer shows is refused.
  const wrong = await sendFromContentScript<LibraryAck>(page, 'cs→bg:save', { creatorKey: 'tiktok:someone.else' });
  expect(wrong).toMatchObject({ ok: false, reason: expect.stringMatching(/now shows tiktok:maya\.bakes/) });

  // Elsewhere, then back a few minutes later (at most one automatic snapshot a minute: the
  // saved rows are aged by two minutes rather than waiting) — the creator has grown since.
  await ageLibrary(120_000);
  await page.goto('https://www.instagram.com/lenapark.studio/');
  await readingOf(page, 'lenapark.studio');
  const grown = readFileSync(`${FIXTURES}tiktok/profile-2024-universal.html`, 'utf8')
    .replaceAll('2631012', '2702345')
    .replaceAll('2600000', '2700000')
    .replaceAll('2.6M', '2.7M');
  await page.route('https://www.tiktok.com/@maya.bakes', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: grown }));
  await page.goto('https://www.tiktok.com/@maya.bakes');

  const after = await until(snapshots, (s) => s.length === 2);
  expect(after.map((s) => [s.source, s.followers])).toEqual([['manual', 2_631_012], ['auto', 2_702_345]]);
  expect(after[1]!.takenAt).toBeGreaterThan(after[0]!.takenAt);
  const [maya] = await creators();
  expect(maya).toMatchObject({ key: 'tiktok:maya.bakes', displayName: 'Maya Chen', latest: { followers: 2_702_345 } });
  expect(maya!.savedAt).toBe(after[0]!.takenAt);
  // Lena was visited but never saved: not in the library.
  expect((await creators()).map((c) => c.key)).toEqual(['tiktok:maya.bakes']);

  // The website's origin has no database of ours.
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  await page.goto('https://www.instagram.com/lenapark.studio/');
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
