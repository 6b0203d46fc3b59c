/**
 * A quoted fee weighed for one creator: the assumptions resolved (the user's, else Creator
 * Lens's defaults), impressions projected from what the page showed, and the ROI range.
 * Shared by the overlay, the popup and the background (which recomputes it from the
 * reading it validated before keeping a quote as a deal). Pure; no zod.
 */
import { tierOf, type TierBoundaries } from '../metrics/benchmarks';
import { engagement, type PostCounts } from '../metrics/engagement';
import type { Assumptions } from '../schema';
import type { Platform } from '../sites/types';
import { DEFAULT_AOV, DEFAULT_CTR, DEFAULT_MARGIN, defaultCvr, defaultReachRate, type Assumption } from './assumptions';
import { organicBaseline } from './market';
import { RoiInputError, type Deliverable } from './project';
import { projectRange, type Estimate, type RangeProjection } from './range';

export interface QuoteInput {
  platform: Platform;
  followers: number | null;
  recent: readonly PostCounts[];
  deliverable: Deliverable;
  fee: number;
  extraCosts?: number;
  currency: string;
  assumptions: Assumptions;
  /** Reach the user typed (popup, compare), instead of the projection from the page's numbers. */
  impressions?: Estimate | null;
  tierBoundaries?: TierBoundaries;
  now?: number;
  samples?: number;
}

export interface ResolvedAssumptions {
  impressions: Assumption;
  /** Engagements on the deliverable (for cost per engagement), when the page showed an engagement rate. */
  engagements: Assumption | null;
  ctr: Assumption;
  cvr: Assumption;
  aov: Assumption;
  margin: Assumption;
  targetRoi: number;
}

export type Quote =
  | { ok: true; range: RangeProjection; assumptions: ResolvedAssumptions; input: QuoteInput }
  | { ok: false; reason: string };

const yours = (e: Estimate | null, fallback: Assumption): Assumption => (e ? { ...e, source: 'Your setting' } : fallback);

/** Impressions of one deliverable: Instagram from followers × reach; TikTok and YouTube from recent views. */
export function impressionsFor(input: Pick<QuoteInput, 'platform' | 'followers' | 'recent' | 'deliverable' | 'now'>): Assumption | { reason: string } {
  const { platform, followers, recent, deliverable } = input;
  if (platform === 'instagram') {
    if (followers === null) return { reason: 'The page shows no follower count, so reach cannot be projected.' };
    if (followers <= 0) return { reason: 'The creator has no followers yet, so no reach can be projected from them.' };
    const rate = defaultReachRate(deliverable, followers);
    return { low: followers * rate.low, expected: followers * rate.expected, high: followers * rate.high, source: `followers × reach rate (${rate.source})` };
  }
  const now = input.now ?? Date.now();
  // The organic baseline of the deliverable's kind: sponsored posts and deliverables apart,
  // reels, Shorts and long videos apart; thin (range widened) from fewer than 5 posts.
  const base = organicBaseline({ platform, deliverable, posts: recent, now });
  if (!base || base.median === null || !base.range) return { reason: 'The page lists no view counts of recent videos older than 3 days, so reach cannot be projected.' };
  return { low: base.range.low, expected: base.median, high: base.range.high, source: `${base.sample} (${base.thin ? base.rangeRule : 'range: middle half'})` };
}

/**
 * Expected engagements on the deliverable from the creator's median engagement rate:
 * per follower on Instagram (scaled with reach), per view on TikTok and YouTube.
 */
function engagementsFor(input: QuoteInput, impressions: Assumption): Assumption | null {
  const rate = engagement({ platform: input.platform, followers: input.followers, posts: input.recent, now: input.now ?? Date.now() }).engagement.median;
  if (rate === null) return null;
  if (input.platform === 'instagram') {
    if (input.followers === null || impressions.expected <= 0) return null;
    const perExpected = (rate * input.followers) / impressions.expected;
    return { low: impressions.low * perExpected, expected: rate * input.followers, high: impressions.high * perExpected, source: 'median engagement rate × followers' };
  }
  return { low: impressions.low * rate, expected: impressions.expected * rate, high: impressions.high * rate, source: 'median engagement rate × views' };
}

export function resolveAssumptions(input: QuoteInput): ResolvedAssumptions | { reason: string } {
  const impressions = input.impressions ? { ...input.impressions, source: 'Your estimate' } : impressionsFor(input);
  if ('reason' in impressions) return impressions;
  const tier = tierOf(input.followers, input.tierBoundaries);
  const a = input.assumptions;
  return {
    impressions,
    engagements: engagementsFor(input, impressions),
    ctr: yours(a.ctr, DEFAULT_CTR),
    cvr: yours(a.cvr, defaultCvr(tier)),
    aov: yours(a.aov, DEFAULT_AOV),
    margin: yours(a.margin, DEFAULT_MARGIN),
    targetRoi: a.targetRoi,
  };
}

/**
 * Whether the return can be shown as an answer: the user gave their own average order value
 * and gross margin (settings, or for this quote). On Creator Lens's placeholders it cannot.
 */
export function hasOwnEconomics(a: Pick<Assumptions, 'aov' | 'margin'>): boolean {
  return a.aov !== null && a.margin !== null;
}

export function quote(input: QuoteInput): Quote {
  if (!Number.isFinite(input.fee) || input.fee <= 0) return { ok: false, reason: 'Enter the fee quoted, more than 0.' };
  const assumptions = resolveAssumptions(input);
  if ('reason' in assumptions) return { ok: false, reason: assumptions.reason };
  try {
    const range = projectRange({
      fee: input.fee,
      extraCosts: input.extraCosts ?? 0,
      currency: input.currency,
      deliverable: input.deliverable,
      impressions: assumptions.impressions,
      engagements: assumptions.engagements,
      ctr: assumptions.ctr,
      cvr: assumptions.cvr,
      aov: assumptions.aov,
      margin: assumptions.margin,
      targetRoi: assumptions.targetRoi,
      samples: input.samples ?? 4_000,
      seed: 1,
    });
    return { ok: true, range, assumptions, input };
  } catch (error) {
    return { ok: false, reason: error instanceof RoiInputError ? error.message : String(error) };
  }
}
