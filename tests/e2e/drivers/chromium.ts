/**
 * Chromium for the browser tests: scripts/chromium.ts's playwright-core context. Its pages
 * already are Playwright pages, so they are the TestPage as they are; the content script's
 * isolated world is reached through the devtools protocol.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/chromium';
import type { FixtureServer } from '../../../scripts/fixture-server';
import { registerContentScript, registerPanelFrame, type TestBrowser, type TestPage } from '../browser';

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
