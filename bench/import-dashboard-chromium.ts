/**
 * Big imports through the dashboard's Data page in Chromium with the built extension (issue
 * 15, B10), each into an empty library in a fresh profile, the file handed over by path:
 * - a valid ~200 MB library export (JSON): the page's main thread while the file is read,
 *   checked and previewed (from choosing it to the preview shown) — the longest long task
 *   (a PerformanceObserver registered before the page's scripts) and the longest gap
 *   between animation frames — then the same while it is written, and in the 3 s after;
 * - snapshots CSVs of 100,000 and 1,000,000 rows (1,000 creators, a snapshot every 6
 *   hours: the reliability report's shape), alternated: the time from choosing the file to
 *   the preview and from pressing Import to done, as snapshots per second, and the store
 *   counted afterwards.
 * Goals: the main thread never blocked more than 200 ms while a file is read, checked and
 * previewed; 1,000,000 snapshots imported within 2× the rate of 100,000.
 * `npx tsx bench/import-dashboard-chromium.ts` runs it alone (RUNS=2, JSON_CREATORS=29000, ONLY=json or csv).
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LibraryDb } from '../lib/db/db';
import { exportCsv, FORMAT } from '../lib/db/transfer';
import { LIBRARY_VERSION } from '../lib/schema';
import { launchWithExtension } from '../scripts/chromium';
import { until } from '../tests/e2e/helpers';
import { libraryParts, seedLibrary } from './library-workload';

const HOUR = 3_600_000;

export interface MainThread {
  /** The longest long task (ms; 0 when none reached 50 ms). */
  longestTask: number;
  /** The longest time between two animation frames (ms). */
  longestFrameGap: number;
  /** Long tasks in the stretch. */
  longTasks: number;
}

export interface BigImportRun {
  label: string;
  kind: 'json' | 'csv';
  fileMb: number;
  snapshots: number;
  posts: number;
  /** File chosen → preview shown; Import pressed → done (ms). */
  checkMs: number;
  importMs: number;
  /** Of the check: reading, parsing and validating (chosen → the preview's first write). */
  parseMs: number;
  checking: MainThread;
  writing: MainThread;
  after: MainThread;
  /** Progress updates the page showed while writing (the bar's value changes seen). */
  progressSeen: number;
  storedSnapshots: number;
}

export interface BigImportResult {
  json: BigImportRun | null;
  csv: BigImportRun[];
}

/** Registered before the page's own scripts: long tasks, frame gaps over 50 ms, and the progress bar's values. */
const PROBE = `(() => {
  const w = window;
  w.__longTasks = [];
  w.__gaps = [];
  w.__progress = new Set();
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  let last = performance.now();
  const frame = (t) => {
    if (t - last > 50) w.__gaps.push([last, t - last]);
    last = t;
    const bar = document.querySelector('#import-progress-bar');
    if (bar && bar.hasAttribute('value')) w.__progress.add(bar.getAttribute('value') + '/' + bar.getAttribute('max'));
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

interface Probe {
  tasks: [number, number][];
  gaps: [number, number][];
  marks: Record<string, number>;
  progress: string[];
}

const readProbe = (page: Page): Promise<Probe> =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][]; __gaps: [number, number][]; __progress: Set<string> };
    return { tasks: [...w.__longTasks], gaps: [...w.__gaps], progress: [...w.__progress], marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])) };
  });

/** What blocked the main thread between `from` and `to` (a task or gap overlapping the stretch counts by its overlap). */
function mainThread(p: Probe, from: number, to: number): MainThread {
  const overlap = ([s, d]: [number, number]) => Math.max(0, Math.min(s + d, to) - Math.max(s, from));
  const tasks = p.tasks.filter((t) => overlap(t) > 0);
  return { longestTask: Math.max(0, ...tasks.map(overlap)), longestFrameGap: Math.max(0, ...p.gaps.map(overlap)), longTasks: tasks.length };
}

/** The files: a ~200 MB JSON export and the two CSVs, written to a temporary folder. */
async function writeFiles(dir: string, jsonCreators: number, only?: 'json' | 'csv'): Promise<{ json: { path: string; snapshots: number; posts: number }; csv: { path: string; snapshots: number; label: string }[] }> {
  const [rows] = [...libraryParts({ creators: only === 'csv' ? 1 : jsonCreators })];
  const json = join(dir, 'library-200mb.json');
  writeFileSync(json, JSON.stringify({ format: FORMAT, schemaVersion: LIBRARY_VERSION, exportedAt: Date.UTC(2026, 10, 1), creators: rows!.creators, snapshots: rows!.snapshots, posts: rows!.posts, deals: [], settings: null, campaigns: [], bookings: [], postObservations: [] }));
  const csv = [];
  for (const per of only === 'json' ? [] : [100, 1_000]) {
    const db = new LibraryDb(`big-import-${process.pid}-${per}`);
    await seedLibrary(db, 1_000, per, 0, 6 * HOUR);
    const path = join(dir, `snapshots-${per * 1_000}.csv`);
    writeFileSync(path, await exportCsv(db));
    await db.delete();
    csv.push({ path, snapshots: per * 1_000, label: `${(per * 1_000).toLocaleString('en')} snapshots CSV (1,000 creators)` });
  }
  return { json: { path: json, snapshots: rows!.snapshots.length, posts: rows!.posts.length }, csv };
}

/** One file into an empty library in a fresh profile. */
async function importOnce(label: string, kind: 'json' | 'csv', path: string, snapshots: number, posts: number): Promise<BigImportRun> {
  const browser = await launchWithExtension([]);
  try {
    await browser.context.addInitScript(PROBE);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#/data`);
    await page.getByRole('heading', { name: 'Import' }).waitFor();
    await page.waitForTimeout(1_000); // the page settled: its first reads done
    await page.locator('[data-testid="import-file"]').setInputFiles(path);
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.or(page.locator('[data-testid="data-message"]')).waitFor({ timeout: 900_000 });
    if (!(await preview.count())) throw new Error(`${label}: refused: ${await page.locator('[data-testid="data-message"]').innerText()}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const name = path.split('/').at(-1)!;
    await page.getByText(`Imported ${name}.`).waitFor({ timeout: 900_000 });
    await page.waitForTimeout(3_000);
    const p = await readProbe(page);
    if (process.env.DEBUG_TASKS) console.log(label, JSON.stringify({ marks: p.marks, tasks: p.tasks.map(([st, d]) => [Math.round(st - p.marks['creator-lens:import-chosen']!), Math.round(d)]), gaps: p.gaps.map(([st, d]) => [Math.round(st - p.marks['creator-lens:import-chosen']!), Math.round(d)]) }));
    const m = (k: string) => {
      const v = p.marks[`creator-lens:${k}`];
      if (v === undefined) throw new Error(`${label}: no ${k} mark`);
      return v;
    };
    const stored = await until(() => page.evaluate(() => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('creator-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        let n = 0;
        const cursor = open.result.transaction('snapshotYears').objectStore('snapshotYears').openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) {
            open.result.close();
            resolve(n);
            return;
          }
          n += (c.value as { snapshots: unknown[] }).snapshots.length;
          c.continue();
        };
      };
    })), (n) => n > 0, 120_000);
    return {
      label, kind, fileMb: statSync(path).size / 1024 / 1024, snapshots, posts,
      checkMs: m('import-checked') - m('import-chosen'), importMs: m('import-done') - m('import-start'), parseMs: m('import-parsed') - m('import-chosen'),
      checking: mainThread(p, m('import-chosen'), m('import-checked')),
      writing: mainThread(p, m('import-start'), m('import-done')),
      after: mainThread(p, m('import-done'), m('import-done') + 3_000),
      progressSeen: p.progress.filter((x) => !x.startsWith('0/')).length,
      storedSnapshots: stored,
    };
  } finally {
    await browser.close();
  }
}

export async function benchBigImportChromium(runs = 2, jsonCreators = 29_000, only?: 'json' | 'csv'): Promise<BigImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'creator-lens-big-import-'));
  try {
    console.log('  big import: writing the files…');
    const files = await writeFiles(dir, jsonCreators, only);
    console.log(`  big import: ${(statSync(files.json.path).size / 1e6).toFixed(0)} MB JSON…`);
    const json = only === 'csv' ? null : await importOnce(`${(statSync(files.json.path).size / 1024 / 1024).toFixed(0)} MB library export (JSON, ${jsonCreators.toLocaleString('en')} creators)`, 'json', files.json.path, files.json.snapshots, files.json.posts);
    const csv: BigImportRun[] = [];
    for (let i = 0; i < (only === 'json' ? 0 : runs); i++) {
      // Alternated, the order turned round every run.
      for (const f of i % 2 ? [...files.csv].reverse() : files.csv) {
        console.log(`  big import: ${f.label}, run ${i + 1}…`);
        csv.push(await importOnce(f.label, 'csv', f.path, f.snapshots, 0));
      }
    }
    return { json, csv };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.env.ONLY === 'json' || process.env.ONLY === 'csv' ? process.env.ONLY : undefined;
  const r = await benchBigImportChromium(Number(process.env.RUNS ?? 2), Number(process.env.JSON_CREATORS ?? 29_000), only);
  console.log(JSON.stringify(r, null, 1));
}
