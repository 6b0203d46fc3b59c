/**
 * Default assumptions, each a low / expected / high estimate naming its source
 * (../shared/FIGURES.md). They are starting points for the user's own figures, editable
 * in settings; AOV and margin are the user's business and have no industry default.
 */
import type { Tier } from '../metrics/benchmarks';
import type { Platform } from '../sites/types';
import type { Deliverable } from './project';
import type { Estimate } from './range';

export interface Assumption extends Estimate {
  source: string;
}

/** Click-through: no credible influencer-specific benchmark exists, so a conservative default. */
export const DEFAULT_CTR: Assumption = {
  low: 0.003,
  expected: 0.01,
  high: 0.02,
  source: 'Creator Lens default: no credible click-through benchmark for influencer posts exists — use your own',
};

/** Conversion of influencer traffic by tier [2nd, low authority]; range 0.5–3 % for direct response [2nd]. */
const CVR_BY_TIER: Record<Tier, number> = { nano: 0.0241, micro: 0.0218, mid: 0.022, macro: 0.0142, mega: 0.0091 };
export function defaultCvr(tier: Tier | null): Assumption {
  return {
    low: 0.005,
    expected: tier ? CVR_BY_TIER[tier] : 0.022,
    high: 0.03,
    source: 'Influencer traffic conversion by follower tier (a secondary source of low authority); 0.5–3 % is the usual range'
  };
}

export const DEFAULT_AOV: Assumption = { low: 40, expected: 50, high: 60, source: 'Placeholder: enter your average order value' };
export const DEFAULT_MARGIN: Assumption = { low: 0.4, expected: 0.5, high: 0.6, source: 'Placeholder: enter your gross margin' };

/**
 * Instagram reach as a share of followers. Expected: Minter.io 2019, median reach over
 * 3–4M posts [V] (posts 37.7 / 22.9 / 22.9 / 19.1 %, stories 8.2 / 4.3 / 4.1 / 3.8 % for
 * 0–20k / 20–100k / 100k–1M / >1M). Low and high: feed 10–25 %, Reels 15–40 %, Stories
 * 5–15 % [2nd]; the high end is raised to the Minter.io figure where that is higher.
 */
export function defaultReachRate(deliverable: Deliverable, followers: number): Assumption {
  const i = followers < 20_000 ? 0 : followers < 100_000 ? 1 : followers < 1_000_000 ? 2 : 3;
  const minter = 'Minter.io 2019, median reach per follower tier (read at the source); range as cited by secondary articles';
  if (deliverable === 'story') {
    const expected = [0.082, 0.043, 0.041, 0.038][i]!;
    return { low: 0.05 > expected ? expected : 0.05, expected, high: 0.15, source: minter };
  }
  if (deliverable === 'reel') return { low: 0.15, expected: 0.275, high: 0.4, source: 'Reels reach 15–40 % of followers (as cited by a secondary article); expected: the middle' };
  const expected = [0.377, 0.229, 0.229, 0.191][i]!;
  return { low: 0.1, expected, high: Math.max(0.25, expected), source: minter };
}

/** Reference CPM for EMV only, in US dollars [2nd, two sources]: IG $5–15, TikTok $3–15, YouTube $10–30. */
export const REFERENCE_CPM_USD: Record<Platform, Assumption> = {
  instagram: { low: 5, expected: 10, high: 15, source: 'Influencer CPM, Instagram $5–15 (as cited by secondary articles)' },
  tiktok: { low: 3, expected: 9, high: 15, source: 'Influencer CPM, TikTok $3–15 (as cited by secondary articles)' },
  youtube: { low: 10, expected: 20, high: 30, source: 'Influencer CPM, YouTube $10–30 (as cited by secondary articles)' },
};
