/**
 * npm run demo (Chromium) / npm run demo:firefox — see Creator Lens work without an account or
 * a network: builds the extension, serves the bundled sample pages over HTTPS under the real
 * site names, and opens the browser with the extension loaded on them. What the extension
 * reads appears in this terminal as it arrives. Close the browser (or press Ctrl-C) to stop.
 * Without a display (a server, CI) it runs headless, prints the readings and exits.
 * A missing browser is installed first where that is allowed (scripts/setup-browsers.ts).
 */
import { hostOf } from '../lib/sites/platforms';
import type { Reading } from '../lib/sites/types';
import type { BrowserName } from './browsers';
import { launchWithExtension } from './chromium';
import { launchFirefoxWithExtension } from './firefox';
import { SAMPLE_ROUTES, startFixtureServer } from './fixture-server';
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
      visit: async (url: string) => void (await (await firefox.browser.newPage()).goto(url)),
      onClosed: (stop: () => void) => void firefox.browser.on('disconnected', stop),
      close: () => firefox.close(),
    };
  }
  const chromium = await launchWithExtension(chromiumArgs, { headless });
  return {
    readings: () =>
      chromium.background.evaluate(async () => Object.values(await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, Kept>> } } } }).chrome.storage.session.get(null))),
    visit: async (url: string) => void (await (await chromium.context.newPage()).goto(url)),
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

  for (const url of PAGES) await browser.visit(url);
  const stop = async () => {
    clearInterval(poll);
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  if (headless) {
    await new Promise((r) => setTimeout(r, 3_000));
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
