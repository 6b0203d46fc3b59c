/**
 * The extension itself, in each browser: what each build runs on and what it is granted.
 * Chromium runs the MV3 build (background in a service worker, chrome-extension:// pages);
 * Firefox the MV2 build (a persistent background page, moz-extension:// pages, host
 * permissions granted at install). The same product code has to work on both: the handler
 * table answers from either kind of background, the extension's pages find the library
 * and open each other in its own origin, and the tab readings stay where content scripts
 * cannot read them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { hostPermissions } from '../../lib/sites/platforms';
import { BROWSER, launchWithExtension, type TestBrowser } from './browser';
import { inContentScript, overlayText, saveFromPanel, sendFromContentScript, until } from './helpers';

let server: FixtureServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Api = {
  runtime: { getManifest(): { manifest_version: number; background?: object }; getBackgroundPage?(): Promise<Window | null> };
  permissions: { getAll(): Promise<{ permissions?: string[]; origins?: string[] }> };
  tabs: { query(q: object): Promise<{ url?: string }[]> };
};

describe(`the ${BROWSER} build`, () => {
  test('its background: a service worker in Chromium (MV3), a persistent page in Firefox (MV2)', async () => {
    const background = await browser.background.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const page = api.runtime.getBackgroundPage ? await api.runtime.getBackgroundPage().catch(() => null) : null;
      return {
        manifest: api.runtime.getManifest().manifest_version,
        worker: typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope === 'function',
        page: page?.location.pathname ?? null,
      };
    });
    if (BROWSER === 'firefox') expect(background).toEqual({ manifest: 2, worker: false, page: '/_generated_background_page.html' });
    else expect(background).toMatchObject({ manifest: 3, worker: true });
  });

  test('granted at install, without a prompt: storage and the three sites, nothing else', async () => {
    const granted = await browser.background.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.permissions.getAll());
    expect([...(granted.origins ?? [])].sort()).toEqual([...hostPermissions()].sort());
    expect(granted.permissions).toEqual(['storage']);
  });

  test('the background answers a content script, and keeps the tab reading out of the content script’s reach', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.tiktok.com/@maya.bakes');
    await until(() => overlayText(page), (t) => !!t?.includes('2,631,012'));
    expect(await sendFromContentScript(page, 'cs→bg:save', { creatorKey: 'tiktok:maya.bakes' })).toMatchObject({ ok: true, saved: true });
    // storage.session is for the extension's own pages (Chromium's default access level; Firefox does not give it to content scripts).
    const fromContentScript = await inContentScript<string>(
      page,
      `(async () => { const api = globalThis.browser?.runtime ? globalThis.browser : chrome; try { const all = await api.storage.session.get(null); return 'read ' + Object.keys(all).length; } catch (e) { return 'refused'; } })()`,
    );
    expect(fromContentScript).toBe('refused');
    await page.close();
  });

  test('the popup opens the dashboard in the extension’s own origin, and it finds the library', async () => {
    await saveFromPanel(browser, 'https://www.instagram.com/lenapark.studio/');
    const popup = await browser.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: 'Open the dashboard' }).click();
    const tabs = await until(
      () => browser.background.evaluate(async () => (await (globalThis as unknown as { chrome: Api }).chrome.tabs.query({})).map((t) => t.url ?? '')),
      (urls) => urls.some((u) => u.includes('/dashboard.html')),
    );
    expect(tabs.filter((u) => u.includes('/dashboard.html'))).toEqual([browser.extensionUrl('dashboard.html')]);
    const dashboard = await browser.newPage();
    await dashboard.goto(browser.extensionUrl('dashboard.html#/creators'));
    await until(() => dashboard.getByTestId('count').innerText(), (t) => t === '2');
    await dashboard.close();
  });
});
