/**
 * A creator's engagement answer: the one the panel, the popup, the creators table, compare
 * and the creator page all give (issue 14 §5: one creator had shown "unknown", 2.82 % and
 * 2.36 % "above band" on one day). The platform's headline over the recent posts
 * (recent.ts: Instagram and TikTok engagement, YouTube views per subscriber), its sample,
 * and a verdict only where the band exists and the sample is big enough (benchmarks.ts
 * sampleVerdict). Pure.
 */
import type { Platform } from '../sites/types';
import { benchmarkFor, DEFAULT_TIER_BOUNDARIES, sampleVerdict, tierOf, VIEWS_PER_SUBSCRIBER, type Band, type BenchmarkOverrides, type SampleVerdict, type Tier, type TierBoundaries } from './benchmarks';
import { mainGroup, medianViewsOf, newestFirst, rateDefs, ruleOf, summariseWindow, windowOf, type PostCounts, type RateSummary } from './engagement';
import { recentMetrics, type RecentMetrics } from './recent';

export interface AnswerInput {
  platform: Platform;
  /** Followers (subscribers on YouTube). */
  followers: number | null;
  posts: readonly PostCounts[];
  now: number;
  tierBoundaries?: TierBoundaries;
  benchmarkOverrides?: BenchmarkOverrides;
}

export interface EngagementAnswer {
  metrics: RecentMetrics;
  tier: Tier | null;
  /** The platform's headline summary (YouTube: views per subscriber over its long videos). */
  headline: RateSummary;
  /** The band the headline is judged against; null without a tier. */
  band: Band | null;
  verdict: SampleVerdict;
}

/** The band a platform's headline is judged against (YouTube: views per subscriber). */
export function headlineBand(platform: Platform, tier: Tier | null, overrides?: BenchmarkOverrides): Band | null {
  if (!tier) return null;
  return platform === 'youtube' ? VIEWS_PER_SUBSCRIBER[tier] : benchmarkFor(platform, tier, overrides);
}

/** The platform's headline summary of the recent posts' metrics. */
export const headlineOf = (metrics: RecentMetrics): RateSummary => (metrics.headline === 'reach' && metrics.reach ? metrics.reach : metrics.engagement);

export function engagementAnswer(input: AnswerInput): EngagementAnswer {
  const metrics = recentMetrics({ platform: input.platform, followers: input.followers, posts: input.posts, now: input.now });
  const tier = tierOf(input.followers, input.tierBoundaries ?? DEFAULT_TIER_BOUNDARIES);
  const headline = headlineOf(metrics);
  const band = headlineBand(input.platform, tier, input.benchmarkOverrides);
  return { metrics, tier, headline, band, verdict: sampleVerdict(headline, band) };
}

/**
 * Only the headline summary (what the creators table shows), without the rest of
 * recentMetrics (sponsored apart, Shorts, cadence, standouts): the same summary as
 * `headlineOf(recentMetrics(input))`, for every creator of a large library at once.
 * tests/unit/metrics-answer.test.ts holds the two together.
 */
export function headlineSummary(input: Pick<AnswerInput, 'platform' | 'followers' | 'posts' | 'now'>): RateSummary {
  const { rule, def } = headlineRule(input);
  return summariseWindow(windowOf(newestFirst(input.posts, rule.now), rule), def, rule).summary;
}

function headlineRule(input: Pick<AnswerInput, 'platform' | 'followers' | 'now'>) {
  const rule = ruleOf(input, mainGroup(input.platform), false);
  const defs = rateDefs(input.platform, input.followers);
  return { rule, def: input.platform === 'youtube' && defs.reach ? defs.reach : defs.engagement };
}

/**
 * What the creators table shows of a creator's posts: the headline summary
 * (`headlineSummary`) and the median views of the same posts (`medianViews` over the
 * platform's main group, which takes the same newest organic posts), from one pass over
 * them: picking the window is most of the work (YouTube reads each post's kind from its
 * URL), and the table does it for every creator of the library.
 * tests/unit/metrics-answer.test.ts holds both to those functions.
 */
export function headlineAndViews(input: Pick<AnswerInput, 'platform' | 'followers' | 'posts' | 'now'>): { headline: RateSummary; medianViews: number | null } {
  const { rule, def } = headlineRule(input);
  const win = windowOf(newestFirst(input.posts, rule.now), rule);
  return { headline: summariseWindow(win, def, rule).summary, medianViews: medianViewsOf(win) };
}
