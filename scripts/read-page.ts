/**
 * npm run read-page -- --url <url> [--har <capture.har>] <file.html>
 * Runs the extension's own reader on a saved page. Prints the reading as JSON (exit 0),
 * or one line on stderr saying why the page is not readable (exit 2; 1 for usage errors).
 * With --har, the JSON also holds `recentFromResponses`: the posts the extension's capture
 * would hold for the creator, from the page's embedded data and the HAR's responses
 * (lib/capture/har.ts), and `capture`: which responses were read.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCapture } from '../lib/capture/har';
import { CAPTURE_SITES } from '../lib/capture/sites';
import { readPage } from '../lib/sites/registry';
import type { Reading } from '../lib/sites/types';
import { savedDocument } from './saved-page';

function main(): number {
  let values: { url?: string; har?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options: { url: { type: 'string' }, har: { type: 'string' } }, allowPositionals: true }));
  } catch (e) {
    process.stderr.write(`read-page: ${(e as Error).message}\n`);
    return 1;
  }
  const file = positionals[0];
  if (!values.url || !file) {
    process.stderr.write('usage: npm run read-page -- --url <url> [--har <capture.har>] <file.html>\n');
    return 1;
  }
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    process.stderr.write(`read-page: not a URL: ${values.url}\n`);
    return 1;
  }
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`read-page: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  // The same code as readSavedPage (scripts/saved-page.ts), keeping the document for the HAR step.
  const document = savedDocument(html);
  const reading = readPage(document, url);
  if (reading.kind === 'unreadable') {
    process.stderr.write(`${reading.platform}: ${reading.reason}: ${reading.message}\n`);
    return 2;
  }
  const output = values.har ? withCapture(reading, url, document as unknown as Document, values.har) : reading;
  if (output === null) return 1;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** The reading with what the capture reads from the page and the HAR's responses (null: an unreadable HAR, said on stderr). */
function withCapture(reading: Exclude<Reading, { kind: 'unreadable' }>, url: URL, document: Document, harFile: string): object | null {
  try {
    const har: unknown = JSON.parse(readFileSync(harFile, 'utf8'));
    const { posts, ...capture } = readCapture(CAPTURE_SITES[reading.platform], url, document, har, reading.handle);
    return { ...reading, recentFromResponses: posts, capture };
  } catch (e) {
    process.stderr.write(`read-page: cannot read ${harFile}: ${(e as Error).message}\n`);
    return null;
  }
}

process.exitCode = main();
