/**
 * npm run read-page -- --url <url> [--har <capture.har>] [--engagement] [--now <ISO time>] <file.html>
 *
 * Runs the extension's own reader on a saved page. Prints the reading as JSON (exit 0),
 * or one line on stderr saying why the page is not readable (exit 2; 1 for usage errors).
 *
 * - `recent`: the creator's recent posts, one per id — the posts the rendered grid shows
 *   merged with the ones the page itself loaded (its embedded data, and with --har the
 *   HAR's allow-listed responses, read with the extension's own list, limits, extractors and
 *   owner rule: lib/capture/har.ts), captured counts winning where they are known
 *   (lib/capture/merge.ts). Each carries `publishedAt` (an ISO time, or null), `kind`,
 *   `pinned`, `sponsored`, `collab`, `likesHidden`, `shares`, `saves`, `exact` per count
 *   and `source` (`dom`, `embedded` or `network`).
 * - `capture` (with --har): which responses were read, refused or ignored, and why.
 * - `engagement` (with --engagement): the summaries the panel shows (lib/metrics/recent.ts),
 *   each with `definition`, `median`, `mean`, `postsUsed`, `postsLeftOut` by reason and
 *   `sample` in words, its verdict against the default band, the cadence, and on YouTube
 *   views per subscriber (long videos and Shorts apart).
 * - `--now` fixes the clock for the age rules (posts under 3 days old are left out), so a
 *   saved check gives the same answer next month. Default: the current time.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readPage } from '../lib/sites/registry';
import { readSavedPosts, savedDocument } from './saved-page';

const USAGE = 'usage: npm run read-page -- --url <url> [--har <capture.har>] [--engagement] [--now <ISO time>] <file.html>\n';

function main(): number {
  let values: { url?: string; har?: string; engagement?: boolean; now?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options: { url: { type: 'string' }, har: { type: 'string' }, engagement: { type: 'boolean' }, now: { type: 'string' } }, allowPositionals: true }));
  } catch (e) {
    process.stderr.write(`read-page: ${(e as Error).message}\n`);
    return 1;
  }
  const file = positionals[0];
  if (!values.url || !file) {
    process.stderr.write(USAGE);
    return 1;
  }
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    process.stderr.write(`read-page: not a URL: ${values.url}\n`);
    return 1;
  }
  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (!Number.isFinite(now)) {
    process.stderr.write(`read-page: --now is an ISO time such as 2026-06-01T12:00:00Z (got ${values.now})\n`);
    return 1;
  }
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`read-page: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  // The same code as readSavedPage (scripts/saved-page.ts), keeping the document for the capture.
  const document = savedDocument(html);
  const reading = readPage(document, url);
  if (reading.kind === 'unreadable') {
    process.stderr.write(`${reading.platform}: ${reading.reason}: ${reading.message}\n`);
    return 2;
  }
  let har: unknown = null;
  if (values.har) {
    try {
      har = JSON.parse(readFileSync(values.har, 'utf8'));
    } catch (e) {
      process.stderr.write(`read-page: cannot read ${values.har}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  let output: Record<string, unknown>;
  try {
    output = readSavedPosts(reading, url, document, { har, ...(values.engagement && { engagement: { now } }) });
  } catch (e) {
    process.stderr.write(`read-page: cannot read ${values.har}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
