/**
 * The overlay in the shape the sites give it (issue 18 items 1 and 4), in Chromium:
 *
 * - **Late counts**: each fixture profile served as an empty page whose own script puts the
 *   fixture's head and body in 400 ms after load (the content script has started and found
 *   nothing), marking `perf:counts-inserted`, as the sites' client-side rendering does. From
 *   that mark to the content script's `creator-lens:reading`, to `creator-lens:painted` (the
 *   page's numbers drawn in the shadow root) and to `creator-lens:frame-painted` (the panel's
 *   frame has drawn the user's part and reported its size). Floor: one frame, 16.7 ms.
 * - **Main-thread cost per page load**: the same fixture page loaded in two Chromiums of the
 *   same run, one with the built extension and one without, alternating, each load traced
 *   (devtools.timeline and toplevel categories) for `WINDOW_MS` from navigation; the page's
 *   renderer main thread's top-level task time, with minus without, paired by round. The
 *   panel's frame is an extension page: Chromium runs it in the extension's process, so its
 *   own work is not on the page's main thread (its element and loading are).
 *
 * Runnable alone: `npx tsx bench/overlay-late-chromium.ts [extension dir]` (after
 * `npx wxt build`) prints both as JSON; bench/run.ts writes them into bench/results.md.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION } from '../scripts/chromium';
import { requireBrowser } from '../scripts/browsers';
import { FIXTURES, SAMPLE_ROUTES, startFixtureServer } from '../scripts/fixture-server';
import { inContentScript, until } from '../tests/e2e/helpers';

export const PAGES = ['https://www.instagram.com/lenapark.studio/', 'https://www.youtube.com/@orbitlab/videos', 'https://www.tiktok.com/@maya.bakes'];
const WINDOW_MS = 2_000;
const INSERT_AFTER_MS = 400;

const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const q = (a: number[], p: number) => sorted(a)[Math.min(a.length - 1, Math.floor(p * a.length))] ?? NaN;

/** A Chromium of this run: with the extension in `extension`, or none (the bare page). */
async function launch(args: string[], extension: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'creator-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireBrowser('chromium'),
    headless: false, // --headless=new below: the headless mode that runs extensions
    args: [
      '--headless=new',
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : ['--disable-extensions']),
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      ...args,
    ],
    viewport: { width: 1280, height: 900 },
  });
  if (extension) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

function fixtureFile(url: string): string {
  const { hostname, pathname } = new URL(url);
  return `${FIXTURES}${(SAMPLE_ROUTES as Record<string, Record<string, string>>)[hostname]![pathname]!}`;
}

/** The fixture as an empty page that puts its content in `INSERT_AFTER_MS` after load, in one mutation per part. */
function latePage(url: string): string {
  const html = readFileSync(fixtureFile(url), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><script>
    addEventListener('load', () => setTimeout(() => {
      const d = new DOMParser().parseFromString(${JSON.stringify(html).replace(/</g, '\\u003c')}, 'text/html');
      document.documentElement.lang = d.documentElement.lang;
      document.title = d.title;
      for (const n of [...d.head.childNodes]) if (n.nodeName !== 'TITLE') document.head.append(n);
      performance.mark('perf:counts-inserted');
      document.body.replaceWith(d.body);
    }, ${INSERT_AFTER_MS}));
  </script></head><body></body></html>`;
}

export interface LateRow {
  page: string;
  runs: number;
  /** From the counts entering the page, median (p95), ms. */
  reading: { median: number; p95: number };
  painted: { median: number; p95: number };
  /** To the frame's own content drawn (after `painted`). */
  framePainted: { median: number; p95: number };
}

const MARKS = `Object.fromEntries(performance.getEntriesByType('mark').filter((m) => /^(creator-lens|perf):/.test(m.name)).map((m) => [m.name, m.startTime]))`;

export async function benchLateCounts(runs = 10, extension = EXTENSION): Promise<LateRow[]> {
  const server = await startFixtureServer();
  const browser = await launch(server.chromiumArgs, extension);
  const out: LateRow[] = [];
  try {
    for (const url of PAGES) {
      const page = await browser.context.newPage();
      await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: latePage(url) }));
      const reading: number[] = [];
      const painted: number[] = [];
      const frame: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        await page.goto(url);
        const marks = await until(
          () => inContentScript<Record<string, number>>(page, MARKS).catch(() => ({}) as Record<string, number>),
          (m) => m['creator-lens:painted'] !== undefined && (m['creator-lens:frame-painted'] !== undefined || !existsSync(`${extension}panel.html`)),
        );
        if (i < 2) continue; // warm-up (first loads compile the scripts)
        const t0 = marks['perf:counts-inserted']!;
        reading.push(marks['creator-lens:reading']! - t0);
        painted.push(marks['creator-lens:painted']! - t0);
        if (marks['creator-lens:frame-painted'] !== undefined) frame.push(marks['creator-lens:frame-painted'] - t0);
      }
      await page.close();
      const st = (a: number[]) => ({ median: q(a, 0.5), p95: q(a, 0.95) });
      out.push({ page: url, runs, reading: st(reading), painted: st(painted), framePainted: st(frame) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: unknown };
}

/** The page's renderer main thread's top-level task time over `WINDOW_MS` from navigation, traced. */
async function tracedLoad(page: Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'blink.user_timing', 'loading', '__metadata'] }, transferMode: 'ReportEvents' });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, Math.max(0, WINDOW_MS - (Date.now() - start))));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  // The renderer that holds the page's main frame (its navigationStart names the URL), and its main thread.
  const navigation = events.find((e) => e.name === 'navigationStart' && (e.args as { data?: { documentLoaderURL?: string; isLoadingMainFrame?: boolean } })?.data?.isLoadingMainFrame && (e.args as { data?: { documentLoaderURL?: string } }).data?.documentLoaderURL === url);
  const pid = navigation?.pid;
  const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  if (!navigation || tid === undefined) throw new Error(`no navigation to ${url} in the trace`);
  const nav = navigation.ts;
  const end = nav + WINDOW_MS * 1000;
  // Top-level tasks nest (a task runner's RunTask inside ThreadControllerImpl::RunTask): their union, not their sum.
  const spans = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.cat.includes('toplevel') && e.dur !== undefined && e.ts + e.dur! >= nav && e.ts <= end)
    .map((e) => [Math.max(e.ts, nav), Math.min(e.ts + e.dur!, end)] as const)
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let until = -Infinity;
  for (const [from, to] of spans) {
    if (to <= until) continue;
    busy += to - Math.max(from, until);
    until = to;
  }
  return busy / 1000;
}

export interface CostRow {
  page: string;
  rounds: number;
  /** Main-thread busy ms per load, median (p95). */
  withExtension: { median: number; p95: number };
  bare: { median: number; p95: number };
  /** With minus without, paired by round. */
  added: { median: number; p95: number };
}

export async function benchMainThreadCost(rounds = 8, extension = EXTENSION): Promise<CostRow[]> {
  const server = await startFixtureServer();
  const withExt = await launch(server.chromiumArgs, extension);
  const bare = await launch(server.chromiumArgs, null);
  const out: CostRow[] = [];
  try {
    for (const url of PAGES) {
      const a = await withExt.context.newPage();
      const b = await bare.context.newPage();
      const ext: number[] = [];
      const base: number[] = [];
      const added: number[] = [];
      for (let i = 0; i < rounds + 1; i++) {
        // Alternate which goes first, so neither always meets the other's leftovers.
        const [x, y] = i % 2 ? [await tracedLoad(b, url), await tracedLoad(a, url)].reverse() : [await tracedLoad(a, url), await tracedLoad(b, url)];
        if (i < 1) continue; // warm-up
        ext.push(x!);
        base.push(y!);
        added.push(x! - y!);
      }
      await a.close();
      await b.close();
      const st = (v: number[]) => ({ median: q(v, 0.5), p95: q(v, 0.95) });
      out.push({ page: url, rounds, withExtension: st(ext), bare: st(base), added: st(added) });
    }
  } finally {
    await withExt.close();
    await bare.close();
    await server.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const extension = process.argv[2] ? `${process.argv[2].replace(/\/$/, '')}/` : EXTENSION;
  const which = process.env.ONLY ?? 'late,cost';
  if (which.includes('late')) console.log(JSON.stringify({ late: await benchLateCounts(10, extension) }, null, 1));
  if (which.includes('cost')) console.log(JSON.stringify({ cost: await benchMainThreadCost(8, extension) }, null, 1));
}
