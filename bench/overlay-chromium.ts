/**
 * The overlay in Chromium with the built extension, on the fixture profiles of the three
 * sites: from the view's start (the content script begins with the counts already in the
 * page) to the reading, and to the panel painted — from the content script's own
 * performance marks, read through Playwright.
 */
import { launchWithExtension } from '../scripts/chromium';
import { startFixtureServer } from '../scripts/fixture-server';
import { inContentScript, until } from '../tests/e2e/helpers';

export interface OverlayTiming {
  page: string;
  runs: number;
  readMedian: number;
  paintMedian: number;
  paintP95: number;
}

const PAGES = ['https://www.instagram.com/lenapark.studio/', 'https://www.youtube.com/@orbitlab/videos', 'https://www.tiktok.com/@maya.bakes'];

export async function benchOverlayChromium(runs = 15): Promise<OverlayTiming[]> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension(server.chromiumArgs);
  const out: OverlayTiming[] = [];
  try {
    for (const url of PAGES) {
      const reads: number[] = [];
      const paints: number[] = [];
      const page = await browser.context.newPage();
      for (let i = 0; i < runs + 2; i++) {
        await page.goto(url);
        const marks = await until(
          () => inContentScript<Record<string, number>>(page, `Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('creator-lens:')).map((m) => [m.name, m.startTime]))`).catch(() => ({}) as Record<string, number>),
          (m) => m['creator-lens:painted'] !== undefined,
        );
        if (i < 2) continue; // warm-up (first loads compile the scripts)
        reads.push(marks['creator-lens:reading']! - marks['creator-lens:view-start']!);
        paints.push(marks['creator-lens:painted']! - marks['creator-lens:view-start']!);
      }
      await page.close();
      const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
      const q = (a: number[], p: number) => sorted(a)[Math.min(a.length - 1, Math.floor(p * a.length))]!;
      out.push({ page: url, runs, readMedian: q(reads, 0.5), paintMedian: q(paints, 0.5), paintP95: q(paints, 0.95) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
