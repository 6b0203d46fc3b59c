/**
 * The shadow root's figures are drawn again only when their key changes
 * (components/overlay/ProfileFigures.tsx, issue 18): two views with the same key must draw
 * the same figures, or the panel would keep showing figures judged with stale settings.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { figuresKey, figuresView } from '../../components/overlay/ProfileFigures';
import { DEFAULT_TIER_BOUNDARIES } from '../../lib/metrics/benchmarks';
import type { TierBoundaries } from '../../lib/metrics/benchmarks';
import { overlayModel, type CreatorView } from '../../lib/view/creator';
import { readPage } from '../../lib/sites/registry';
import type { ProfileReading } from '../../lib/sites/types';
import { loadFixture } from './fixtures';

const read = (file: string, url: string) => readPage(loadFixture(file), new URL(url)) as ProfileReading;
const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
const maya = read('tiktok/profile-2024-universal.html', 'https://www.tiktok.com/@maya.bakes');
/** Maya with a dozen dated posts: enough for a verdict, so the bands count. */
const withVerdict: ProfileReading = {
  ...maya,
  recent: Array.from({ length: 12 }, (_, i) => ({
    ...maya.recent[0]!, id: `73${i}0000000000000000`, url: `https://www.tiktok.com/@maya.bakes/video/73${i}0000000000000000`, pinned: false,
    views: 400_000 + i * 10_000, likes: 40_000 + i * 3_000, comments: 900 + i * 40, shares: 300, publishedAt: NOW - (5 + i * 3) * DAY,
  })),
};
const readings = [
  maya,
  withVerdict,
  read('instagram/profile-grid-hover.html', 'https://www.instagram.com/lenapark.studio/'),
  read('youtube/channel-2026-viewmodel.html', 'https://www.youtube.com/@orbitlab/videos'),
];
const ASSUMPTIONS = { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 };

const viewWith = (tierBoundaries: TierBoundaries, benchmarkOverrides: CreatorView['settings']['benchmarkOverrides'], extra: Partial<CreatorView> = {}): CreatorView => ({
  creatorKey: 'x', saved: true, lists: ['a'], allLists: ['a'], previous: { followers: 1, takenAt: NOW - 86_400_000 } as CreatorView['previous'], recent: [],
  settings: { currency: 'EUR', assumptions: ASSUMPTIONS, tierBoundaries, benchmarkOverrides, marketCpm: {} },
  ...extra,
});

// What the key must tell apart (the tier boundaries, the reading's platform's bands), from a
// small domain so that equal keys come up often; and what it must not look at (another
// platform's bands, the library's part of the view), drawn apart from it.
const boundaries = fc.constantFrom<TierBoundaries>(DEFAULT_TIER_BOUNDARIES, [5_000, 50_000, 250_000, 2_000_000], [1_000, 10_000, 100_000, 3_000_000]);
const ownBands = fc.constantFrom<Record<string, object> | undefined>(undefined, {}, { mega: { low: 0.001, typical: 0.2, high: 0.5 } }, { mega: {} }, { micro: { typical: 0.05 } });
const otherBands = fc.constantFrom<Record<string, object> | undefined>(undefined, { mega: { low: 0.002, typical: 0.3, high: 0.6 } });
const view = (platform: ProfileReading['platform']) => fc.option(
  fc.tuple(boundaries, ownBands, otherBands, fc.boolean()).map(([b, own, other, saved]) => {
    const others = (['instagram', 'tiktok', 'youtube'] as const).filter((p) => p !== platform);
    const benchmarkOverrides = { ...(own && { [platform]: own }), ...(other && Object.fromEntries(others.map((p) => [p, other]))) } as CreatorView['settings']['benchmarkOverrides'];
    return viewWith(b, benchmarkOverrides, { saved, lists: saved ? ['a'] : [] });
  }),
  { nil: null },
);

describe('the figures key', () => {
  test('no view, and a view with the default settings, share a key and draw the same figures', () => {
    for (const reading of readings) {
      const defaults = viewWith(DEFAULT_TIER_BOUNDARIES, {});
      expect(figuresKey(defaults, reading.platform)).toBe(figuresKey(null, reading.platform));
      expect(overlayModel(reading, figuresView(defaults), 'en', NOW)).toEqual(overlayModel(reading, null, 'en', NOW));
    }
  });

  test('other tier boundaries, or a band edited for the platform, give another key', () => {
    for (const reading of readings) {
      expect(figuresKey(viewWith([5_000, 50_000, 250_000, 2_000_000], {}), reading.platform)).not.toBe(figuresKey(null, reading.platform));
      expect(figuresKey(viewWith(DEFAULT_TIER_BOUNDARIES, { [reading.platform]: { micro: { typical: 0.05 } } }), reading.platform)).not.toBe(figuresKey(null, reading.platform));
    }
  });

  test('two views with the same key draw the same figures, whatever else they hold', () => {
    let same = 0;
    fc.assert(fc.property(fc.constantFrom(...readings).chain((reading) => fc.tuple(fc.constant(reading), view(reading.platform), view(reading.platform))), fc.constantFrom('en', 'de'), ([reading, a, b], locale) => {
      if (figuresKey(a, reading.platform) !== figuresKey(b, reading.platform)) return;
      same++;
      expect(overlayModel(reading, figuresView(a), locale, NOW)).toEqual(overlayModel(reading, figuresView(b), locale, NOW));
    }), { numRuns: 600 });
    expect(same).toBeGreaterThan(30);
  });
});

test('the reading with enough posts gets a verdict, which an edited band changes (the property above can see a wrong key)', () => {
  const plain = overlayModel(withVerdict, null, 'en', NOW);
  const edited = overlayModel(withVerdict, figuresView(viewWith(DEFAULT_TIER_BOUNDARIES, { tiktok: { mega: { low: 0.001, typical: 0.2, high: 0.5 } } })), 'en', NOW);
  expect(plain.verdict).not.toBeNull();
  expect(edited.verdict).not.toEqual(plain.verdict);
  expect(overlayModel(withVerdict, figuresView(viewWith([1_000, 10_000, 100_000, 3_000_000], {})), 'en', NOW).tier).not.toEqual(plain.tier);
});
