/**
 * Issue 14: a fee against the market first, on every surface the same (lib/roi/price.ts,
 * lib/view/price.ts); the return only on the user's own order value and margin; one set of
 * formats; one answer per creator (the page's posts merged with the library's); settings
 * and deals stored before keep reading as they did.
 */
import { describe, expect, test } from 'vitest';
import { freshDb } from './db-helpers';
import { getSettings, updateSettings } from '../../lib/db/settings';
import { judgePrice, MARKET_CPM } from '../../lib/roi/market';
import { marketCpmFor, priceOf, YOUR_RANGE } from '../../lib/roi/price';
import { hasOwnEconomics, impressionsFor, quote } from '../../lib/roi/quote';
import { dealOf } from '../../lib/roi/deal';
import { quoteDeal } from '../../lib/library/deals';
import { recentOf } from '../../lib/library/as-reading';
import { storedPost } from '../../lib/db/posts';
import { recentPost } from '../../lib/sites/types';
import { rowOf } from '../../lib/dashboard/rows';
import { DealSchema, DEFAULT_SETTINGS, SettingsSchema, type Creator, type Post } from '../../lib/schema';
import { count, signedPct, signedRange, times } from '../../lib/view/format';
import { knownRecent, overlayModel, withKnownPosts } from '../../lib/view/creator';
import { priceShown, storedPriceShown } from '../../lib/view/price';
import type { ProfileReading } from '../../lib/sites/types';

const NOW = Date.UTC(2026, 0, 15);
const DAY = 86_400_000;
const NO_ASSUMPTIONS = { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 };
const OWN = { ...NO_ASSUMPTIONS, aov: { low: 50, expected: 50, high: 50 }, margin: { low: 0.5, expected: 0.5, high: 0.5 } };

const tiktok = (recent: ProfileReading['recent']): ProfileReading => ({
  kind: 'profile', platform: 'tiktok', handle: 'maya.bakes', displayName: 'Maya Chen', url: 'https://www.tiktok.com/@maya.bakes',
  followers: 2_631_012, following: 183, posts: 412, likes: 48_217_733, views: null,
  exact: { followers: true, following: true, posts: true, likes: true, views: false }, sources: {}, recent,
});
const post = (id: string, views: number | null, likes: number | null = null, comments: number | null = null) => recentPost({ id, url: `https://www.tiktok.com/@maya.bakes/video/${id}`, views, likes, comments, publishedText: '2 weeks ago', source: 'dom' });

describe('the fee against the market', () => {
  test('expected views are the very reach the return uses, with the sample named; CPM, fair fee and verdict as judgePrice gives them', () => {
    const reading = tiktok([post('1', 100_000), post('2', 80_000), post('3', 120_000), post('new', 5_000)]);
    const p = priceOf({ platform: 'tiktok', followers: reading.followers, recent: reading.recent, deliverable: 'video', fee: 1500, currency: 'USD', now: NOW });
    if (!p.ok) throw new Error(p.reason);
    const reach = impressionsFor({ platform: 'tiktok', followers: reading.followers, recent: reading.recent, deliverable: 'video', now: NOW });
    expect('expected' in reach && reach.expected).toBe(p.judgement.expectedViews);
    expect(p.base).toEqual({ kind: 'median', posts: 4 });
    expect(p.judgement).toEqual(judgePrice({ fee: 1500, currency: 'USD', views: p.judgement.expectedViews, basis: 'median recent views', market: MARKET_CPM.tiktok }));
    const shown = priceShown(p.judgement, p.base, 'USD', 'en');
    expect(shown).toMatchObject({ basis: 'median of 4 recent posts', market: '$3.00–$15.00', source: expect.stringMatching(/TikTok \$3–15/) });
    // The median of the four is 90,000 views: $16.67 per 1,000, over the $3–15 range; fair $270 to $1,350.
    expect(shown).toMatchObject({ views: '≈90K', cpm: '$16.67', fair: '$270 to $1,350', verdict: 'above', verdictText: 'Above the usual range, by 11%' });

  });

  test('Instagram posts: followers × the usual reach rate for the account size, said so', () => {
    const p = priceOf({ platform: 'instagram', followers: 70_231, recent: [], deliverable: 'post', fee: 800, currency: 'USD', now: NOW });
    if (!p.ok) throw new Error(p.reason);
    expect(p.base).toEqual({ kind: 'reach', followers: 70_231, rate: 0.229 });
    expect(p.judgement.expectedViews).toBeCloseTo(70_231 * 0.229, 6);
    expect(priceShown(p.judgement, p.base, 'USD', 'en').basis).toBe('followers × 22.9%, the usual reach for an account of this size');
    expect(priceOf({ platform: 'instagram', followers: null, recent: [], deliverable: 'post', fee: 800, currency: 'USD' })).toEqual({ ok: false, reason: expect.stringMatching(/no follower count/) });
  });

  test('the user’s own market range replaces the source’s, named as theirs; another currency gets no verdict', () => {
    expect(marketCpmFor('youtube')).toBe(MARKET_CPM.youtube);
    expect(marketCpmFor('youtube', { youtube: { low: 12, high: 20, currency: 'EUR' } })).toEqual({ low: 12, high: 20, currency: 'EUR', source: YOUR_RANGE });
    const p = priceOf({ platform: 'tiktok', followers: 1, recent: [post('1', 100_000)], deliverable: 'video', fee: 1500, currency: 'USD', market: { tiktok: { low: 1, high: 2, currency: 'EUR' } }, now: NOW });
    expect(p.ok && p.judgement.verdict).toBeNull();
  });
});

describe('the return only on the user’s own figures', () => {
  test('hasOwnEconomics: both the order value and the margin', () => {
    expect(hasOwnEconomics(NO_ASSUMPTIONS)).toBe(false);
    expect(hasOwnEconomics({ ...NO_ASSUMPTIONS, aov: OWN.aov })).toBe(false);
    expect(hasOwnEconomics(OWN)).toBe(true);
  });

  test('a kept deal stores the price and whether the return stood on the user’s figures; it validates', () => {
    const reading = tiktok([post('1', 100_000), post('2', 80_000)]);
    const made = quoteDeal('tiktok:maya.bakes', reading, { fee: 1500, currency: 'USD', deliverable: 'video', assumptions: NO_ASSUMPTIONS, impressions: null, tierBoundaries: DEFAULT_SETTINGS.tierBoundaries }, NOW);
    if (!made.ok) throw new Error(made.reason);
    expect(made.deal).toMatchObject({ ownFigures: false, price: { expectedViews: 90_000, basis: 'median of 2 recent posts', verdict: 'above', by: expect.closeTo(1500 / 1350 - 1, 10), market: { low: 3, high: 15, currency: 'USD' } } });
    expect(made.deal.price!.fairFee).toEqual({ low: 270, high: 1350 });
    expect(storedPriceShown(made.deal.price!, 'USD', 'en').verdictText).toBe('Above the usual range, by 11%');
    const own = quoteDeal('tiktok:maya.bakes', reading, { fee: 1500, currency: 'USD', deliverable: 'video', assumptions: OWN, impressions: null, tierBoundaries: DEFAULT_SETTINGS.tierBoundaries }, NOW);
    expect(own.ok && own.deal.ownFigures).toBe(true);
  });

  test('a deal kept before (no price, no flag) still validates, unchanged', () => {
    const q = quote({ platform: 'tiktok', followers: 1000, recent: [post('1', 100_000)], deliverable: 'video', fee: 1500, currency: 'USD', assumptions: NO_ASSUMPTIONS, now: NOW });
    if (!q.ok) throw new Error(q.reason);
    const { price, ownFigures, ...old } = dealOf('tiktok:maya.bakes', q, NOW);
    expect(price).toBeUndefined(); // no price given to dealOf
    expect(ownFigures).toBe(false);
    expect(DealSchema.parse(old)).toEqual(old);
  });
});

describe('settings: the market range, and settings stored before it', () => {
  test('a settings row of the old shape (no marketCpm) reads with the source’s ranges, everything else kept', async () => {
    const db = freshDb();
    const { marketCpm, ...old } = { ...DEFAULT_SETTINGS, currency: 'EUR', autoSnapshotHours: 12, assumptions: { ...NO_ASSUMPTIONS, aov: { low: 30, expected: 45, high: 60 } } };
    expect(marketCpm).toEqual({});
    await db.settings.put({ key: 'settings', value: old as never });
    const read = await getSettings(db);
    expect(read).toMatchObject({ currency: 'EUR', autoSnapshotHours: 12, marketCpm: {}, assumptions: { aov: { expected: 45 } } });
    const next = await updateSettings(db, { marketCpm: { instagram: { low: 6, high: 12, currency: 'EUR' } } });
    expect(next.marketCpm.instagram).toEqual({ low: 6, high: 12, currency: 'EUR' });
    expect(SettingsSchema.safeParse({ ...next, marketCpm: { tiktok: { low: 9, high: 3, currency: 'USD' } } }).success).toBe(false);
  });
});

describe('one set of formats', () => {
  test.each([
    ['en', 70_231, true, '70,231'],
    ['de', 70_231, true, '70.231'],
    ['de', 70_200, false, '≈70.200'],
    ['en', 1_230_000, false, '≈1.23M'],
  ] as const)('count in %s of %d (exact %s) is %s', (lang, n, exact, text) => {
    expect(count(n, exact, lang)).toBe(text);
  });

  test('signed percents and ranges: the true minus, a plus, ±0', () => {
    expect(signedRange(-0.29, 2.05, 0, 'en')).toBe('−29% to +205%');
    expect(signedPct(-0.004, 0, 'en')).toBe('±0%');
    expect(signedPct(0.5, 0, 'de')).toBe('+50\u00a0%');
    expect(times(1.95, 'de')).toBe('1,95×');
  });
});

describe('one answer per creator', () => {
  const stored: Post[] = [
    storedPost({ key: 'tiktok:1', creatorKey: 'tiktok:maya.bakes', platform: 'tiktok', id: '1', url: 'https://www.tiktok.com/@maya.bakes/video/1', views: 100_000, likes: 9_000, comments: 500, shares: 500, publishedText: '2 weeks ago', firstSeenAt: NOW - 20 * DAY, lastSeenAt: NOW - DAY }),
    storedPost({ key: 'tiktok:2', creatorKey: 'tiktok:maya.bakes', platform: 'tiktok', id: '2', url: 'https://www.tiktok.com/@maya.bakes/video/2', views: 50_000, likes: 4_000, comments: 500, shares: 500, publishedText: '3 weeks ago', firstSeenAt: NOW - 30 * DAY, lastSeenAt: NOW - DAY }),
  ];
  const creator: Creator = {
    key: 'tiktok:maya.bakes', platform: 'tiktok', handle: 'maya.bakes', displayName: 'Maya Chen', url: 'https://www.tiktok.com/@maya.bakes', savedAt: NOW - 30 * DAY, firstSeenAt: NOW - 30 * DAY, lastSeenAt: NOW,
    latest: { takenAt: NOW, followers: 2_631_012, following: 183, posts: 412, likes: 48_217_733, views: null, exact: { followers: true, following: true, posts: true, likes: true, views: false } }, lists: [], tags: [], notes: '',
  };

  test('the table’s TikTok engagement keeps the shares (it was empty when the mapping dropped them)', () => {
    expect(recentOf(stored)[0]).toMatchObject({ shares: 500 });
    expect(rowOf(creator, DEFAULT_SETTINGS, undefined, stored, NOW).engagement).toBeCloseTo(0.1, 10);
  });

  test('the panel (the page’s grid, views only) and the dashboard give the same engagement once the library’s posts are merged in', () => {
    const page = tiktok([post('1', 120_000), post('2', null)]);
    const view = { creatorKey: creator.key, saved: true, lists: [], allLists: [], recent: recentOf(stored), previous: null, settings: { ...DEFAULT_SETTINGS } };
    const merged = knownRecent(page.recent, view.recent);
    expect(merged).toEqual([{ ...page.recent[0], likes: 9_000, comments: 500, shares: 500 }, { ...page.recent[1], views: 50_000, likes: 4_000, comments: 500, shares: 500 }]);
    const panel = overlayModel(page, view, 'en', NOW);
    const dashboard = rowOf(creator, DEFAULT_SETTINGS, undefined, stored.map((p) => (p.id === '1' ? { ...p, views: 120_000 } : p)), NOW);
    expect(panel.engagement).toMatchObject({ text: `${(dashboard.engagement! * 100).toFixed(2)}%` });
    expect(overlayModel(page, null, 'en', NOW).engagement).toHaveProperty('unknown');
    expect(withKnownPosts(page, null)).toBe(page);
  });
});
