/**
 * npm run demo — see Creator Lens work without an account or a network: builds the
 * extension, serves the bundled sample pages over HTTPS under the real site names, and
 * opens Chromium with the extension loaded on them. What the extension reads appears in
 * this terminal as it arrives. Close the browser (or press Ctrl-C) to stop.
 * Without a display (a server, CI) it runs headless, prints the readings and exits.
 */
import { hostOf } from '../lib/sites/platforms';
import type { Reading } from '../lib/sites/types';
import { launchWithExtension } from './chromium';
import { SAMPLE_ROUTES, startFixtureServer } from './fixture-server';

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

async function main() {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const server = await startFixtureServer();
  const browser = await launchWithExtension(server.chromiumArgs, { headless });
  console.log(`Sample pages served on 127.0.0.1:${server.port} as:`);
  for (const [host, paths] of Object.entries(SAMPLE_ROUTES)) for (const path of Object.keys(paths)) console.log(`  https://${host}${path}`);
  if (headless) console.log('\nNo display found: running headless and printing what the extension reads.\n');

  const seen = new Set<string>();
  const poll = setInterval(async () => {
    try {
      const readings = await browser.background.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { reading: unknown; receivedAt: number }>> } } } };
        return Object.values(await chrome.storage.session.get(null));
      });
      for (const { reading, receivedAt } of readings) {
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

  for (const url of PAGES) await (await browser.context.newPage()).goto(url);
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
    browser.context.on('close', stop);
  }
}

main().catch((error) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
