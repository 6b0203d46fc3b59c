/**
 * Issue 14 in real Chromium and Firefox: a fee gets its price against the market first, on
 * default settings, with the return hidden; once the order value and margin are the user's
 * (typed in the popup, or once in the dashboard's first-run setup) the return equals
 * lib/roi's. The popup at 380 px does not overflow with a 120-character name (nor its
 * "Recently seen"); a German page's exact count keeps every digit; the keyboard path from a
 * profile to a kept deal to the dashboard keeps the focus in the panel. axe-core on each
 * page; screenshots in tests/output/<browser>/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES, SAMPLE_ROUTES, startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { OUT, launchWithExtension, runInPanelFrame, type TestBrowser, type TestPage as Page } from './browser';
import { priceOf } from '../../lib/roi/price';
import { quote } from '../../lib/roi/quote';
import { priceShown } from '../../lib/view/price';
import type { Deal, Settings } from '../../lib/schema';
import { axe, extensionRows, overlayFocus, overlayHas, overlayText, readFixtureProfile, saveFromPanel, signedPercent, until } from './helpers';

let server: FixtureServer;
let browser: TestBrowser;
const pageErrors: string[] = [];

const MAYA = { url: 'https://www.tiktok.com/@maya.bakes', file: 'tiktok/profile-2024-universal.html', key: 'tiktok:maya.bakes' };
const LONG_NAME = `Dr. Maximiliana Alexandrina von Hohenstein-Wittelsbach ${'Superlongname'.repeat(5)}`.padEnd(120, 'x');
const NO_ASSUMPTIONS = { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 };
const OWN = { ...NO_ASSUMPTIONS, aov: { low: 50, expected: 50, high: 50 }, margin: { low: 0.5, expected: 0.5, high: 0.5 } };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startFixtureServer(SAMPLE_ROUTES);
  browser = await launchWithExtension(server);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string, options: { width?: number; height?: number } = {}): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 900 });
  await page.goto(browser.extensionUrl(path));
  return page;
}

const shoot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${OUT}${name}.png`, fullPage });

async function tabIdOf(urlPrefix: string): Promise<number> {
  return browser.background.evaluate(async (prefix) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await api.tabs.query({})).find((t) => t.url?.startsWith(prefix))!.id!;
  }, urlPrefix);
}

/** The fixture profile served with its body changed (a long name, another language). */
async function routed(url: string, file: string, change: (html: string) => string): Promise<Page> {
  const page = await browser.newPage();
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: change(readFileSync(`${FIXTURES}${file}`, 'utf8')) }));
  await page.goto(url);
  return page;
}

/** The widths that would show a horizontal scrollbar: the document and the popup's containers. */
const overflow = (page: Page) => page.evaluate(() => {
  const boxes = [document.documentElement, document.body, ...document.querySelectorAll('main, section, header, footer, .card, .recent li')];
  return boxes.filter((e) => e.scrollWidth > e.clientWidth + 0.5).map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}: ${e.scrollWidth} > ${e.clientWidth}`);
});

describe('the fee against the market, first', () => {
  test('popup on default settings: expected views, CPM, the usual range and its source, the fair fee and the verdict; no return until order value and margin are given, then lib/roi’s', async () => {
    await saveFromPanel(browser, MAYA.url);
    const profile = await browser.newPage();
    await profile.goto(MAYA.url);
    await until(() => overlayText(profile), (t) => !!t?.includes('Saved ✓'));
    const popup = await openPage(`popup.html?tab=${await tabIdOf(MAYA.url)}`, { width: 380, height: 600 });
    await popup.getByRole('textbox', { name: 'Quoted fee' }).fill('1500');
    await popup.getByTestId('price').waitFor();

    const reading = readFixtureProfile(MAYA.file, MAYA.url);
    const price = priceOf({ platform: 'tiktok', followers: reading.followers, recent: reading.recent, deliverable: 'video', fee: 1500, currency: 'USD' });
    if (!price.ok) throw new Error(price.reason);
    const shown = priceShown(price.judgement, price.base, 'USD', 'en-US');
    expect(await popup.getByTestId('price-verdict').innerText()).toBe(shown.verdictText);
    expect(await popup.getByTestId('expected-views').innerText()).toContain(shown.views);
    expect(await popup.getByTestId('expected-views').innerText()).toContain('median of 2 recent posts');
    expect(await popup.getByTestId('quote-cpm').innerText()).toContain(shown.cpm);
    expect(await popup.getByTestId('market-cpm').innerText()).toContain('$3.00–$15.00');
    expect(await popup.getByTestId('market-cpm').innerText()).toMatch(/TikTok \$3–15/);
    expect(await popup.getByTestId('fair-fee').innerText()).toBe(shown.fair);
    // The return is not an answer on placeholders.
    await popup.getByTestId('return-hidden').waitFor();
    expect(await popup.getByTestId('return-hidden').innerText()).toContain('Add your order value and margin to see the return');
    expect(await popup.getByTestId('roi-range').count()).toBe(0);
    expect(await popup.getByTestId('max-fee').count()).toBe(0);
    expect(await overflow(popup)).toEqual([]);
    await shoot(popup, 'fee-popup-default-settings');
    expect(await axe(popup)).toEqual([]);

    // The user's own order value and margin, typed here: the return appears, equal to lib/roi's.
    await popup.getByLabel('Your average order value (USD)').fill('50');
    await popup.getByLabel('Your gross margin (%)').fill('50');
    await popup.getByTestId('roi-range').waitFor();
    const q = quote({ platform: 'tiktok', followers: reading.followers, recent: reading.recent, deliverable: 'video', fee: 1500, currency: 'USD', assumptions: OWN });
    if (!q.ok) throw new Error(q.reason);
    expect(await popup.getByTestId('roi-range').innerText()).toBe(`${signedPercent(q.range.roi!.p10)} to ${signedPercent(q.range.roi!.p90)}`);
    expect(await popup.getByTestId('break-even').innerText()).toBe(`${Math.ceil(q.range.expected.breakEvenOrders!).toLocaleString('en')} orders`);
    expect(await popup.getByTestId('max-fee').innerText()).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(q.range.expected.maxFee));
    // Click-through and conversion are labelled assumptions beside the result.
    expect(await popup.getByTestId('return-assumed').innerText()).toMatch(/Assumed, not measured: click-through 1% \(.*no credible click-through benchmark/);
    expect(await overflow(popup)).toEqual([]);
    await shoot(popup, 'fee-popup-own-figures');
    expect(await axe(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Keep as deal' }).click();
    await popup.getByText('Kept as a deal ✓').waitFor();
    const deals = await extensionRows<Deal>(browser.background, 'deals');
    expect(deals.at(-1)).toMatchObject({ ownFigures: true, price: { verdict: price.judgement.verdict, fairFee: price.judgement.fairFee }, projection: { maxFee: q.range.expected.maxFee } });
    await popup.close();
    await profile.close();
  });

  test('the dashboard’s first-run setup stores the order value and margin; the panel then shows the return, equal to lib/roi’s', async () => {
    const dash = await openPage('dashboard.html#/creators');
    await dash.getByTestId('first-run').waitFor();
    expect(await axe(dash)).toEqual([]);
    await shoot(dash, 'fee-dashboard-first-run');
    await dash.getByLabel('Average order value (USD)').fill('50');
    await dash.getByLabel('Gross margin (%)').fill('50');
    await dash.getByRole('button', { name: 'Save', exact: true }).click();
    await until(() => dash.getByTestId('first-run').count(), (n) => n === 0);
    const settings = (await extensionRows<{ value: Settings }>(browser.background, 'settings'))[0]!.value;
    expect(settings.assumptions).toMatchObject({ aov: OWN.aov, margin: OWN.margin });
    await dash.close();

    const page = await browser.newPage();
    await page.goto(MAYA.url);
    await until(() => overlayText(page), (t) => !!t?.includes('Saved ✓'));
    expect(await overlayFocus(page, 'input[inputmode="decimal"]')).toBe(true);
    await page.keyboard.type('1500');
    const text = await until(() => overlayText(page), (t) => !!t?.includes('Highest fee worth paying'));
    const reading = readFixtureProfile(MAYA.file, MAYA.url);
    const q = quote({ platform: 'tiktok', followers: reading.followers, recent: reading.recent, deliverable: 'video', fee: 1500, currency: 'USD', assumptions: OWN });
    if (!q.ok) throw new Error(q.reason);
    expect(text).toContain(`${signedPercent(q.range.roi!.p10)} to ${signedPercent(q.range.roi!.p90)}`);
    expect(text).toContain(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(q.range.expected.maxFee));
    expect(text).toMatch(/Within the usual range|Above the usual range|Below the usual range/);
    await page.screenshot({ path: `${OUT}fee-panel-own-figures.png` });
    await page.close();
  });
});

describe('the popup at 380 px', () => {
  test('a 120-character display name, an ordinary one, and "Recently seen": no horizontal overflow', async () => {
    expect(LONG_NAME).toHaveLength(120);
    const long = await routed(MAYA.url, MAYA.file, (html) => html.replaceAll('Maya Chen', LONG_NAME));
    await until(() => overlayText(long), (t) => !!t?.includes('Dr. Maximiliana'));
    const tabId = await tabIdOf(MAYA.url);
    const popup = await openPage(`popup.html?tab=${tabId}`, { width: 380, height: 600 });
    await popup.getByTestId('followers').waitFor();
    expect(await popup.locator('#creator-name').innerText()).toContain('Dr. Maximiliana');
    await popup.getByRole('textbox', { name: 'Quoted fee' }).fill('1500');
    await popup.getByTestId('price').waitFor();
    expect(await overflow(popup)).toEqual([]);
    await shoot(popup, 'fee-popup-long-name');
    expect(await axe(popup)).toEqual([]);
    await popup.close();
    // Saved already, the visit recorded its long name: it appears in "Recently seen" on a page that is no profile.
    await until(() => overlayText(long), (t) => !!t?.includes('Saved ✓'));
    await long.close();

    const other = await browser.newPage();
    await other.goto('https://www.youtube.com/watch?v=aB3dE5fG7hI');
    const recent = await openPage(`popup.html?tab=${await tabIdOf('https://www.youtube.com/watch')}`, { width: 380, height: 600 });
    await recent.getByText('Recently seen').waitFor();
    expect(await recent.locator('.recent li').first().innerText()).toContain('Dr. Maximiliana');
    expect(await overflow(recent)).toEqual([]);
    await shoot(recent, 'fee-popup-recent-long-name');
    expect(await axe(recent)).toEqual([]);
    await recent.close();
    await other.close();

    // An ordinary name: no overflow either (it was 4 px over).
    const plain = await browser.newPage();
    await plain.goto('https://www.instagram.com/lenapark.studio/');
    await until(() => overlayText(plain), (t) => !!t?.includes('70,231'));
    const lena = await openPage(`popup.html?tab=${await tabIdOf('https://www.instagram.com/lenapark.studio/')}`, { width: 380, height: 600 });
    await lena.getByTestId('followers').waitFor();
    await lena.getByRole('textbox', { name: 'Quoted fee' }).fill('800');
    await lena.getByTestId('price').waitFor();
    expect(await overflow(lena)).toEqual([]);
    await shoot(lena, 'fee-popup-ordinary-name');
    await lena.close();
    await plain.close();
  });
});

describe('German', () => {
  test('an exact 70,231 keeps every digit ("70.231", never "70.200"), the fee and the range in the same formats', async () => {
    const page = await routed('https://www.instagram.com/lenapark.studio/', 'instagram/profile-2025-en.html', (html) => html.replace(/<html lang="[^"]*"/, '<html lang="de-DE"'));
    const text = await until(() => overlayText(page), (t) => !!t?.includes('70.231'));
    expect(text).not.toContain('70.200');
    await until(() => overlayHas(page, 'input[inputmode="decimal"]'), Boolean); // in the panel's frame, once it has loaded
    expect(await overlayFocus(page, 'input[inputmode="decimal"]')).toBe(true);
    await page.keyboard.type('1.500');
    const quoted = await until(() => overlayText(page), (t) => !!t?.includes('Fair fee'));
    // German money ("1.234 $") and signed ranges with the true minus.
    expect(quoted).toMatch(/\d[\d.]*(,\d\d)?\s\$/);
    expect(quoted).toMatch(/[−+]\d+\s%\sto\s[−+]\d+\s%/);
    await page.screenshot({ path: `${OUT}fee-de-panel.png` });
    await page.close();
  });
});

describe('keyboard', () => {
  test('profile → fee → Keep as deal: the focus stays in the panel, Escape still collapses it, and the panel opens the creator in the dashboard', async () => {
    const page = await browser.newPage();
    await page.goto(MAYA.url);
    await until(() => overlayText(page), (t) => !!t?.includes('Saved ✓'));
    const before = (await extensionRows<Deal>(browser.background, 'deals')).length;
    expect(await overlayFocus(page, 'input[inputmode="decimal"]')).toBe(true);
    await page.keyboard.type('900');
    await until(() => overlayText(page), (t) => !!t?.includes('Fair fee'));
    expect(await overlayFocus(page, '[data-testid="keep-deal"]')).toBe(true);
    await page.keyboard.press('Enter');
    await until(() => overlayText(page), (t) => !!t?.includes('Kept as a deal ✓'));
    expect((await extensionRows<Deal>(browser.background, 'deals')).length).toBe(before + 1);
    // The focus stays in the panel's frame, on the confirmation.
    const focused = await until(async () => (await runInPanelFrame<string | null>(page, `document.hasFocus() ? (document.activeElement?.textContent ?? null) : null`))?.value ?? null, (t) => t !== null);
    expect(focused).toBe('Kept as a deal ✓');
    await page.screenshot({ path: `${OUT}fee-keyboard-kept.png` });
    await page.keyboard.press('Escape');
    await until(() => overlayHas(page, '.cl-pill'), Boolean);
    await page.keyboard.press('Enter'); // the pill has the focus: it expands the panel again
    await until(() => overlayHas(page, '.cl-body'), Boolean);

    // The panel's way to the dashboard: the creator's page there, in a new tab.
    expect(await overlayFocus(page, '[data-testid="open-dashboard"]')).toBe(true);
    await page.keyboard.press('Enter');
    const opened = await until(() => browser.background.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
      return (await api.tabs.query({})).map((t) => t.url ?? '').find((u) => u.includes('dashboard.html#/creator/')) ?? null;
    }), (u) => u !== null);
    expect(opened).toContain(`#/creator/${encodeURIComponent(MAYA.key)}`);
    await page.close();
  });

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
