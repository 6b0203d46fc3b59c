/**
 * The price of a quote against the market — the first answer a fee gets, and one that
 * needs nothing from the user (DESIGN.md, issue 14): the creator's expected views for the
 * deliverable, the quote's CPM (cost per 1,000 expected views), and the fair-fee band those
 * views are worth at the market's usual CPM range. The return on the user's own order value
 * and margin comes after, and only when they gave them (lib/roi/quote.ts).
 */
import { viewsBaseline, type KindFilter, type ViewsBaseline } from '../metrics/baseline';
import type { PostCounts } from '../metrics/engagement';
import type { Platform } from '../sites/platforms';
import { defaultReachRate } from './assumptions';
import type { Deliverable } from './project';

export interface MarketCpm {
  /** Per 1,000 views, in `currency`. */
  low: number;
  high: number;
  currency: string;
  source: string;
}

/**
 * One source for every platform, so the three are comparable: influencer CPM ranges as two
 * secondary articles give them (FIGURES.md "Costs and funnel": Instagram $5–15, TikTok
 * $3–15, YouTube $10–30; the articles state no year, so none is claimed). They give no
 * split by format, so every deliverable of a platform shares its range. Editable: a user's
 * own range replaces it (and may be in their own currency).
 */
export const MARKET_CPM: Record<Platform, MarketCpm> = {
  instagram: { low: 5, high: 15, currency: 'USD', source: 'Influencer CPM, Instagram $5–15 (two secondary articles, no year stated)' },
  tiktok: { low: 3, high: 15, currency: 'USD', source: 'Influencer CPM, TikTok $3–15 (two secondary articles, no year stated)' },
  youtube: { low: 10, high: 30, currency: 'USD', source: 'Influencer CPM, YouTube $10–30 (two secondary articles, no year stated)' },
};

export type ViewsBasis = 'median recent views' | 'followers × reach rate';

/**
 * The posts whose views a deliverable's baseline is drawn from: its own kind (issue 14 §4).
 * YouTube long videos (a post of unknown kind counts: the Videos tab lists no Shorts) or
 * Shorts; Instagram reels (only posts known to be reels) or feed posts; TikTok every post
 * (its grid is one kind of video). null: the deliverable has no views to go by (an
 * Instagram story).
 */
export function baselineKinds(platform: Platform, deliverable: Deliverable): KindFilter | null {
  if (platform === 'youtube') return deliverable === 'short' ? { kinds: ['short'], unknownKind: false, label: 'Shorts' } : { kinds: ['video'], unknownKind: true, label: 'long videos' };
  if (platform === 'instagram') return deliverable === 'story' ? null : deliverable === 'reel' ? { kinds: ['reel'], unknownKind: false, label: 'reels' } : { kinds: ['photo', 'carousel', 'video'], unknownKind: true, label: 'feed posts' };
  return { kinds: null, unknownKind: true, label: 'videos' };
}

/** The organic baseline of a deliverable's kind (lib/metrics/baseline.ts); null for a deliverable without views (a story). */
export function organicBaseline(input: { platform: Platform; deliverable: Deliverable; posts: readonly PostCounts[]; now?: number }): ViewsBaseline | null {
  const filter = baselineKinds(input.platform, input.deliverable);
  return filter ? viewsBaseline({ platform: input.platform, posts: input.posts, filter, ...(input.now !== undefined && { now: input.now }) }) : null;
}

export type ExpectedViews =
  | { value: number; basis: ViewsBasis; baseline?: ViewsBaseline }
  | { value: null; reason: string };

/**
 * The views a deliverable can be expected to get: the creator's median recent views where
 * the page shows views (TikTok, YouTube, Instagram reels) — typed (`medianViews`), or drawn
 * from the recent posts (`posts`: the organic baseline of the deliverable's kind, with its
 * sample, and marked thin from fewer than 5 posts) — else — Instagram posts and stories
 * show none — followers × the median reach rate of the follower tier (Minter.io 2019).
 */
export function expectedViews(input: { platform: Platform; deliverable: Deliverable; medianViews?: number | null; followers?: number | null; posts?: readonly PostCounts[]; now?: number }): ExpectedViews {
  const { medianViews, followers } = input;
  if (typeof medianViews === 'number' && Number.isFinite(medianViews) && medianViews >= 0) return { value: medianViews, basis: 'median recent views' };
  const baseline = input.posts ? organicBaseline({ platform: input.platform, deliverable: input.deliverable, posts: input.posts, ...(input.now !== undefined && { now: input.now }) }) : null;
  if (baseline && baseline.median !== null) return { value: baseline.median, basis: 'median recent views', baseline };
  if (typeof followers === 'number' && Number.isFinite(followers) && followers > 0) {
    return { value: Math.round(followers * defaultReachRate(input.deliverable, followers).expected), basis: 'followers × reach rate' };
  }
  return { value: null, reason: 'Expected views need the creator’s recent views or followers.' };
}

export type PriceVerdict = 'below' | 'within' | 'above';

export interface PriceJudgement {
  expectedViews: number;
  viewsBasis: ViewsBasis;
  /** The quote's cost per 1,000 expected views. */
  cpm: number;
  marketCpm: MarketCpm;
  /** What those views are worth at the market's CPM range. */
  fairFee: { low: number; high: number };
  /** null when the fee's currency is not the market range's (there are no exchange rates). */
  verdict: PriceVerdict | null;
  /** How far outside the band, as a fraction of its nearer end (0 within; 0.5 = 50 % above the top). */
  by: number | null;
  /** One sentence a user reads. */
  summary: string;
  /**
   * What the expected views stand on, when drawn from the recent posts: the sample, and
   * whether it is thin (fewer than 5 posts' views: the views range is widened to ÷3…×3 and
   * `fairFeeRange` spans it). Absent for typed views.
   */
  baseline?: { sample: string; postsUsed: number; thin: boolean; viewsRange: { low: number; high: number } | null; rangeRule: string; fairFeeRange: { low: number; high: number } | null };
}

/** Judges a fee against the market. Pure; the fee is in `currency`. */
export function judgePrice(input: { fee: number; currency: string; views: number; basis: ViewsBasis; market: MarketCpm; baseline?: ViewsBaseline }): PriceJudgement {
  const { fee, views, market } = input;
  const cpm = views > 0 ? (fee / views) * 1000 : Infinity;
  const fairFee = { low: (views / 1000) * market.low, high: (views / 1000) * market.high };
  const comparable = input.currency === market.currency;
  const verdict: PriceVerdict | null = !comparable ? null : fee < fairFee.low ? 'below' : fee > fairFee.high ? 'above' : 'within';
  const by = verdict === 'below' ? (fairFee.low - fee) / fairFee.low : verdict === 'above' ? (fairFee.high > 0 ? (fee - fairFee.high) / fairFee.high : Infinity) : verdict === 'within' ? 0 : null;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const summary = !comparable
    ? `The market range is in ${market.currency} and the fee in ${input.currency}; Creator Lens has no exchange rates, so it does not compare them.`
    : verdict === 'within'
      ? 'Within the usual range for these views.'
      : verdict === 'below'
        ? `Below the usual range, by ${pct(by!)} of its low end.`
        : `Above the usual range, by ${Number.isFinite(by) ? pct(by!) : 'more than any multiple'} of its high end.`;
  const out: PriceJudgement = { expectedViews: views, viewsBasis: input.basis, cpm, marketCpm: market, fairFee, verdict, by, summary };
  const b = input.baseline;
  if (b) {
    const r = b.range;
    out.baseline = { sample: b.sample, postsUsed: b.postsUsed, thin: b.thin, viewsRange: r, rangeRule: b.rangeRule, fairFeeRange: r && { low: (r.low / 1000) * market.low, high: (r.high / 1000) * market.high } };
    if (b.thin) out.summary += ` The views stand on ${b.postsUsed} post${b.postsUsed === 1 ? '' : 's'} only: a thin basis.`;
  }
  return out;
}
