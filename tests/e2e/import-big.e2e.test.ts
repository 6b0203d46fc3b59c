/**
 * A big import through the dashboard's Data page (issue 15, B10), in real Chromium and
 * Firefox: a generated library of 600,000 snapshots is checked and previewed (in the
 * import's worker), Import shows a real progress bar with its count, and Cancel in the
 * middle of the write leaves the library exactly as it was. The file is made in the page
 * and handed to the file input as a user's choice would be (a 100 MB file through the
 * browser driver would take longer than the import).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER, OUT, launchWithExtension, type TestBrowser, type TestPage } from './browser';
import { startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { FORMAT } from '../../lib/db/transfer';
import { LIBRARY_VERSION } from '../../lib/schema';
import { extensionRows, until } from './helpers';

let server: FixtureServer;
let browser: TestBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startFixtureServer();
  browser = await launchWithExtension(server);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Makes a library export in the page (`creators` × `snapshots` weekly, from week `offset`) and chooses it in the file input. */
function chooseGenerated(page: TestPage, name: string, creators: number, snapshots: number, offset: number) {
  return page.evaluate(
    ({ name, creators, snapshots, offset, format, version }) => {
      const DAY = 86_400_000;
      const T0 = Date.UTC(2025, 0, 1);
      const parts: string[] = [];
      const people: string[] = [];
      for (let i = 0; i < creators; i++) {
        const key = `tiktok:big.${i}`;
        let last = '';
        for (let j = 0; j < snapshots; j++) {
          const takenAt = T0 + (j + offset) * 7 * DAY + i * 1000;
          last = `"takenAt":${takenAt},"followers":${1000 + j},"following":10,"posts":${j},"likes":null,"views":null`;
          parts.push(`{"creatorKey":"${key}",${last},"exact":{"followers":true,"following":true,"posts":true,"likes":false,"views":false},"source":"auto","readerVersion":1}`);
        }
        const lastAt = T0 + (snapshots - 1 + offset) * 7 * DAY + i * 1000;
        people.push(`{"key":"${key}","platform":"tiktok","handle":"big.${i}","displayName":"Big ${i}","url":"https://www.tiktok.com/@big.${i}","savedAt":${T0},"firstSeenAt":${T0},"lastSeenAt":${lastAt},"latest":{${last},"exact":{"followers":true,"following":true,"posts":true,"likes":false,"views":false}},"lists":[],"tags":[],"notes":""}`);
      }
      const text = `{"format":"${format}","schemaVersion":${version},"exportedAt":${T0},"creators":[${people.join(',')}],"snapshots":[${parts.join(',')}],"posts":[],"deals":[],"settings":null,"campaigns":[],"bookings":[],"postObservations":[]}`;
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return text.length;
    },
    { name, creators, snapshots, offset, format: FORMAT, version: LIBRARY_VERSION },
  );
}

/** Every row of the stores an import writes, to compare before and after. */
const library = async () => Promise.all(['creators', 'snapshotYears', 'postSets', 'deals', 'settings', 'campaigns', 'bookings', 'postObservations'].map((s) => extensionRows(browser.background, s)));

describe(`a big import in ${BROWSER}`, () => {
  test('the preview comes from the worker; Import shows its progress; Cancel mid-write leaves the library exactly as it was', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(browser.extensionUrl('dashboard.html#/data'));
    await page.getByRole('heading', { name: 'Import' }).waitFor();

    // A library to keep: 20 creators the big file merges into.
    await chooseGenerated(page, 'small.json', 20, 30, 0);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await until(() => page.getByTestId('data-message').innerText(), (t) => t.includes('Imported small.json'), 30_000);
    const before = await library();
    expect(before[1]!.length).toBeGreaterThan(0);

    const bytes = await chooseGenerated(page, 'big.json', 1_000, 600, 30);
    expect(bytes).toBeGreaterThan(90_000_000);
    await page.getByTestId('import-preview').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('import-preview').innerText()).toMatch(/980 new creators, 20 creators already here[\s\S]*600,000 new snapshots/);
    expect(await library()).toEqual(before); // the preview wrote nothing

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // Cancel once some batches are written (and before the last).
    await until(() => page.getByTestId('import-progress').innerText().catch(() => ''), (t) => /Imported [1-9][\d,]* of 600,000/.test(t), 120_000);
    const bar = page.getByRole('progressbar', { name: /^Imported [1-9][\d,]* of 600,000 snapshots$/ });
    const value = Number(await bar.getAttribute('value'));
    expect(await bar.getAttribute('max')).toBe('600000');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(600_000);
    const cancelling = await page.getByTestId('import-progress').innerText().catch(() => 'already cancelled');
    await page.screenshot({ path: `${OUT}dashboard-import-cancelling.png` });
    if (cancelling !== 'already cancelled') expect(cancelling).toMatch(/Cancelling: undoing the [1-9][\d,]* snapshots written so far/);
    const message = await until(() => page.getByTestId('data-message').innerText().catch(() => ''), (t) => t.length > 0, 120_000);
    expect(message).toContain('Import cancelled: nothing from big.json was kept, and your library is exactly as it was.');
    expect(await library()).toEqual(before);
    await page.screenshot({ path: `${OUT}dashboard-import-cancelled.png` });
    await page.close();
  }, 400_000);

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
