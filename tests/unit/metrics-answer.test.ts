/** The table's headline (lib/metrics/answer.ts headlineSummary) is the panel's (headlineOf(recentMetrics)), on any posts; headlineAndViews gives it and the median views in one pass. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { engagementAnswer, headlineAndViews, headlineOf, headlineSummary } from '../../lib/metrics/answer';
import { mainGroup, medianViews } from '../../lib/metrics/engagement';
import { recentMetrics } from '../../lib/metrics/recent';
import { PLATFORMS } from '../../lib/sites/platforms';
import { POST_KINDS } from '../../lib/sites/types';

const NOW = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const count = fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null });
const post = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  url: fc.constantFrom('https://www.youtube.com/watch?v=aaaaaaaaaaa', 'https://www.youtube.com/shorts/bbbbbbbbbbb', 'https://www.instagram.com/reel/x/', 'https://www.tiktok.com/@a/video/1'),
  views: count, likes: count, comments: count, shares: count,
  publishedAt: fc.option(fc.integer({ min: NOW - 400 * DAY, max: NOW }), { nil: null }),
  publishedText: fc.option(fc.constantFrom('2 days ago', '3 weeks ago', '1 month ago', 'Streamed 5 days ago'), { nil: null }),
  kind: fc.option(fc.constantFrom(...POST_KINDS), { nil: null }),
  pinned: fc.boolean(), sponsored: fc.boolean(),
});

describe('headlineSummary', () => {
  test('the same summary as the panel’s, for every platform, on any posts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLATFORMS), fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), fc.array(post, { maxLength: 60 }), (platform, followers, posts) => {
        const input = { platform, followers, posts, now: NOW };
        expect(headlineSummary(input)).toEqual(headlineOf(recentMetrics(input)));
        expect(headlineSummary(input)).toEqual(engagementAnswer(input).headline);
      }),
      { numRuns: 400 },
    );
  });

  test('headlineAndViews: the same headline, and the median views medianViews gives over the platform’s main group', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLATFORMS), fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), fc.array(post, { maxLength: 60 }), (platform, followers, posts) => {
        const input = { platform, followers, posts, now: NOW };
        expect(headlineAndViews(input)).toEqual({ headline: headlineSummary(input), medianViews: medianViews(posts, NOW, undefined, platform, mainGroup(platform)) });
      }),
      { numRuns: 400 },
    );
  });
});
