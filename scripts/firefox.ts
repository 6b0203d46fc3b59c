/**
 * Firefox with the built extension (.output/firefox-mv2) installed as a temporary add-on, the
 * counterpart of scripts/chromium.ts. Driven by puppeteer-core over WebDriver BiDi, which is
 * built into Firefox: no geckodriver, no browser download (the system's Firefox, see
 * scripts/browsers.ts). The recipe and its pitfalls: ../shared/research/firefox-runtime.md.
 *
 * - The three sites reach the fixture server through a local CONNECT proxy (scripts/host-proxy.ts).
 * - The add-on's moz-extension:// host is fixed by a pref (BiDi cannot list add-ons), so its
 *   pages have known URLs; BiDi navigates to them only with --remote-allow-system-access, and
 *   such a navigation never reports its end, so it is awaited by polling (openExtensionPage).
 * - The MV2 background is a page, not a worker: what the Chromium tests run in the service
 *   worker runs here in an extension page of the same origin (a tab showing one of the
 *   add-on's icons: our origin, none of our code), the "control page".
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireBrowser } from './browsers';
import { startHostProxy, type HostProxy } from './host-proxy';

export const FIREFOX_EXTENSION = fileURLToPath(new URL('../.output/firefox-mv2/', import.meta.url));
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const ADDON_ID = 'creator-lens@creator-lens.local';
/** The moz-extension:// host of the add-on in every profile these scripts start. */
export const EXTENSION_UUID = '6f1c0f2e-7d3b-4c55-9a51-0c1e0c0ffee0';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * A second, test-only add-on: its page sets the colour scheme of every page through
 * browserSettings.overrideContentColorScheme, because Firefox's BiDi has no media emulation
 * yet (puppeteer's emulateMediaFeatures needs CDP; emulation.setMediaFeaturesOverride is
 * not in 153 ESR). The product never asks for browserSettings.
 */
const HELPER_ID = 'colour-scheme@creator-lens.local';
const HELPER_UUID = '0c0ffee0-5c4e-4e3d-9a51-6f1c0f2e7d3b';

export interface FirefoxWithExtension {
  browser: Browser;
  proxy: HostProxy;
  /** Where Firefox saves downloads (no dialog). */
  downloads: string;
  /** A folder for files to upload; removed with the rest on close. */
  uploads: string;
  /** Opens a page of the add-on (`popup.html`, `dashboard.html#/data`) in `page`, or a new tab. */
  openExtensionPage(path: string, page?: Page): Promise<Page>;
  /** Runs `fn` in the add-on's origin, as the Chromium tests do in the service worker. */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Light or dark for every page (see HELPER_ID). */
  setColorScheme(scheme: 'light' | 'dark' | 'auto'): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Navigates `page` to a moz-extension:// URL and waits until that document has loaded. */
export async function gotoExtensionUrl(page: Page, url: string, timeout = 15_000): Promise<void> {
  void page.goto(url).catch(() => undefined); // never resolves for moz-extension:// (pitfall 2)
  const end = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return;
    if (Date.now() > end) throw new Error(`${url} did not open (the tab shows ${state?.[0] ?? 'nothing'})`);
    await sleep(25);
  }
}

/**
 * `extension: false` starts the same Firefox (same prefs, same proxy) with no add-on at all, to
 * compare what a page does with and without ours; its inExtension and setColorScheme then throw.
 */
export async function launchFirefoxWithExtension(options: { fixturesPort: number; headless?: boolean; extension?: string | false }): Promise<FirefoxWithExtension> {
  const extension = options.extension === false ? null : (options.extension ?? FIREFOX_EXTENSION);
  let manifest: { icons?: Record<string, string> } = {};
  if (extension) {
    try {
      manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
    } catch {
      throw new Error(`No Firefox build at ${extension}: run "npm run build:firefox" first.`);
    }
  }
  const executablePath = requireBrowser('firefox');
  const proxy = await startHostProxy(options.fixturesPort);
  const scratch = mkdtempSync(join(tmpdir(), 'creator-lens-firefox-'));
  const downloads = join(scratch, 'downloads');
  const uploads = join(scratch, 'uploads');
  const helper = join(scratch, 'helper');
  for (const dir of [downloads, uploads, helper]) mkdirSync(dir);
  writeFileSync(join(helper, 'manifest.json'), JSON.stringify({ manifest_version: 2, name: 'Creator Lens tests: colour scheme', version: '1.0', permissions: ['browserSettings'], browser_specific_settings: { gecko: { id: HELPER_ID } } }));
  writeFileSync(join(helper, 'blank.html'), '<!doctype html><title>colour scheme</title>');

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox', // over WebDriver BiDi
      executablePath,
      headless: options.headless ?? true,
      acceptInsecureCerts: true, // the fixture server's self-signed certificate, HSTS-preloaded hosts included
      args: ['--remote-allow-system-access'], // else BiDi refuses to navigate to moz-extension://
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' }, // lets puppeteer's services.settings.server apply: no calls home
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disablePrefetch': true,
        'network.captive-portal-service.enabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID, [HELPER_ID]: HELPER_UUID }),
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
  } catch (error) {
    await proxy.close();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }

  const close = async () => {
    await browser.close().catch(() => undefined);
    await proxy.close();
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    if (extension) {
      const id = await browser.installExtension(extension); // BiDi webExtension.install: a temporary add-on
      if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
      await browser.installExtension(helper);
    }
  } catch (error) {
    await close();
    throw error;
  }

  const openExtensionPage = async (path: string, page?: Page) => {
    const tab = page ?? (await browser.newPage());
    await gotoExtensionUrl(tab, `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`);
    return tab;
  };

  let control: Promise<Page> | undefined;
  const controlPage = () =>
    (control ??= (async () => {
      if (!extension) throw new Error('this Firefox runs without the extension');
      const icon = Object.values(manifest.icons ?? {})[0] ?? 'manifest.json';
      const page = await openExtensionPage(icon);
      // Chromium's `chrome.*` returns promises; Firefox's MV2 `chrome.*` takes callbacks. Code
      // written for the service worker runs here unchanged with `chrome` as `browser`.
      await page.evaluate(() => {
        const g = globalThis as unknown as { browser: unknown; chrome: unknown };
        Object.defineProperty(g, 'chrome', { value: g.browser, configurable: true });
      });
      return page;
    })());

  let helperPage: Promise<Page> | undefined;
  const setColorScheme = async (scheme: 'light' | 'dark' | 'auto') => {
    helperPage ??= (async () => {
      if (!extension) throw new Error('this Firefox runs without the extension (nor its colour-scheme helper)');
      const page = await browser.newPage();
      await gotoExtensionUrl(page, `moz-extension://${HELPER_UUID}/blank.html`);
      return page;
    })();
    const page = await helperPage;
    await page.evaluate(async (value) => {
      const api = (globalThis as unknown as { browser: { browserSettings: { overrideContentColorScheme: { set(d: { value: string }): Promise<boolean> } } } }).browser;
      await api.browserSettings.overrideContentColorScheme.set({ value });
    }, scheme);
  };

  return {
    browser,
    proxy,
    downloads,
    uploads,
    openExtensionPage,
    inExtension: async (fn, arg) => (await controlPage()).evaluate(fn as never, arg) as never,
    setColorScheme,
    close,
  };
}
