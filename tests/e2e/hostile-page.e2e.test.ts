/**
 * The page against the extension, in real Chromium and Firefox (issue 15; the reliability
 * report's B1, B2, B3, B5 and the panel that never came back). Each attack runs as the page's own script,
 * in the page's head, before the content script starts — as a hostile site would.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, SAMPLE_ROUTES, startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension, type TestBrowser, type TestPage as Page } from './browser';
import type { Snapshot } from '../../lib/schema';
import { extensionRows, inContentScript, overlayClick, overlayFocus, overlaySelect, overlayText, saveFromPanel, tiktokToSecondUser, until } from './helpers';

let server: FixtureServer;
let browser: TestBrowser;
let extensionId = '';

beforeAll(async () => {
  server = await startFixtureServer(SAMPLE_ROUTES);
  browser = await launchWithExtension(server);
  // What WXT's start-up message named: the extension's runtime id (in Firefox its add-on id, not the origin's UUID).
  extensionId = await browser.background.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fixture page with `script` run first thing in its head, as the page's own code. */
async function openWith(url: string, script: string): Promise<Page> {
  const { hostname, pathname } = new URL(url);
  const file = (SAMPLE_ROUTES as Record<string, Record<string, string>>)[hostname]![pathname]!;
  const page = await browser.newPage();
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(`${FIXTURES}${file}`, 'utf8').replace('<head>', `<head><script>${script}</script>`) }),
  );
  await page.goto(url);
  return page;
}

const pageSees = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

describe('a page that prepares for the panel before it exists', () => {
  test('B1: defining the panel’s element name, before or after, gives the page no way into it', async () => {
    const page = await openWith('https://www.tiktok.com/@maya.bakes', `
      window.__seen = [];
      const grab = (name) => customElements.define(name, class extends HTMLElement {
        constructor() { super(); try { const i = this.attachInternals(); window.__seen.push({ name, root: !!i.shadowRoot }); } catch (e) { window.__seen.push({ name, error: String(e) }); } }
      });
      grab('creator-lens-overlay');
      new MutationObserver(() => {
        for (const el of document.documentElement.children) if (el.localName.includes('-') && !customElements.get(el.localName)) grab(el.localName);
      }).observe(document.documentElement, { childList: true });
    `);
    const text = await until(() => overlayText(page), (t) => !!t?.includes('2,631,012'));
    expect(text).toContain('Maya Chen');
    const seen = await pageSees<{ name: string; root?: boolean }[]>(page, 'window.__seen');
    // The page caught our element (defined after it appeared) but got no shadow root out of it.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.root !== true)).toBe(true);
    expect(seen.map((s) => s.name)).not.toContain('creator-lens-overlay');
    expect(await pageSees<string | null>(page, `[...document.documentElement.children].map((e) => e.shadowRoot?.textContent ?? '').join('') || null`)).toBeNull();
    await page.close();
  });
});

describe('what the user types or selects in the panel', () => {
  test('B2: the page’s capture-phase listeners hear none of the keys typed into the panel, and its selection holds nothing of it', async () => {
    const page = await openWith('https://www.tiktok.com/@maya.bakes', `
      window.__heard = [];
      const note = (e) => window.__heard.push([e.type, e.key ?? '', e.data ?? '', typeof e.target?.value === 'string' ? e.target.value : ''].join('|'));
      for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
        addEventListener(type, note, true);
        document.addEventListener(type, note, true);
      }
      window.__selected = [];
      document.addEventListener('selectionchange', () => window.__selected.push(String(getSelection())), true);
    `);
    await page.bringToFront(); // key events need a focused page
    await until(() => overlayText(page), (t) => !!t?.includes('Save'));
    expect(await overlayClick(page, 'Save')).toBe(true);
    await until(() => overlayText(page), (t) => !!t?.includes('Saved ✓'));

    expect(await overlayFocus(page, 'input[aria-label="Add to list"]')).toBe(true);
    await page.keyboard.type('Secret shortlist');
    await page.keyboard.press('Enter');
    await until(() => overlayText(page), (t) => !!t?.includes('in Secret shortlist'));
    expect(await overlayFocus(page, 'input[inputmode="decimal"]')).toBe(true);
    await page.keyboard.type('4750');
    await until(() => overlayText(page), (t) => !!t?.includes('Fair fee'));
    // The user selects the list's name in the panel, as a drag over it would.
    expect(await overlaySelect(page, 'Secret shortlist')).toBe(true);

    // Every key reached the panel (the list and the quote above), and the page heard none of them.
    expect(await pageSees<string[]>(page, 'window.__heard')).toEqual([]);
    expect(await pageSees<string>(page, 'String(getSelection())')).not.toMatch(/Secret|shortlist/);
    expect((await pageSees<string[]>(page, 'window.__selected')).join('\n')).not.toMatch(/Secret|shortlist|4750/);
    // Any frame the page can reach is closed to it.
    expect(await pageSees<string[]>(page, `Array.from({ length: frames.length }, (_, i) => { try { return frames[i].document.body.innerText; } catch { return 'closed'; } })`)).not.toContainEqual(expect.stringMatching(/Secret|4750/));
    await page.close();
  });
});

describe('no announcement, no off switch', () => {
  test('B3: the page hears nothing naming the extension, and replaying WXT’s start-up event does not switch it off', async () => {
    const page = await openWith('https://www.tiktok.com/@maya.bakes', `
      window.__messages = [];
      addEventListener('message', (e) => window.__messages.push(JSON.stringify(e.data)));
    `);
    await until(() => overlayText(page), (t) => !!t?.includes('2,631,012'));
    const heard = await pageSees<string[]>(page, 'window.__messages');
    expect(heard.filter((m) => m.includes(extensionId) || m.includes('content-script-started'))).toEqual([]);
    // A page that knows the extension's id (a store id is public) replays the event that stopped WXT's context.
    await page.evaluate((id) => {
      for (const name of ['tiktok', 'tiktok.content', 'content']) {
        document.dispatchEvent(new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'page' } }));
      }
    }, extensionId);
    await tiktokToSecondUser(page, 200);
    const text = await until(() => overlayText(page), (t) => !!t?.includes('3,201'));
    expect(text).toContain('Second User');
    await page.close();
  });
});

describe('a page cannot flood the library', () => {
  test('B5: rewriting its query and follower count every 50 ms adds no snapshot of a saved creator', async () => {
    await saveFromPanel(browser, 'https://www.tiktok.com/@lena.kocht');
    const snapshots = async () => (await extensionRows<{ snapshots: Snapshot[] }>(browser.background, 'snapshotYears')).flatMap((y) => y.snapshots).filter((s) => s.creatorKey === 'tiktok:lena.kocht');
    expect(await snapshots()).toHaveLength(1);
    const page = await openWith('https://www.tiktok.com/@lena.kocht', `
      addEventListener('DOMContentLoaded', () => {
        let i = 0;
        window.__flood = setInterval(() => {
          i++;
          history.pushState({}, '', '/@lena.kocht?v=' + i);
          const f = document.querySelector('[data-e2e="followers-count"]');
          if (f) f.textContent = String(50000 + i);
          if (i >= 60) clearInterval(window.__flood);
        }, 50);
      });
    `);
    await until(() => pageSees<number>(page, `Number(new URL(location.href).searchParams.get('v'))`), (v) => v >= 60, 10_000);
    await new Promise((r) => setTimeout(r, 1_500));
    // The visit itself is one profile view within a minute of the save: no new snapshot.
    expect((await snapshots()).length).toBe(1);
    await page.close();
  });
});

describe('the panel comes back', () => {
  test('a page that removes the panel gets it back, on this view and after in-page navigation', async () => {
    const page = await openWith('https://www.tiktok.com/@maya.bakes', '');
    await until(() => overlayText(page), (t) => !!t?.includes('2,631,012'));
    const removeHost = () => page.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => e.localName.startsWith('creator-lens-'));
      host?.remove();
      return !!host;
    });
    expect(await removeHost()).toBe(true);
    await until(() => page.evaluate(() => [...document.documentElement.children].some((e) => e.localName.startsWith('creator-lens-'))), Boolean, 5_000);
    expect(await overlayText(page)).toContain('2,631,012');
    expect(await removeHost()).toBe(true);
    await tiktokToSecondUser(page, 100);
    await until(() => overlayText(page), (t) => !!t?.includes('3,201'));
    expect(await page.evaluate(() => [...document.documentElement.children].some((e) => e.localName.startsWith('creator-lens-')))).toBe(true);
    await page.close();
  });
});

describe('names the page controls', () => {
  test('a right-to-left override in a display name is isolated: it cannot reorder the panel’s own text', async () => {
    const { hostname, pathname } = new URL('https://www.tiktok.com/@maya.bakes');
    const file = (SAMPLE_ROUTES as Record<string, Record<string, string>>)[hostname]![pathname]!;
    const page = await browser.newPage();
    await page.route('https://www.tiktok.com/@maya.bakes', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(`${FIXTURES}${file}`, 'utf8').replaceAll('Maya Chen', 'Maya \u202Egnikab') }),
    );
    await page.goto('https://www.tiktok.com/@maya.bakes');
    await until(() => overlayText(page), (t) => !!t?.includes('2,631,012'));
    const title = await inContentScript<string | null>(page, `globalThis.__creatorLensOverlay.querySelector('.cl-title bdi')?.textContent ?? null`);
    expect(title).toBe('Maya \u202Egnikab');
    await page.close();
  });
});

