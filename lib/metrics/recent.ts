/**
 * Everything the recent posts say, each figure with the sample it stands on (issue 13 §5):
 * the organic engagement and reach (engagement.ts), sponsored posts apart ("paid post
 * performance"), YouTube's Shorts apart, the posting cadence (cadence.ts), and the best and
 * worst recent posts against the creator's own median. Pure; `read-page --engagement`
 * prints it, and the panel shows the same summaries.
 */
import type { Platform } from '../sites/types';
import { cadence, type Cadence } from './cadence';
import {
  isCount, mainGroup, median, newestFirst, rateDefs, ruleOf, summariseWindow, windowOf,
  type EngagementInput, type PostCounts, type PostGroup, type RateSummary,
} from './engagement';

/** A post far from the creator's own median: more than 3× or under ⅓ (research §6.2). */
export const OUTLIER_RATIO = 3;
/** Best and worst need this many posts (with two, they are just the two posts). */
export const MIN_POSTS_FOR_STANDOUTS = 3;

export interface Standout {
  id: string | null;
  url: string | null;
  /** The post's rate (engagement) or views. */
  value: number;
  /** value / the creator's median over the same posts. */
  ratio: number;
  /** ratio above OUTLIER_RATIO or below its inverse. */
  outlier: boolean;
}

export interface Standouts {
  /** What was compared ("(likes + comments) / followers", "views"). */
  measure: string;
  median: number;
  posts: number;
  best: Standout;
  worst: Standout;
}

export interface GroupMetrics {
  group: PostGroup;
  /** Organic. YouTube: likes-based, only where a watch page was opened ("on 4 of 30 videos"). */
  engagement: RateSummary;
  /** Views per follower (TikTok) or subscriber (YouTube); null on Instagram. */
  reach: RateSummary | null;
  /** The same over sponsored posts (and deliverables), apart; null when there is none. */
  sponsored: { engagement: RateSummary; reach: RateSummary | null; vsOrganic: { engagement: number | null; reach: number | null } } | null;
  /** Over the organic posts used: by engagement rate and by views, against their median. */
  standouts: { engagement: Standouts | null; views: Standouts | null };
}

export interface RecentMetrics extends GroupMetrics {
  platform: Platform;
  /** Which summary is the platform's headline: engagement (Instagram, TikTok) or reach (YouTube: views per subscriber). */
  headline: 'engagement' | 'reach';
  /** YouTube's Shorts, apart from its long videos; null elsewhere. */
  shorts: GroupMetrics | null;
  cadence: Cadence;
  windowSize: number;
  minAgeDays: number;
  now: number;
}

/** Both groups need this many posts before their medians are compared (research §6.2). */
export const MIN_POSTS_PER_SIDE = 3;

const vs = (a: RateSummary | null | undefined, b: RateSummary | null | undefined) =>
  a && b && a.postsUsed >= MIN_POSTS_PER_SIDE && b.postsUsed >= MIN_POSTS_PER_SIDE && a.median !== null && b.median !== null && b.median > 0 ? a.median / b.median : null;

function standoutsOf(items: readonly { post: PostCounts; value: number }[], measure: string): Standouts | null {
  if (items.length < MIN_POSTS_FOR_STANDOUTS) return null;
  const m = median(items.map((i) => i.value));
  if (m === null || m <= 0) return null;
  const pick = (better: (a: number, b: number) => boolean) => items.reduce((x, y) => (better(y.value, x.value) ? y : x));
  const of = (i: { post: PostCounts; value: number }): Standout => {
    const ratio = i.value / m;
    return { id: i.post.id ?? null, url: i.post.url ?? null, value: i.value, ratio, outlier: ratio > OUTLIER_RATIO || ratio < 1 / OUTLIER_RATIO };
  };
  return { measure, median: m, posts: items.length, best: of(pick((a, b) => a > b)), worst: of(pick((a, b) => a < b)) };
}

function groupMetrics(input: EngagementInput, ordered: readonly PostCounts[], group: PostGroup): GroupMetrics {
  const defs = rateDefs(input.platform, input.followers);
  const organicRule = ruleOf(input, group, false);
  const sponsoredRule = ruleOf(input, group, true);
  const organic = windowOf(ordered, organicRule);
  const paid = windowOf(ordered, sponsoredRule);
  const eng = summariseWindow(organic, defs.engagement, organicRule);
  const reach = defs.reach ? summariseWindow(organic, defs.reach, organicRule).summary : null;
  const sponsored = paid.posts.length === 0 ? null : (() => {
    const e = summariseWindow(paid, defs.engagement, sponsoredRule).summary;
    const r = defs.reach ? summariseWindow(paid, defs.reach, sponsoredRule).summary : null;
    return { engagement: e, reach: r, vsOrganic: { engagement: vs(e, eng.summary), reach: vs(r, reach) } };
  })();
  const viewed = organic.posts.filter((p) => isCount(p.views)).map((post) => ({ post, value: post.views as number }));
  return {
    group,
    engagement: eng.summary,
    reach,
    sponsored,
    standouts: { engagement: standoutsOf(eng.rated.map((r) => ({ post: r.post, value: r.rate })), defs.engagement.definition), views: standoutsOf(viewed, 'views') },
  };
}

/** The recent posts' metrics, every figure with its sample. Posts in the page's order. */
export function recentMetrics(input: EngagementInput): RecentMetrics {
  const rule = ruleOf(input, mainGroup(input.platform), false);
  const ordered = newestFirst(input.posts, rule.now);
  const main = groupMetrics(input, ordered, rule.group);
  return {
    platform: input.platform,
    headline: input.platform === 'youtube' ? 'reach' : 'engagement',
    ...main,
    shorts: input.platform === 'youtube' ? groupMetrics(input, ordered, 'shorts') : null,
    cadence: cadence(input.posts, rule.now),
    windowSize: rule.windowSize,
    minAgeDays: rule.minAgeDays,
    now: rule.now,
  };
}
