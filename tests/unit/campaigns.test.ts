/**
 * Campaigns: booking keeps the projection made at booking (settings edited later never
 * rewrite it), tracked links, deliverable posts and their counts at each visit, results
 * from a report CSV (bad rows refuse the file and change nothing), actual figures against
 * the goals, and the ranking of creators to book again.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markTabPost, onReading } from './background-helpers';
import { actualOf, checkGoals, latestByPost, totalsOf } from '../../lib/campaigns/actuals';
import { buildLink } from '../../lib/campaigns/links';
import { postFromUrl } from '../../lib/sites/routes';
import { ATTRIBUTION_CAVEAT, rankCreators, rankingCsv } from '../../lib/campaigns/ranking';
import { guessMapping, parseAmount, planResults, readResultsCsv } from '../../lib/campaigns/results';
import { applyResults, bookCreator, editBooking, markPost, newCampaign, observationsOf, saveCampaign } from '../../lib/campaigns/store';
import { mergeStoredPost, saveCreator } from '../../lib/db/record';
import { getPosts, postsOf, putPosts } from '../../lib/db/posts';
import { recentOf } from '../../lib/library/as-reading';
import { organicBaseline } from '../../lib/roi/market';
import { updateSettings } from '../../lib/db/settings';
import { exportLibrary, importJson, wipeLibrary } from '../../lib/db/transfer';
import type { Booking } from '../../lib/schema';
import { readPage } from '../../lib/sites/registry';
import type { PostReading, ProfileReading } from '../../lib/sites/types';
import { freshDb } from './db-helpers';
import { loadFixture } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
beforeEach(() => fakeBrowser.reset());

const maya = readPage(loadFixture('tiktok/profile-2024-universal.html'), new URL('https://www.tiktok.com/@maya.bakes')) as ProfileReading;
const lena = readPage(loadFixture('instagram/profile-2025-en.html'), new URL('https://www.instagram.com/lenapark.studio/')) as ProfileReading;
const video = readPage(loadFixture('tiktok/video-page.html'), new URL('https://www.tiktok.com/@maya.bakes/video/7412345678901234567')) as PostReading;
const VIDEO_URL = 'https://www.tiktok.com/@maya.bakes/video/7412345678901234567';

async function campaignWithTwo() {
  const db = freshDb();
  await saveCreator(db, maya, 1 * HOUR);
  await saveCreator(db, lena, 1 * HOUR);
  const created = await saveCampaign(db, { ...newCampaign('Spring launch', 'EUR', 2 * HOUR), landingUrl: 'https://shop.example/spring', budget: 5000, goals: { targetRoi: 0.5, targetCpm: 20, targetCpe: null, targetOrders: 100 } });
  if (!created.ok) throw new Error(created.reason);
  const id = created.value;
  const m = await bookCreator(db, id, { creatorKey: 'tiktok:maya.bakes', fee: 1500, extraCosts: 200, deliverable: 'video', deliverables: '1 video', code: 'MAYA15' }, 3 * HOUR);
  const l = await bookCreator(db, id, { creatorKey: 'instagram:lenapark.studio', fee: 800, extraCosts: 0, deliverable: 'post', deliverables: '1 post + 2 stories', code: 'LENA10' }, 3 * HOUR);
  if (!m.ok || !l.ok) throw new Error('booking failed');
  return { db, id, maya: m.value, lena: l.value };
}

describe('booking', () => {
  test('keeps the projection made at booking; editing the settings later never rewrites it', async () => {
    const { db, maya: id } = await campaignWithTwo();
    const before = (await db.bookings.get(id))!;
    expect(before).toMatchObject({ fee: 1500, extraCosts: 200, currency: 'EUR', code: 'MAYA15', link: 'https://shop.example/spring?utm_source=tiktok&utm_medium=influencer&utm_campaign=spring-launch&utm_content=maya.bakes' });
    expect(before.projection.roiP50).not.toBeNull();
    await updateSettings(db, { assumptions: { ctr: { low: 0.05, expected: 0.06, high: 0.07 }, cvr: null, aov: { low: 300, expected: 400, high: 500 }, margin: null, targetRoi: 1 } });
    await saveCreator(db, { ...maya, followers: 9_000_000 }, 10 * HOUR);
    expect(await editBooking(db, id, { code: 'MAYA20', actual: { clicks: 10, orders: 2, revenue: 90 } }, 11 * HOUR)).toEqual({ ok: true, value: undefined });
    // Projection fields cannot even be passed: an edit carrying them is ignored by type and by value.
    await editBooking(db, id, { projection: { roiP50: 99 } } as never);
    const after = (await db.bookings.get(id))!;
    expect(after.projection).toEqual(before.projection);
    expect(after.assumptions).toEqual(before.assumptions);
    expect(after).toMatchObject({ code: 'MAYA20', actual: { clicks: 10, orders: 2, revenue: 90, updatedAt: 11 * HOUR } });
  });

  test('refused with a reason and nothing written: unknown creator, invalid campaign, bad link, negative result', async () => {
    const { db, id, maya: bookingId } = await campaignWithTwo();
    const before = await exportLibrary(db);
    expect(await bookCreator(db, id, { creatorKey: 'tiktok:nobody', fee: 10, extraCosts: 0, deliverable: 'video', deliverables: '', code: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not in the library/) });
    expect(await bookCreator(db, 999, { creatorKey: 'tiktok:maya.bakes', fee: 10, extraCosts: 0, deliverable: 'video', deliverables: '', code: '' })).toMatchObject({ ok: false });
    expect(await bookCreator(db, id, { creatorKey: 'tiktok:maya.bakes', fee: 0, extraCosts: 0, deliverable: 'video', deliverables: '', code: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/fee/) });
    expect(await saveCampaign(db, { ...newCampaign('', 'EUR') })).toMatchObject({ ok: false });
    expect(await saveCampaign(db, { ...newCampaign('X', 'EUR'), start: 10, end: 5 })).toMatchObject({ ok: false, reason: expect.stringMatching(/ends before it starts/) });
    expect(await editBooking(db, bookingId, { link: 'javascript:alert(1)' })).toMatchObject({ ok: false });
    expect(await editBooking(db, bookingId, { actual: { clicks: null, orders: -1, revenue: null } })).toMatchObject({ ok: false });
    expect({ ...(await exportLibrary(db)), exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
  });
});

describe('tracked links and posts', () => {
  test('links from the pattern, every placeholder encoded; unknown placeholders and bad pages refused', () => {
    expect(buildLink('https://shop.example/p?ref=1', 'utm_source={platform}&utm_content={handle}&utm_campaign={campaign}', { platform: 'instagram', handle: 'a&b', campaign: 'Été 2026' }))
      .toEqual({ ok: true, url: 'https://shop.example/p?ref=1&utm_source=instagram&utm_content=a%26b&utm_campaign=%C3%A9t%C3%A9-2026' });
    expect(buildLink('https://shop.example/', 'x={who}', { platform: 'tiktok', handle: 'h', campaign: 'c' })).toMatchObject({ ok: false, reason: expect.stringMatching(/\{who\}/) });
    expect(buildLink('shop.example', 'x=1', { platform: 'tiktok', handle: 'h', campaign: 'c' })).toMatchObject({ ok: false });
    expect(buildLink('javascript:alert(1)', 'x=1', { platform: 'tiktok', handle: 'h', campaign: 'c' })).toMatchObject({ ok: false });
  });

  test('post URLs of the three sites; profiles and other sites are not posts', () => {
    expect(postFromUrl(VIDEO_URL)).toMatchObject({ key: 'tiktok:7412345678901234567', handle: 'maya.bakes' });
    expect(postFromUrl('https://instagram.com/p/DH4kQx2MpLa/')).toMatchObject({ key: 'instagram:DH4kQx2MpLa', handle: null });
    expect(postFromUrl('https://youtu.be/abcdefghijk')).toMatchObject({ key: 'youtube:abcdefghijk' });
    expect(postFromUrl('https://www.youtube.com/shorts/abcdefghijk')).toMatchObject({ key: 'youtube:abcdefghijk' });
    expect(postFromUrl('https://www.tiktok.com/@maya.bakes')).toBeNull();
    expect(postFromUrl('https://example.com/p/DH4kQx2MpLa/')).toBeNull();
  });

  test('a marked post’s counts are kept at every later visit to its page', async () => {
    const { db, maya: id } = await campaignWithTwo();
    expect(await markPost(db, id, 'https://www.instagram.com/p/DH4kQx2MpLa/')).toMatchObject({ ok: false, reason: expect.stringMatching(/instagram post/) });
    expect(await markPost(db, id, 'https://www.tiktok.com/@someone.else/video/7412345678901234567')).toMatchObject({ ok: false, reason: expect.stringMatching(/by @someone.else/) });
    // B8 of the reliability report: the page open now names another owner (a YouTube address names none, so the page is what tells).
    expect(await markPost(db, id, VIDEO_URL, 2 * HOUR, { ...video, handle: 'someone.else' })).toEqual({ ok: false, reason: 'This page shows a post by @someone.else, not tiktok:maya.bakes; nothing was marked.' });
    expect((await db.bookings.get(id))?.postKeys).toEqual([]);
    expect(await markPost(db, id, VIDEO_URL)).toEqual({ ok: true, value: 'tiktok:7412345678901234567' });
    const tab = { tab: { id: 7 }, url: VIDEO_URL };
    await onReading(db, video, tab, 20 * HOUR);
    await onReading(db, { ...video, views: 1_900_000, likes: 150_000 }, tab, 44 * HOUR);
    await onReading(db, { ...video, id: '7000000000000000001', url: 'https://www.tiktok.com/@maya.bakes/video/7000000000000000001' }, { tab: { id: 7 }, url: 'https://www.tiktok.com/@maya.bakes/video/7000000000000000001' }, 45 * HOUR);
    const obs = await observationsOf(db, ['tiktok:7412345678901234567']);
    // First what the profile's grid showed when the post was marked ("1.2M views"), then each visit.
    expect(obs.map((o) => [o.takenAt, o.views, o.likes])).toEqual([[1 * HOUR, 1_200_000, null], [20 * HOUR, 1_234_567, 98_123], [44 * HOUR, 1_900_000, 150_000]]);
    expect(await db.postObservations.count()).toBe(3); // the unmarked video was not tracked
  });
});

describe('marking from the panel on the post page', () => {
  test('the post page’s answer lists the creator’s bookings; marking uses the reading validated for the tab', async () => {
    const { db } = await campaignWithTwo();
    const tab = { tab: { id: 8 }, url: VIDEO_URL };
    const ack = await onReading(db, video, tab, 20 * HOUR);
    expect(ack).toMatchObject({ ok: true, bookings: [{ campaign: 'Spring launch', marked: false }] });
    const bookingId = ack.ok ? ack.bookings![0]!.bookingId : 0;
    expect(await markTabPost(db, 99, { bookingId })).toMatchObject({ ok: false, reason: expect.stringMatching(/no post/) });
    expect(await markTabPost(db, 8, { bookingId: 'x' })).toMatchObject({ ok: false });
    expect(await markTabPost(db, 8, { bookingId }, 21 * HOUR)).toEqual({ ok: true, bookings: [{ bookingId, campaign: 'Spring launch', marked: true }] });
    expect((await observationsOf(db, ['tiktok:7412345678901234567'])).map((o) => [o.takenAt, o.views])).toEqual([[21 * HOUR, 1_234_567]]);
    // A post of a creator booked nowhere gets no bookings (and no panel).
    const other = { ...video, handle: 'nobody', url: 'https://www.tiktok.com/@nobody/video/7000000000000000002', id: '7000000000000000002' };
    expect(await onReading(db, other, { tab: { id: 9 }, url: other.url }, 22 * HOUR)).toMatchObject({ ok: true, bookings: [] });
  });
});

describe('a deliverable is a sponsored post', () => {
  test('marked as a booking’s deliverable, a post of hers stays out of her organic views baseline, whatever a later visit’s data says', async () => {
    const { db, maya: id } = await campaignWithTwo();
    const base = (await postsOf(db, 'tiktok:maya.bakes')).filter((p) => p.views !== null);
    const viral = { ...base[0]!, id: '7412345678901234567', key: 'tiktok:7412345678901234567', url: VIDEO_URL, views: 50_000_000, publishedText: '2 weeks ago', sponsored: false };
    await putPosts(db, [viral]);
    const baseline = async () => organicBaseline({ platform: 'tiktok', deliverable: 'video', posts: recentOf(await postsOf(db, 'tiktok:maya.bakes')), now: 30 * DAY })!;
    const before = await baseline();
    expect(before.postsUsed).toBeGreaterThan(1);
    expect(before.postsLeftOut.sponsored).toBe(0);
    expect(await markPost(db, id, VIDEO_URL, 4 * HOUR)).toMatchObject({ ok: true });
    const after = await baseline();
    expect(after.postsUsed).toBe(before.postsUsed - 1);
    expect(after.postsLeftOut.sponsored).toBe(1);
    expect(after.median).not.toBe(before.median);
    // A later visit whose data carries no disclosure keeps it a sponsored post.
    await putPosts(db, [{ ...viral, sponsored: false, source: 'network' }], mergeStoredPost);
    expect((await getPosts(db, ['tiktok:7412345678901234567']))[0]?.sponsored).toBe(true);
  });
});

describe('actual results', () => {
  test('the arithmetic: ROI with the booking’s margin, ROAS, CPM from views, CPE, CPA; unknown stays null', async () => {
    const { db, maya: id } = await campaignWithTwo();
    const b = (await db.bookings.get(id))!;
    const margin = b.assumptions.margin.expected;
    const latest = latestByPost([{ postKey: 'tiktok:1', creatorKey: b.creatorKey, takenAt: 1, views: 100_000, likes: 4_000, comments: 500, shares: 500 }, { postKey: 'tiktok:1', creatorKey: b.creatorKey, takenAt: 2, views: 200_000, likes: 8_000, comments: 1_000, shares: 1_000 }]);
    const booked: Booking = { ...b, ownFigures: true, postKeys: ['tiktok:1'], actual: { clicks: 2_000, orders: 60, revenue: 4_200, updatedAt: 5 } };
    const f = actualOf(booked, latest);
    expect(f).toMatchObject({ cost: 1700, views: 200_000, engagements: 10_000, orders: 60, revenue: 4200 });
    expect(f.roi).toBeCloseTo((4200 * margin - 1700) / 1700, 10);
    expect(f.roas).toBeCloseTo(4200 / 1700, 10);
    expect(f.cpm).toBeCloseTo(8.5, 10);
    expect(f.cpe).toBeCloseTo(0.17, 10);
    expect(f.cpa).toBeCloseTo(1700 / 60, 10);
    expect(actualOf(b, new Map())).toMatchObject({ views: null, engagements: null, revenue: null, roi: null, roas: null, cpm: null, cpe: null, cpa: null });
    const goals = { targetRoi: 0.5, targetCpm: 20, targetCpe: null, targetOrders: 100 };
    expect(checkGoals(goals, f, { includeOrders: true }).map((g) => [g.goal, g.met])).toEqual([['targetRoi', f.roi! >= 0.5], ['targetCpm', true], ['targetOrders', false]]);
    expect(checkGoals(goals, actualOf(b, new Map()), { includeOrders: false }).map((g) => g.met)).toEqual([null, null]);
    // Campaign totals: known only where every booking knows it.
    const other: Booking = { ...b, ownFigures: true, id: 99, fee: 300, extraCosts: 0, postKeys: [], actual: { clicks: null, orders: 40, revenue: 1_000, updatedAt: 5 } };
    const t = totalsOf([booked, other], latest);
    expect(t).toMatchObject({ cost: 2000, orders: 100, revenue: 5200, views: null, clicks: null });
    expect(t.roi).toBeCloseTo((5200 * margin - 2000) / 2000, 10);
  });

  test('a booking made on the placeholder figures: no actual ROI until the user enters a margin, then theirs; ROAS and costs regardless', async () => {
    const { db, maya: id } = await campaignWithTwo();
    const b = (await db.bookings.get(id))!;
    expect(b.ownFigures).toBe(false); // booked on the default settings
    const placeholder: Booking = { ...b, actual: { clicks: null, orders: 60, revenue: 4_200, updatedAt: 5 } };
    const f = actualOf(placeholder, new Map());
    expect(f.roi).toBeNull();
    expect(f.roas).toBeCloseTo(4200 / 1700, 10);
    expect(f.cpa).toBeCloseTo(1700 / 60, 10);
    expect(actualOf(placeholder, new Map(), 0.3).roi).toBeCloseTo((4200 * 0.3 - 1700) / 1700, 10);
    const t = totalsOf([placeholder, { ...placeholder, id: 98, ownFigures: true }], new Map());
    expect(t).toMatchObject({ roi: null, margin: null, revenue: 8400 });
  });

  test('a results CSV: columns guessed, rows summed per code, a preview; written all at once', async () => {
    const { db, id } = await campaignWithTwo();
    const csv = 'Discount code,Orders,Total sales,Sessions\nmaya15,12,"1,080.00",400\nMAYA15,3,270.50,90\nLENA10,5,€450,120\n';
    const table = readResultsCsv(csv);
    if (!table.ok) throw new Error(table.errors.join());
    const mapping = guessMapping(table.table.columns);
    expect(mapping).toEqual({ key: 'Discount code', orders: 'Orders', revenue: 'Total sales', clicks: 'Sessions' });
    const bookings = await db.bookings.where('campaignId').equals(id).toArray();
    const plan = planResults(table.table, mapping as never, bookings);
    if (!plan.ok) throw new Error(plan.errors.join());
    expect(plan.changes.map((c) => [c.booking.code, c.after, c.rows])).toEqual([['MAYA15', { orders: 15, revenue: 1350.5, clicks: 490 }, 2], ['LENA10', { orders: 5, revenue: 450, clicks: 120 }, 1]]);
    expect((await db.bookings.toArray()).map((b) => b.actual.orders)).toEqual([null, null]); // planning writes nothing
    expect(await applyResults(db, plan.changes, 50 * HOUR)).toEqual({ ok: true, value: 2 });
    expect((await db.bookings.filter((b) => b.code === 'MAYA15').first())?.actual).toEqual({ orders: 15, revenue: 1350.5, clicks: 490, updatedAt: 50 * HOUR });
  });

  test('a results CSV with bad rows is refused row by row and changes nothing', async () => {
    const { db, id } = await campaignWithTwo();
    const before = await exportLibrary(db);
    const csv = 'code,orders,revenue\nMAYA15,12,1080\nNOPE99,1,10\nLENA10,two,450\nLENA10,3,-5\n,1,1\n';
    const table = readResultsCsv(csv);
    if (!table.ok) throw new Error(table.errors.join());
    const plan = planResults(table.table, { key: 'code', orders: 'orders', revenue: 'revenue' }, await db.bookings.where('campaignId').equals(id).toArray());
    expect(plan).toEqual({ ok: false, errors: [
      'row 3: “NOPE99” is no code or link of this campaign’s creators.',
      'row 4, orders: “two” is not a whole number of orders.',
      'row 5, revenue: “-5” is not an amount.',
      'row 6: the code cell is empty.',
    ] });
    expect({ ...(await exportLibrary(db)), exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
    expect(readResultsCsv('')).toMatchObject({ ok: false });
    expect(planResults(table.table, { key: 'nope', orders: 'orders', revenue: 'revenue' }, [])).toMatchObject({ ok: false, errors: ['Choose the column with the code or link.'] });
  });

  test('amounts in the forms reports use', () => {
    expect(['1,234.50', '1.234,50', '$1,234', '€ 99', '99', '0', '12,5'].map(parseAmount)).toEqual([1234.5, 1234.5, 1234, 99, 99, 0, 12.5]);
    expect(['', 'abc', '-5', '1.2.3x'].map(parseAmount)).toEqual([null, null, null, null]);
  });

  test('rows matched by tracked link instead of code', async () => {
    const { db, id } = await campaignWithTwo();
    const bookings = await db.bookings.where('campaignId').equals(id).toArray();
    const table = readResultsCsv('landing,orders,revenue\nhttps://www.shop.example/spring/?utm_content=maya.bakes&utm_source=tiktok,7,350\n');
    if (!table.ok) throw new Error('csv');
    const plan = planResults(table.table, { key: 'landing', orders: 'orders', revenue: 'revenue' }, bookings);
    expect(plan.ok && plan.changes.map((c) => c.booking.creatorKey)).toEqual(['tiktok:maya.bakes']);
  });
});

describe('campaigns in exports', () => {
  test('export → wipe → import gives campaigns, bookings and tracked counts back; importing twice adds nothing', async () => {
    const { db, maya: id } = await campaignWithTwo();
    await markPost(db, id, VIDEO_URL);
    await onReading(db, video, { tab: { id: 7 }, url: VIDEO_URL }, 20 * HOUR);
    const before = await exportLibrary(db);
    expect([before.campaigns.length, before.bookings.length, before.postObservations.length]).toEqual([1, 2, 2]);
    const text = JSON.stringify(before);
    await wipeLibrary(db);
    expect(await importJson(db, text)).toMatchObject({ ok: true, report: { campaignsAdded: 1, bookingsAdded: 2, observationsWritten: 2 } });
    expect({ ...(await exportLibrary(db)), exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
    expect(await importJson(db, text)).toMatchObject({ ok: true, report: { campaignsAdded: 0, bookingsAdded: 0 } });
    expect(await db.bookings.count()).toBe(2);
  });

  test('a booking of a campaign that exists nowhere is refused, and nothing is written', async () => {
    const { db } = await campaignWithTwo();
    const file = await exportLibrary(db);
    const other = freshDb();
    const before = await exportLibrary(other);
    expect(await importJson(other, JSON.stringify({ ...file, campaigns: [] }))).toMatchObject({ ok: false, errors: [expect.stringMatching(/campaigns that are neither in the file nor in your library: #1/)] });
    expect({ ...(await exportLibrary(other)), exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
  });
});

describe('which creators to book again', () => {
  test('by actual ROI where sales were reported, then by cost per engagement, with the attribution caveat; CSV escapes formulas', async () => {
    const { db, maya: m, lena: l } = await campaignWithTwo();
    await editBooking(db, m, { actual: { clicks: null, orders: 30, revenue: 3000 } });
    await editBooking(db, l, { actual: { clicks: null, orders: 20, revenue: 2500 } });
    await db.creators.update('instagram:lenapark.studio', { displayName: '=HYPERLINK("x")' });
    const second = await saveCampaign(db, newCampaign('Autumn', 'EUR'));
    if (!second.ok) throw new Error(second.reason);
    const again = await bookCreator(db, second.value, { creatorKey: 'tiktok:maya.bakes', fee: 500, extraCosts: 0, deliverable: 'video', deliverables: '', code: '' });
    if (!again.ok) throw new Error(again.reason);
    const [campaigns, bookings, creators] = await Promise.all([db.campaigns.toArray(), db.bookings.toArray(), db.creators.toArray()]);
    // Booked on the default (placeholder) figures: ranked on the user's own margin now.
    const rows = rankCreators(campaigns, bookings, creators, new Map(), 0.4);
    // Maya's second booking has no results: her sales are unknown overall (never counted as 0).
    expect(rows.map((r) => [r.creatorKey, r.basis])).toEqual([['instagram:lenapark.studio', 'sales'], ['tiktok:maya.bakes', 'none']]);
    expect(rows[0]!.undercounts).toBe(true);
    expect(ATTRIBUTION_CAVEAT).toMatch(/40–60 %/);
    const csv = rankingCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('rank,creator,key,platform,campaigns,bookings,currency,cost,revenue,orders,roi,roas,cpm,cost_per_engagement,cpa,ranked_by,note');
    expect(csv).toContain(`"'=HYPERLINK(""x"")`);
  });
});
