/**
 * Firefox for the browser tests: scripts/firefox.ts's puppeteer-core browser behind the
 * TestPage / TestLocator API (Playwright's, the part the tests use), so one test file runs in
 * both browsers. What Firefox does differently, and how this driver meets it:
 * - locators: the engine in locate.ts runs in the page with Playwright's matching rules;
 *   actions wait (up to ACTION_TIMEOUT) for exactly one visible match, as Playwright's do;
 * - the content script's world: BiDi exposes no realm for it, so the code goes through
 *   `tabs.executeScript` from an extension page, which in MV2 Firefox runs in the content
 *   script's own sandbox (its globals, its runtime.sendMessage);
 * - extension pages: moz-extension:// navigations are awaited by polling (scripts/firefox.ts);
 * - light and dark: set for every page through the colour-scheme helper add-on;
 * - downloads: Firefox saves them into a folder of the run; waitForEvent('download') watches it;
 * - `emulateMedia({ media: 'print' })` is not available over BiDi: the screen rendering stays
 *   (page.pdf() does print, with the print styles).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ElementHandle, HTTPRequest, JSHandle, Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, gotoExtensionUrl, launchFirefoxWithExtension, type FirefoxWithExtension } from '../../../scripts/firefox';
import type { FixtureServer } from '../../../scripts/fixture-server';
import { registerContentScript, registerPanelFrame, type TestBrowser, type TestDialog, type TestDownload, type TestLocator, type TestPage, type TestRoute } from '../browser';
import { installLocator, toMatch, type LocatorEngine, type Step } from './locate';

const ACTION_TIMEOUT = 30_000;
/** Where puppeteer sends Firefox's own remote-settings client (its placeholder, refused by the proxy). */
const BROWSER_OWN = 'http://dummy.test/';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Engine = { __creatorLensE2E?: LocatorEngine };

class FirefoxLocator implements TestLocator {
  constructor(
    readonly page: FirefoxPage,
    readonly steps: Step[],
  ) {}

  private with(step: Step) {
    return new FirefoxLocator(this.page, [...this.steps, step]);
  }
  getByTestId(id: string) {
    return this.with({ testId: id });
  }
  getByRole(role: string, options: { name?: string | RegExp; exact?: boolean; level?: number } = {}) {
    return this.with({ role, name: options.name === undefined ? undefined : toMatch(options.name, options.exact), level: options.level });
  }
  getByLabel(text: string | RegExp, options: { exact?: boolean } = {}) {
    return this.with({ label: toMatch(text, options.exact) });
  }
  getByText(text: string | RegExp, options: { exact?: boolean } = {}) {
    return this.with({ text: toMatch(text, options.exact) });
  }
  locator(selector: string) {
    if (selector === 'xpath=..') return this.with({ parent: true });
    if (selector.startsWith('text=')) return this.with({ text: toMatch(selector.slice(5)) });
    return this.with({ css: selector });
  }
  first() {
    return this.with({ nth: 0 });
  }
  or(other: TestLocator) {
    return new FirefoxLocator(this.page, [{ or: [this.steps, (other as FirefoxLocator).steps] }]);
  }
  toString() {
    return JSON.stringify(this.steps);
  }

  /** All matches now, as one handle to an array. */
  private all(): Promise<JSHandle<Element[]>> {
    return this.page.withEngine((steps) => (globalThis as unknown as Engine).__creatorLensE2E!.locate(steps), this.steps);
  }

  /** The one match, once it is in the state `state`; a second match fails at once (Playwright's strictness). */
  private async one(state: 'attached' | 'visible' | 'enabled', timeout = ACTION_TIMEOUT): Promise<ElementHandle<HTMLElement>> {
    const end = Date.now() + timeout;
    let last = 'no element matches';
    for (;;) {
      const handle = await this.page.withEngine(
        (steps, want) => {
          const e = (globalThis as unknown as Engine).__creatorLensE2E!;
          const els = e.locate(steps);
          if (els.length > 1) return `strict mode violation: ${els.length} elements match: ${els.slice(0, 3).map(e.describe).join(' | ')}`;
          const el = els[0];
          if (!el) return 'no element matches';
          if (want !== 'attached' && !e.visible(el)) return `not visible: ${e.describe(el)}`;
          if (want === 'enabled' && !e.enabled(el)) return `not enabled: ${e.describe(el)}`;
          return el;
        },
        this.steps,
        state,
      );
      const element = handle.asElement();
      if (element) return element as ElementHandle<HTMLElement>;
      last = String(await handle.jsonValue());
      await handle.dispose();
      if (last.startsWith('strict')) throw new Error(`${this}: ${last}`);
      if (Date.now() > end) throw new Error(`${this}: timed out after ${timeout} ms: ${last}`);
      await sleep(50);
    }
  }

  async waitFor(options: { state?: 'attached' | 'visible'; timeout?: number } = {}) {
    await (await this.one(options.state ?? 'visible', options.timeout)).dispose();
  }
  private async on<R>(state: 'attached' | 'visible' | 'enabled', fn: (el: ElementHandle<HTMLElement>) => Promise<R>): Promise<R> {
    const el = await this.one(state);
    try {
      return await fn(el);
    } finally {
      await el.dispose();
    }
  }
  innerText(): Promise<string> {
    return this.on('attached', (el) => el.evaluate((e) => e.innerText));
  }
  async allInnerTexts(): Promise<string[]> {
    const all = await this.all();
    try {
      return await all.evaluate((els) => els.map((e) => (e as HTMLElement).innerText));
    } finally {
      await all.dispose();
    }
  }
  async count(): Promise<number> {
    const all = await this.all();
    try {
      return await all.evaluate((els) => els.length);
    } finally {
      await all.dispose();
    }
  }
  getAttribute(name: string): Promise<string | null> {
    return this.on('attached', (el) => el.evaluate((e, n) => e.getAttribute(n), name));
  }
  inputValue(): Promise<string> {
    return this.on('attached', (el) => el.evaluate((e) => (e as HTMLInputElement).value));
  }
  isDisabled(): Promise<boolean> {
    return this.on('attached', (el) => el.evaluate((e) => !!(e as HTMLButtonElement).disabled || !!e.closest('[aria-disabled="true"], fieldset[disabled]')));
  }
  /**
   * A real (trusted) pointer click at the element's centre, scrolled into view first. Not
   * puppeteer's ElementHandle.click(): its visibility check waits on an IntersectionObserver
   * that headless Firefox delays by seconds on the dashboard (3–12 s per click, measured).
   */
  click(): Promise<void> {
    return this.on('enabled', (el) => this.pointerClick(el));
  }
  private async pointerClick(el: ElementHandle<HTMLElement>): Promise<void> {
    const { x, y } = await el.evaluate((e) => {
      const r = e.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) e.scrollIntoView({ block: 'center', inline: 'center' });
      const box = e.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await this.page.page.mouse.click(x, y);
  }
  /** As Playwright's fill: the value is set at once and `input` fires (React sees it). */
  fill(value: string): Promise<void> {
    return this.on('enabled', (el) =>
      el.evaluate((e, v) => {
        const proto = e instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        e.focus();
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(e, v);
        e.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: v }));
        e.dispatchEvent(new Event('change', { bubbles: true }));
      }, value),
    );
  }
  private async setChecked(checked: boolean) {
    await this.on('enabled', async (el) => {
      if ((await el.evaluate((e) => (e as HTMLInputElement).checked)) !== checked) await this.pointerClick(el);
      if ((await el.evaluate((e) => (e as HTMLInputElement).checked)) !== checked) throw new Error(`${this}: clicking did not ${checked ? 'check' : 'uncheck'} it`);
    });
  }
  check(): Promise<void> {
    return this.setChecked(true);
  }
  uncheck(): Promise<void> {
    return this.setChecked(false);
  }
  selectOption(value: string): Promise<string[]> {
    return this.on('enabled', async (el) => {
      const chosen = await el.evaluate((e, v) => {
        const select = e as unknown as HTMLSelectElement;
        const option = [...select.options].find((o) => o.value === v) ?? [...select.options].find((o) => o.label === v);
        if (!option) return null;
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, option.value);
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return option.value;
      }, value);
      if (chosen === null) throw new Error(`${this}: no option ${JSON.stringify(value)}`);
      return [chosen];
    });
  }
  setInputFiles(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    return this.on('attached', async (el) => {
      const path = join(mkdtempSync(join(this.page.firefox.uploads, 'file-')), file.name);
      writeFileSync(path, file.buffer);
      await (el as unknown as ElementHandle<HTMLInputElement>).uploadFile(path);
    });
  }
  evaluate<R, A = undefined>(fn: (element: HTMLElement, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.on('attached', (el) => el.evaluate(fn as never, arg) as Promise<R>);
  }
  async evaluateAll<R, A = undefined>(fn: (elements: HTMLElement[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const all = await this.all();
    try {
      return (await all.evaluate(fn as never, arg)) as R;
    } finally {
      await all.dispose();
    }
  }
}

class FirefoxPage implements TestPage {
  private routes = new Map<string, (route: TestRoute) => unknown>();
  private intercepting = false;
  private tabId: number | undefined;

  constructor(
    readonly page: Page,
    readonly firefox: FirefoxWithExtension,
  ) {}

  get keyboard() {
    return this.page.keyboard;
  }
  get mouse() {
    return this.page.mouse;
  }

  /** Runs `fn` in the page with the locator engine installed (once per document). */
  async withEngine<A extends unknown[]>(fn: (steps: Step[], ...args: A) => unknown, steps: Step[], ...args: A): Promise<JSHandle<never>> {
    for (let attempt = 0; ; attempt++) {
      const ready = await this.page.evaluate(() => !!(globalThis as unknown as Engine).__creatorLensE2E).catch(() => false);
      if (!ready) await this.page.evaluate(installLocator).catch(() => undefined);
      try {
        return (await this.page.evaluateHandle(fn as never, steps, ...args)) as JSHandle<never>;
      } catch (error) {
        // A navigation between the two calls takes the engine away: install it again.
        if (attempt >= 3) throw error;
        await sleep(50);
      }
    }
  }

  async goto(url: string) {
    if (url.startsWith(EXTENSION_ORIGIN)) return gotoExtensionUrl(this.page, url);
    return this.page.goto(url);
  }
  async reload() {
    const here = await this.page.evaluate(() => location.href);
    if (!here.startsWith(EXTENSION_ORIGIN)) return this.page.reload();
    await this.page.evaluate(() => ((globalThis as unknown as { __beforeReload: boolean }).__beforeReload = true));
    void this.page.reload().catch(() => undefined); // never resolves on moz-extension:// (see gotoExtensionUrl)
    const end = Date.now() + ACTION_TIMEOUT;
    for (;;) {
      const done = await this.page.evaluate(() => !(globalThis as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete').catch(() => false);
      if (done) return;
      if (Date.now() > end) throw new Error(`reload of ${here} did not finish`);
      await sleep(25);
    }
  }
  close() {
    return this.page.close();
  }
  title() {
    return this.page.title();
  }
  evaluate<R, A = undefined>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R> {
    return (typeof fn === 'string' ? this.page.evaluate(fn) : this.page.evaluate(fn as never, arg)) as Promise<R>;
  }
  on(event: 'pageerror' | 'dialog', listener: ((error: Error) => void) | ((dialog: TestDialog) => void)) {
    this.page.on(event, listener as never);
    return this;
  }
  async route(url: string, handler: (route: TestRoute) => unknown): Promise<void> {
    this.routes.set(url, handler);
    if (this.intercepting) return;
    this.intercepting = true;
    await this.page.setRequestInterception(true);
    this.page.on('request', (request: HTTPRequest) => {
      const answer = this.routes.get(request.url());
      if (!answer) return void request.continue().catch(() => undefined);
      void answer({ fulfill: ({ status = 200, contentType, body }) => request.respond({ status, contentType, body }) });
    });
  }
  async emulateMedia(options: { colorScheme?: 'light' | 'dark'; media?: 'print' | 'screen' }) {
    if (!options.colorScheme) return; // print: see the header
    await this.firefox.setColorScheme(options.colorScheme);
    const dark = options.colorScheme === 'dark';
    const end = Date.now() + 5_000;
    while ((await this.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) !== dark) {
      if (Date.now() > end) throw new Error(`the page did not turn ${options.colorScheme}`);
      await sleep(25);
    }
  }
  setViewportSize(size: { width: number; height: number }) {
    return this.page.setViewport(size);
  }
  screenshot(options: { path: string; fullPage?: boolean }) {
    mkdirSync(dirname(options.path), { recursive: true });
    return this.page.screenshot({ path: options.path as `${string}.png`, fullPage: options.fullPage });
  }
  pdf(options: { path: string }) {
    mkdirSync(dirname(options.path), { recursive: true });
    return this.page.pdf({ path: options.path });
  }
  bringToFront() {
    return this.page.bringToFront();
  }
  /** Firefox saves without asking into the run's folder: the new file there, once complete. */
  async waitForEvent(_event: 'download'): Promise<TestDownload> {
    const folder = this.firefox.downloads;
    const before = new Set(readdirSync(folder));
    const end = Date.now() + ACTION_TIMEOUT;
    let seen: { name: string; size: number } | undefined;
    for (;;) {
      const names = readdirSync(folder).filter((n) => !before.has(n) && !n.endsWith('.part'));
      const name = names.find((n) => !existsSync(join(folder, `${n}.part`)));
      if (name) {
        const size = statSync(join(folder, name)).size;
        if (seen?.name === name && seen.size === size && size > 0) {
          before.add(name);
          return { path: async () => join(folder, name) };
        }
        seen = { name, size };
      }
      if (Date.now() > end) throw new Error('no download arrived');
      await sleep(100);
    }
  }

  getByTestId(id: string) {
    return new FirefoxLocator(this, []).getByTestId(id);
  }
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean; level?: number }) {
    return new FirefoxLocator(this, []).getByRole(role, options);
  }
  getByLabel(text: string | RegExp, options?: { exact?: boolean }) {
    return new FirefoxLocator(this, []).getByLabel(text, options);
  }
  getByText(text: string | RegExp, options?: { exact?: boolean }) {
    return new FirefoxLocator(this, []).getByText(text, options);
  }
  locator(selector: string) {
    return new FirefoxLocator(this, []).locator(selector);
  }

  /**
   * The WebExtension tab id of this page. BiDi's browsing contexts are not tabs, so the page's
   * window.name carries a token for a moment and the content-script world of each tab is asked.
   */
  private async findTabId(): Promise<number> {
    if (this.tabId !== undefined) return this.tabId;
    const token = `creator-lens-e2e-${Math.random().toString(36).slice(2)}`;
    const previous = await this.page.evaluate((t) => {
      const old = window.name;
      window.name = t;
      return old;
    }, token);
    try {
      const id = await this.firefox.inExtension(async (t) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; executeScript(id: number, d: { code: string }): Promise<unknown[]> } } }).browser;
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined || !tab.url?.startsWith('http')) continue;
          const [name] = await api.tabs.executeScript(tab.id, { code: 'window.name' }).catch(() => [null]);
          if (name === t) return tab.id;
        }
        return null;
      }, token);
      if (id === null) throw new Error('inContentScript: this tab shows no page the extension may script');
      this.tabId = id;
      return id;
    } finally {
      await this.page.evaluate((old) => void (window.name = old), previous).catch(() => undefined);
    }
  }

  /**
   * The panel's frame (a moz-extension:// child of the page), when there is one. BiDi reports
   * the frame but not its navigation to the extension's page (it stays about:blank there), so
   * the code runs through the content script, whose sandbox may reach the extension's own
   * documents (the page may not), with `document` the frame's.
   */
  async inPanelFrame(expression: string): Promise<{ value: unknown } | null> {
    return (await this.inContentScript(`(() => {
      const f = globalThis.__creatorLensOverlay?.querySelector('iframe.cl-frame-el');
      let d = null;
      try { d = f?.contentDocument ?? null; } catch { return null; }
      if (!d || !String(d.location?.href).startsWith(${JSON.stringify(`${EXTENSION_ORIGIN}/panel.html`)})) return null;
      return { value: (function (document) { return (${expression}); })(d) };
    })()`)) as { value: unknown } | null;
  }

  async inContentScript(expression: string): Promise<unknown> {
    const tabId = await this.findTabId();
    const out = await this.firefox.inExtension(
      async ({ id, code }) => {
        const api = (globalThis as unknown as { browser: { tabs: { executeScript(id: number, d: { code: string }): Promise<unknown[]> } } }).browser;
        try {
          return { value: (await api.tabs.executeScript(id, { code }))[0] };
        } catch (error) {
          return { error: String((error as Error)?.message ?? error) };
        }
      },
      { id: tabId, code: expression },
    );
    if ('error' in out) throw new Error(out.error);
    return out.value;
  }
}

/** `extension: false`: the same Firefox without the add-on (browser.ts's launchWithoutExtension); its `background` throws. */
export async function launchFirefox(server: FixtureServer, options: { headless?: boolean; extension?: false }): Promise<TestBrowser> {
  const withExtension = options.extension !== false;
  const firefox = await launchFirefoxWithExtension({ fixturesPort: server.port, headless: options.headless, ...(!withExtension && { extension: false }) });
  const requests: string[] = [];
  return {
    name: 'firefox',
    extensionOrigin: EXTENSION_ORIGIN,
    extensionUrl: (path) => `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`,
    requests,
    // Less Firefox's own remote-settings polls, which puppeteer points at a placeholder host
    // (services.settings.server = http://dummy.test/…): the browser's, not a page's or ours.
    get refused() {
      return firefox.proxy.refused.filter((u) => !u.startsWith(BROWSER_OWN));
    },
    newPage: async () => {
      const page = await firefox.browser.newPage();
      // BiDi also reports the `data:,` each new tab starts on; Playwright reports no data: URLs.
      page.on('request', (r) => void (r.url().startsWith('data:') || requests.push(r.url())));
      const wrapped = new FirefoxPage(page, firefox);
      registerContentScript(wrapped, (expression) => (withExtension ? wrapped.inContentScript(expression) : Promise.reject(new Error('this Firefox runs without the extension'))));
      registerPanelFrame(wrapped, (expression) => wrapped.inPanelFrame(expression));
      return wrapped;
    },
    background: { evaluate: (fn, arg) => firefox.inExtension(fn, arg) as never },
    close: () => firefox.close(),
  };
}
