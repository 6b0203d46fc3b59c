/**
 * npm run read-page -- --url <url> <file.html>
 * Runs the extension's own reader on a saved page. Prints the reading as JSON (exit 0),
 * or one line on stderr saying why the page is not readable (exit 2; 1 for usage errors).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSavedPage } from './saved-page';

function main(): number {
  let values: { url?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true }));
  } catch (e) {
    process.stderr.write(`read-page: ${(e as Error).message}\n`);
    return 1;
  }
  const file = positionals[0];
  if (!values.url || !file) {
    process.stderr.write('usage: npm run read-page -- --url <url> <file.html>\n');
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
  const reading = readSavedPage(html, url);
  if (reading.kind === 'unreadable') {
    process.stderr.write(`${reading.platform}: ${reading.reason}: ${reading.message}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(reading, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
