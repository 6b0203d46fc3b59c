/**
 * Engagement rates per platform, with the denominator always named (sources define
 * engagement differently and disagree by 10×: see ../shared/FIGURES.md).
 *
 *   Instagram  (likes + comments) / followers
 *   TikTok     (likes + comments + shares) / views      and  views / followers (reach)
 *   YouTube    (likes + comments) / views                and  views / subscribers (reach)
 *
 * Each rate is computed per post, then summarised as median and mean. Posts younger than
 * `minAgeDays` (3 by default) are left out: their counts are still growing. A missing
 * input gives `null`, never 0.
 */
import type { Platform } from '../sites/types';

export interface PostCounts {
  likes: number | null;
  comments: number | null;
  shares?: number | null;
  views: number | null;
  /** When it was published, if known. */
  publishedAt?: Date | number | null;
  /** As the page words it ("3 days ago"); used when `publishedAt` is unknown. */
  publishedText?: string | null;
}

export type Denominator = 'followers' | 'subscribers' | 'views';

export interface RateSummary {
  /** What was divided by what, in words ("(likes + comments) / followers"). */
  definition: string;
  denominator: Denominator;
  /** Fractions (0.0123 = 1.23 %). null when no post had all the inputs. */
  median: number | null;
  mean: number | null;
  postsUsed: number;
  postsSkipped: { tooYoung: number; missingCounts: number };
}

export interface EngagementResult {
  platform: Platform;
  /** The platform's headline engagement rate. */
  engagement: RateSummary;
  /** Views per follower/subscriber (TikTok, YouTube); null on Instagram. */
  reach: RateSummary | null;
}

export interface EngagementInput {
  platform: Platform;
  /** Followers (subscribers on YouTube). */
  followers: number | null;
  posts: readonly PostCounts[];
  now?: Date | number;
  minAgeDays?: number;
}

const DAY = 86_400_000;

const UNIT_DAYS: Record<string, number> = {
  second: 1 / 86_400, minute: 1 / 1_440, hour: 1 / 24, day: 1, week: 7, month: 30.4, year: 365.25,
};

/** Age in days from "3 days ago", "Streamed 2 weeks ago", "1 month ago" (English only; null otherwise). */
export function ageFromText(text: string | null | undefined): number | null {
  const m = text ? /(\d+)\s+(second|minute|hour|day|week|month|year)s?\s+ago/i.exec(text) : null;
  return m ? Number(m[1]) * UNIT_DAYS[m[2]!.toLowerCase()]! : null;
}

function ageDays(post: PostCounts, now: number): number | null {
  if (post.publishedAt !== undefined && post.publishedAt !== null) {
    const t = typeof post.publishedAt === 'number' ? post.publishedAt : post.publishedAt.getTime();
    return Number.isFinite(t) ? (now - t) / DAY : null;
  }
  return ageFromText(post.publishedText);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

function summarise(
  posts: readonly PostCounts[],
  definition: string,
  denominator: Denominator,
  rateOf: (p: PostCounts) => number | null,
  now: number,
  minAgeDays: number,
): RateSummary {
  const rates: number[] = [];
  let tooYoung = 0;
  let missingCounts = 0;
  for (const post of posts) {
    const age = ageDays(post, now);
    if (age !== null && age < minAgeDays) {
      tooYoung++;
      continue;
    }
    const rate = rateOf(post);
    if (rate === null) missingCounts++;
    else rates.push(rate);
  }
  return { definition, denominator, median: median(rates), mean: mean(rates), postsUsed: rates.length, postsSkipped: { tooYoung, missingCounts } };
}

export function engagement(input: EngagementInput): EngagementResult {
  const now = input.now === undefined ? Date.now() : typeof input.now === 'number' ? input.now : input.now.getTime();
  const minAge = input.minAgeDays ?? 3;
  const followers = isCount(input.followers) && input.followers > 0 ? input.followers : null;
  const per = (num: (p: PostCounts) => number | null, den: (p: PostCounts) => number | null) => (p: PostCounts) => {
    const n = num(p);
    const d = den(p);
    return n === null || d === null || d <= 0 ? null : n / d;
  };
  const sum = (...keys: ('likes' | 'comments' | 'shares')[]) => (p: PostCounts) => {
    let total = 0;
    for (const k of keys) {
      const v = p[k];
      if (!isCount(v)) return null;
      total += v;
    }
    return total;
  };
  const views = (p: PostCounts) => (isCount(p.views) ? p.views : null);
  const byFollowers = () => followers;
  const { platform, posts } = input;

  if (platform === 'instagram') {
    return {
      platform,
      engagement: summarise(posts, '(likes + comments) / followers', 'followers', per(sum('likes', 'comments'), byFollowers), now, minAge),
      reach: null,
    };
  }
  if (platform === 'tiktok') {
    return {
      platform,
      engagement: summarise(posts, '(likes + comments + shares) / views', 'views', per(sum('likes', 'comments', 'shares'), views), now, minAge),
      reach: summarise(posts, 'views / followers', 'followers', per(views, byFollowers), now, minAge),
    };
  }
  return {
    platform,
    engagement: summarise(posts, '(likes + comments) / views', 'views', per(sum('likes', 'comments'), views), now, minAge),
    reach: summarise(posts, 'views / subscribers', 'subscribers', per(views, byFollowers), now, minAge),
  };
}

/** Median recent views (the impressions projection for TikTok and YouTube), young posts left out. */
export function medianViews(posts: readonly PostCounts[], now: Date | number = Date.now(), minAgeDays = 3): number | null {
  return median(viewsOf(posts, now, minAgeDays));
}

/** The view counts medianViews takes the median of (posts old enough, with a view count): its sample. */
export function viewsOf(posts: readonly PostCounts[], now: Date | number = Date.now(), minAgeDays = 3): number[] {
  const t = typeof now === 'number' ? now : now.getTime();
  return posts.filter((p) => (ageDays(p, t) ?? Infinity) >= minAgeDays && isCount(p.views)).map((p) => p.views as number);
}
