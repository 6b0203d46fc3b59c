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
 * (Issue 13: per-post data) 30 posts from a 1 MB TikTok item_list body < 5 ms median.
 * (Issue 18: the shapes real use takes) the dashboard at 5,000 and 20,000 creators and at
 * 1,000 creators × a year of snapshots every 6 hours: interactive < 500 ms, no main-thread
 * task over 200 ms while the details fill in, details within 1.5× a raw read of the same
 * stores; import of 20,000 creators within 1.5× a bare bulkPut of the same rows; real
 * captures read at their real URLs. (Issue 13: the capture) the page's own fetch of a 1 MB
 * allow-listed response at most 5 % slower (median) with the capture script, side by side
 * with the same browser without the extension; the main-world script at most 5 KB gzipped per
 * site; content scripts still at most 70 KB. Each figure beside its floor or alternative, as a ratio.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { readPage } from '../lib/sites/registry';
import { benchCaptureChromium, captureMisses, captureScriptSizes, captureSection } from './capture-chromium';
import { benchDashboardChromium } from './dashboard-chromium';
import { benchExtract } from './extract';
import { benchGrowth } from './growth';
import { benchBigImportChromium, type BigImportRun } from './import-dashboard-chromium';
import { benchImportChromium, benchLibraryChromium } from './library-chromium';
import { benchLibraryNode } from './library-node';
import { benchOverlayChromium } from './overlay-chromium';
import { benchLateCounts, benchMainThreadCost } from './overlay-late-chromium';
import { benchRoi } from './roi';
import { benchUiChromium } from './ui-chromium';
import type { LibraryBenchResult } from './library-workload';
import { CASES } from '../tests/unit/fixture-cases';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = `${ROOT}tests/fixtures/`;
const CAPTURES = `${ROOT}../shared/real-captures/`;
const RUNS = 60;
/** Real captures are up to 2.9 MB, and each run parses the page afresh: fewer runs. */
const CAPTURE_RUNS = 15;
const started = performance.now();

/** A URL the fixture is read at (the readers check that the page belongs to it). */
// Each fixture's URL, from the readers' own table (one list for the tests and the bench).
const URLS: Record<string, string> = Object.fromEntries(Object.entries(CASES).map(([file, c]) => [file, c.url]));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Cold reads: a freshly parsed document each run (the reader caches a page's embedded
 * data per script element, so re-reading one document would flatter the figures). */
function timeRead(html: string, url: URL, runs = RUNS) {
  const fresh = () => parseHTML(html).document as unknown as Document;
  for (let i = 0; i < 5; i++) readPage(fresh(), url); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
// The real captures, each at the URL it was captured at (../shared/real-captures/expected.json).
const captureRows: typeof rows = [];
if (existsSync(`${CAPTURES}expected.json`)) {
  const expected = JSON.parse(readFileSync(`${CAPTURES}expected.json`, 'utf8')) as { file: string; url: string }[];
  for (const { file, url } of expected) {
    const html = readFileSync(`${CAPTURES}${file}`, 'utf8');
    captureRows.push({ page: `real capture: ${file}`, bytes: html.length, ...timeRead(html, new URL(url), CAPTURE_RUNS) });
  }
}

const bundles: { file: string; raw: number; gzip: number }[] = [];
const out = `${ROOT}.output/chrome-mv3/content-scripts/`;
if (!existsSync(out)) throw new Error('No build: run "npm run build" first (npm run bench does).');
for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(`${out}${file}`);
  bundles.push({ file, raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
}

// ROI range projection: 10,000 seeded samples (goal: under 10 ms), and its percentiles before and after.
console.log('ROI range projection…');
const roi = benchRoi();
const range = roi.projectRange;

// Growth per creator before and after: jump detection O(k² log k) → O(k log k), and the weekly rate alone.
console.log('growth per creator…');
const growthRows = benchGrowth();

// Per-post data (issue 13): 30 posts from a 1 MB TikTok item_list body (goal: under 5 ms).
const extract = benchExtract();

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

console.log('import benchmark: 20,000 creators in Chromium…');
const imp = await benchImportChromium(20_000, 3);
const importRatio = imp.importMs.median / imp.floorMs.median;

console.log('overlay benchmark: Chromium with the extension…');
const overlay = await benchOverlayChromium();

console.log('capture benchmark: the page’s fetch in Chromium with and without the extension…');
const capture = await benchCaptureChromium();
const captureSizes = captureScriptSizes();
const captureMissed = captureMisses(capture, captureSizes);
console.log('overlay benchmark: counts arriving after the content script started…');
const late = await benchLateCounts();
console.log('overlay benchmark: main-thread time per page load, with and without the extension…');
const cost = await benchMainThreadCost();

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

console.log('dashboard benchmark: Chromium with the extension, 5,000 / 20,000 creators and 1,000 × a year of snapshots…');
const dashboards = await benchDashboardChromium();
const emptyDashboard = dashboards.find((d) => d.creators === 0)!;
const dashboardMisses = dashboards.filter((d) => d.creators > 0).flatMap((d) => [
  ...(d.interactive.median >= 500 ? [`${d.label}: interactive ${d.interactive.median.toFixed(0)} ms`] : []),
  ...(d.longestAfterInteractive.median > 200 ? [`${d.label}: a ${d.longestAfterInteractive.median.toFixed(0)} ms task while the details fill in`] : []),
  ...(d.detailsBar && d.details.median > 1.5 * d.rawRead.median ? [`${d.label}: details ${(d.details.median / d.rawRead.median).toFixed(2)}× the raw read`] : []),
]);
/** The late-counts figures before issue 18 item 1 (the trailing throttle; preferences and shell after the reading), measured once. */
const LATE_BEFORE = 'Before (main at 6c62bed: trailing 100 ms throttle, preferences and shell after the reading), the same script, 10 loads per page, load 8–9: reading 101.3–101.9 ms, painted 114.9–115.8 ms median (p95 117.5–121), 6.9× one frame.';
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

console.log('big imports: the Data page in Chromium, a 200 MB file and 100,000 / 1,000,000 snapshots…');
const big = await benchBigImportChromium();
const bigJson = big.json!;
/** Snapshots written per second over every run of that size (pooled: all snapshots ÷ all the time). */
const rateOf = (n: number, key: 'importMs' | 'checkMs') => {
  const runs = big.csv.filter((r) => r.snapshots === n);
  return runs.reduce((a, r) => a + r.snapshots, 0) / (runs.reduce((a, r) => a + r[key], 0) / 1000);
};
const rate100k = rateOf(100_000, 'importMs');
const rate1m = rateOf(1_000_000, 'importMs');
const bigMisses = [
  ...(bigJson.checking.longestTask > 200 ? [`a ${bigJson.checking.longestTask.toFixed(0)} ms main-thread task while the 200 MB file was checked`] : []),
  ...(rate100k / rate1m > 2 ? [`1,000,000 snapshots at ${(rate100k / rate1m).toFixed(2)}× less than the rate of 100,000`] : []),
  ...[bigJson, ...big.csv].filter((r) => r.storedSnapshots !== r.snapshots).map((r) => `${r.label}: ${r.storedSnapshots} of ${r.snapshots} snapshots stored`),
];
const bigRow = (r: BigImportRun) => `| ${r.label} | ${r.fileMb.toFixed(0)} | ${r.snapshots.toLocaleString('en')}${r.posts ? ` + ${r.posts.toLocaleString('en')} posts` : ''} | ${s(r.checkMs)} (${s(r.parseMs)}) | ${s(r.importMs)} | ${Math.round(r.snapshots / (r.importMs / 1000)).toLocaleString('en')} | ${r === bigJson ? '**' : ''}${r.checking.longestTask.toFixed(0)}${r === bigJson ? '**' : ''} (${r.checking.longestFrameGap.toFixed(0)}) | ${r.writing.longestTask.toFixed(0)} (${r.writing.longestFrameGap.toFixed(0)}) | ${r.after.longestTask.toFixed(0)} (${r.after.longestFrameGap.toFixed(0)}) | ${r.progressSeen} | ${r.storedSnapshots === r.snapshots ? 'all' : `**${r.storedSnapshots.toLocaleString('en')}**`} |`;

// The goal is over every page read, fixtures and real captures alike (as before).
const everyPage = [...rows, ...captureRows];
const medians = everyPage.map((r) => r.median).sort((a, b) => a - b);
const overall = quantile(medians, 0.5);
const worst = everyPage.reduce((a, b) => (b.median > a.median ? b : a));
const captureMedians = captureRows.map((r) => r.median).sort((a, b) => a - b);
const captureOverall = captureRows.length ? quantile(captureMedians, 0.5) : NaN;
const captureWorst = captureRows.length ? captureRows.reduce((a, b) => (b.median > a.median ? b : a)) : null;
const minutes = (performance.now() - started) / 60_000;
const ms = (n: number) => n.toFixed(3);
const kb = (n: number) => (n / 1024).toFixed(1);
const libraryMd = libraryTable();
const md = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores).

## Reader time per page, in Node

\`read(document, url)\` on an already-parsed page (linkedom), ${RUNS} runs after warm-up. Goal: under 5 ms median per page.

Median over all pages (the fixtures below and the real captures after them): **${ms(overall)} ms**; slowest page by median: ${worst.page} (${ms(worst.median)} ms).

| page | size (KB) | median (ms) | p95 (ms) |
| --- | ---: | ---: | ---: |
${rows.map((r) => `| ${r.page} | ${kb(r.bytes)} | ${ms(r.median)} | ${ms(r.p95)} |`).join('\n')}

### The real captures, at their real URLs

The ${captureRows.length} pages saved from the live sites (\`../shared/real-captures/\`), each read at the URL
\`expected.json\` gives for it (before, the bench built YouTube URLs from the page's
\`externalId\`, and on pages without one timed a URL rejection). ${CAPTURE_RUNS} runs each, every one on a freshly parsed page.

Median over all captures: **${ms(captureOverall)} ms**; slowest: ${captureWorst?.page ?? '—'} (${captureWorst ? ms(captureWorst.median) : '—'} ms).

| page | size (KB) | median (ms) | p95 (ms) |
| --- | ---: | ---: | ---: |
${captureRows.map((r) => `| ${r.page} | ${kb(r.bytes)} | ${ms(r.median)} | ${ms(r.p95)} |`).join('\n')}

## ROI range projection

\`projectRange\` with 10,000 seeded samples, ${200} runs after warm-up, interleaved with its floor (10,000
funnel evaluations — revenue, gross profit, ROI, break-even — on inputs drawn beforehand) and with
its percentiles step before (both sample arrays sorted) and after (the three percentiles selected,
\`percentilesOf\`), on the same samples. Goal: under 10 ms.

| | median (ms) | p95 (ms) | ratio |
| --- | ---: | ---: | ---: |
| projectRange, 10,000 samples (goal < 10 ms) | ${ms(range.median)} | ${ms(range.p95)} | ${x(range.median, roi.funnelFloor.median)} the floor |
| floor: 10,000 funnel evaluations | ${ms(roi.funnelFloor.median)} | ${ms(roi.funnelFloor.p95)} | |
| percentiles before: sorting both arrays | ${ms(roi.percentilesSorted.median)} | ${ms(roi.percentilesSorted.p95)} | |
| percentiles after: selecting P10 / P50 / P90 | ${ms(roi.percentilesSelected.median)} | ${ms(roi.percentilesSelected.p95)} | ${x(roi.percentilesSelected.median, roi.percentilesSorted.median)} before |

The same P10 / P50 / P90 both ways: ${roi.same ? 'yes' : '**no**'}.

## Growth per creator, before and after

\`growth()\` on one creator's history in Node: before (jump detection sorting the other intervals
again for each interval, O(k² log k); kept as tests/unit/growth-reference.ts), after (O(k log k);
the same results: ${growthRows.every((g) => g.same) ? 'yes' : '**no**'}), and the weekly rate alone, which is all the creators table
computes per row now (jumps are judged once per creator when its snapshots change). Interleaved; medians.

| snapshots per creator | runs | before (ms) | after (ms) | after ÷ before | weekly rate alone (ms) | × 20,000 creators, before → after (s) |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${growthRows.map((g) => `| ${g.snapshots.toLocaleString('en')} | ${g.runs} | ${g.before.toFixed(3)} | ${g.after.toFixed(3)} | ${(g.after / g.before).toPrecision(2)} | ${g.weeklyRate.toFixed(4)} | ${((g.before * 20_000) / 1000).toFixed(1)} → ${((g.after * 20_000) / 1000).toFixed(2)} |`).join('\n')}

## Posts from a TikTok response (issue 13)

\`readTiktokPosts\` on a ${(extract.bytes / 1e6).toFixed(2)} MB \`item_list\` body with ${extract.posts} posts (bench/extract.ts), 200 runs after warm-up. Goal: under 5 ms median.

| posts | body (MB) | median (ms) | p95 (ms) |
| ---: | ---: | ---: | ---: |
| ${extract.posts} | ${(extract.bytes / 1e6).toFixed(2)} | ${extract.medianMs.toFixed(2)} | ${extract.p95Ms.toFixed(2)} |

## Snapshot library

The same workload (bench/library-workload.ts) on fake-indexeddb in Node and on Chromium's
real IndexedDB (a page on 127.0.0.1). Each creator has 20 snapshots about a week apart,
starting at a random day in the last two years, and 6 posts. Query times: median of 10 to
50 runs after warm-up, each on a different creator.

${libraryMd}

## Import of 20,000 creators in Chromium

The bench's library at ${imp.creators.toLocaleString('en')} creators (${imp.snapshots.toLocaleString('en')} snapshots, ${imp.posts.toLocaleString('en')} posts, a ${imp.fileMb.toFixed(0)} MB export file)
imported whole and validated into an empty library (\`parseExportJson\` + \`importFile\`), against the
floor: one transaction that \`bulkPut\`s the same rows, grouped beforehand into the year rows and
post sets the store keeps, into an empty library. Alternating, ${imp.runs} runs each after a warm-up,
each into a new database, in a page on 127.0.0.1 (${imp.browser}). Goal: within 1.5× the floor.

| | median (ms) | p95 (ms) | ratio |
| --- | ---: | ---: | ---: |
| validated import: parse, check, write | ${imp.importMs.median.toFixed(0)} | ${imp.importMs.p95.toFixed(0)} | **${x(imp.importMs.median, imp.floorMs.median)}** the floor |
| … parsing and checking the file (\`parseExportJson\`) | ${imp.validateMs.median.toFixed(0)} | ${imp.validateMs.p95.toFixed(0)} | ${x(imp.validateMs.median, imp.jsonParseMs.median)} \`JSON.parse\` |
| … writing it (\`importFile\`) | ${imp.writeMs.median.toFixed(0)} | ${imp.writeMs.p95.toFixed(0)} | ${x(imp.writeMs.median, imp.floorMs.median)} the floor |
| floor: \`bulkPut\` of the same rows | ${imp.floorMs.median.toFixed(0)} | ${imp.floorMs.p95.toFixed(0)} | |
| \`JSON.parse\` of the file alone | ${imp.jsonParseMs.median.toFixed(0)} | ${imp.jsonParseMs.p95.toFixed(0)} | |

## The overlay in Chromium

Each fixture profile loaded ${overlay[0]?.runs} times (after 2 warm-up loads) in Chromium with the built
extension; times from the content script's performance marks: \`view-start\` (the script
starts, the counts are already in the page), \`reading\`, and \`painted\` (after the panel's
render has committed and its effects run, which Preact does after the next frame).
Goals: painted under 50 ms median; reading under 5 ms.

| page | reading, median (ms) | painted, median (ms) | painted, p95 (ms) |
| --- | ---: | ---: | ---: |
${overlay.map((o) => `| ${o.page} | ${o.readMedian.toFixed(1)} | ${o.paintMedian.toFixed(1)} | ${o.paintP95.toFixed(1)} |`).join('\n')}

${captureSection(capture, captureSizes)}

### Counts that arrive after the content script started

The sites render their headers client-side, so this is the usual case. Each fixture profile
served as an empty page whose own script puts the fixture's head and body in 400 ms after load
(\`perf:counts-inserted\`), ${late[0]?.runs} loads after 2 warm-ups (bench/overlay-late-chromium.ts). From the
counts entering the page to the reading, and to the page's numbers painted in the shadow root
(the paint that counts; goal under 50 ms median). Floor: one frame, 16.7 ms. Then the pointer is
moved onto the panel, as a user reaching for Save does, and timed from that (the content
script's \`frame-wanted\`) to the panel's frame having drawn the user's part (save, lists, the
quote: an extension page, made when the user first reaches for the panel). Median (p95), ms.

| page | → reading | → painted | painted ÷ one frame | pointer on the panel → frame drawn |
| --- | ---: | ---: | ---: | ---: |
${late.map((l) => `| ${l.page} | ${l.reading.median.toFixed(1)} (${l.reading.p95.toFixed(1)}) | ${l.painted.median.toFixed(1)} (${l.painted.p95.toFixed(1)}) | **${x(l.painted.median, 1000 / 60)}** | ${l.framePainted.median.toFixed(0)} (${l.framePainted.p95.toFixed(0)}) |`).join('\n')}

${LATE_BEFORE}

### Main-thread time the extension adds to a page load

The same fixture page loaded in three Chromiums of this run: with the built extension, without
any, and with the built extension whose isolated content scripts are emptied (the least any
content script costs here: its world and its start; the main-world capture scripts kept), in
rotating order, each load traced for 2 s from navigation (devtools.timeline and toplevel). For
the page's renderer main thread, the thread (CPU) time of its top-level tasks, and beside it
their wall time. Goal: at most 10 ms added per load, median, paired by round, judged on thread
time: on this shared 2-core machine a task's wall time also counts the time its thread waited
for a core (the bare page's wall time moved between 23 and 362 ms across loads while its thread
time stayed at 17–28 ms). The panel's frame (save, lists, the quote) is made only when the user
reaches for the panel, so these loads, only looked at, do not pay for it; before that change (8c7048f,
measured the same way, 10 rounds) the extension added 30.2–38.6 ms of thread time here. ${cost[0]?.rounds} rounds after a warm-up. Median (p95), ms.

| page | with the extension | bare page (floor) | **added**, paired | emptied content scripts: added | wall: with / bare / added |
| --- | ---: | ---: | ---: | ---: | ---: |
${cost.map((c) => `| ${c.page} | ${c.withExtension.median.toFixed(1)} (${c.withExtension.p95.toFixed(1)}) | ${c.bare.median.toFixed(1)} (${c.bare.p95.toFixed(1)}) | **${c.added.median.toFixed(1)}** (${c.added.p95.toFixed(1)}) | ${c.emptiedAdded.median.toFixed(1)} (${c.emptiedAdded.p95.toFixed(1)}) | ${c.wall.withExtension.median.toFixed(0)} / ${c.wall.bare.median.toFixed(0)} / ${c.wall.added.median.toFixed(0)} |`).join('\n')}

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

### The dashboard with the libraries real use reaches

The creators table (\`dashboard.html#/creators\`) on libraries written straight into the
extension's IndexedDB, each in a fresh profile, ${dashboards[0]?.runs} loads after a warm-up
(bench/dashboard-chromium.ts). *Interactive*: the table rendered and usable (\`table-rows\`);
*details*: engagement and growth filled in (\`table-details\`); long tasks from a
PerformanceObserver registered before the page's scripts; *TTI*: the end of the last task of
50 ms or more; a sort click sent when the table is usable, until the frame that shows the sorted
table; the floor, a raw IndexedDB \`getAll\` of the same three stores in the same page (each result
read: Chromium deserialises the rows then). Goals: interactive under 500 ms and no task over 200 ms
while the details fill in, at every size; details within 1.5× the raw read at 20,000 creators and at
1,000 × a year of snapshots (at 5,000 the page's own start is a larger share). Medians (p95).

| library | interactive ms | vs empty | details ms | raw read ms | details ÷ raw | longest task after interactive ms | longest task ms | TTI ms | sort click ms | page JS heap after GC, MB |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${dashboards.map((d) => `| ${d.label} | ${st(d.interactive)} | ${x(d.interactive.median, emptyDashboard.interactive.median)} | ${st(d.details)} | ${st(d.rawRead)} | ${d.creators ? `**${x(d.details.median, d.rawRead.median)}**` : ''} | ${st(d.longestAfterInteractive)} | ${st(d.longest)} | ${st(d.tti)} | ${Number.isFinite(d.sortClick.median) ? st(d.sortClick) : ''} | ${d.heapMb.median.toFixed(0)} |`).join('\n')}

JavaScript each page loads before it runs (gzip -9). Goal: the popup at most 200 KB; Chart.js only where charts are shown.

| page | files | gzip (KB) |
| --- | --- | ---: |
${ui.js.map((j) => `| ${j.page} | ${j.files.join(', ')} | ${kb(j.gzip)} |`).join('\n')}

## Big imports through the Data page in Chromium (issue 15)

Each file chosen on the built extension's Data page (\`dashboard.html#/data\`, the file handed over by path) in a fresh profile with an empty library, previewed, then imported (bench/import-dashboard-chromium.ts). Reading, parsing, validating and the preview run in the import's worker, and so does the write (in batches of 20,000 rows inside one transaction); the page gets the progress and the outcome. Main thread: the longest long task (a PerformanceObserver registered before the page's scripts) and, in brackets, the longest gap between animation frames, while the file is read, checked and previewed (chosen → preview shown), while it is written (Import → done) and in the 3 s after (the page reading the new library). The CSVs have 1,000 creators with a snapshot every 6 hours (the shape of the reliability report's 1,000,000-row file), ${big.csv.length / 2} runs each, alternated. Goals: no main-thread task over 200 ms while the 200 MB file is read, checked and previewed; 1,000,000 snapshots imported within 2× the rate of 100,000.

Longest main-thread task while the ${bigJson.fileMb.toFixed(0)} MB file was read, checked and previewed: **${bigJson.checking.longestTask.toFixed(0)} ms** (goal ≤ 200; the reliability report measured the page frozen for 75.9 s before the import had a worker). Import rate, all runs pooled: 100,000 snapshots ${Math.round(rate100k).toLocaleString('en')}/s, 1,000,000 snapshots ${Math.round(rate1m).toLocaleString('en')}/s: the larger file at **${x(rate100k, rate1m)}** the smaller one's time per snapshot (goal ≤ 2×; the report measured 397 s for a 1,000,000-row CSV before). Checking (chosen → preview): ${Math.round(rateOf(100_000, 'checkMs')).toLocaleString('en')} and ${Math.round(rateOf(1_000_000, 'checkMs')).toLocaleString('en')} snapshots/s.

| file | MB | rows | chosen → preview, s (of which read + parsed + validated) | Import → done, s | snapshots/s written | longest task (frame gap) while read, checked, previewed, ms | … while written, ms | … 3 s after, ms | progress values shown | stored |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${[bigJson, ...big.csv].map(bigRow).join('\n')}

## Content-script bundles (reading, watching and the overlay)

Goal: at most 70 KB gzipped each, the overlay's UI library included (Preact's compat layer
runs the overlay's React components here; React DOM alone is about 70 KB). Nothing from
zod, Dexie or Chart.js is in them. The \`-capture.js\` ones are the main-world scripts (their own
5 KB goal: the capture section above).

| bundle | raw (KB) | gzip -9 (KB) | ratio |
| --- | ---: | ---: | ---: |
${bundles.map((b) => `| ${b.file} | ${kb(b.raw)} | ${kb(b.gzip)} | ${x(b.gzip, 70 * 1024)} the 70 KB goal |`).join('\n')}
`;
const footer = `
## This run

The whole run took ${minutes.toFixed(1)} minutes (build excluded)${process.env.BENCH_NOTE ? `. ${process.env.BENCH_NOTE}` : ''}.
`;
writeFileSync(`${ROOT}bench/results.md`, md + footer);
console.log(md + footer);
const over = bundles.filter((b) => b.gzip > 70 * 1024);
const slowOverlay = [
  ...overlay.filter((o) => o.paintMedian >= 50 || o.readMedian >= 5).map((o) => o.page),
  ...late.filter((l) => l.painted.median >= 50).map((l) => `${l.page} (late counts)`),
  ...cost.filter((c) => c.added.median > 10).map((c) => `${c.page} (main-thread cost ${c.added.median.toFixed(1)} ms)`),
];
if (overall >= 5 || over.length || range.median >= 10 || extract.medianMs >= 5 || libraryMisses.length || importRatio > 1.5 || slowOverlay.length || uiMisses.length || dashboardMisses.length || captureMissed.length || bigMisses.length) {
  console.error(`Goal missed: reader median ${ms(overall)} ms; ROI range ${ms(range.median)} ms; posts ${extract.medianMs.toFixed(2)} ms; bundles over 70 KB: ${over.map((b) => b.file).join(', ') || 'none'}; library: ${libraryMisses.join(', ') || 'ok'}; import ${importRatio.toFixed(2)}× the floor; overlay: ${slowOverlay.join(', ') || 'ok'}; popup and dashboard: ${uiMisses.join(', ') || 'ok'}; dashboard at scale: ${dashboardMisses.join(', ') || 'ok'}; capture: ${captureMissed.join(', ') || 'ok'}; big imports: ${bigMisses.join(', ') || 'ok'}`);
  process.exitCode = 1;
}
