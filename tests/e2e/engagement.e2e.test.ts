/**
 * Engagement from what the page itself loaded (issue 13), in real Chromium and Firefox: on
 * each site's capture fixture (the page's own script requests its posts before
 * DOMContentLoaded under a strict CSP, then navigates in-page to a second creator and
 * requests theirs), the panel shows each creator's engagement from their own posts only.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { hostOf } from '../../lib/sites/platforms';
import { readPage } from '../../lib/sites/registry';
import { readTiktokPosts } from '../../lib/sites/tiktok/posts';
import type { ProfileReading } from '../../lib/sites/types';
import { FIXTURES, SAMPLE_ROUTES, startFixtureServer, type FixtureServer, type Routes } from '../../scripts/fixture-server';
import { OUT, launchWithExtension, type TestBrowser, type TestPage as Page } from './browser';
import { overlayClick, overlayFocus, overlayText, tiktokToSecondUser, until } from './helpers';

const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');
const json = (body: string) => ({ body, type: 'application/json' });

/** A sample profile whose own script asks for its posts while the document loads, as the sites' apps do. */
function loadsPosts(file: string, ...paths: string[]) {
  const script = `<script>${paths.map((p) => `fetch(${JSON.stringify(p)}).then((r) => r.text());`).join('')}</script>`;
  return { body: fixture(file).replace(/<head[^>]*>/i, (head) => `${head}${script}`), type: 'text/html; charset=utf-8' };
}

const TT_LIST = '/api/post/item_list/?aid=1988&secUid=MS4wLjABAAAAmaya-bakes-sec-uid&count=35&cursor=0';
const TT_PAGE_2 = '/api/post/item_list/?aid=1988&secUid=MS4wLjABAAAAmaya-bakes-sec-uid&count=35&cursor=1780000000000';
const TT_MANY = '/api/post/item_list/?aid=1988&secUid=MS4wLjABAAAAmaya-bakes-sec-uid&count=35&cursor=35';

/** Her list with eight organic videos of her own, two days apart (one of hers, renumbered): enough for a verdict. */
function eightOrganic(): string {
  const list = JSON.parse(fixture('api/tiktok/item-list.json')) as { itemList: Record<string, unknown>[] };
  const own = list.itemList.find((i) => i.id === '7391234567890123456')!;
  list.itemList = Array.from({ length: 8 }, (_, i) => ({ ...own, id: `74000000000000000${10 + i}`, desc: `Bake ${i}`, createTime: 1_780_000_000 - i * 2 * 86_400 }));
  return JSON.stringify(list);
}
const IG_QUERY = '/graphql/query';
const YT_BROWSE = '/youtubei/v1/browse?prettyPrint=false';

const ROUTES: Routes = {
  ...SAMPLE_ROUTES,
  [hostOf('tiktok')]: {
    ...SAMPLE_ROUTES[hostOf('tiktok')],
    '/@maya.bakes': loadsPosts('tiktok/profile-2024-universal.html', TT_LIST),
    [TT_LIST]: json(fixture('api/tiktok/item-list.json')),
    '/@maya.bakes?tab=many': loadsPosts('tiktok/profile-2024-universal.html', TT_MANY),
    [TT_MANY]: json(eightOrganic()),
    [TT_PAGE_2]: json(fixture('api/tiktok/item-list-page-2.json')),
  },
  // The research's timeline response, made the sample creator's (her handle for maya.codes').
  [hostOf('instagram')]: {
    ...SAMPLE_ROUTES[hostOf('instagram')],
    '/lenapark.studio/': loadsPosts('instagram/profile-2025-en.html', IG_QUERY),
    [IG_QUERY]: json(fixture('api/instagram/graphql-profile-posts.json').replaceAll('"maya.codes"', '"lenapark.studio"')),
  },
  [hostOf('youtube')]: {
    ...SAMPLE_ROUTES[hostOf('youtube')],
    '/@orbitlab/videos': loadsPosts('youtube/channel-2026-viewmodel.html', YT_BROWSE),
    [YT_BROWSE]: json(fixture('api/youtube/browse-videos.json').replaceAll('mayacodes', 'orbitlab')),
  },
};

let server: FixtureServer;
let browser: TestBrowser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startFixtureServer(ROUTES);
  browser = await launchWithExtension(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The headline rate the panel shows (engagement; on YouTube views per subscriber), or null. */
const rateIn = (t: string) => /(?:ENGAGEMENT|VIEWS PER SUBSCRIBER)[\s\S]*?\n(\d+(?:\.\d+)?%)\n/i.exec(t)?.[1] ?? null;

describe('engagement on each site, from the page’s own data', () => {
  test.each([
    // Her item_list: 10 items, 2 pinned, 1 another author's, 1 with an impossible like count; 3 with #ad.
    ['tiktok', `https://${hostOf('tiktok')}/@maya.bakes`, /Median (?:of|on) .*posts.* · 2 pinned left out · 3 sponsored apart/],
    // The research's timeline made hers: 9 own posts, 1 pinned, 2 paid partnerships.
    ['instagram', `https://${hostOf('instagram')}/lenapark.studio/`, /Median (?:of|on) .*posts.* · 1 pinned left out · 2 sponsored apart/],
    // Views per subscriber, the channel's headline, over its long videos.
    ['youtube', `https://${hostOf('youtube')}/@orbitlab/videos`, /Median (?:of|on) .*videos/],
  ])('%s: the panel shows the headline rate over the creator’s own posts, with its sample', async (site, url, sample) => {
    const page: Page = await browser.newPage();
    await page.goto(url);
    const text = await until(() => overlayText(page), (t) => t !== null && rateIn(t) !== null);
    expect(text).toMatch(sample);
    await page.screenshot({ path: `${OUT}engagement-${site}.png` });
    await page.close();
  });

  test('tiktok with 8 organic posts: a verdict against the band, its source on focus; fewer than 6 posts get none (the rate, and why)', async () => {
    const page: Page = await browser.newPage();
    await page.goto(`https://${hostOf('tiktok')}/@maya.bakes?tab=many`);
    const text = await until(() => overlayText(page), (t) => t !== null && /(Below|Within|Above) the mega band/.test(t));
    expect(text).toMatch(/Median (?:of|on) 8 (?:of \d+ )?posts.* · \(likes \+ comments \+ shares\) \/ views/);
    expect(text).not.toContain('Too few posts');
    expect(await overlayFocus(page, '.cl-chip')).toBe(true);
    expect(await until(() => overlayText(page), (t) => !!t?.includes('Source:'))).toMatch(/Source: Modash/);
    await page.screenshot({ path: `${OUT}engagement-verdict.png` });
    await page.close();

    const few: Page = await browser.newPage();
    await few.goto(`https://${hostOf('tiktok')}/@maya.bakes`);
    const fewText = await until(() => overlayText(few), (t) => t !== null && rateIn(t) !== null);
    expect(fewText).toMatch(/Too few posts for a verdict: \d of the 6 a verdict needs/);
    expect(fewText).not.toMatch(/(Below|Within|Above) the mega band/);
    await few.close();
  });

  test('tiktok: as the page loads more of her posts (a scroll), the panel’s sample grows, with her posts only', async () => {
    const page: Page = await browser.newPage();
    await page.goto(`https://${hostOf('tiktok')}/@maya.bakes`);
    const before = await until(() => overlayText(page), (t) => t !== null && rateIn(t) !== null);
    const sampleOf = (t: string) => Number(/Median (?:of|on) (?:\d+ of )?(\d+) posts/.exec(t)?.[1] ?? NaN);
    const n = sampleOf(before!);
    expect(n).toBeGreaterThan(0);
    // The app's own request for the next page, as when the grid is scrolled.
    await page.evaluate((path) => fetch(path).then((r) => r.text()), TT_PAGE_2);
    const after = await until(() => overlayText(page), (t) => t !== null && sampleOf(t) === n + 1);
    expect(after).toMatch(/2 pinned left out · 3 sponsored apart/);
    await page.close();
  });

  test('tiktok: after in-page navigation to another creator, none of the first one’s posts count', async () => {
    const page: Page = await browser.newPage();
    await page.goto(`https://${hostOf('tiktok')}/@maya.bakes`);
    await until(() => overlayText(page), (t) => t !== null && rateIn(t) !== null);
    await tiktokToSecondUser(page, 50);
    const second = await until(() => overlayText(page), (t) => t !== null && t.includes('@second.user') && t.includes('3,201'));
    expect(rateIn(second!)).toBeNull();
    expect(second).toMatch(/Unknown/);
    await page.close();
  });

  test('tiktok: saved, the creator page lists her own recent posts with the page’s exact counts, pinned and rate; another author’s item never', async () => {
    const profile: Page = await browser.newPage();
    await profile.goto(`https://${hostOf('tiktok')}/@maya.bakes`);
    await until(() => overlayText(profile), (t) => t !== null && rateIn(t) !== null);
    await until(() => overlayClick(profile, 'Save'), Boolean); // the button is in the panel's frame, shown once it has loaded
    await until(() => overlayText(profile), (t) => !!t?.includes('Saved ✓'));
    await profile.close();
    const page: Page = await browser.newPage();
    await page.goto(browser.extensionUrl(`dashboard.html#/creator/${encodeURIComponent('tiktok:maya.bakes')}`));
    const table = page.getByTestId('recent-posts');
    await table.waitFor();
    const rows = await until(() => table.locator('tbody tr').allInnerTexts(), (r) => r.length >= 8);
    const own = readTiktokPosts(fixture('api/tiktok/item-list.json'), { handle: 'maya.bakes' }).posts;
    const grid = (readPage(parseHTML(fixture('tiktok/profile-2024-universal.html')).document, new URL(`https://${hostOf('tiktok')}/@maya.bakes`)) as ProfileReading).recent;
    expect(rows).toHaveLength(new Set([...own, ...grid].map((p) => p.id)).size);
    const text = rows.join('\n');
    expect(text).not.toContain('2,300,000'); // someone.else's item in her list
    const pinned = own.find((p) => p.pinned)!;
    expect(text).toContain(new Intl.NumberFormat('en-US').format(pinned.views!));
    expect(rows.filter((r) => r.includes('pinned'))).toHaveLength(own.filter((p) => p.pinned).length);
    await page.screenshot({ path: `${OUT}creator-recent-posts.png`, fullPage: true });
    await page.close();
  });
});
