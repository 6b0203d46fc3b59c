/**
 * The dashboard's creators table in Chromium with the built extension, on libraries the
 * size real use reaches: 5,000 and 20,000 creators with 20 snapshots each, and 1,000
 * creators with a year of snapshots every 6 hours (1,460 each), written straight into the
 * extension's IndexedDB from its service worker. Per load of `dashboard.html#/creators`:
 * - `interactive`: the table's rows rendered and usable (the page's `table-rows` mark);
 * - `details`: engagement and growth filled in for every row (`table-details`);
 * - long tasks (a PerformanceObserver registered before the page's scripts): the longest
 *   after the table is usable, the longest at all, and the end of the last one (TTI as
 *   Lighthouse counts it: the last task of 50 ms or more);
 * - a sort click sent the moment the table is usable (while the details fill in), from
 *   the event's time to the frame that shows the sorted table;
 * - in the same page afterwards, the floor: a raw IndexedDB read of the same three
 *   stores (creators, snapshot years, post sets; getAll in one transaction, each result
 *   read, which is when Chromium deserialises the rows).
 * An empty library is loaded the same way, as the floor for `interactive`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../scripts/chromium';
import { until } from '../tests/e2e/helpers';

export interface DashboardCase {
  label: string;
  creators: number;
  snapshotsPerCreator: number;
  spacingMs: number;
  /** One of the shapes issue 18 sets the details' bar for (within 1.5× the raw read). */
  detailsBar?: boolean;
}

export interface Stat {
  median: number;
  p95: number;
}

export interface DashboardTiming extends DashboardCase {
  runs: number;
  seedMs: number;
  interactive: Stat;
  details: Stat;
  /** End of the last long task (≥ 50 ms), never before `interactive`. */
  tti: Stat;
  longestAfterInteractive: Stat;
  longest: Stat;
  /** Sort click at `interactive` → the frame with the sorted table. */
  sortClick: Stat;
  rawRead: Stat;
  heapMb: Stat;
}

const DAY = 86_400_000;
export const DASHBOARD_CASES: DashboardCase[] = [
  { label: 'empty library', creators: 0, snapshotsPerCreator: 0, spacingMs: 7 * DAY },
  { label: '5,000 creators × 20 snapshots', creators: 5_000, snapshotsPerCreator: 20, spacingMs: 7 * DAY },
  { label: '20,000 creators × 20 snapshots', creators: 20_000, snapshotsPerCreator: 20, spacingMs: 7 * DAY, detailsBar: true },
  { label: '1,000 creators × 1,460 snapshots (a year, every 6 hours)', creators: 1_000, snapshotsPerCreator: 1_460, spacingMs: DAY / 4, detailsBar: true },
];

const stat = (values: number[]): Stat => {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { median: q(0.5), p95: q(0.95) };
};

/** Registered before the page's own scripts: long tasks, and the time of the first sort click. */
const PROBE = `(() => {
  const w = window;
  w.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('button.sort') || w.__sortAt !== undefined) return;
    w.__sortAt = e.timeStamp;
    const body = document.querySelector('tbody');
    new MutationObserver((_, o) => { o.disconnect(); requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { w.__sortPainted = performance.now(); }; c.port2.postMessage(0); }); }).observe(body, { childList: true, subtree: true, characterData: true });
  }, true);
})();`;

const mark = (page: Page, name: string) =>
  until(() => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name), (v) => v !== null, 600_000) as Promise<number>;

async function seedBundle(): Promise<string> {
  const out = await build({ entryPoints: [fileURLToPath(new URL('./extension-seed-entry.ts', import.meta.url))], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022', charset: 'ascii' });
  return out.outputFiles[0]!.text;
}

/** One library: seeded in a fresh profile, then `runs` loads after one warm-up. */
async function benchCase(c: DashboardCase, runs: number, seedJs: string): Promise<DashboardTiming> {
  const browser = await launchWithExtension([]);
  try {
    const t0 = performance.now();
    if (c.creators) await browser.background.evaluate(`${seedJs}\n;globalThis.seedCreatorLens(${c.creators}, ${c.snapshotsPerCreator}, ${c.spacingMs})`);
    const seedMs = performance.now() - t0;
    await browser.context.addInitScript(PROBE);
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const url = (i: number) => `chrome-extension://${browser.extensionId}/dashboard.html?run=${i}#/creators`;
    const rec = { interactive: [] as number[], details: [] as number[], tti: [] as number[], after: [] as number[], longest: [] as number[], sort: [] as number[], raw: [] as number[], heap: [] as number[] };
    for (let i = 0; i < runs + 1; i++) {
      await page.goto(url(i));
      const interactive = await mark(page, 'creator-lens:table-rows');
      if (c.creators) await page.locator('button.sort', { hasText: 'Followers' }).click({ timeout: 600_000 }).catch(() => {});
      const details = await mark(page, 'creator-lens:table-details');
      // Long tasks after the details: let the page settle (a sorted re-render) before reading them.
      await page.waitForTimeout(1_000);
      const probe = await page.evaluate(() => {
        const w = window as unknown as { __longTasks: [number, number][]; __sortAt?: number; __sortPainted?: number };
        return { tasks: [...w.__longTasks], sortAt: w.__sortAt ?? null, sortPainted: w.__sortPainted ?? null };
      });
      // The page's JS heap with the figures in it, garbage collected (the worker's heap is its own).
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const r = await page.evaluate(async () => {
        const raw = await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('creator-lens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const t = performance.now();
            const tx = db.transaction(['creators', 'snapshotYears', 'postSets'], 'readonly');
            let left = 3;
            for (const store of ['creators', 'snapshotYears', 'postSets']) {
              tx.objectStore(store).getAll().onsuccess = (e) => {
                // Reading the result is what deserialises the rows (Chromium does it when asked).
                (window as unknown as { __rows: number }).__rows = ((e.target as IDBRequest).result as unknown[]).length;
                if (--left === 0) {
                  const ms = performance.now() - t;
                  db.close();
                  resolve(ms);
                }
              };
            }
            tx.onerror = () => reject(tx.error);
          };
        });
        return { raw };
      }).then((x) => ({ ...probe, ...x, heap }));
      if (i === 0) continue; // warm-up: compiles the code, fills the disk cache
      const after = r.tasks.filter(([s, d]) => s + d > interactive);
      rec.interactive.push(interactive);
      rec.details.push(details);
      rec.tti.push(Math.max(interactive, ...r.tasks.filter(([, d]) => d >= 50).map(([s, d]) => s + d)));
      rec.after.push(Math.max(0, ...after.map(([s, d]) => Math.min(d, s + d - interactive))));
      rec.longest.push(Math.max(0, ...r.tasks.map(([, d]) => d)));
      if (r.sortAt !== null && r.sortPainted !== null) rec.sort.push(r.sortPainted - r.sortAt);
      rec.raw.push(r.raw);
      rec.heap.push(r.heap / 1024 / 1024);
    }
    await page.close();
    return {
      ...c, runs, seedMs,
      interactive: stat(rec.interactive), details: stat(rec.details), tti: stat(rec.tti), longestAfterInteractive: stat(rec.after), longest: stat(rec.longest),
      sortClick: stat(rec.sort), rawRead: stat(rec.raw), heapMb: stat(rec.heap),
    };
  } finally {
    await browser.close();
  }
}

export async function benchDashboardChromium(cases = DASHBOARD_CASES, runs = 5): Promise<DashboardTiming[]> {
  const seedJs = await seedBundle();
  const out: DashboardTiming[] = [];
  for (const c of cases) {
    console.log(`  dashboard: ${c.label}…`);
    out.push(await benchCase(c, runs, seedJs));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.env.CASES?.split(',').map(Number);
  const cases = only ? DASHBOARD_CASES.filter((_, i) => only.includes(i)) : DASHBOARD_CASES;
  const results = await benchDashboardChromium(cases, Number(process.env.RUNS ?? 5));
  console.log(JSON.stringify(results, null, 1));
}
