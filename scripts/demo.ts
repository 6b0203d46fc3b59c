/**
 * npm run demo (Chromium) / npm run demo:firefox — see Creator Lens work without an account or
 * a network: builds the extension, serves the bundled sample pages over HTTPS under the real
 * site names, and opens the browser with the extension loaded on them. What the extension
 * reads appears in this terminal as it arrives. Close the browser (or press Ctrl-C) to stop.
 * Without a display (a server, CI) it runs headless, prints the readings, saves screenshots of
 * the panel on each sample profile, the popup on the TikTok one and the dashboard in
 * .output/demo/, says where they are, and exits.
 * A missing browser is installed first where that is allowed (scripts/setup-browsers.ts).
 */
import { hostOf } from '../lib/sites/platforms';
import type { Reading } from '../lib/sites/types';
import type { BrowserName } from './browsers';
import { launchWithExtension } from './chromium';
import { launchFirefoxWithExtension } from './firefox';
import { SAMPLE_ROUTES, startFixtureServer } from './fixture-server';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the headless demo leaves its screenshots. */
const SHOTS = resolve(import.meta.dirname, '../.output/demo');

/** What a screenshot needs of a page, in both drivers (Playwright and Puppeteer share these). */
interface ShotPage {
  setViewportSize?(size: { width: number; height: number }): Promise<void>;
  setViewport?(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: `${string}.png` }): Promise<unknown>;
  goto(url: string): Promise<unknown>;
}
const sized = async (page: ShotPage, width: number, height: number) => (page.setViewportSize ? page.setViewportSize({ width, height }) : page.setViewport!({ width, height }));
import { ensureBrowsers, SetupError } from './setup-browsers';

const PAGES = [
  `https://${hostOf('instagram')}/lenapark.studio/`,
  `https://${hostOf('youtube')}/@orbitlab/videos`,
  `https://${hostOf('tiktok')}/@maya.bakes`,
];

const fmt = (n: number | null, exact?: boolean) => (n === null ? '—' : `${exact ? '' : '≈'}${n.toLocaleString('en')}`);

function describe(r: Reading): string {
  if (r.kind === 'unreadable') return `${r.platform}: not readable (${r.reason}): ${r.message}`;
  if (r.kind === 'post') return `${r.platform} post ${r.id} by @${r.handle}: likes ${fmt(r.likes, r.exact.likes)}, comments ${fmt(r.comments, r.exact.comments)}, views ${fmt(r.views, r.exact.views)}`;
  const counts = [
    `followers ${fmt(r.followers, r.exact.followers)}`,
    r.following !== null && `following ${fmt(r.following, r.exact.following)}`,
    `posts ${fmt(r.posts, r.exact.posts)}`,
    r.likes !== null && `likes ${fmt(r.likes, r.exact.likes)}`,
    r.views !== null && `views ${fmt(r.views, r.exact.views)}`,
    `${r.recent.length} recent posts`,
  ].filter(Boolean);
  return `${r.platform} @${r.handle} (${r.displayName ?? 'no name shown'}): ${counts.join(', ')}`;
}

type Kept = { reading: unknown; receivedAt: number };

/** The browser with the extension, the sample pages mapped to `port`, seen the same way for both. */
async function open(name: BrowserName, port: number, chromiumArgs: string[], headless: boolean) {
  if (name === 'firefox') {
    const firefox = await launchFirefoxWithExtension({ fixturesPort: port, headless });
    return {
      // The MV2 background is a page: the readings are read from an extension page of its origin.
      readings: () =>
        firefox.inExtension(async () => Object.values(await (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, Kept>> } } } }).browser.storage.session.get(null))),
      visit: async (url: string) => {
        const page = await firefox.browser.newPage();
        await page.goto(url);
        return page as unknown as ShotPage;
      },
      extensionPage: async (path: string) => (await firefox.openExtensionPage(path)) as unknown as ShotPage,
      tabId: (prefix: string) => firefox.inExtension(async (p) => (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({})).find((t) => t.url?.startsWith(p))?.id ?? null, prefix),
      onClosed: (stop: () => void) => void firefox.browser.on('disconnected', stop),
      close: () => firefox.close(),
    };
  }
  const chromium = await launchWithExtension(chromiumArgs, { headless });
  return {
    readings: () =>
      chromium.background.evaluate(async () => Object.values(await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, Kept>> } } } }).chrome.storage.session.get(null))),
    visit: async (url: string) => {
      const page = await chromium.context.newPage();
      await page.goto(url);
      return page as unknown as ShotPage;
    },
    extensionPage: async (path: string) => {
      const page = await chromium.context.newPage();
      await page.goto(`chrome-extension://${chromium.extensionId}/${path}`);
      return page as unknown as ShotPage;
    },
    tabId: (prefix: string) => chromium.background.evaluate(async (p) => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({})).find((t) => t.url?.startsWith(p))?.id ?? null, prefix),
    onClosed: (stop: () => void) => void chromium.context.on('close', stop),
    close: () => chromium.close(),
  };
}

async function main() {
  const name: BrowserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
  ensureBrowsers([name]);
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const server = await startFixtureServer();
  const browser = await open(name, server.port, server.chromiumArgs, headless);
  console.log(`Sample pages served on 127.0.0.1:${server.port} as:`);
  for (const [host, paths] of Object.entries(SAMPLE_ROUTES)) for (const path of Object.keys(paths)) console.log(`  https://${host}${path}`);
  if (headless) console.log(`\nNo display found: running ${name === 'firefox' ? 'Firefox' : 'Chromium'} headless and printing what the extension reads.\n`);

  const seen = new Set<string>();
  const poll = setInterval(async () => {
    try {
      for (const { reading, receivedAt } of await browser.readings()) {
        const key = `${receivedAt}:${JSON.stringify(reading).length}`;
        if (!seen.has(key)) {
          seen.add(key);
          console.log(`Creator Lens read ${describe(reading as Reading)}`);
        }
      }
    } catch {
      /* browser closing */
    }
  }, 250);

  const pages: ShotPage[] = [];
  for (const url of PAGES) pages.push(await browser.visit(url));
  const stop = async () => {
    clearInterval(poll);
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  if (headless) {
    await new Promise((r) => setTimeout(r, 3_000));
    // Headless, nothing of the product is on a screen: save what it shows, and say where.
    try {
      mkdirSync(SHOTS, { recursive: true });
      const saved: string[] = [];
      const shoot = async (page: ShotPage, file: string) => {
        const path = `${SHOTS}/${file}` as `${string}.png`;
        await page.screenshot({ path });
        saved.push(path);
      };
      for (const [i, url] of PAGES.entries()) {
        await sized(pages[i]!, 1280, 800);
        await shoot(pages[i]!, `panel-${new URL(url).hostname.split('.')[1]}.png`);
      }
      const tab = await browser.tabId(PAGES[2]!);
      const popup = await browser.extensionPage(`popup.html?tab=${tab ?? ''}`);
      await sized(popup, 380, 600);
      await new Promise((r) => setTimeout(r, 500));
      await shoot(popup, 'popup-tiktok.png');
      const dashboard = await browser.extensionPage('dashboard.html');
      await sized(dashboard, 1280, 800);
      await new Promise((r) => setTimeout(r, 500));
      await shoot(dashboard, 'dashboard.png');
      console.log(`\nScreenshots of the panel, the popup and the dashboard on the sample pages:\n${saved.map((p) => `  ${p}`).join('\n')}`);
    } catch (error) {
      console.log(`\nThe screenshots could not be taken: ${(error as Error).message}`);
    }
    await stop();
  } else {
    console.log('\nBrowse the sample pages; close the browser window to stop.');
    browser.onClosed(stop);
  }
}

main().catch((error) => {
  console.error(`demo: ${error instanceof SetupError ? '' : 'failed: '}${(error as Error).message}`);
  process.exit(1);
});
