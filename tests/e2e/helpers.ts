/**
 * Shared by the browser tests, in both browsers (the layer under it: browser.ts): the
 * extension's stores, the content script's world and the overlay in it, axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import type { Page as PlaywrightPage } from 'playwright-core';
import { FIXTURES } from '../../scripts/fixture-server';
import { runInContentScript, runInPanelFrame, type TestBrowser, type TestPage } from './browser';
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

/**
 * The overlay is two parts (issue 15): the page's numbers in a closed shadow root, reached
 * through the content script's world, and the user's part (save, lists, the quote) in an
 * extension frame inside it, reached as a frame of the page. Each helper looks in both, the
 * shadow root first; the frame counts only while it is shown.
 */
const SHADOW = 'globalThis.__creatorLensOverlay';
const FRAME_SHOWN = `(() => { const f = ${SHADOW}?.querySelector('iframe'); return Boolean(f && f.getBoundingClientRect().height > 0 && getComputedStyle(f).display !== 'none'); })()`;

/** The frame is made when the user reaches for the panel (components/overlay/mount.tsx): as the pointer entering it does. */
const REACH = `(() => { const r = ${SHADOW}?.querySelector('.cl-root'); if (r && ${SHADOW}.querySelector('.cl-tools')) r.dispatchEvent(new PointerEvent('pointerenter')); return true; })()`;

async function inShownFrame<T>(page: TestPage, expression: string): Promise<{ value: T } | null> {
  if (!(await inContentScript<boolean>(page, FRAME_SHOWN))) {
    await inContentScript(page, REACH);
    return null;
  }
  return runInPanelFrame<T>(page, expression);
}

/** The panel's text: the shadow root's, then the frame's (null when there is no panel). */
export async function overlayText(page: TestPage): Promise<string | null> {
  const shadow = await inContentScript<string | null>(page, `${SHADOW}?.querySelector('.cl-root')?.innerText ?? null`);
  if (shadow === null) return null;
  const frame = await inShownFrame<string | null>(page, `document.querySelector('.cl-frame')?.innerText ?? null`).catch(() => null);
  return frame?.value ? `${shadow}\n${frame.value}` : shadow;
}

/** Clicks the overlay's button whose text starts with `label`. */
export async function overlayClick(page: TestPage, label: string): Promise<boolean> {
  const click = (root: string) => `(() => { const b = [...(${root}?.querySelectorAll('button') ?? [])].find((x) => x.textContent.trim().startsWith(${JSON.stringify(label)})); b?.click(); return Boolean(b); })()`;
  if (await inContentScript<boolean>(page, click(SHADOW))) return true;
  return (await inShownFrame<boolean>(page, click('document')))?.value ?? false;
}

/** Focuses an element of the overlay (then type with page.keyboard: real key events). In the frame, the frame takes the focus first. */
export async function overlayFocus(page: TestPage, selector: string): Promise<boolean> {
  const sel = JSON.stringify(selector);
  if (await inContentScript<boolean>(page, `(() => { const e = ${SHADOW}?.querySelector(${sel}); e?.focus(); return Boolean(e) && ${SHADOW}.activeElement === e; })()`)) return true;
  if (!(await inShownFrame<boolean>(page, `Boolean(document.querySelector(${sel}))`))?.value) return false;
  await inContentScript(page, `${SHADOW}.querySelector('iframe').focus()`);
  return (await runInPanelFrame<boolean>(page, `(() => { const e = document.querySelector(${sel}); e?.focus(); return document.hasFocus() && document.activeElement === e; })()`))?.value ?? false;
}

export async function overlayHas(page: TestPage, selector: string): Promise<boolean> {
  const sel = JSON.stringify(selector);
  if (await inContentScript<boolean>(page, `Boolean(${SHADOW}?.querySelector(${sel}))`)) return true;
  return (await inShownFrame<boolean>(page, `Boolean(document.querySelector(${sel}))`))?.value ?? false;
}

/** Selects the text of the panel's innermost element that contains `text` (as a user's drag would), in whichever part shows it. */
export async function overlaySelect(page: TestPage, text: string): Promise<boolean> {
  const select = (root: string, doc: string) => `(() => {
    const all = [...(${root}?.querySelectorAll('*') ?? [])].filter((e) => e.textContent.includes(${JSON.stringify(text)}) && !['INPUT', 'DATALIST', 'OPTION'].includes(e.tagName));
    const el = all.find((e) => ![...e.children].some((c) => c.textContent.includes(${JSON.stringify(text)}))) ?? null;
    if (!el) return false;
    ${doc}.getSelection().selectAllChildren(el);
    return ${doc}.getSelection().toString().includes(${JSON.stringify(text)});
  })()`;
  if (await inContentScript<boolean>(page, select(SHADOW, 'document'))) return true;
  return (await inShownFrame<boolean>(page, select('document', 'document')))?.value ?? false;
}

/** The panel's box on screen (null when it is not shown). */
export const overlayBox = (page: TestPage | PlaywrightPage) =>
  inContentScript<{ x: number; y: number; width: number; height: number } | null>(
    page,
    `(() => { const r = ${SHADOW}?.querySelector('.cl-root')?.getBoundingClientRect(); return r && r.width ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; })()`,
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
