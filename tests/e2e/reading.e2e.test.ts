/**
 * In real Chromium and Firefox with the built extension: the content script reads fixture pages served
 * under the real host names, and the background receives and keeps the validated reading —
 * also after an in-page navigation to a second profile whose DOM differs while the
 * embedded data still describes the first.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import type { Reading } from '../../lib/sites/types';
import { launchWithExtension, type TestBrowser, type TestPage as Page } from './browser';
import { tiktokToSecondUser } from './helpers';

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

/** The readings the background keeps, per tab, read in the extension's origin. */
async function keptReadings(): Promise<Reading[]> {
  return browser.background.evaluate(async () => {
    type Session = { get(keys: null): Promise<Record<string, unknown>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: Session } } };
    const all = await chrome.storage.session.get(null);
    return Object.values(all).map((e) => (e as { reading: unknown }).reading) as never;
  });
}

async function waitForReading(match: (r: Reading) => boolean, timeout = 15_000): Promise<Reading> {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await keptReadings()).find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching reading; background has ${JSON.stringify(await keptReadings())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const isProfile = (handle: string) => (r: Reading) => r.kind === 'profile' && r.handle === handle;

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

describe('the content script reads the page and the background keeps the validated reading', () => {
  test('Instagram profile', async () => {
    const page = await open('https://www.instagram.com/lenapark.studio/');
    const r = await waitForReading(isProfile('lenapark.studio'));
    expect(r).toMatchObject({ platform: 'instagram', displayName: 'Lena Park', followers: 70_231, following: 626, posts: 1_204, exact: { followers: true } });
    await page.close();
  });

  test('YouTube channel', async () => {
    const page = await open('https://www.youtube.com/@orbitlab/videos');
    const r = await waitForReading(isProfile('orbitlab'));
    expect(r).toMatchObject({ platform: 'youtube', followers: 1_230_000, posts: 345 });
    expect(r.kind === 'profile' && r.recent.map((p) => [p.id, p.views])).toEqual([['aB3dE5fG7hI', 1_200_000], ['Zx9Yw8Vu7Ts', 845_000]]);
    await page.close();
  });

  test('TikTok profile and video page', async () => {
    const page = await open('https://www.tiktok.com/@maya.bakes');
    const r = await waitForReading(isProfile('maya.bakes'));
    expect(r).toMatchObject({ platform: 'tiktok', followers: 2_631_012, following: 183, posts: 412, likes: 48_217_733 });
    await page.goto('https://www.tiktok.com/@maya.bakes/video/7412345678901234567');
    const v = await waitForReading((x) => x.kind === 'post' && x.id === '7412345678901234567');
    expect(v).toMatchObject({ likes: 98_123, comments: 1_503, views: 1_234_567, shares: 1_207 });
    await page.close();
  });
});

describe('in-page navigation: the new profile, never the previous one', () => {
  test('TikTok: pushState to another profile while the rehydration JSON still describes the first', async () => {
    const page = await open('https://www.tiktok.com/@maya.bakes');
    await waitForReading(isProfile('maya.bakes'));
    await tiktokToSecondUser(page, 300);
    const r = await waitForReading(isProfile('second.user'));
    expect(r).toMatchObject({ followers: 3_201, following: 10, likes: 45_800, posts: null, displayName: 'Second User' });
    await page.close();
  });

  test('YouTube: yt-navigate-finish to another channel; ytInitialData still describes the first', async () => {
    const page = await open('https://www.youtube.com/@orbitlab/videos');
    await waitForReading(isProfile('orbitlab'));
    await page.evaluate(() => {
      history.pushState({}, '', '/@pixelgarden/videos');
      const old = document.querySelector('ytd-browse')!;
      const next = old.cloneNode(true) as Element;
      old.setAttribute('hidden', '');
      next.querySelector('.ytPageHeaderViewModelTitle span')!.textContent = 'Pixel Garden';
      const parts = next.querySelectorAll('.ytContentMetadataViewModelMetadataText');
      parts[0]!.textContent = '@pixelgarden';
      parts[1]!.textContent = '48.3K subscribers';
      parts[2]!.textContent = '212 videos';
      next.querySelector('#contents')!.replaceChildren();
      old.after(next);
      document.dispatchEvent(new Event('yt-navigate-finish'));
    });
    const r = await waitForReading(isProfile('pixelgarden'));
    expect(r).toMatchObject({ displayName: 'Pixel Garden', followers: 48_300, posts: 212, recent: [] });
    await page.close();
  });

  test('Instagram: pushState to another profile; og meta still describes the first', async () => {
    const page = await open('https://www.instagram.com/lenapark.studio/');
    await waitForReading(isProfile('lenapark.studio'));
    await page.evaluate(() => {
      history.pushState({}, '', '/dev.codes/');
      setTimeout(() => {
        document.title = 'Dev Sharma (@dev.codes) • Instagram photos and videos';
        const header = document.querySelector('header')!;
        header.querySelectorAll('a[href]').forEach((a) => a.setAttribute('href', a.getAttribute('href')!.replace('lenapark.studio', 'dev.codes')));
        const numbers = header.querySelectorAll('span.html-span');
        numbers[0]!.textContent = '58';
        numbers[1]!.textContent = '9,870';
        numbers[1]!.parentElement!.setAttribute('title', '9,870');
        numbers[2]!.textContent = '1,002';
      }, 200);
    });
    const r = await waitForReading(isProfile('dev.codes'));
    expect(r).toMatchObject({ displayName: 'Dev Sharma', followers: 9_870, following: 1_002, posts: 58 });
    await page.close();
  });
});

describe('a guest on the page', () => {
  test('no page errors, and no request to any host but the three sites', async () => {
    const page = await open('https://www.youtube.com/@technikbox/videos');
    await waitForReading(isProfile('technikbox'));
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
    const hosts = new Set(browser.requests.filter((u) => u.startsWith('http')).map((u) => new URL(u).hostname));
    for (const host of hosts) expect(['www.instagram.com', 'www.youtube.com', 'www.tiktok.com']).toContain(host);
    expect(server.requests.length).toBeGreaterThan(0);
  });
});
