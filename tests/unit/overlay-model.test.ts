import { describe, expect, test } from 'vitest';
import { formatCount, overlayModel, pageLocale, parseFee, type CreatorView } from '../../lib/view/creator';
import { impressionsFor, quote } from '../../lib/roi/quote';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { loadFixture } from './fixtures';

const read = (file: string, url: string) => readPage(loadFixture(file), new URL(url)) as ProfileReading;
const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
const lena = read('instagram/profile-2025-en.html', 'https://www.instagram.com/lenapark.studio/');
const hover = read('instagram/profile-grid-hover.html', 'https://www.instagram.com/lenapark.studio/');
const orbit = read('youtube/channel-2026-viewmodel.html', 'https://www.youtube.com/@orbitlab/videos');
const NOW = Date.UTC(2026, 10, 23);
const DEFAULTS = { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 };
const view = (over: Partial<CreatorView> = {}): CreatorView => ({
  creatorKey: 'tiktok:maya.bakes', saved: true, lists: [], allLists: [], previous: null,
  settings: { currency: 'EUR', assumptions: DEFAULTS, tierBoundaries: [10_000, 100_000, 500_000, 1_000_000], benchmarkOverrides: {} },
  ...over,
});

describe('what the overlay shows', () => {
  test('exact counts in full, abbreviated ones as abbreviated ("≈"), in the page language', () => {
    expect(overlayModel(maya, null, 'en', NOW).followers).toEqual({ label: 'followers', text: '2,631,012', approx: false });
    expect(overlayModel(maya, null, 'de', NOW).followers?.text).toBe('2.631.012');
    expect(overlayModel(orbit, null, 'en', NOW).followers).toEqual({ label: 'subscribers', text: '≈1.23M', approx: true });
    expect(overlayModel(orbit, null, 'de', NOW).followers?.text).toBe('≈1,23\u00a0Mio.');
    expect(formatCount(48_300, true, 'ja')).toBe('≈4.83万');
  });

  test('a count the page did not show is left out, never 0', () => {
    const m = overlayModel({ ...lena, following: null, followers: null }, null, 'en', NOW);
    expect(m.followers).toBeNull();
    expect(m.others.map((f) => f.label)).toEqual(['posts']);
    expect(m.tier).toBeNull();
    expect(m.verdict).toBeNull();
  });

  test('engagement with its denominator and its sample; no verdict on fewer than 6 posts (the rate is shown, and why there is none)', () => {
    const m = overlayModel(hover, null, 'en', NOW);
    expect(m.engagement).toMatchObject({ label: 'Engagement', text: '2.82%', definition: '(likes + comments) / followers', sample: expect.stringMatching(/^median on 1 of 2 posts/) });
    expect(m.tier?.label).toBe('micro (10K–100K)');
    expect((m.engagement as { postsUsed: number }).postsUsed).toBeLessThan(6);
    expect(m.verdict).toBeNull();
    expect(m.verdictNote).toEqual(expect.stringMatching(/^Too few posts for a verdict: \d of the 6/));
  });

  test('with 6 posts or more, the verdict against the band with its source', () => {
    const post = hover.recent.find((p) => p.likes !== null && p.comments !== null)!;
    const six = Array.from({ length: 6 }, (_, i) => ({ ...post, id: `${post.id}${i}`, likes: post.likes! + i, publishedAt: NOW - (10 + i) * 86_400_000 }));
    const m = overlayModel({ ...hover, recent: six }, null, 'en', NOW);
    // ≈2.8 % against Modash's Instagram micro band of 0.75–1.11 %: above it.
    expect(m.verdict).toMatchObject({ position: 'above', band: '0.75%–1.11%', source: expect.stringMatching(/^Modash/) });
    expect(m.verdictNote).toBeNull();
    expect(m.engagement).toMatchObject({ sample: 'median of 6 posts' });
  });

  test('without per-post likes, engagement is unknown with the reason; views per follower still shown', () => {
    const m = overlayModel(maya, null, 'en', NOW);
    expect(m.engagement).toEqual({ label: 'Engagement', unknown: 'The page shows views but no likes or comments for recent videos.' });
    expect(m.second?.definition).toBe('views / followers');
    expect(m.medianViews?.text).toMatch(/^≈/);
    expect(overlayModel(lena, null, 'en', NOW).engagement).toMatchObject({ unknown: expect.stringMatching(/grid shows no likes/) });
  });

  test('growth since the last snapshot, only for a saved creator', () => {
    const previous = { takenAt: Date.UTC(2026, 9, 3), followers: 2_552_000 };
    expect(overlayModel(maya, view({ previous }), 'en', NOW).growth).toEqual({ text: '+3.1% followers since Oct 3', up: true });
    expect(overlayModel(maya, view({ previous: { ...previous, followers: 2_700_000 } }), 'en', NOW).growth).toMatchObject({ text: '−2.6% followers since Oct 3', up: false });
    expect(overlayModel(maya, view({ previous, saved: false }), 'en', NOW).growth).toBeNull();
    expect(overlayModel(maya, view({ previous: { ...previous, followers: null } }), 'en', NOW).growth).toBeNull();
  });

  test('page languages Intl does not know fall back to the browser’s', () => {
    expect(pageLocale('en_US')).toBeUndefined();
    expect(pageLocale('de-DE')).toBe('de-DE');
    expect(pageLocale('')).toBeUndefined();
  });
});

describe('the quick fee field', () => {
  test.each([
    ['1500', 'en', 1500], ['1,500', 'en', 1500], ['1.500', 'de', 1500], ['€1,500', 'en', 1500], ['1.5K', 'en', 1500], ['1500.50', 'en', 1500.5], ['2 000', 'fr', 2000],
    ['', 'en', null], ['abc', 'en', null], ['-5', 'en', null], ['0', 'en', null], ['1e9', 'en', null],
  ])('"%s" (%s) → %s', (text, locale, expected) => {
    expect(parseFee(text, locale)).toBe(expected);
  });

  test('a quote uses recent views for TikTok and followers × reach for Instagram, and says why when it cannot', () => {
    expect(impressionsFor({ platform: 'tiktok', followers: maya.followers, recent: maya.recent, deliverable: 'video', now: NOW })).toMatchObject({ source: expect.stringMatching(/median views/) });
    expect(impressionsFor({ platform: 'instagram', followers: 70_231, recent: [], deliverable: 'post', now: NOW })).toMatchObject({ expected: 70_231 * 0.229 });
    expect(quote({ platform: 'tiktok', followers: 1000, recent: [], deliverable: 'video', fee: 100, currency: 'USD', assumptions: DEFAULTS, now: NOW })).toEqual({ ok: false, reason: expect.stringMatching(/no view counts/) });
    expect(quote({ platform: 'instagram', followers: 1000, recent: [], deliverable: 'post', fee: 0, currency: 'USD', assumptions: DEFAULTS, now: NOW })).toMatchObject({ ok: false, reason: expect.stringMatching(/more than 0/) });
    const q = quote({ platform: 'instagram', followers: 70_231, recent: [], deliverable: 'post', fee: 500, currency: 'USD', assumptions: { ...DEFAULTS, aov: { low: 80, expected: 100, high: 120 } }, now: NOW });
    expect(q.ok && q.assumptions.aov).toMatchObject({ expected: 100, source: 'Your setting' });
    expect(q.ok && q.range.roi!.p10 <= q.range.roi!.p90).toBe(true);
  });
});
