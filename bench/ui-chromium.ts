/**
 * The popup and the dashboard in Chromium with the built extension, on a library of 5,000
 * creators and 100,000 snapshots (bench/library-workload.ts, exported in Node and
 * imported through the dashboard's Data page, as a user would):
 * - popup: from navigation start to its first meaningful paint (the creator's numbers,
 *   `creator-lens:popup-painted`), for a profile tab and for a tab that is no profile
 *   (which lists the recent creators);
 * - dashboard: from navigation start to the table's rows rendered and usable
 *   (`creator-lens:table-rows`), to engagement and growth filled in for all rows
 *   (`creator-lens:table-details`), and the time a sort click and a search keystroke take.
 * Also the gzipped JS each page loads.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { LibraryDb } from '../lib/db/db';
import { exportJson } from '../lib/db/transfer';
import { EXTENSION, launchWithExtension } from '../scripts/chromium';
import { startFixtureServer } from '../scripts/fixture-server';
import { until } from '../tests/e2e/helpers';
import { seedLibrary } from './library-workload';

export interface Stat {
  median: number;
  p95: number;
  runs: number;
}

export interface UiBenchResult {
  popupProfile: Stat;
  popupRecent: Stat;
  /** The Data page: from choosing the file to the preview shown, and from Import to done. */
  previewMs: number;
  importMs: number;
  fileBytes: number;
  tableRows: Stat;
  tableDetails: Stat;
  sortClick: Stat;
  searchKey: Stat;
  js: { page: string; gzip: number; files: string[] }[];
}

const stat = (values: number[]): Stat => {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), runs: s.length };
};

/** The JS a page of the build loads before it runs: its module script and the chunks it preloads. */
function pageJs(html: string): { gzip: number; files: string[] } {
  const text = readFileSync(`${EXTENSION}${html}`, 'utf8');
  const files = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return { files, gzip: files.reduce((n, f) => n + gzipSync(readFileSync(`${EXTENSION}${f}`), { level: 9 }).length, 0) };
}

/** Chart.js's chunk, which only the creator and compare pages load. */
function chartChunk(): { page: string; gzip: number; files: string[] } {
  const dir = `${EXTENSION}chunks/`;
  const file = readdirSync(dir).find((f) => f.startsWith('Chart-') && f.endsWith('.js'))!;
  return { page: 'creator and compare pages, on demand', files: [`chunks/${file}`], gzip: gzipSync(readFileSync(`${dir}${file}`), { level: 9 }).length };
}

const mark = (page: Page, name: string) =>
  until(() => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name), (v) => v !== null, 60_000) as Promise<number>;

export async function benchUiChromium(runs = 15): Promise<UiBenchResult> {
  const source = new LibraryDb(`ui-bench-${process.pid}`);
  await seedLibrary(source);
  const file = await exportJson(source);
  source.close();

  const server = await startFixtureServer();
  const browser = await launchWithExtension(server.chromiumArgs);
  const url = (p: string) => `chrome-extension://${browser.extensionId}/${p}`;
  try {
    // Fill the extension's library through the Data page.
    const data = await browser.context.newPage();
    await data.goto(url('dashboard.html#/data'));
    // Times from the page's marks: handing a 36 MB file over from Playwright takes longer than reading it.
    await data.getByTestId('import-file').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await data.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    await data.getByRole('button', { name: 'Import', exact: true }).click();
    await data.getByText('Imported bench.json').waitFor({ timeout: 120_000 });
    const m = await data.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((x) => [x.name, x.startTime])));
    const previewMs = m['creator-lens:import-checked']! - m['creator-lens:import-chosen']!;
    const importMs = m['creator-lens:import-done']! - m['creator-lens:import-start']!;
    await data.close();

    // A TikTok profile in a tab, and a tab that is no profile.
    const profile = await browser.context.newPage();
    await profile.goto('https://www.tiktok.com/@maya.bakes');
    const other = await browser.context.newPage();
    await other.goto('https://www.instagram.com/p/DH4kQx2MpLa/');
    const tabs = await browser.background.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
      const all = await api.tabs.query({});
      return { profile: all.find((t) => t.url?.includes('@maya.bakes'))!.id!, other: all.find((t) => t.url?.includes('/p/'))!.id! };
    });
    await until(() => browser.background.evaluate(async (id) => Boolean((await (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(`tab-reading:${id}`))[`tab-reading:${id}`]), tabs.profile), Boolean);

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    const timePopup = async (tabId: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        await popup.goto(url(`popup.html?tab=${tabId}`));
        const t = await mark(popup, 'creator-lens:popup-painted');
        if (i >= 2) times.push(t); // the first loads warm the service worker and the code cache
      }
      return stat(times);
    };
    const popupProfile = await timePopup(tabs.profile);
    const popupRecent = await timePopup(tabs.other);
    await popup.close();

    const dash = await browser.context.newPage();
    const rows: number[] = [];
    const details: number[] = [];
    const sorts: number[] = [];
    const keys: number[] = [];
    const tableRuns = Math.max(5, Math.round(runs / 2));
    for (let i = 0; i < tableRuns + 1; i++) {
      await dash.goto(url(`dashboard.html?run=${i}#/creators`)); // a new document each run
      const r = await mark(dash, 'creator-lens:table-rows');
      const d = await mark(dash, 'creator-lens:table-details');
      // Interactions, timed inside the page until the table's DOM has changed (React renders
      // discrete events' updates in a microtask; a MutationObserver's callback runs after it).
      const sort = await dash.evaluate(() => new Promise<number>((resolve) => {
        const b = [...document.querySelectorAll<HTMLButtonElement>('button.sort')].find((x) => x.textContent?.startsWith('Followers'))!;
        const t = performance.now();
        new MutationObserver((_, o) => { o.disconnect(); resolve(performance.now() - t); }).observe(document.querySelector('tbody')!, { childList: true, subtree: true, characterData: true });
        setTimeout(() => resolve(-1), 10_000);
        b.click();
      }));
      const key = await dash.evaluate(() => new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const t = performance.now();
        new MutationObserver((_, o) => { o.disconnect(); resolve(performance.now() - t); }).observe(document.querySelector('tbody')!, { childList: true, subtree: true, characterData: true });
        setTimeout(() => resolve(-1), 10_000);
        set.call(input, 'creator.12');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }));
      if (sort < 0 || key < 0) throw new Error('the table did not change after a sort click or a search keystroke');
      const count = await dash.getByTestId('count').innerText();
      if (!count.endsWith('of 5,000') && !count.endsWith('of 5000')) throw new Error(`the search did not filter: ${count}`);
      if (i === 0) continue; // warm-up
      rows.push(r);
      details.push(d);
      sorts.push(sort);
      keys.push(key);
    }
    await dash.close();
    return {
      popupProfile, popupRecent, previewMs, importMs, fileBytes: file.length,
      tableRows: stat(rows), tableDetails: stat(details), sortClick: stat(sorts), searchKey: stat(keys),
      js: [{ page: 'popup.html', ...pageJs('popup.html') }, { page: 'dashboard.html', ...pageJs('dashboard.html') }, chartChunk()],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
