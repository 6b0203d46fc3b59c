/**
 * Chromium for the browser tests: scripts/chromium.ts's playwright-core context. Its pages
 * already are Playwright pages, so they are the TestPage as they are; the content script's
 * isolated world is reached through the devtools protocol.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright, type Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension } from '../../../scripts/chromium';
import type { FixtureServer } from '../../../scripts/fixture-server';
import { registerContentScript, registerPanelFrame, type PageBrowser, type TestBrowser, type TestPage } from '../browser';

/** The extension's name in the manifest: Chromium names the content script's world after it. */
const WORLD = 'Creator Lens';

export async function inIsolatedWorld(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === WORLD);
  if (!world) {
    await cdp.detach();
    throw new Error(`no isolated world of ${WORLD}: ${JSON.stringify(contexts.map((c) => c.name))}`);
  }
  const result = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}

/** The panel's frame (a chrome-extension:// child of the page), when there is one: Playwright reaches out-of-process frames. */
export async function inPanelFrame(page: Page, expression: string): Promise<{ value: unknown } | null> {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');
  if (!frame) return null;
  try {
    return { value: await frame.evaluate(expression) };
  } catch (error) {
    if (frame.isDetached()) return null;
    throw error;
  }
}

export async function launchChromium(server: FixtureServer, options: { headless?: boolean }): Promise<TestBrowser> {
  const chromium = await launchWithExtension(server.chromiumArgs, options);
  const requests: string[] = [];
  chromium.context.on('request', (r) => requests.push(r.url()));
  const extensionOrigin = `chrome-extension://${chromium.extensionId}`;
  return {
    name: 'chromium',
    extensionOrigin,
    extensionUrl: (path) => `${extensionOrigin}/${path.replace(/^\//, '')}`,
    requests,
    refused: [], // Chromium's resolver rule refuses without a record (see PageBrowser.refused)
    newPage: async () => {
      const page = await chromium.context.newPage();
      registerContentScript(page, (expression) => inIsolatedWorld(page, expression));
      registerPanelFrame(page, (expression) => inPanelFrame(page, expression));
      // TestPage is the part of Playwright's Page the tests use, with the same meaning (Playwright's
      // generic signatures are wider than TypeScript can match against it, hence the cast).
      return page as unknown as TestPage;
    },
    background: { evaluate: (fn, arg) => chromium.background.evaluate(fn as never, arg) as never },
    close: () => chromium.close(),
  };
}

/** The same Chromium (binary, persistent profile, flags, host mapping) without the extension: browser.ts's launchWithoutExtension. */
export async function launchPlainChromium(server: FixtureServer, options: { headless?: boolean }): Promise<PageBrowser> {
  const headless = options.headless ?? true;
  const profile = mkdtempSync(join(tmpdir(), 'creator-lens-plain-'));
  const context = await playwright.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // as in scripts/chromium.ts: the flag below picks the new headless mode
    args: [...(headless ? ['--headless=new'] : []), '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...server.chromiumArgs],
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return {
    name: 'chromium',
    requests,
    refused: [],
    newPage: async () => (await context.newPage()) as unknown as TestPage,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
