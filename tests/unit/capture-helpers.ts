/**
 * A page for the capture's unit tests: a happy-dom window on a site's URL whose network
 * answers from a table, with the page world installed as the browser would (before the
 * page's own code) and, when asked, the collector as the content script starts it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window as HappyWindow } from 'happy-dom';
import { createCollector, type Collector, type CollectorOptions } from '../../lib/capture/collector';
import { installPageCapture } from '../../lib/capture/page-world';
import type { CaptureSite } from '../../lib/capture/site';

export type PageWindow = Window & typeof globalThis;

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');

export interface TestPage {
  win: PageWindow;
  /** The page's own fetch of `path`, read to the end as the page's app would. */
  load(path: string, init?: RequestInit): Promise<string>;
  /** Serve `body` at `path` from now on. */
  serve(path: string, body: string, status?: number): void;
  /** Runs the capture's deferred work (the bridge's queue, the embedded reading). */
  flush(): Promise<void>;
  /** In-page navigation, as the sites' apps do it. */
  navigate(path: string): void;
  collect(options?: CollectorOptions): Collector;
  /** Invalidates the content-script context (extension reload). */
  invalidate(): void;
  /** Dispatches an event on the document from the page's side (a forgery, or the app's own event). */
  dispatch(type: string, detail: unknown): void;
  clock: { now: number };
}

export function testPage(href: string, site: CaptureSite, html = ''): TestPage {
  const win = new HappyWindow({ url: href }) as unknown as PageWindow;
  if (html) win.document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  const routes = new Map<string, { body: string; status: number }>();
  (win as { fetch: unknown }).fetch = async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url, win.location.href);
    const served = routes.get(url.pathname + url.search) ?? routes.get(url.pathname);
    if (!served) throw new TypeError('Failed to fetch');
    return new win.Response(served.body, { status: served.status });
  };
  installPageCapture(win, site.page);
  const tasks: (() => void)[] = [];
  const invalidated: (() => void)[] = [];
  const clock = { now: 1_781_300_000_000 };
  const flush = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 2));
      tasks.splice(0).forEach((t) => t());
    }
  };
  return {
    win,
    clock,
    async load(path, init) {
      return (await win.fetch(path, init)).text();
    },
    serve: (path, body, status = 200) => void routes.set(path, { body, status }),
    flush,
    navigate: (path) => win.history.pushState({}, '', path),
    collect: (options = {}) =>
      createCollector(site, {
        doc: win.document,
        win,
        now: () => clock.now,
        schedule: (run) => void tasks.push(run),
        ctx: { onInvalidated: (cb) => invalidated.push(cb), addEventListener: (target, type, handler) => target.addEventListener(type, handler) },
        ...options,
      }),
    invalidate: () => invalidated.splice(0).forEach((cb) => cb()),
    dispatch: (type, detail) => win.document.dispatchEvent(new win.CustomEvent(type, { detail })),
  };
}
