/**
 * The overlay in the shape the sites give it (issue 18 items 1 and 4), in Chromium:
 *
 * - **Late counts**: each fixture profile served as an empty page whose own script puts the
 *   fixture's head and body in 400 ms after load (the content script has started and found
 *   nothing), marking `perf:counts-inserted`, as the sites' client-side rendering does. From
 *   that mark to the content script's `creator-lens:reading` and to `creator-lens:painted` (the
 *   page's numbers drawn in the shadow root). Floor: one frame, 16.7 ms. Then the pointer is
 *   moved onto the panel, as a user reaching for Save does: from the content script's
 *   `creator-lens:frame-wanted` to `creator-lens:frame-painted` (the panel's frame made, loaded,
 *   and its user's part drawn and sized).
 * - **Main-thread cost per page load**: the same fixture page loaded in Chromiums of the same
 *   run: one with the built extension, one without any, and one with the same extension whose
 *   isolated content scripts are emptied (the least any content script costs here: the
 *   script's world and its start), in rotating order, each load traced (devtools.timeline and
 *   toplevel categories) for `WINDOW_MS` from navigation. For the page's renderer main thread:
 *   the thread (CPU) time of its top-level tasks, and their wall time; with minus without,
 *   paired by round. The goal is judged on thread time: on a shared 2-core machine a task's
 *   wall time also counts the time its thread waited for a core (the bare page's own wall
 *   time moved between 23 and 362 ms across loads while its thread time stayed at 17–28).
 *   The panel's frame is an extension page in the extension's process; it is made only when
 *   the user reaches for the panel (components/overlay/mount.tsx), so a page load that is
 *   only looked at does not pay for it.
 *
 * Runnable alone: `npx tsx bench/overlay-late-chromium.ts [extension dir]` (after
 * `npx wxt build`) prints both as JSON; bench/run.ts writes them into bench/results.md.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION } from '../scripts/chromium';
import { requireBrowser } from '../scripts/browsers';
import { FIXTURES, SAMPLE_ROUTES, startFixtureServer } from '../scripts/fixture-server';
import { inContentScript, overlayBox, until } from '../tests/e2e/helpers';

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
  /** The pointer on the panel (`frame-wanted`) → the frame's own content drawn. */
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
        const read = () => inContentScript<Record<string, number>>(page, MARKS).catch(() => ({}) as Record<string, number>);
        const first = await until(read, (m) => m['creator-lens:painted'] !== undefined);
        // The user reaches for the panel: the pointer onto it (from off it, so it enters).
        await page.mouse.move(5, 5);
        const box = await until(() => overlayBox(page), (b) => b !== null);
        await page.mouse.move(box!.x + box!.width / 2, box!.y + 30, { steps: 3 });
        const marks = existsSync(`${extension}panel.html`) ? await until(read, (m) => m['creator-lens:frame-painted'] !== undefined) : first;
        if (i < 2) continue; // warm-up (first loads compile the scripts)
        const t0 = first['perf:counts-inserted']!;
        reading.push(first['creator-lens:reading']! - t0);
        painted.push(first['creator-lens:painted']! - t0);
        if (marks['creator-lens:frame-painted'] !== undefined) frame.push(marks['creator-lens:frame-painted'] - marks['creator-lens:frame-wanted']!);
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
  /** Thread (CPU) time, µs. */
  tdur?: number;
  args?: { name?: string; data?: unknown };
}

/** The page's renderer main thread's top-level tasks over `WINDOW_MS` from navigation, traced: their thread (CPU) time and their wall time, ms. */
async function tracedLoad(page: Page, url: string): Promise<{ cpu: number; wall: number }> {
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
  // Thread time: the outermost top-level tasks' own CPU time (`tdur`; a task that nests in another is inside its parent's).
  let cpu = 0;
  let outerEnd = -Infinity;
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.cat.includes('toplevel') && e.dur !== undefined && e.ts >= nav && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const e of tasks) {
    if (e.ts < outerEnd) continue;
    outerEnd = e.ts + e.dur!;
    cpu += e.tdur ?? e.dur!;
  }
  return { cpu: cpu / 1000, wall: busy / 1000 };
}

/** The built extension with its isolated content scripts emptied (the main-world ones kept): what a content script costs before it does anything. */
function emptiedCopy(extension: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'creator-lens-empty-'));
  cpSync(extension, dir, { recursive: true });
  for (const f of readdirSync(join(dir, 'content-scripts'))) if (f.endsWith('.js') && !f.endsWith('-capture.js')) writeFileSync(join(dir, 'content-scripts', f), '(function () {})();\n');
  return { dir: `${dir}/`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

type Stat2 = { median: number; p95: number };

export interface CostRow {
  page: string;
  rounds: number;
  /** Main-thread thread (CPU) ms per load, median (p95): with the extension, bare, and with the emptied content scripts. */
  withExtension: Stat2;
  bare: Stat2;
  emptied: Stat2;
  /** With minus bare, paired by round (the goal's figure); the emptied one minus bare. */
  added: Stat2;
  emptiedAdded: Stat2;
  /** The same in wall time. */
  wall: { withExtension: Stat2; bare: Stat2; added: Stat2 };
}

export async function benchMainThreadCost(rounds = 12, extension = EXTENSION): Promise<CostRow[]> {
  const server = await startFixtureServer();
  const emptied = emptiedCopy(extension);
  const browsers = { ext: await launch(server.chromiumArgs, extension), bare: await launch(server.chromiumArgs, null), emptied: await launch(server.chromiumArgs, emptied.dir) };
  const out: CostRow[] = [];
  try {
    for (const url of PAGES) {
      const pages = { ext: await browsers.ext.context.newPage(), bare: await browsers.bare.context.newPage(), emptied: await browsers.emptied.context.newPage() };
      const runs: Record<keyof typeof pages, { cpu: number; wall: number }[]> = { ext: [], bare: [], emptied: [] };
      const order: (keyof typeof pages)[] = ['ext', 'bare', 'emptied'];
      for (let i = 0; i < rounds + 1; i++) {
        // Rotate the order, so none always meets another's leftovers.
        const round: Partial<Record<keyof typeof pages, { cpu: number; wall: number }>> = {};
        for (let k = 0; k < order.length; k++) {
          const which = order[(i + k) % order.length]!;
          round[which] = await tracedLoad(pages[which], url);
        }
        if (i < 1) continue; // warm-up
        for (const which of order) runs[which].push(round[which]!);
      }
      for (const p of Object.values(pages)) await p.close();
      const st = (v: number[]) => ({ median: q(v, 0.5), p95: q(v, 0.95) });
      const cpu = (w: keyof typeof pages) => runs[w].map((r) => r.cpu);
      const wall = (w: keyof typeof pages) => runs[w].map((r) => r.wall);
      out.push({
        page: url,
        rounds,
        withExtension: st(cpu('ext')),
        bare: st(cpu('bare')),
        emptied: st(cpu('emptied')),
        added: st(runs.ext.map((r, i) => r.cpu - runs.bare[i]!.cpu)),
        emptiedAdded: st(runs.emptied.map((r, i) => r.cpu - runs.bare[i]!.cpu)),
        wall: { withExtension: st(wall('ext')), bare: st(wall('bare')), added: st(runs.ext.map((r, i) => r.wall - runs.bare[i]!.wall)) },
      });
    }
  } finally {
    for (const b of Object.values(browsers)) await b.close();
    emptied.remove();
    await server.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const extension = process.argv[2] ? `${process.argv[2].replace(/\/$/, '')}/` : EXTENSION;
  const which = process.env.ONLY ?? 'late,cost';
  if (which.includes('late')) console.log(JSON.stringify({ late: await benchLateCounts(10, extension) }, null, 1));
  if (which.includes('cost')) console.log(JSON.stringify({ cost: await benchMainThreadCost(Number(process.env.ROUNDS ?? 12), extension) }, null, 1));
}
