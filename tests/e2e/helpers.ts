/**
 * Shared by the browser tests, in both browsers (the layer under it: browser.ts): the
 * extension's stores, the content script's world and the overlay in it, axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import type { Page as PlaywrightPage } from 'playwright-core';
import { FIXTURES } from '../../scripts/fixture-server';
import { runInContentScript, type TestBrowser, type TestPage } from './browser';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (run through the devtools protocol, so extension pages' CSP allows it). */
export async function axe(page: TestPage): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** Every row of one object store of the extension's IndexedDB, read in its origin (browser.background). */
export function extensionRows<T>(background: TestBrowser['background'], store: string): Promise<T[]> {
  return background.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('creator-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}

/**
 * Runs `expression` in the content script's world (as our content script would), e.g. to send
 * a message the overlay will send once it exists: Chromium's isolated world, Firefox's sandbox.
 */
export function inContentScript<T>(page: TestPage | PlaywrightPage, expression: string): Promise<T> {
  return runInContentScript<T>(page, expression);
}

/** A message in @webext-core/messaging's wire format, sent from a content script. */
export function sendFromContentScript<T>(page: TestPage, type: string, data: unknown): Promise<T> {
  const message = JSON.stringify({ id: 1, type, data, timestamp: 0 });
  return inContentScript<{ res?: T; err?: unknown }>(page, `(globalThis.browser?.runtime ? globalThis.browser : chrome).runtime.sendMessage({ ...${message}, timestamp: Date.now() })`).then((r) => {
    if (!r || r.err) throw new Error(`message refused: ${JSON.stringify(r)}`);
    return r.res as T;
  });
}

export async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The overlay's shadow root is closed: the tests reach it through the content script's world. */
export const overlayText = (page: TestPage) => inContentScript<string | null>(page, `globalThis.__creatorLensOverlay?.querySelector('.cl-root')?.innerText ?? null`);

/** Clicks the overlay's button whose text starts with `label`. */
export function overlayClick(page: TestPage, label: string): Promise<boolean> {
  return inContentScript<boolean>(
    page,
    `(() => { const b = [...(globalThis.__creatorLensOverlay?.querySelectorAll('button') ?? [])].find((x) => x.textContent.trim().startsWith(${JSON.stringify(label)})); b?.click(); return Boolean(b); })()`,
  );
}

/** Focuses an element of the overlay (then type with page.keyboard: real key events). */
export function overlayFocus(page: TestPage, selector: string): Promise<boolean> {
  return inContentScript<boolean>(page, `(() => { const e = globalThis.__creatorLensOverlay?.querySelector(${JSON.stringify(selector)}); e?.focus(); return Boolean(e) && globalThis.__creatorLensOverlay.activeElement === e; })()`);
}

export const overlayHas = (page: TestPage, selector: string) =>
  inContentScript<boolean>(page, `Boolean(globalThis.__creatorLensOverlay?.querySelector(${JSON.stringify(selector)}))`);

/** The panel's box on screen (null when it is not shown). */
export const overlayBox = (page: TestPage) =>
  inContentScript<{ x: number; y: number; width: number; height: number } | null>(
    page,
    `(() => { const r = globalThis.__creatorLensOverlay?.querySelector('.cl-root')?.getBoundingClientRect(); return r && r.width ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; })()`,
  );

/**
 * TikTok's in-page navigation from @maya.bakes to @second.user: the URL changes at once;
 * the header is swapped `afterMs` later, as TikTok does after fetching, while the
 * rehydration JSON still describes the first profile.
 */
export function tiktokToSecondUser(page: TestPage, afterMs: number): Promise<void> {
  return page.evaluate((delay) => {
    history.pushState({}, '', '/@second.user');
    document.title = 'Second User (@second.user) | TikTok';
    setTimeout(() => {
      document.querySelector('[data-e2e="user-title"]')!.textContent = 'second.user';
      document.querySelector('[data-e2e="user-subtitle"]')!.textContent = 'Second User';
      document.querySelector('[data-e2e="followers-count"]')!.textContent = '3,201';
      document.querySelector('[data-e2e="following-count"]')!.textContent = '10';
      document.querySelector('[data-e2e="likes-count"]')!.textContent = '45.8K';
      document.querySelector('[data-e2e="user-post-item-list"]')!.replaceChildren();
    }, delay);
  }, afterMs);
}

/** Saves a creator the way a user does: opens the profile and presses Save on the panel. */
export async function saveFromPanel(browser: TestBrowser, url: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(url);
  await until(() => overlayText(page), (t) => !!t?.includes('Save'));
  if (!(await overlayClick(page, 'Save'))) throw new Error(`no Save button on ${url}`);
  await until(() => overlayText(page), (t) => !!t?.includes('Saved ✓'));
  await page.close();
}

/** A fixture profile read in Node, as the extension reads it (to check the pages' figures against lib/roi). */
export const readFixtureProfile = (file: string, url: string) =>
  readPage(parseHTML(readFileSync(`${FIXTURES}${file}`, 'utf8')).document as unknown as Document, new URL(url)) as ProfileReading;

/** A signed whole percentage as the extension pages show it ("+12%", "−8%"). Written out here, not imported, so the tests check the pages' format. */
export const signedPercent = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(v))}`;

/** Writes the settings row of the extension's library (null deletes it: the defaults), as the settings page would save it. */
export function putSettings(background: TestBrowser['background'], value: object | null): Promise<void> {
  return background.evaluate((v) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('creator-lens');
    open.onsuccess = () => {
      const tx = open.result.transaction('settings', 'readwrite');
      if (v === null) tx.objectStore('settings').delete('settings');
      else tx.objectStore('settings').put({ key: 'settings', value: v });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }), value);
}
