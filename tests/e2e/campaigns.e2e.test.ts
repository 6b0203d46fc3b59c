/**
 * Campaigns in real Chromium and Firefox with the built extension: create a campaign, book two saved
 * fixture creators (projections checked against lib/roi), mark a fixture video as the
 * deliverable, revisit it with changed counts, import a results CSV (a bad one first: it
 * is refused row by row and changes nothing), then check actual against projected and the
 * ranking. Screenshots of the campaign view and the report go to tests/output/<browser>/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OUT, launchWithExtension, type TestBrowser, type TestPage as Page } from './browser';
import { FIXTURES, SAMPLE_ROUTES, startFixtureServer, type FixtureServer } from '../../scripts/fixture-server';
import { quote } from '../../lib/roi/quote';
import type { Booking, PostObservation } from '../../lib/schema';
import { axe, putSettings, extensionRows, overlayClick, overlayText, readFixtureProfile, saveFromPanel, signedPercent, until } from './helpers';

const VIDEO = 'https://www.tiktok.com/@maya.bakes/video/7412345678901234567';
let server: FixtureServer;
let browser: TestBrowser;
const pageErrors: string[] = [];


beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startFixtureServer(SAMPLE_ROUTES);
  browser = await launchWithExtension(server);
  for (const url of ['https://www.tiktok.com/@maya.bakes', 'https://www.instagram.com/lenapark.studio/']) await saveFromPanel(browser, url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function dashboard(hash: string, dark = false): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await page.goto(browser.extensionUrl(`dashboard.html${hash}`));
  return page;
}

/** Visits the video page; `counts` replaces the page's play and like counts (a later visit). */
async function visitVideo(counts?: { plays: number; likes: number }) {
  const page = await browser.newPage();
  if (counts) {
    await page.route(VIDEO, (route) => route.fulfill({
      status: 200, contentType: 'text/html; charset=utf-8',
      body: readFileSync(`${FIXTURES}tiktok/video-page.html`, 'utf8').replace('"playCount": "1234567"', `"playCount": "${counts.plays}"`).replace('"diggCount": "98123"', `"diggCount": "${counts.likes}"`),
    }));
  }
  await page.goto(VIDEO);
  return page;
}

describe('a campaign from booking to results', () => {
  test('create, book two creators, track a video, import results, compare actual with projected, rank', async () => {
    const page = await dashboard('#/campaigns');
    await page.getByText('No campaign yet').waitFor();
    await page.getByLabel('New campaign').fill('Spring launch');
    await page.getByLabel('Currency').fill('EUR');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Spring launch', level: 1 }).waitFor();

    await page.getByLabel('Landing page of the tracked links').fill('https://shop.example/spring');
    await page.getByLabel('Budget (EUR)').fill('5000');
    await page.getByLabel('Target ROI (%)').fill('0');
    await page.getByLabel('Target CPM (EUR)').fill('20');
    await page.getByLabel('Target orders').fill('25');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await page.getByText(/^Saved\./).waitFor();

    // The user's own order value and margin (the return is only projected on them; on placeholders a booking keeps its price against the market alone).
    const own = { ctr: null, cvr: null, aov: { low: 50, expected: 50, high: 50 }, margin: { low: 0.5, expected: 0.5, high: 0.5 }, targetRoi: 0 };
    await putSettings(browser.background, { recordEveryProfile: false, autoSnapshotHours: 6, currency: 'USD', assumptions: own });
    for (const [label, fee, extra, code] of [['Maya', '1500', '200', 'MAYA15'], ['Lena', '800', '', 'LENA10']] as const) {
      await page.getByLabel('Saved creator').fill(label);
      const option = await page.locator('#book-options option').evaluateAll((os, l) => (os as HTMLOptionElement[]).map((o) => o.value).find((v) => v.startsWith(l as string)), label);
      await page.getByLabel('Saved creator').fill(option!);
      await page.getByLabel('Agreed fee (EUR)').fill(fee);
      await page.getByLabel('Extra costs').fill(extra);
      await page.getByLabel('Discount code').first().fill(code);
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      await page.getByText(/^Booked @/).waitFor();
    }
    const bookings = await until(() => extensionRows<Booking>(browser.background, 'bookings'), (b) => b.length === 2);
    const maya = bookings.find((b) => b.creatorKey === 'tiktok:maya.bakes')!;
    expect(maya.link).toBe('https://shop.example/spring?utm_source=tiktok&utm_medium=influencer&utm_campaign=spring-launch&utm_content=maya.bakes');

    // The projection at booking is lib/roi's for the same page and fee.
    const reading = readFixtureProfile('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
    const q = quote({ platform: 'tiktok', followers: reading.followers, recent: reading.recent, deliverable: 'video', fee: 1500, extraCosts: 200, currency: 'EUR', assumptions: own });
    if (!q.ok) throw new Error(q.reason);
    expect(maya).toMatchObject({ ownFigures: true, price: { market: { currency: 'USD' }, verdict: null } }); // the market range is in US dollars, the campaign in euros: no verdict without exchange rates
    const mayaRow = page.getByTestId('booking-tiktok:maya.bakes');
    expect(await mayaRow.getByTestId('booking-price').innerText()).toContain('without exchange rates');
    expect(await mayaRow.getByTestId('projected').innerText()).toContain(`${signedPercent(q.range.roi!.p10)} to ${signedPercent(q.range.roi!.p90)}`);
    expect(maya.projection.roiP50).toBe(q.range.roi!.p50);

    // Pasting another platform's post into Maya's booking is refused; her video is marked from the panel on its page.
    const panel = page.getByTestId('panel-tiktok:maya.bakes');
    await panel.getByLabel(/Post or video URL/).fill('https://www.instagram.com/p/DH4kQx2MpLa/');
    await panel.getByRole('button', { name: 'Mark as deliverable' }).click();
    await panel.getByText(/instagram post/).waitFor();
    const v1 = await visitVideo();
    await until(() => overlayText(v1), (t) => !!t?.includes('Mark as deliverable of Spring launch'));
    expect(await overlayText(v1)).toMatch(/Post by @maya\.bakes[\s\S]*1,234,567\s*views/);
    await v1.screenshot({ path: `${OUT}overlay-post-deliverable.png` });
    expect(await overlayClick(v1, 'Mark as deliverable')).toBe(true);
    await until(() => overlayText(v1), (t) => !!t?.includes('✓ Deliverable of Spring launch'));
    await until(() => extensionRows<PostObservation>(browser.background, 'postObservations'), (o) => o.some((x) => x.views === 1_234_567));
    await v1.close();
    // A later visit with more views and likes is recorded too.
    const v2 = await visitVideo({ plays: 1_900_000, likes: 150_000 });
    const obs = await until(() => extensionRows<PostObservation>(browser.background, 'postObservations'), (o) => o.some((x) => x.views === 1_900_000));
    expect(await until(() => overlayText(v2), (t) => !!t?.includes('✓ Deliverable'))).toContain('1,900,000');
    await v2.close();
    expect(obs.filter((o) => o.postKey === 'tiktok:7412345678901234567').map((o) => o.views)).toEqual([1_234_567, 1_900_000]);
    await panel.getByText(/1.9M views · 150K likes · 2 visits/).waitFor();
    await panel.getByTestId('chart-post').waitFor();

    // A results CSV with bad rows is refused row by row, and nothing changes.
    const before = await extensionRows<Booking>(browser.background, 'bookings');
    await page.getByTestId('results-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Discount code,Orders,Total sales\nMAYA15,12,1080\nSUMMER,2,90\nLENA10,three,450\n') });
    await page.getByTestId('results-errors').waitFor();
    expect(await page.getByTestId('results-errors').innerText()).toContain('row 3: “SUMMER” is no code or link of this campaign’s creators.');
    expect(await page.getByTestId('results-errors').innerText()).toContain('row 4, Orders: “three” is not a whole number of orders.');
    expect(await extensionRows<Booking>(browser.background, 'bookings')).toEqual(before);

    await page.getByTestId('results-file').setInputFiles({ name: 'shop-codes.csv', mimeType: 'text/csv', buffer: Buffer.from('Discount code,Orders,Total sales,Sessions\nmaya15,12,"1,080.00",400\nMAYA15,3,270.50,90\nLENA10,14,"1,960.00",310\n') });
    await page.getByTestId('results-preview').waitFor();
    expect(await page.getByTestId('results-preview').innerText()).toMatch(/MAYA15[\s\S]*2[\s\S]*— → 15/);
    await page.getByRole('button', { name: 'Write these results' }).click();
    await page.getByTestId('results-message').getByText(/Results of 2 creators written/).waitFor();

    // Actual beside projected: (revenue × margin − cost) / cost with the margin the projection used.
    const stored = await extensionRows<Booking>(browser.background, 'bookings');
    const m = stored.find((b) => b.creatorKey === 'tiktok:maya.bakes')!;
    const l = stored.find((b) => b.creatorKey === 'instagram:lenapark.studio')!;
    expect(m.actual).toMatchObject({ orders: 15, revenue: 1350.5, clicks: 490 });
    expect(m.projection).toEqual(maya.projection); // results never touch the booked projection
    const roi = (b: Booking) => ((b.actual.revenue! * b.assumptions.margin.expected) - (b.fee + b.extraCosts)) / (b.fee + b.extraCosts);
    expect(await mayaRow.getByTestId('actual-roi').innerText()).toBe(signedPercent(roi(m)));
    expect(await page.getByTestId('booking-instagram:lenapark.studio').getByTestId('actual-roi').innerText()).toBe(signedPercent(roi(l)));
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}campaign-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${OUT}campaign-dark.png`, fullPage: true });
    await page.close();

    // The ranking: Lena (ROI from sales) above Maya, with the attribution caveat; the report prints it.
    const list = await dashboard('#/campaigns');
    await list.getByTestId('ranking').waitFor();
    const ranked = await list.getByTestId('ranking').locator('tbody tr').allInnerTexts();
    expect(ranked[0]).toMatch(/Lena Park/);
    expect(ranked[1]).toMatch(/Maya Chen/);
    expect(await list.getByTestId('caveat').innerText()).toMatch(/40–60 %/);
    const [csv] = await Promise.all([list.waitForEvent('download'), list.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^1,Lena Park,instagram:lenapark.studio,instagram,Spring launch,1,EUR,800.00,1960.00,14,/);
    expect(await axe(list)).toEqual([]);
    await list.screenshot({ path: `${OUT}campaigns-list-light.png`, fullPage: true });
    await list.close();

    const report = await dashboard('#/report?campaign=1');
    await report.getByTestId('report-table').waitFor();
    expect(await report.getByTestId('report-table').innerText()).toContain(signedPercent(roi(l)));
    expect(await axe(report)).toEqual([]);
    await report.emulateMedia({ media: 'print' });
    await report.screenshot({ path: `${OUT}campaign-report-print.png`, fullPage: true });
    await report.pdf?.({ path: `${OUT}campaign-report.pdf` }).catch(() => undefined);
    await report.close();
    expect(pageErrors).toEqual([]);
  });
});
