/**
 * npm run bench — speed and size goals, measured (never asserted in timed tests).
 * Writes bench/results.md. Goals (issue: reading the sites): reader under 5 ms median per
 * page in Node; each content script at most 15 KB gzipped (70 KB once the overlay came).
 * (Issue: snapshot library) with 5,000 creators and 100,000 snapshots, in Node and in
 * Chromium: creators with latest numbers < 100 ms, one creator's history < 20 ms, JSON
 * export and validated import of the whole store < 5 s each.
 * (Issue: overlay) from the counts in the page to the panel painted < 50 ms median in
 * Chromium; each content script with the overlay at most 70 KB gzipped; reading work on
 * the page's main thread < 5 ms per profile view.
 * (Issue: popup and dashboard) in Chromium with 5,000 creators / 100,000 snapshots: popup
 * first meaningful paint < 150 ms, dashboard table usable < 500 ms; popup JS ≤ 200 KB gzipped.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { projectRange } from '../lib/roi/range';
import { readPage } from '../lib/sites/registry';
import { benchLibraryChromium } from './library-chromium';
import { benchLibraryNode } from './library-node';
import { benchOverlayChromium } from './overlay-chromium';
import { benchUiChromium } from './ui-chromium';
import type { LibraryBenchResult } from './library-workload';
import { CASES } from '../tests/unit/fixture-cases';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = `${ROOT}tests/fixtures/`;
const CAPTURES = `${ROOT}../shared/real-captures/youtube/`;
const RUNS = 60;

/** A URL the fixture is read at (the readers check that the page belongs to it). */
// Each fixture's URL, from the readers' own table (one list for the tests and the bench).
const URLS: Record<string, string> = Object.fromEntries(Object.entries(CASES).map(([file, c]) => [file, c.url]));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Cold reads: a freshly parsed document each run (the reader caches a page's embedded
 * data per script element, so re-reading one document would flatter the figures). */
function timeRead(html: string, url: URL) {
  const fresh = () => parseHTML(html).document as unknown as Document;
  for (let i = 0; i < 5; i++) readPage(fresh(), url); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const doc = fresh();
    const t0 = performance.now();
    readPage(doc, url);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const rows: { page: string; bytes: number; median: number; p95: number }[] = [];
for (const site of ['instagram', 'youtube', 'tiktok']) {
  for (const file of readdirSync(`${FIXTURES}${site}`).filter((f) => f.endsWith('.html'))) {
    const key = `${site}/${file}`;
    const url = URLS[key];
    if (!url) throw new Error(`tests/unit/fixture-cases.ts has no URL for ${key}`);
    const html = readFileSync(`${FIXTURES}${key}`, 'utf8');
    rows.push({ page: key, bytes: html.length, ...timeRead(html, new URL(url)) });
  }
}
if (existsSync(CAPTURES)) {
  for (const file of readdirSync(CAPTURES).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(`${CAPTURES}${file}`, 'utf8');
    const id = /"externalId":"(UC[\w-]{22})"/.exec(html)?.[1];
    rows.push({ page: `real capture: youtube/${file}`, bytes: html.length, ...timeRead(html, new URL(`https://www.youtube.com/channel/${id}/videos`)) });
  }
}

const bundles: { file: string; raw: number; gzip: number }[] = [];
const out = `${ROOT}.output/chrome-mv3/content-scripts/`;
if (!existsSync(out)) throw new Error('No build: run "npm run build" first (npm run bench does).');
for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(`${out}${file}`);
  bundles.push({ file, raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
}

// ROI range projection: 10,000 seeded samples (goal: under 10 ms).
const rangeInput = {
  fee: 1500,
  extraCosts: 200,
  impressions: { low: 12_000, expected: 27_480, high: 45_000 },
  ctr: { low: 0.003, expected: 0.01, high: 0.02 },
  cvr: { low: 0.005, expected: 0.02, high: 0.03 },
  aov: { low: 40, expected: 60, high: 80 },
  margin: { low: 0.4, expected: 0.5, high: 0.6 },
  samples: 10_000,
  seed: 7,
};
for (let i = 0; i < 10; i++) projectRange(rangeInput);
const rangeTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  projectRange(rangeInput);
  rangeTimes.push(performance.now() - t0);
}
rangeTimes.sort((a, b) => a - b);
const range = { median: quantile(rangeTimes, 0.5), p95: quantile(rangeTimes, 0.95) };

// The snapshot library: 5,000 creators, 100,000 snapshots (and 30,000 posts).
console.log('library benchmark: Node (fake-indexeddb)…');
const libNode = await benchLibraryNode();
console.log('library benchmark: Chromium (real IndexedDB)…');
const libChromium = await benchLibraryChromium();
const LIB_GOALS: Record<string, number> = { 'all creators with latest numbers': 100, "one creator's history": 20 };
const libraryMisses: string[] = [];
const s = (n: number) => (n / 1000).toFixed(2);
function libraryTable(): string {
  const envs: [string, LibraryBenchResult][] = [['Node, fake-indexeddb', libNode], [libChromium.browser, libChromium]];
  for (const [env, r] of envs) {
    for (const [name, goal] of Object.entries(LIB_GOALS)) if (r.queries[name]!.median >= goal) libraryMisses.push(`${env}: ${name} ${ms(r.queries[name]!.median)} ms`);
    if (r.exportMs >= 5000) libraryMisses.push(`${env}: export ${s(r.exportMs)} s`);
    if (r.importMs >= 5000) libraryMisses.push(`${env}: import ${s(r.importMs)} s`);
    if (!r.importedEqual) libraryMisses.push(`${env}: the imported store differs from the exported one`);
  }
  const names = Object.keys(libNode.queries);
  return [
    `| | goal | ${envs.map(([e]) => e).join(' | ')} |`,
    `| --- | ---: | ${envs.map(() => '---:').join(' | ')} |`,
    `| store | | ${envs.map(([, r]) => `${r.creators.toLocaleString('en')} creators, ${r.snapshots.toLocaleString('en')} snapshots, ${r.posts.toLocaleString('en')} posts`).join(' | ')} |`,
    ...names.map((n) => `| ${n}: median (p95), ms | ${LIB_GOALS[n] ? `< ${LIB_GOALS[n]}` : ''} | ${envs.map(([, r]) => `${ms(r.queries[n]!.median)} (${ms(r.queries[n]!.p95)})`).join(' | ')} |`),
    `| JSON export of the whole store, s | < 5 | ${envs.map(([, r]) => `${s(r.exportMs)} (${(r.exportBytes / 1024 / 1024).toFixed(1)} MB)`).join(' | ')} |`,
    `| validated import into an empty library, s | < 5 | ${envs.map(([, r]) => `${s(r.importMs)} (check ${s(r.validateMs)} + write ${s(r.writeMs)})`).join(' | ')} |`,
    `| the same file again into the full library (all duplicates), s | | ${envs.map(([, r]) => s(r.mergeMs)).join(' | ')} |`,
    `| imported store equals the exported one | yes | ${envs.map(([, r]) => (r.importedEqual ? 'yes' : '**no**')).join(' | ')} |`,
    `| storage used by the store | | ${envs.map(([, r]) => (r.storageBytes === null ? 'n/a' : `${(r.storageBytes / 1024 / 1024).toFixed(1)} MB`)).join(' | ')} |`,
    `| writing the store (seeding), s | | ${envs.map(([, r]) => s(r.seedMs)).join(' | ')} |`,
  ].join('\n');
}

console.log('overlay benchmark: Chromium with the extension…');
const overlay = await benchOverlayChromium();

console.log('popup and dashboard benchmark: Chromium with the extension, 5,000 creators…');
const ui = await benchUiChromium();
const popupJs = ui.js.find((j) => j.page === 'popup.html')!;
const uiMisses = [
  ...(ui.popupProfile.median >= 150 ? [`popup paint ${ui.popupProfile.median.toFixed(0)} ms`] : []),
  ...(ui.popupRecent.median >= 150 ? [`popup paint (recent creators) ${ui.popupRecent.median.toFixed(0)} ms`] : []),
  ...(ui.tableRows.median >= 500 ? [`dashboard table ${ui.tableRows.median.toFixed(0)} ms`] : []),
  ...(popupJs.gzip > 200 * 1024 ? [`popup JS ${(popupJs.gzip / 1024).toFixed(0)} KB`] : []),
];
const st = (x: { median: number; p95: number }, digits = 0) => `${x.median.toFixed(digits)} (${x.p95.toFixed(digits)})`;

const medians = rows.map((r) => r.median).sort((a, b) => a - b);
const overall = quantile(medians, 0.5);
const worst = rows.reduce((a, b) => (b.median > a.median ? b : a));
const ms = (n: number) => n.toFixed(3);
const kb = (n: number) => (n / 1024).toFixed(1);
const libraryMd = libraryTable();
const md = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores).

## Reader time per page, in Node

\`read(document, url)\` on an already-parsed page (linkedom), ${RUNS} runs after warm-up. Goal: under 5 ms median per page.

Median over all pages: **${ms(overall)} ms**; slowest page by median: ${worst.page} (${ms(worst.median)} ms).

| page | size (KB) | median (ms) | p95 (ms) |
| --- | ---: | ---: | ---: |
${rows.map((r) => `| ${r.page} | ${kb(r.bytes)} | ${ms(r.median)} | ${ms(r.p95)} |`).join('\n')}

## ROI range projection

\`projectRange\` with 10,000 seeded samples, 50 runs after warm-up. Goal: under 10 ms.

| samples | median (ms) | p95 (ms) |
| ---: | ---: | ---: |
| 10,000 | ${ms(range.median)} | ${ms(range.p95)} |

## Snapshot library

The same workload (bench/library-workload.ts) on fake-indexeddb in Node and on Chromium's
real IndexedDB (a page on 127.0.0.1). Each creator has 20 snapshots about a week apart,
starting at a random day in the last two years, and 6 posts. Query times: median of 10 to
50 runs after warm-up, each on a different creator.

${libraryMd}

## The overlay in Chromium

Each fixture profile loaded ${overlay[0]?.runs} times (after 2 warm-up loads) in Chromium with the built
extension; times from the content script's performance marks: \`view-start\` (the script
starts, the counts are already in the page), \`reading\`, and \`painted\` (after the panel's
render has committed and its effects run, which Preact does after the next frame).
Goals: painted under 50 ms median; reading under 5 ms.

| page | reading, median (ms) | painted, median (ms) | painted, p95 (ms) |
| --- | ---: | ---: | ---: |
${overlay.map((o) => `| ${o.page} | ${o.readMedian.toFixed(1)} | ${o.paintMedian.toFixed(1)} | ${o.paintP95.toFixed(1)} |`).join('\n')}

## Popup and dashboard in Chromium

The built extension with a library of ${(5000).toLocaleString('en')} creators and ${(100000).toLocaleString('en')} snapshots (the workload above, exported in Node as a ${(ui.fileBytes / 1024 / 1024).toFixed(1)} MB file and imported through the dashboard's Data page). Times from navigation start to the pages' own performance marks, median (p95) of ${ui.popupProfile.runs} popup loads and ${ui.tableRows.runs} dashboard loads after warm-up.

| | goal | median (p95), ms |
| --- | ---: | ---: |
| popup, first meaningful paint: a TikTok profile in the tab | < 150 | ${st(ui.popupProfile, 1)} |
| popup, first meaningful paint: no profile (recent saved creators listed) | < 150 | ${st(ui.popupRecent, 1)} |
| dashboard, creators table rendered and usable | < 500 | ${st(ui.tableRows)} |
| dashboard, engagement and growth filled in for all rows (snapshots and posts read) | | ${st(ui.tableDetails)} |
| a sort click, until the table has changed | | ${st(ui.sortClick, 1)} |
| a search keystroke, until the table has changed | | ${st(ui.searchKey, 1)} |
| Data page: the file chosen until the preview is shown (read, validated, import rolled back) | | ${ui.previewMs.toFixed(0)} |
| Data page: Import pressed until written | | ${ui.importMs.toFixed(0)} |

JavaScript each page loads before it runs (gzip -9). Goal: the popup at most 200 KB; Chart.js only where charts are shown.

| page | files | gzip (KB) |
| --- | --- | ---: |
${ui.js.map((j) => `| ${j.page} | ${j.files.join(', ')} | ${kb(j.gzip)} |`).join('\n')}

## Content-script bundles (reading, watching and the overlay)

Goal: at most 70 KB gzipped each, the overlay's UI library included (Preact's compat layer
runs the overlay's React components here; React DOM alone is about 70 KB). Nothing from
zod, Dexie or Chart.js is in them.

| bundle | raw (KB) | gzip -9 (KB) |
| --- | ---: | ---: |
${bundles.map((b) => `| ${b.file} | ${kb(b.raw)} | ${kb(b.gzip)} |`).join('\n')}
`;
writeFileSync(`${ROOT}bench/results.md`, md);
console.log(md);
const over = bundles.filter((b) => b.gzip > 70 * 1024);
const slowOverlay = overlay.filter((o) => o.paintMedian >= 50 || o.readMedian >= 5);
if (overall >= 5 || over.length || range.median >= 10 || libraryMisses.length || slowOverlay.length || uiMisses.length) {
  console.error(`Goal missed: reader median ${ms(overall)} ms; ROI range ${ms(range.median)} ms; bundles over 70 KB: ${over.map((b) => b.file).join(', ') || 'none'}; library: ${libraryMisses.join(', ') || 'ok'}; overlay: ${slowOverlay.map((o) => o.page).join(', ') || 'ok'}; popup and dashboard: ${uiMisses.join(', ') || 'ok'}`);
  process.exitCode = 1;
}
