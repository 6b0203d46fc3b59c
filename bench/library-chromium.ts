/**
 * The library benchmarks on Chromium's real IndexedDB: a workload is bundled (esbuild)
 * into a page served from 127.0.0.1 (a secure context), run there, and its figures read
 * back through Playwright. Also reports how much storage the store takes. The page allows no
 * eval, as the extension's pages do not.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../scripts/chromium';
import type { ImportBenchResult } from './import-workload';
import type { LibraryBenchResult } from './library-workload';

/** Bundles `entry` (which sets globals), serves it in a page, and evaluates `expression` there. */
export async function inChromiumPage<T>(entry: string, expression: string): Promise<{ result: T; browser: string }> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022', charset: 'ascii',
  });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    // The extension's pages allow no eval (Manifest V3), so zod checks without its compiled fast path there: so here too.
    else res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" }).end('<!doctype html><title>library bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    return { result: (await page.evaluate(expression)) as T, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function benchLibraryChromium(): Promise<LibraryBenchResult & { browser: string }> {
  const { result, browser } = await inChromiumPage<LibraryBenchResult>('./library-browser-entry.ts', 'globalThis.runLibraryBench()');
  return { ...result, browser };
}

/** Import at `creators` against the bare write, on real IndexedDB (bench/import-workload.ts). */
export async function benchImportChromium(creators = 20_000, runs = 3): Promise<ImportBenchResult & { browser: string }> {
  const { result, browser } = await inChromiumPage<ImportBenchResult>('./library-browser-entry.ts', `globalThis.runImportBench(${creators}, ${runs})`);
  return { ...result, browser };
}
