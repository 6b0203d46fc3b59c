/**
 * One test layer for both browsers. Every *.e2e.test.ts runs twice (vitest.e2e.config.ts has a
 * project per browser and sets E2E_BROWSER): in Chromium through playwright-core, in Firefox
 * through puppeteer-core over WebDriver BiDi. A test only meets what is here:
 *
 *   const browser = await launchWithExtension(server);      // the built extension, the three sites mapped to `server`
 *   const page = await browser.newPage();                    // a TestPage: Playwright's Page API, the part the tests use
 *   await page.goto(browser.extensionUrl('dashboard.html')); // the extension's own pages (chrome-extension:// or moz-extension://)
 *   await browser.background.evaluate(() => chrome.storage.session.get(null)); // code in the extension's origin
 *   await inContentScript(page, '…');                        // (helpers.ts) code in the content script's world
 *   browser.requests                                          // every request the pages made
 *   const plain = await launchWithoutExtension(server);      // the same browser, same mapping, no extension (to compare)
 *
 * Porting a test written for the Chromium-only helpers: `launchWithExtension(server.chromiumArgs)`
 * becomes `launchWithExtension(server)`, `browser.context.newPage()` becomes `browser.newPage()`,
 * `chrome-extension://${browser.extensionId}/x` becomes `browser.extensionUrl('x')`, and
 * `context.on('request')` becomes `browser.requests`; `Page` from playwright-core becomes `TestPage`.
 */
import type { FixtureServer } from '../../scripts/fixture-server';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { BrowserName } from '../../scripts/browsers';

export type { BrowserName };

/** The browser this test file runs in (its vitest project). */
export const BROWSER: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** Screenshots and other output of this browser's run. */
export const OUT = new URL(`../output/${BROWSER}/`, import.meta.url).pathname;

type TextMatch = string | RegExp;

/** The part of Playwright's Locator the tests use; Firefox's driver implements it on puppeteer. */
export interface TestLocator {
  getByTestId(id: string): TestLocator;
  getByRole(role: string, options?: { name?: TextMatch; exact?: boolean; level?: number }): TestLocator;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): TestLocator;
  getByText(text: TextMatch, options?: { exact?: boolean }): TestLocator;
  locator(selector: string): TestLocator;
  first(): TestLocator;
  or(other: TestLocator): TestLocator;
  waitFor(options?: { state?: 'attached' | 'visible'; timeout?: number }): Promise<void>;
  innerText(): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  count(): Promise<number>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  isDisabled(): Promise<boolean>;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  selectOption(value: string): Promise<unknown>;
  setInputFiles(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
  evaluate<R, A = undefined>(fn: (element: HTMLElement, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  evaluateAll<R, A = undefined>(fn: (elements: HTMLElement[], arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface TestDialog {
  message(): string;
  dismiss(): Promise<void>;
}

export interface TestRoute {
  fulfill(response: { status?: number; contentType?: string; body: string }): Promise<void>;
}

export interface TestDownload {
  path(): Promise<string | null>;
}

/** The part of Playwright's Page the tests use. */
export interface TestPage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  title(): Promise<string>;
  evaluate<R, A = undefined>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R>;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(event: 'dialog', listener: (dialog: TestDialog) => void): unknown;
  /** Answers requests for exactly `url` with `handler`'s response. */
  route(url: string, handler: (route: TestRoute) => unknown): Promise<unknown>;
  emulateMedia(options: { colorScheme?: 'light' | 'dark'; media?: 'print' | 'screen' }): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  pdf?(options: { path: string }): Promise<unknown>;
  bringToFront(): Promise<void>;
  waitForEvent(event: 'download'): Promise<TestDownload>;
  keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  getByTestId(id: string): TestLocator;
  getByRole(role: string, options?: { name?: TextMatch; exact?: boolean; level?: number }): TestLocator;
  getByLabel(text: TextMatch, options?: { exact?: boolean }): TestLocator;
  getByText(text: TextMatch, options?: { exact?: boolean }): TestLocator;
  locator(selector: string): TestLocator;
}

/** A browser of this run with the three sites mapped to the fixture server, with or without the extension. */
export interface PageBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** Every request the pages made (http(s) and the extension's own), in order. */
  requests: string[];
  /**
   * What the host mapping refused, from anywhere in the browser (pages, the extension's
   * background, the browser itself): Firefox's proxy records every host:port it turned away.
   * Chromium's resolver rule (`MAP * ~NOTFOUND`) fails such lookups without a record, so
   * there this stays empty and `requests` is the check.
   */
  refused: string[];
  close(): Promise<void>;
}

export interface TestBrowser extends PageBrowser {
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** A page of the extension: `extensionUrl('popup.html?tab=3')`. */
  extensionUrl(path: string): string;
  /**
   * Runs `fn` in the extension's origin: the service worker in Chromium, an extension page of
   * the same origin in Firefox (its MV2 background is a page). `chrome.*` returns promises in both.
   */
  background: { evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> };
}

const contentScripts = new WeakMap<object, (expression: string) => Promise<unknown>>();
const panelFrames = new WeakMap<object, (expression: string) => Promise<{ value: unknown } | null>>();

/** Drivers register how to run code in a page's content-script world. */
export function registerContentScript(page: object, run: (expression: string) => Promise<unknown>): void {
  contentScripts.set(page, run);
}

/** Drivers register how to run code in the panel's extension frame of a page (null: no such frame now). */
export function registerPanelFrame(page: object, run: (expression: string) => Promise<{ value: unknown } | null>): void {
  panelFrames.set(page, run);
}

/**
 * Runs `expression` in the panel's frame (the extension page the overlay embeds, issue 15):
 * `{ value }`, or null when the page has no such frame now. A Playwright page that did not
 * come from browser.newPage() is taken as Chromium's.
 */
export async function runInPanelFrame<T>(page: TestPage | PlaywrightPage, expression: string): Promise<{ value: T } | null> {
  const run = panelFrames.get(page) ?? ((e: string) => import('./drivers/chromium').then(({ inPanelFrame }) => inPanelFrame(page as PlaywrightPage, e)));
  return run(expression) as Promise<{ value: T } | null>;
}

/**
 * Runs `expression` in the content script's world of `page` (Chromium's isolated world, Firefox's
 * sandbox). A Playwright page that did not come from browser.newPage() (bench/ opens them with
 * scripts/chromium.ts) is taken as Chromium's.
 */
export async function runInContentScript<T>(page: TestPage | PlaywrightPage, expression: string): Promise<T> {
  const run = contentScripts.get(page);
  if (run) return run(expression) as Promise<T>;
  return (await import('./drivers/chromium')).inIsolatedWorld(page as PlaywrightPage, expression) as Promise<T>;
}

/** The browser of this run with the built extension, the three sites served by `server`. */
export async function launchWithExtension(server: FixtureServer, options: { headless?: boolean } = {}): Promise<TestBrowser> {
  if (BROWSER === 'firefox') return (await import('./drivers/firefox')).launchFirefox(server, options);
  return (await import('./drivers/chromium')).launchChromium(server, options);
}

/**
 * The browser of this run without the extension, the three sites served by `server` as in
 * launchWithExtension: to hold what a page receives with the extension against what it
 * receives without. Its pages have no content-script world (inContentScript throws).
 */
export async function launchWithoutExtension(server: FixtureServer, options: { headless?: boolean } = {}): Promise<PageBrowser> {
  if (BROWSER === 'firefox') return (await import('./drivers/firefox')).launchFirefox(server, { ...options, extension: false });
  return (await import('./drivers/chromium')).launchPlainChromium(server, options);
}
